// The average passage length a run divides by (length_norm.h): the index's own, the one asked
// for, or one measured on a sample of the corpus; and a warning when the index has drifted from it.
#pragma once

#include "index/corpus_walker.h"
#include "index/indexer.h"
#include "index/length_norm.h"
#include "index/sampled_parses.h"
#include "parse/passage_splitter.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace kosh {

/// The average passage length of a sample of `files`: all of them when they hold up to
/// k_sample_bytes, else every n-th file, so that about that many bytes are read from files
/// spread over the whole list (2 MB came within 2% of the true average on both benchmark
/// corpora). Of a file bigger than the whole sample, its first k_sample_bytes (to the last whole
/// line) stand for it. Unreadable files are passed over. The passages of each file read whole go
/// to `sampled` (may be null), for indexing to reuse.
[[nodiscard]] double measure_average_length(const std::vector<SourceFile>& files, const PassageLimits& limits,
                                            SampledParses* sampled);

/// The reference length the index at `index_dir` keeps, when there is an index of this format to keep.
[[nodiscard]] std::optional<LengthNorm> stored_length_norm(const std::filesystem::path& index_dir);

/// The length normalization of this run: the index's own, so that passages added later are
/// scaled as the ones already there; for a new or rebuilt index, the one asked for, or else one
/// measured on `files` (whose sampled passages go to `sampled`). Throws Fatal when the one asked
/// for differs from the index's own.
[[nodiscard]] LengthNorm choose_length_norm(const IndexOptions& options, const std::vector<SourceFile>& files,
                                            SampledParses& sampled);

/// Warns when the passages an index now holds average far from the length it divides by: an
/// index first built from a few files and then grown keeps the first average (updates must
/// divide alike), which ranks as BM25 with other k1 and b would. Only measured averages: one
/// given with --average-length was chosen.
void warn_if_average_drifted(const IndexOptions& options, const LengthNorm& norm, const IndexObserver& observer);

} // namespace kosh
