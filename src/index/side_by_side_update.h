// Updates several databases of one index at once: the shards of a sharded index, or the parts
// of a fresh build, which are then merged into the index folder.
#pragma once

#include "index/corpus_walker.h"
#include "index/database_update.h"
#include "index/indexer.h"

#include <cstddef>
#include <vector>

namespace kosh {

/// Updates shard i of the index with `groups[i]`, the shards side by side, and writes the stub
/// when the index was not sharded yet.
[[nodiscard]] IndexSummary update_shards(const std::vector<std::vector<SourceFile>>& groups,
                                         const RunSettings& settings, const IndexObserver& observer);

/// Builds a new index as one temporary database per part, side by side, and merges them into
/// the index folder; on failure, removes what the build left.
[[nodiscard]] IndexSummary build_from_parts(const std::vector<std::vector<SourceFile>>& parts,
                                            const RunSettings& settings, const IndexObserver& observer);

} // namespace kosh
