// What an index remembers of each source file (size, mtime, fingerprint), kept in its metadata.
#pragma once

#include "index/passage_record.h"

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kosh {

/// The path of the file whose state is stored under metadata key `key` (decoded as `state`):
/// spelled out in the key, or carried in the state when the key holds a hash of it.
[[nodiscard]] std::string path_of_state(std::string_view key, const std::optional<FileState>& state);

/// Every file state stored in `db`, by path.
[[nodiscard]] std::map<std::string, FileState> load_file_states(const Xapian::Database& db);

/// Stores `state` as the state of `path`, replacing any earlier one.
void store_file_state(Xapian::WritableDatabase& db, const std::string& path, FileState state);

/// Forgets the state of `path`.
void erase_file_state(Xapian::WritableDatabase& db, const std::string& path);

} // namespace kosh
