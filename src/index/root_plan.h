// What one `kosh index` run walks, what it may drop, and which roots the index keeps after it:
// worked out from the roots stored in the index and what the command line asked for.
#pragma once

#include "index/index_roots.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kosh {

struct IndexRequest {
    enum class Mode {
        update_all, // `kosh index`: every stored root
        add,        // `kosh index PATH...`: add PATHs as roots (or update them, when already within one)
        remove,     // `kosh index --remove PATH...`: drop roots and their files
        only,       // `kosh index --only PATH...`: PATHs become the only roots
        refresh,    // re-read these files (stale search results), roots unchanged
        changes,    // files and folders that changed within the roots (`--watch`), read as their root's walk would
    };
    Mode mode = Mode::update_all;
    std::vector<std::string> paths;  // absolute (index_roots.h's absolute_path)
    std::optional<WalkOptions> walk; // walk options given on the command line, if any
    bool rebuild = false;
};

struct RunPlan {
    std::vector<IndexRoot> walk;      // files and folders to walk, each with its options
    std::vector<std::string> scope;   // an indexed file within one of these that the walk does not meet is dropped
    std::vector<IndexRoot> roots;     // what the index stores as its roots after the run
    std::vector<std::string> missing; // stored roots not on disk: not walked, their files kept
};

/// Throws Fatal for a request that cannot be carried out: nothing to index, --remove of a path
/// that is not a root, --rebuild while a root is missing (its files could not be read again).
/// `exists` tells whether a path is on disk.
[[nodiscard]] RunPlan plan_run(const std::vector<IndexRoot>& stored, const IndexRequest& request,
                               const std::function<bool(const std::string&)>& exists);

} // namespace kosh
