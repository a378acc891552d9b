// Which databases a run writes: the shards of a sharded index, the parts of a fresh build that
// are merged into one database, or just the one database.
#pragma once

#include "index/corpus_walker.h"
#include "index/indexer.h"

#include <cstddef>
#include <vector>

namespace kosh {

/// How many shards to write: the existing index decides, and --shards may only agree with it.
/// Throws Fatal when it does not, or when the stub lists shards kosh did not make.
[[nodiscard]] std::size_t shard_count(const IndexOptions& options);

/// How many writers build a new single-database index side by side: one per core, at most 2,
/// since the merge reads every part once more.
[[nodiscard]] std::size_t fresh_writers();

/// The parts to build a new single-database index from (see split_in_parts); none when there is
/// an index to update.
[[nodiscard]] std::vector<std::vector<SourceFile>> fresh_parts(const IndexOptions& options,
                                                               const std::vector<SourceFile>& files);

/// `files` dealt out to `shards` shards: each to the shard its path hashes to, in order.
[[nodiscard]] std::vector<std::vector<SourceFile>> split_by_shard(const std::vector<SourceFile>& files,
                                                                  std::size_t shards);

} // namespace kosh
