// `kosh index --watch`: after the first run, keeps the index up to date as files change.
#include "cli/index_watch.h"

#include "cli/common.h"
#include "index/database.h"
#include "index/file_watcher.h"
#include "index/index_roots.h"
#include "util/error.h"
#include "util/path_forms.h"

#include <fmt/format.h>

namespace kosh::cli {

int watch_index(const IndexCommandOptions& options, const std::atomic<bool>& stop,
                const std::function<void(const IndexRequest&)>& update)
{
    const PathForms paths = PathForms::of_process();
    std::vector<std::filesystem::path> roots;
    for (const auto& root : stored_roots(open_index(options.index_dir))) {
        roots.emplace_back(root.path);
    }
    FileWatcher watcher(roots);
    for (const auto& missing : watcher.missing_roots()) {
        warn(fmt::format("{}: root not found, so it is not watched", paths.shown(missing.string())));
    }
    if (!options.quiet) {
        fmt::print(stderr, "kosh: watching {} root{} ({} folder{}) for changes; Ctrl-C stops\n", roots.size(),
                   roots.size() == 1 ? "" : "s", watcher.watch_count(), watcher.watch_count() == 1 ? "" : "s");
    }
    while (auto batch = watcher.next_batch(stop)) {
        IndexRequest request;
        if (batch->overflowed) {
            request.mode = IndexRequest::Mode::update_all; // changes were lost: look at everything
        } else {
            request.mode = IndexRequest::Mode::changes;
            for (const auto& path : batch->changed) {
                request.paths.push_back(path.string());
            }
        }
        try {
            update(request);
        } catch (const Fatal& error) {
            if (stop) {
                break; // Ctrl-C during an update: it was abandoned, the index is as it was
            }
            warn(error.what()); // e.g. another kosh index held the lock: the next change retries
        }
    }
    if (!options.quiet) {
        fmt::print(stderr, "kosh: stopped watching\n");
    }
    return k_exit_found;
}

} // namespace kosh::cli
