// Splits prose into sentences, as byte ranges of the text it was given.
#include "parse/sentence_splitter.h"

#include "util/ascii.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace kosh {

namespace {

constexpr auto k_abbreviations = std::to_array<std::string_view>({
    "al",  "approx", "ca",  "cf",   "co",  "corp", "dept", "dr",  "e.g", "eg", "est", "etc",
    "fig", "gen",    "gov", "i.e",  "ie",  "inc",  "jr",   "lt",  "ltd", "mr", "mrs", "ms",
    "mt",  "no",     "nos", "prof", "rev", "sr",   "st",   "u.s", "vol", "vs",
});

bool is_closer(char c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']';
}

// True when the bytes at `at` are a closing curly quote (U+2019 or U+201D).
std::size_t curly_closer_length(std::string_view text, std::size_t at)
{
    if (text.substr(at, 3) == "\xE2\x80\x99" || text.substr(at, 3) == "\xE2\x80\x9D") {
        return 3;
    }
    return 0;
}

// Can a sentence start with the character at `at`? Lower-case ASCII letters say no.
bool can_open_sentence(std::string_view text, std::size_t at)
{
    const auto c = static_cast<unsigned char>(text[at]);
    return !(c >= 'a' && c <= 'z');
}

// The word that ends just before the '.' at `dot`, lower-cased, e.g. "dr" or "e.g".
bool ends_with_abbreviation(std::string_view text, std::size_t dot)
{
    std::size_t begin = dot;
    while (begin > 0 && !is_ascii_space(text[begin - 1]) && text[begin - 1] != '(' && text[begin - 1] != '"') {
        --begin;
    }
    const std::string word = ascii_lower(text.substr(begin, dot - begin));
    if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]))) {
        return true; // an initial, as in "J. Smith"
    }
    return std::find(k_abbreviations.begin(), k_abbreviations.end(), word) != k_abbreviations.end();
}

void push_trimmed(std::vector<ByteSpan>& spans, std::string_view text, std::size_t begin, std::size_t end)
{
    while (begin < end && is_ascii_space(text[begin])) {
        ++begin;
    }
    while (end > begin && is_ascii_space(text[end - 1])) {
        --end;
    }
    if (begin < end) {
        spans.push_back(ByteSpan{begin, end});
    }
}

} // namespace

std::vector<ByteSpan> split_sentences(std::string_view text)
{
    std::vector<ByteSpan> spans;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '.' && c != '!' && c != '?') {
            continue;
        }
        std::size_t end = i + 1;
        while (end < text.size()) {
            if (is_closer(text[end])) {
                ++end;
            } else if (const auto n = curly_closer_length(text, end)) {
                end += n;
            } else {
                break;
            }
        }
        if (end < text.size() && !is_ascii_space(text[end])) {
            continue; // "3.5", "e.g.x", "file.txt"
        }
        std::size_t next = end;
        while (next < text.size() && is_ascii_space(text[next])) {
            ++next;
        }
        if (next < text.size() && !can_open_sentence(text, next)) {
            continue;
        }
        if (c == '.' && next < text.size() && ends_with_abbreviation(text, i)) {
            continue;
        }
        push_trimmed(spans, text, start, end);
        start = end;
        i = end - 1;
    }
    push_trimmed(spans, text, start, text.size());
    return spans;
}

std::vector<ByteSpan> split_prose_sentences(std::string_view text, const std::vector<ByteSpan>& code)
{
    std::vector<ByteSpan> spans;
    std::size_t prose_begin = 0;
    auto add_prose = [&](std::size_t prose_end) {
        if (prose_end <= prose_begin) {
            return;
        }
        for (const ByteSpan& sentence : split_sentences(text.substr(prose_begin, prose_end - prose_begin))) {
            spans.push_back({prose_begin + sentence.begin, prose_begin + sentence.end});
        }
    };
    for (const ByteSpan& block : tidy_spans(code, text.size())) {
        add_prose(block.begin);
        prose_begin = block.end;
    }
    add_prose(text.size());
    return spans;
}

} // namespace kosh
