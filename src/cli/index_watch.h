// `kosh index --watch`: after the first run, keeps the index up to date as files change.
#pragma once

#include "cli/index_command.h"
#include "index/root_plan.h"

#include <atomic>
#include <functional>

namespace kosh::cli {

/// Watches every root of the index with inotify and, after each burst of changes, runs `update`
/// on the changed paths (all roots when the kernel dropped events). The index is opened for
/// writing only during an update, so readers never wait. Returns 0 once `stop` is set (Ctrl-C);
/// an update that fails is reported and watching goes on.
[[nodiscard]] int watch_index(const IndexCommandOptions& options, const std::atomic<bool>& stop,
                              const std::function<void(const IndexRequest&)>& update);

} // namespace kosh::cli
