// Identifiers joined by underscores, as whole terms beside their words.
#include "analyze/identifiers.h"

#include "util/ascii.h"

#include <algorithm>

namespace kosh {

namespace {

bool is_identifier_byte(char c)
{
    return is_ascii_alnum(c) || c == '_';
}

} // namespace

bool is_identifier(std::string_view word)
{
    return word.find('_') != std::string_view::npos && std::all_of(word.begin(), word.end(), is_identifier_byte) &&
           std::any_of(word.begin(), word.end(), is_ascii_alnum);
}

std::vector<Token> identifier_tokens(std::string_view text, const std::vector<Token>& words)
{
    std::vector<Token> identifiers;
    auto word = words.begin();
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_identifier_byte(text[i])) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        while (i < text.size() && is_identifier_byte(text[i])) {
            ++i;
        }
        // A run that continues into non-ASCII letters ("naïve_x") is a word the tokenizer reads
        // its own way: left alone.
        const bool whole = (begin == 0 || static_cast<unsigned char>(text[begin - 1]) < 0x80) &&
                           (i == text.size() || static_cast<unsigned char>(text[i]) < 0x80);
        const std::string_view run = text.substr(begin, i - begin);
        if (!whole || !is_identifier(run)) {
            continue;
        }
        word = std::find_if(word, words.end(), [&](const Token& token) { return token.begin >= begin; });
        if (word == words.end() || word->begin >= i) {
            continue; // no word inside (cannot happen for a run with a letter or digit)
        }
        identifiers.push_back(Token{ascii_lower(run), begin, i, word->position});
    }
    return identifiers;
}

} // namespace kosh
