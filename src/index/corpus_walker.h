// Finds the files to index under the paths a user gives, honouring include/exclude globs.
#pragma once

#include "index/document_kinds.h"
#include "util/path_forms.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kosh {

struct SourceFile {
    std::filesystem::path location; // where to open it
    std::string path;               // how the index names it: the input path joined with the relative part
                                    // (absolute, as the indexer's inputs are)
    std::string shown{};            // how messages name it (util/path_forms.h); empty: as `path`

    [[nodiscard]] const std::string& name_in_messages() const { return shown.empty() ? path : shown; }
};

struct WalkOptions {
    std::vector<std::string> include; // globs; a file must match one when any are given
    std::vector<std::string> exclude; // globs; a matching file or folder is skipped
    bool all_files = false;           // take source code, data, logs... too (see document_kinds.h)
    std::string skip_folder{};        // an absolute folder never walked into: the index's own
    PathForms shown_as{};             // how files and folders are named in messages and SourceFile::shown
    /// Globs with '/' match the path relative to this folder (default: the input); for a file
    /// named as an input, which then passes the same checks as a file found in a folder when
    /// `filter_named_files` is set (as `kosh index --watch` names the files that changed).
    std::string relative_to{};
    bool filter_named_files = false;
    bool operator==(const WalkOptions& other) const
    {
        return include == other.include && exclude == other.exclude && all_files == other.all_files;
    }
};

/// Folders are walked recursively without following symbolic links to folders (so link loops
/// cannot trap the walk); hidden files and folders (".git") are skipped unless named directly.
/// A glob without '/' matches a file or folder name; with '/', the path relative to its input.
/// Files found in folders that are not documents (document_kinds.h) are left out and counted in
/// `left_out`, unless `all_files` is set or include globs are given: a file matching one is taken.
/// A file named directly is always taken.
/// Problems (a missing input, an unreadable folder) go to `warn` and the walk carries on.
/// The result is sorted by path, so indexing order and document ids are reproducible.
[[nodiscard]] std::vector<SourceFile> find_source_files(const std::vector<std::string>& inputs,
                                                        const WalkOptions& options,
                                                        const std::function<void(const std::string&)>& warn,
                                                        LeftOutTally* left_out = nullptr);

/// Each file's size in bytes; 0 for a file that cannot be measured.
[[nodiscard]] std::vector<std::uintmax_t> file_sizes(const std::vector<SourceFile>& files);

} // namespace kosh
