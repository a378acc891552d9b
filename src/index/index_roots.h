// The files and folders an index was given (its roots), kept in its metadata so that a bare
// `kosh index` can bring all of them up to date.
#pragma once

#include "index/corpus_walker.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Xapian {
class Database;
} // namespace Xapian

namespace kosh {

/// One root: an absolute, lexically normal path, and the walk options it was given with.
struct IndexRoot {
    std::string path;
    WalkOptions walk;
    bool operator==(const IndexRoot&) const = default;
};

[[nodiscard]] std::string encode_roots(const std::vector<IndexRoot>& roots);
/// nullopt for damaged data.
[[nodiscard]] std::optional<std::vector<IndexRoot>> decode_roots(std::string_view data);

/// The roots stored in `db` (none for an index written before roots were kept, or a new one).
[[nodiscard]] std::vector<IndexRoot> stored_roots(const Xapian::Database& db);

/// True when `path` is `folder` itself or lies below it ("/a/b" is below "/a", "/ab" is not).
[[nodiscard]] bool is_within(std::string_view path, std::string_view folder);

} // namespace kosh
