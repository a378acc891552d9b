// Figures about an index for `kosh stats`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace Xapian {
class Database;
} // namespace Xapian

namespace kosh {

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
};

[[nodiscard]] IndexStats collect_index_stats(const Xapian::Database& db, const std::filesystem::path& dir);

} // namespace kosh
