// Writes synonym groups into an index's synonym table, keyed the way the searcher looks them up.
#pragma once

#include "index/synonym_file.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace kosh {

/// Replaces the synonym table of `db` (inside the caller's transaction) with `groups`: every
/// entry becomes a key, stemmed in `language`, whose values are the other entries of its group.
/// Keeps a copy of the groups in metadata, so a rebuild in another language can stem them again.
void store_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymGroup>& groups, const std::string& language);

/// The groups last stored in `db`, from the copy in its metadata (empty when there are none).
[[nodiscard]] std::vector<SynonymGroup> stored_synonyms(const Xapian::Database& db);

/// The groups written as a synonyms file, one line each; parse_synonyms reads it back.
[[nodiscard]] std::string format_synonyms(const std::vector<SynonymGroup>& groups);

} // namespace kosh
