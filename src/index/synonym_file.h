// Reads a synonyms file: groups of words and phrases that mean the same, one group a line.
#pragma once

#include "util/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// One word or phrase of a group, as normalized words (see normalize_word), in order.
using SynonymEntry = std::vector<std::string>;

/// Entries that stand for each other, whichever of them a question or a passage uses.
using SynonymGroup = std::vector<SynonymEntry>;

/// The longest entry kosh looks for, in words: longer phrases are refused with a message.
constexpr std::size_t k_max_synonym_words = 6;

/// Parses the text of a synonyms file. Each line is `ENTRY = ENTRY[, ENTRY...]`, all entries of a
/// line interchangeable; `#` starts a comment line, blank lines are skipped. Words are normalized
/// as the indexer does. A malformed line fails with "NAME:LINE: what is wrong".
[[nodiscard]] Expected<std::vector<SynonymGroup>> parse_synonyms(std::string_view text, const std::string& name);

/// Reads and parses the file at `path`; fails naming the file when it cannot be read.
[[nodiscard]] Expected<std::vector<SynonymGroup>> read_synonyms(const std::string& path);

} // namespace kosh
