// Splits text into words by Unicode category, keeping each word's byte offsets in the original.
#include "analyze/tokenizer.h"

#include "analyze/normalizer.h"

namespace kosh {

std::vector<Token> tokenize(std::string_view text)
{
    std::vector<Token> tokens;
    unsigned position = 0;
    for_each_word(text, [&](std::size_t begin, std::size_t end) {
        std::string term = normalize_word(text.substr(begin, end - begin));
        // Fold the typographic apostrophe so "Nepal’s" and "Nepal's" are one word.
        for (std::size_t at = term.find("\xE2\x80\x99"); at != std::string::npos; at = term.find("\xE2\x80\x99", at)) {
            term.replace(at, 3, "'");
        }
        if (term.empty()) {
            return; // a lone combining mark normalizes to nothing: not a word
        }
        tokens.push_back(Token{std::move(term), begin, end, position++});
    });
    return tokens;
}

} // namespace kosh
