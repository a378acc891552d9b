// Normalizes one word for indexing and querying: NFKC, case folding, accents removed.
#pragma once

#include <string>
#include <string_view>

namespace kosh {

/// Returns the search form of `word`: compatibility-composed, case-folded, and with combining
/// accents removed from Latin, Greek and Cyrillic letters so "Café" and "cafe" meet. Marks of
/// other scripts (Devanagari vowel signs, for example) carry meaning and are kept.
[[nodiscard]] std::string normalize_word(std::string_view word);

} // namespace kosh
