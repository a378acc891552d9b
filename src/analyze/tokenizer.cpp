// Splits text into words by Unicode category, keeping each word's byte offsets in the original.
#include "analyze/tokenizer.h"

#include "analyze/normalizer.h"

namespace kosh {

namespace {

constexpr std::string_view k_right_single_quote = "\xE2\x80\x99";

std::string fold_apostrophes(std::string_view term)
{
    std::string folded;
    folded.reserve(term.size());
    for (std::size_t i = 0; i < term.size();) {
        if (term.substr(i, k_right_single_quote.size()) == k_right_single_quote) {
            folded += '\'';
            i += k_right_single_quote.size();
        } else {
            folded += term[i++];
        }
    }
    return folded;
}

} // namespace

std::vector<Token> tokenize(std::string_view text)
{
    std::vector<Token> tokens;
    unsigned position = 0;
    for_each_word(text, [&](std::size_t begin, std::size_t end) {
        std::string term = normalize_word(text.substr(begin, end - begin));
        // Fold the typographic apostrophe so "Nepal’s" and "Nepal's" are one word.
        if (term.find(k_right_single_quote) != std::string::npos) {
            term = fold_apostrophes(term);
        }
        if (term.empty()) {
            return; // a lone combining mark normalizes to nothing: not a word
        }
        tokens.push_back(Token{std::move(term), begin, end, position++});
    });
    return tokens;
}

} // namespace kosh
