// "Did you mean": a correction for a word the index lacks, from the index's spelling table.
#pragma once

#include "analyze/analyzer.h"

#include <xapian.h>

#include <string>

namespace kosh {

/// Words shorter than this are left alone: a short word is one edit away from too many others
/// ("won" -> "non", "cup" -> "cut"), so a correction is more often wrong than right.
constexpr std::size_t k_min_corrected_bytes = 5;

/// The corpus word `word` (normalized) was most likely meant to be, or "" when the index has the
/// word (in any field), it is too short, or no corpus word is close: one edit for words up to
/// seven bytes, two beyond, and the same first letter (people rarely mistype the first one).
[[nodiscard]] std::string suggest_spelling(const Xapian::Database& db, Analyzer& analyzer, const std::string& word);

} // namespace kosh
