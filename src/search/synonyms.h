// Finds the words and phrases of a question that have synonyms in the index, and credits a
// passage or sentence that uses a synonym with the question's words it stands for.
#pragma once

#include "analyze/analyzer.h"

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// A word or phrase, normalized and stemmed.
struct Phrase {
    std::vector<std::string> words;
    std::vector<std::string> stems;
    bool operator==(const Phrase&) const = default;
};

/// A run of the question's words with synonyms, and those synonyms.
struct SynonymUse {
    Phrase original;                  // as the question wrote it
    std::vector<Phrase> alternatives; // the other entries of its group
    std::size_t first_word = 0;       // where `original` starts among the question's words
};

/// Looks up, left to right, the longest run of `words` (with their `stems`) that is a key of the
/// index's synonym table. Returns nothing at once when the index has no synonyms.
[[nodiscard]] std::vector<SynonymUse> find_synonyms(const Xapian::Database& db, Analyzer& analyzer,
                                                    const std::vector<std::string>& words,
                                                    const std::vector<std::string>& stems);

/// The stems of `present` plus, for each use one of whose alternatives has all its stems in
/// `present`, the stems of the question's words that alternative stands for.
[[nodiscard]] std::set<std::string> credit_synonyms(const std::set<std::string>& present,
                                                    const std::vector<SynonymUse>& uses);

} // namespace kosh
