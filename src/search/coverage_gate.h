// How much of a question the best passage must match before kosh shows anything.
#pragma once

#include <cstddef>

namespace kosh {

/// The share of a question's weighted words the best passage must match by default (--min-coverage).
constexpr double k_default_min_coverage = 0.3;

/// Questions up to this many content words are judged on their whole weight; a longer one is
/// judged as if it had this many words of its average weight.
constexpr std::size_t k_gate_question_words = 10;

/// The share of the question's weighted words the best passage must match: `min_coverage` for
/// a question of up to k_gate_question_words content words, scaled down by k_gate_question_words
/// / `words` beyond that. A long query (a paragraph of search terms) is a list of things any of
/// which a relevant passage may mention, not one statement a passage repeats, so no passage is
/// expected to hold a fixed share of it; it still has to match about as much as the gate asks
/// of a ten-word question.
[[nodiscard]] double needed_coverage(double min_coverage, std::size_t words);

} // namespace kosh
