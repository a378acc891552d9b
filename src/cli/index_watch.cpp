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
    // Changes whose update failed (another kosh index held the lock too long) go with the next.
    IndexRequest pending;
    pending.mode = IndexRequest::Mode::changes;
    while (auto batch = watcher.next_batch(stop)) {
        IndexRequest request = pending;
        if (batch->overflowed) {
            request.mode = IndexRequest::Mode::update_all; // changes were lost: look at everything
        }
        for (const auto& path : batch->changed) {
            request.paths.push_back(path.string());
        }
        if (request.mode == IndexRequest::Mode::update_all) {
            request.paths.clear();
        }
        try {
            update(request);
            pending.mode = IndexRequest::Mode::changes;
            pending.paths.clear();
        } catch (const Fatal& error) {
            if (stop) {
                break; // Ctrl-C during an update: it was abandoned, the index is as it was
            }
            warn(fmt::format("{}; trying again at the next change", error.what()));
            pending = request;
        }
    }
    if (!options.quiet) {
        fmt::print(stderr, "kosh: stopped watching\n");
    }
    return k_exit_found;
}

} // namespace kosh::cli
