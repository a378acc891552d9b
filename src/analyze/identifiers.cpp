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

/// Where a long option starting at `at` ends ("--no-verify"), or npos when none starts there.
std::size_t long_option_end(std::string_view text, std::size_t at)
{
    if (!text.substr(at).starts_with("--") || at + 2 >= text.size() || !is_ascii_alnum(text[at + 2]) ||
        (at > 0 && (is_identifier_byte(text[at - 1]) || text[at - 1] == '-'))) {
        return std::string_view::npos;
    }
    std::size_t end = at + 2;
    while (end < text.size() && (is_identifier_byte(text[end]) || text[end] == '-')) {
        ++end;
    }
    while (text[end - 1] == '-') {
        --end;
    }
    return end;
}

} // namespace

bool is_identifier(std::string_view word)
{
    return word.find('_') != std::string_view::npos && std::all_of(word.begin(), word.end(), is_identifier_byte) &&
           std::any_of(word.begin(), word.end(), is_ascii_alnum);
}

std::string long_option_term(std::string_view option)
{
    std::string term = ascii_lower(option);
    std::replace(term.begin(), term.end(), '-', '_');
    return term;
}

std::vector<Token> identifier_tokens(std::string_view text, const std::vector<Token>& words)
{
    std::vector<Token> identifiers;
    auto word = words.begin();
    std::size_t i = 0;
    while (i < text.size()) {
        if (const std::size_t end = long_option_end(text, i); end != std::string_view::npos) {
            word = std::find_if(word, words.end(), [&](const Token& token) { return token.begin >= i; });
            if (word != words.end() && word->begin < end) {
                identifiers.push_back(Token{long_option_term(text.substr(i, end - i)), i, end, word->position});
            }
            i = end;
            continue;
        }
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
