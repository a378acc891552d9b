// Finds the files to index under the paths a user gives, honouring include/exclude globs.
#include "index/corpus_walker.h"

#include <fmt/format.h>

#include <algorithm>
#include <fnmatch.h>
#include <fstream>

namespace fs = std::filesystem;

namespace kosh {

namespace {

bool matches(const std::string& glob, const std::string& relative_path, const std::string& name)
{
    if (glob.find('/') != std::string::npos) {
        return fnmatch(glob.c_str(), relative_path.c_str(), FNM_PATHNAME) == 0 ||
               fnmatch(glob.c_str(), relative_path.c_str(), 0) == 0;
    }
    return fnmatch(glob.c_str(), name.c_str(), 0) == 0;
}

bool matches_any(const std::vector<std::string>& globs, const std::string& relative_path, const std::string& name)
{
    return std::any_of(globs.begin(), globs.end(),
                       [&](const std::string& glob) { return matches(glob, relative_path, name); });
}

bool is_hidden(const std::string& name)
{
    return name.size() > 1 && name[0] == '.' && name != "..";
}

std::string join_path(const std::string& input, const fs::path& relative)
{
    return (fs::path(input) / relative).lexically_normal().generic_string();
}

/// Why a folder cannot be listed, or empty. The walk skips such folders (a permission problem
/// in one corner must not stop the rest) but has to say so, which skipping alone does not.
std::string unreadable_folder(const fs::path& folder)
{
    std::error_code error;
    fs::directory_iterator probe(folder, error);
    return error ? error.message() : std::string();
}

/// The first bytes of a file, as many as document_kinds.h looks at, and only when its name
/// does not decide; a file that cannot be read gives none (the indexer will say why).
std::string first_bytes_if_needed(const fs::path& location)
{
    if (!needs_first_bytes(location.generic_string())) {
        return {};
    }
    std::ifstream in(location, std::ios::binary);
    std::string bytes(k_sniff_bytes, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

/// True when a file found at `location` (`relative` to its walk's base, named `name`) is to be
/// indexed by the globs and the document kinds; a file left out is counted in `left_out`.
bool wanted_file(const std::string& relative, const std::string& name, const fs::path& location,
                 const WalkOptions& options, LeftOutTally* left_out)
{
    if (!options.include.empty() && !matches_any(options.include, relative, name)) {
        return false;
    }
    // A file the include globs name is wanted whatever it is.
    if (!options.all_files && options.include.empty()) {
        if (const auto reason = kosh::left_out(relative, first_bytes_if_needed(location))) {
            if (left_out != nullptr) {
                left_out->add(*reason);
            }
            return false;
        }
    }
    return true;
}

/// For filter_named_files: whether a file named as an input is one the walk of its base folder
/// would have taken (not hidden below it, not excluded, a document).
bool wanted_named_file(const fs::path& file, const WalkOptions& options, LeftOutTally* left_out)
{
    const fs::path base = options.relative_to.empty() ? file.parent_path() : fs::path(options.relative_to);
    const fs::path relative_path = file.lexically_relative(base);
    for (const auto& part : relative_path) {
        if (is_hidden(part.string()) || matches_any(options.exclude, relative_path.generic_string(), part.string())) {
            return false;
        }
    }
    return wanted_file(relative_path.generic_string(), file.filename().string(), file, options, left_out);
}

} // namespace

std::vector<SourceFile> find_source_files(const std::vector<std::string>& inputs, const WalkOptions& options,
                                          const std::function<void(const std::string&)>& warn, LeftOutTally* left_out)
{
    std::vector<SourceFile> files;
    for (const auto& input : inputs) {
        std::error_code error;
        const auto status = fs::status(input, error);
        if (error || !fs::exists(status)) {
            warn(fmt::format("{}: no such file or folder", options.shown_as.shown(input)));
            continue;
        }
        if (!fs::is_directory(status)) {
            if (options.filter_named_files && !wanted_named_file(input, options, left_out)) {
                continue;
            }
            const std::string path = fs::path(input).lexically_normal().generic_string();
            files.push_back(SourceFile{input, path, options.shown_as.shown(path)});
            continue;
        }
        if (const std::string problem = unreadable_folder(input); !problem.empty()) {
            warn(fmt::format("{}: cannot read folder: {}", options.shown_as.shown(input), problem));
            continue;
        }
        const std::string& base = options.relative_to.empty() ? input : options.relative_to;
        const auto walk_options = fs::directory_options::skip_permission_denied;
        fs::recursive_directory_iterator entry(input, walk_options, error);
        for (; !error && entry != fs::recursive_directory_iterator(); entry.increment(error)) {
            const fs::path& location = entry->path();
            const std::string name = location.filename().string();
            const std::string relative = location.lexically_relative(base).generic_string();
            std::error_code type_error;
            const bool folder = entry->is_directory(type_error) && !entry->is_symlink(type_error);
            if (is_hidden(name) || matches_any(options.exclude, relative, name)) {
                if (folder) {
                    entry.disable_recursion_pending();
                }
                continue;
            }
            if (folder) {
                if (!options.skip_folder.empty() && join_path(base, relative) == options.skip_folder) {
                    entry.disable_recursion_pending(); // the index itself, inside a folder it indexes
                    continue;
                }
                if (const std::string problem = unreadable_folder(location); !problem.empty()) {
                    warn(fmt::format("{}: cannot read folder: {}", options.shown_as.shown(join_path(base, relative)),
                                     problem));
                    entry.disable_recursion_pending();
                }
                continue;
            }
            if (!entry->is_regular_file(type_error)) {
                // A link whose target is gone stands for a file that vanished: say so.
                if (entry->is_symlink(type_error) && !fs::exists(entry->path(), type_error)) {
                    warn(fmt::format("{}: broken symbolic link", options.shown_as.shown(join_path(base, relative))));
                }
                continue;
            }
            if (!wanted_file(relative, name, location, options, left_out)) {
                continue;
            }
            std::string path = join_path(base, relative);
            std::string shown = options.shown_as.shown(path);
            files.push_back(SourceFile{location, std::move(path), std::move(shown)});
        }
        if (error) {
            warn(fmt::format("{}: {}", options.shown_as.shown(input), error.message()));
        }
    }
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    files.erase(std::unique(files.begin(), files.end(),
                            [](const SourceFile& a, const SourceFile& b) { return a.path == b.path; }),
                files.end());
    return files;
}

std::vector<std::uintmax_t> file_sizes(const std::vector<SourceFile>& files)
{
    std::vector<std::uintmax_t> sizes;
    sizes.reserve(files.size());
    for (const auto& file : files) {
        std::error_code error;
        const auto size = fs::file_size(file.location, error);
        sizes.push_back(error ? 0 : size);
    }
    return sizes;
}

} // namespace kosh
