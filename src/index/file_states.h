// What an index remembers of each source file (size, mtime, fingerprint), kept in its metadata.
#pragma once

#include "index/passage_record.h"

#include <xapian.h>

#include <map>
#include <string>

namespace kosh {

/// Every file state stored in `db`, by path.
[[nodiscard]] std::map<std::string, FileState> load_file_states(const Xapian::Database& db);

/// Stores `state` as the state of `path`, replacing any earlier one.
void store_file_state(Xapian::WritableDatabase& db, const std::string& path, FileState state);

/// Forgets the state of `path`.
void erase_file_state(Xapian::WritableDatabase& db, const std::string& path);

} // namespace kosh
