// Where the index is, found as git finds a repository.
#include "cli/index_location.h"

#include "util/error.h"

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace kosh::cli {

namespace {

constexpr const char* k_default_name = "default";

fs::path named_index(const std::string& name, const EnvironmentLookup& environment)
{
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") {
        throw Fatal(fmt::format("@{}: an index name is a single word, as in --index @notes", name));
    }
    const fs::path folder = user_index_folder(environment);
    if (folder.empty()) {
        throw Fatal(
            fmt::format("@{}: cannot tell where the user's indexes are: neither XDG_DATA_HOME nor HOME is set", name));
    }
    return folder / name;
}

fs::path chosen_index(const std::string& value, const EnvironmentLookup& environment)
{
    return value.starts_with('@') ? named_index(value.substr(1), environment) : fs::path(value);
}

} // namespace

std::optional<fs::path> find_project(const EnvironmentLookup& environment, const fs::path& directory)
{
    const auto home = environment("HOME");
    const fs::path home_path = home && !home->empty() ? fs::path(*home).lexically_normal() : fs::path();
    std::error_code error;
    fs::path folder = directory.lexically_normal();
    while (!folder.empty()) {
        if (fs::is_directory(folder / ".kosh", error)) {
            return folder;
        }
        if (!home_path.empty() && (folder == home_path || folder / "" == home_path)) {
            break;
        }
        const fs::path parent = folder.parent_path();
        if (parent == folder) {
            break;
        }
        folder = parent;
    }
    return std::nullopt;
}

fs::path project_index(const fs::path& project)
{
    return project / ".kosh" / "index";
}

fs::path user_index_folder(const EnvironmentLookup& environment)
{
    // XDG: a relative $XDG_DATA_HOME is invalid and ignored.
    if (const auto xdg = environment("XDG_DATA_HOME"); xdg && fs::path(*xdg).is_absolute()) {
        return fs::path(*xdg) / "kosh";
    }
    if (const auto home = environment("HOME"); home && !home->empty()) {
        return fs::path(*home) / ".local" / "share" / "kosh";
    }
    return {};
}

fs::path locate_index(const std::string& given, const EnvironmentLookup& environment, const fs::path& directory)
{
    if (!given.empty()) {
        return chosen_index(given, environment);
    }
    if (const auto from_environment = environment("KOSH_INDEX"); from_environment && !from_environment->empty()) {
        return chosen_index(*from_environment, environment);
    }
    if (const auto project = find_project(environment, directory)) {
        return project_index(*project);
    }
    if (user_index_folder(environment).empty()) {
        throw Fatal("cannot tell where the index is: HOME is not set; give --index DIR or set KOSH_INDEX");
    }
    return named_index(k_default_name, environment);
}

} // namespace kosh::cli
