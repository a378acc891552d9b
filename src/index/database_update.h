// Brings one Xapian database (an unsharded index, one shard, or one part of a fresh build) up to
// date with a list of files, in one transaction.
#pragma once

#include "index/corpus_walker.h"
#include "index/indexer.h"
#include "index/length_norm.h"
#include "index/root_plan.h"
#include "index/sampled_parses.h"

#include <atomic>
#include <filesystem>
#include <vector>

namespace kosh {

/// One database to write.
struct DatabaseTarget {
    std::filesystem::path dir;
    std::filesystem::path shown; // what messages name: the index folder, or the shard's
    int extra_flags = 0;         // for Xapian's open: DB_NO_SYNC for a temporary part
};

/// What every database of one run is written with.
struct RunSettings {
    const IndexOptions& options;
    LengthNorm norm;
    SampledParses* sampled = nullptr; // passages parsed by the average-length sample, if any
    /// What the run walks, may drop and stores as roots; none drops every file not given and
    /// leaves the stored roots alone.
    const RunPlan* plan = nullptr;
};

/// Adds new and changed files of `files` to the database, drops those it holds that are not in
/// `files` (within the plan's scope), and commits it all at once. `workers` threads parse the files; 0 parses them on this
/// thread, between writes. `stop_early`, when given and set, abandons the run as an interrupt
/// does (a sibling failed). Throws Fatal naming `target.shown` on failure, leaving the database
/// as it was.
[[nodiscard]] IndexSummary update_database(const DatabaseTarget& target, const std::vector<SourceFile>& files,
                                           unsigned workers, const RunSettings& settings, const IndexObserver& observer,
                                           const std::atomic<bool>* stop_early = nullptr);

} // namespace kosh
