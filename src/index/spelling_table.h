// Keeps an index's spelling table in step with the passage-text words it holds.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>

namespace kosh {

/// How often each passage-text word occurs, or by how much its count changes. Words are counted
/// per file by the workers and added once per run, not once per occurrence: Xapian's
/// add_spelling is far dearer than a hash-map increment.
using WordCounts = std::unordered_map<std::string, std::int64_t>;

/// Adds `more` to `total`, word by word.
void add_word_counts(WordCounts& total, const WordCounts& more);

/// Takes the passage-text words of the passages indexed under `term` (one file's) off
/// `spellings`, before those passages go.
void subtract_spellings(const Xapian::Database& db, const std::string& term, WordCounts& spellings);

/// Empties the spelling table of `db`.
void clear_spellings(Xapian::WritableDatabase& db);

/// Adds each positive change to the spelling table of `db` and removes each negative one.
void apply_spellings(Xapian::WritableDatabase& db, const WordCounts& spellings);

} // namespace kosh
