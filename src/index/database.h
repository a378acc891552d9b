// Opens an index for reading, with one-line errors that tell the user what to do.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kosh {

struct IndexInfo {
    std::string language;   // stemming language the index was built with
    std::string indexed_at; // UTC time of the last successful `kosh index`
};

/// Throws Fatal when there is no index at `dir` ("run 'kosh index'"), when it cannot be opened,
/// or when it was written in a format this version does not read.
[[nodiscard]] Xapian::Database open_index(const std::filesystem::path& dir);

[[nodiscard]] IndexInfo read_index_info(const Xapian::Database& db);

/// Each shard of the index at `dir` on its own (just `db` when it is not sharded), for figures
/// Xapian does not combine across shards, such as metadata.
[[nodiscard]] std::vector<Xapian::Database> open_shards(const Xapian::Database& db, const std::filesystem::path& dir);

/// The stemming language to search `db` with: the one it was built with. Throws Fatal when
/// `requested` is not empty and differs, since stems of another language would silently miss.
[[nodiscard]] std::string search_language(const Xapian::Database& db, const std::filesystem::path& dir,
                                          const std::string& requested);

} // namespace kosh
