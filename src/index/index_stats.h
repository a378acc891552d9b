// Figures about an index for `kosh stats`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace Xapian {
class Database;
} // namespace Xapian

namespace kosh {

/// One root of the index (index_roots.h) and the files the index holds below it.
struct RootStats {
    std::string path; // absolute
    std::uint64_t files = 0;
    bool missing = false; // not on disk now: its files are kept until it is removed
};

/// Plain figures: the stats printer reads them without knowing Xapian.
struct IndexStats {
    std::string index_dir;
    std::uint64_t files = 0;
    std::map<std::string, std::uint64_t> files_by_format; // "markdown" -> 3, ...: they add up to `files`
    std::uint64_t passages = 0;
    std::uint64_t terms = 0; // distinct words in passage text (unstemmed)
    std::uint64_t bytes_on_disk = 0;
    std::string language;
    std::string indexed_at;
    double average_length = 0.0; // the reference length of length_norm.h
    std::vector<RootStats> roots;
};

/// Every figure `kosh stats` shows.
[[nodiscard]] IndexStats collect_index_stats(const Xapian::Database& db, const std::filesystem::path& dir);

/// Only the files: their number, per format and per root (`kosh index --list`), from one pass
/// over the index's file states, without the term count and the folder's size that a large
/// index takes seconds to add up.
[[nodiscard]] IndexStats count_files(const Xapian::Database& db, const std::filesystem::path& dir);

} // namespace kosh
