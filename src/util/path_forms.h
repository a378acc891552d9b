// The forms a stored (absolute) file path is shown in, and the forms a user may write one in:
// relative to the current folder when below it, "~/..." below the home folder, else absolute.
#pragma once

#include <string>
#include <string_view>

namespace kosh {

/// `path` made absolute against the current folder and lexically normal, without a trailing
/// slash ("docs/../notes/" -> "/home/ann/notes"), as the index stores roots and files. Symbolic
/// links are kept as given.
[[nodiscard]] std::string absolute_path(const std::string& path);

struct PathForms {
    std::string current_folder; // absolute, without a trailing slash
    std::string home;           // absolute, without a trailing slash; empty when unknown
    bool absolute = false;      // show every path absolute (--absolute)

    /// The process's current folder and $HOME.
    [[nodiscard]] static PathForms of_process(bool absolute = false);

    /// How to show `path`: relative to the current folder when below it, "~/..." when below the
    /// home folder, else as it is. A path that is not absolute is shown as it is.
    [[nodiscard]] std::string shown(std::string_view path) const;

    /// The absolute form of a path a user wrote: "~/x" below the home folder, "x" below the
    /// current folder, "/x" as it is; lexically normal, a trailing slash kept.
    [[nodiscard]] std::string resolved(std::string_view written) const;
};

} // namespace kosh
