// Brings an index up to date with a set of source files, in one atomic commit.
#pragma once

#include "index/corpus_walker.h"
#include "index/root_plan.h"
#include "index/synonym_file.h"
#include "parse/passage_splitter.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kosh {

struct IndexOptions {
    /// What to index: roots to add, update, remove... (root_plan.h), read against the roots the
    /// index has stored once its lock is held.
    IndexRequest request;
    std::filesystem::path index_dir;
    PathForms paths; // how messages name files (by default, by absolute path)
    std::string language = "english";
    bool rebuild = false;                 // re-read every file, even unchanged ones
    std::size_t shards = 0;               // 0: as the index is (1 for a new one); N: N shards, side by side
    std::chrono::milliseconds wait{5000}; // how long to wait for another run's lock
    PassageLimits passage_limits;
    /// The reference passage length of length_norm.h for a new or rebuilt index; nullopt
    /// measures it on the corpus. An existing index keeps its own (a different value is refused).
    std::optional<double> average_length;
    /// Replaces the index's synonym groups; nullopt keeps the ones stored (each shard holds them all).
    std::optional<std::vector<SynonymGroup>> synonyms;
};

struct IndexSummary {
    std::size_t walked = 0;                 // files and folders walked (0 for --remove, or when every root is missing)
    std::size_t files = 0;                  // found on disk
    std::size_t indexed = 0;                // new or changed, parsed and written
    std::size_t unchanged = 0;              // skipped, same as last time
    std::size_t removed = 0;                // gone from disk, dropped from the index
    std::size_t failed = 0;                 // unreadable, binary or not UTF-8: warned about and left out
    std::size_t passages = 0;               // passages written in this run
    LeftOutTally left_out;                  // found in folders but not documents: source code, data, logs...
    std::vector<std::string> missing_roots; // stored roots not on disk: their files were kept
    double seconds = 0.0;
};

/// Receives warnings and progress while the index is built.
struct IndexObserver {
    std::function<void(const std::string&)> warn = [](const std::string&) {};
    std::function<void(std::size_t done, std::size_t total)> progress = [](std::size_t, std::size_t) {};
    const std::atomic<bool>* cancel = nullptr; // set (e.g. by SIGINT) to abandon the run
};

/// A request for `kosh index --only PATHS`: PATHS (made absolute) become the index's only roots.
[[nodiscard]] IndexRequest only_these(const std::vector<std::string>& paths, const WalkOptions& walk = {});

/// Adds new and changed files, drops files that no longer exist under the walked paths, stores
/// the index's roots, and commits all of it at once: a run that fails or is interrupted leaves the previous index as it was.
/// Throws Fatal with a one-line message on failure.
IndexSummary update_index(const IndexOptions& options, const IndexObserver& observer);

} // namespace kosh
