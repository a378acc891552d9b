// The forms a stored (absolute) file path is shown in, and the forms a user may write one in.
#include "util/path_forms.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace kosh {

namespace {

std::string without_trailing_slash(std::string path)
{
    while (path.size() > 1 && path.ends_with('/')) {
        path.pop_back();
    }
    return path;
}

/// Where the rest of `path` below `folder` starts, or npos when it is not below it.
std::size_t below(std::string_view path, std::string_view folder)
{
    if (folder.empty() || folder == "/" || path.size() <= folder.size() + 1 || !path.starts_with(folder) ||
        path[folder.size()] != '/') {
        return std::string_view::npos;
    }
    return folder.size() + 1;
}

} // namespace

std::string absolute_path(const std::string& path)
{
    return without_trailing_slash(fs::absolute(path).lexically_normal().generic_string());
}

PathForms PathForms::of_process(bool absolute)
{
    PathForms forms;
    std::error_code error;
    const fs::path current = fs::current_path(error);
    forms.current_folder = error ? std::string() : without_trailing_slash(current.lexically_normal().generic_string());
    if (const char* home = std::getenv("HOME"); home != nullptr && fs::path(home).is_absolute()) {
        forms.home = without_trailing_slash(fs::path(home).lexically_normal().generic_string());
    }
    forms.absolute = absolute;
    return forms;
}

std::string PathForms::shown(std::string_view path) const
{
    if (absolute || !path.starts_with('/')) {
        return std::string(path);
    }
    if (path == current_folder) {
        return ".";
    }
    if (const auto rest = below(path, current_folder); rest != std::string_view::npos) {
        return std::string(path.substr(rest));
    }
    if (!home.empty() && home != "/" && path == home) {
        return "~";
    }
    if (const auto rest = below(path, home); rest != std::string_view::npos) {
        return "~/" + std::string(path.substr(rest));
    }
    return std::string(path);
}

std::string PathForms::resolved(std::string_view written) const
{
    const bool folder = written.ends_with('/');
    fs::path path;
    if ((written == "~" || written.starts_with("~/")) && !home.empty()) {
        path = fs::path(home) / std::string(written.substr(written.size() > 1 ? 2 : 1));
    } else if (written.starts_with('/') || current_folder.empty()) {
        path = std::string(written);
    } else {
        path = fs::path(current_folder) / std::string(written);
    }
    std::string normal = without_trailing_slash(path.lexically_normal().generic_string());
    if (folder && normal != "/") {
        normal += '/';
    }
    return normal;
}

} // namespace kosh
