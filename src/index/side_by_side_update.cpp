// Updates several databases of one index at once: the shards of a sharded index, or the parts
// of a fresh build, which are then merged into the index folder.
#include "index/side_by_side_update.h"

#include "index/fresh_build.h"
#include "index/index_layout.h"
#include "index/ordered_warnings.h"
#include "index/shards.h"
#include "index/worker_count.h"
#include "util/side_by_side.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <functional>

namespace kosh {

namespace {

IndexSummary add(IndexSummary total, const IndexSummary& part)
{
    total.files += part.files;
    total.indexed += part.indexed;
    total.unchanged += part.unchanged;
    total.removed += part.removed;
    total.failed += part.failed;
    total.passages += part.passages;
    return total;
}

/// Updates database `target_of(i)` with `groups[i]` for each group, on `writers` threads that each
/// take the next group as they come free, and adds up their summaries. The first failure stops
/// the other groups after their current file and is rethrown once all have stopped.
IndexSummary update_side_by_side(const std::vector<std::vector<SourceFile>>& groups, std::size_t writers,
                                 const std::function<DatabaseTarget(std::size_t)>& target_of,
                                 const RunSettings& settings, const IndexObserver& observer)
{
    std::vector<IndexSummary> results(groups.size());
    // With no core to spare per writer, each writer's thread parses and writes its files itself:
    // measured on 2 cores and 2 writers, that takes less CPU time and half the memory of a worker
    // thread per writer handing documents to it.
    const unsigned cores_per_writer = worker_count() / static_cast<unsigned>(std::max<std::size_t>(1, writers));
    const unsigned workers = cores_per_writer <= 1 ? 0U : cores_per_writer;
    OrderedWarnings warnings(groups.size(), observer.warn);
    try {
        run_side_by_side(groups.size(), writers, [&](std::size_t i, const std::atomic<bool>& stop) {
            IndexObserver group_observer = observer;
            group_observer.warn = [&, i](const std::string& message) { warnings.warn(i, message); };
            try {
                results[i] = update_database(target_of(i), groups[i], workers, settings, group_observer, &stop);
            } catch (...) {
                warnings.finished(i);
                throw;
            }
            warnings.finished(i);
        });
    } catch (...) {
        for (std::size_t i = 0; i < groups.size(); ++i) {
            warnings.finished(i); // groups that never started: let later groups' warnings out
        }
        throw;
    }
    IndexSummary summary;
    for (const auto& result : results) {
        summary = add(summary, result);
    }
    return summary;
}

} // namespace

IndexSummary update_shards(const std::vector<std::vector<SourceFile>>& groups, const RunSettings& settings,
                           const IndexObserver& observer)
{
    const auto& index_dir = settings.options.index_dir;
    const auto shard = [&](std::size_t i) { return DatabaseTarget{shard_dir(index_dir, i), shard_dir(index_dir, i)}; };
    const IndexSummary summary = update_side_by_side(groups, groups.size(), shard, settings, observer);
    if (!is_sharded(index_dir)) {
        write_stub(index_dir, groups.size());
    }
    return summary;
}

IndexSummary build_from_parts(const std::vector<std::vector<SourceFile>>& parts, const RunSettings& settings,
                              const IndexObserver& observer)
{
    const auto& index_dir = settings.options.index_dir;
    // Messages name the index folder: the parts are the build's business, not the user's.
    const auto part = [&](std::size_t i) {
        return DatabaseTarget{part_dir(index_dir, i), index_dir, Xapian::DB_NO_SYNC};
    };
    clear_unfinished_build(index_dir);
    try {
        const IndexSummary summary = update_side_by_side(parts, fresh_writers(), part, settings, observer);
        merge_parts(index_dir, parts.size());
        return summary;
    } catch (...) {
        clear_unfinished_build(index_dir);
        throw;
    }
}

} // namespace kosh
