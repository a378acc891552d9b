// Splits text into words by Unicode category, keeping each word's byte offsets in the original.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// One word of the source text. `begin`/`end` index the original bytes, for highlighting.
struct Token {
    std::string term; // normalized (see normalize_word), not stemmed
    std::size_t begin = 0;
    std::size_t end = 0;
    unsigned position = 0; // 0-based word position, for phrase and proximity search
};

/// Words are runs of letters, digits and marks; an apostrophe between letters stays inside the
/// word ("Nepal's"), as do '.' or ',' between digits ("3.5", "1,000"). Invalid UTF-8 bytes separate words.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text);

/// Calls `visit(begin, end)` for each word's byte range, without normalizing; cheap scanning.
template <typename Visit>
void for_each_word(std::string_view text, Visit&& visit);

} // namespace kosh

#include "analyze/tokenizer_impl.h"
