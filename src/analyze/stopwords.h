// Words too common to help rank: dropped from questions (never from the index).
#pragma once

#include <string_view>

namespace kosh {

/// True for English function words and question words ("the", "of", "what", "did").
/// Expects a normalized (lower-case) word.
[[nodiscard]] bool is_stopword(std::string_view normalized_word);

} // namespace kosh
