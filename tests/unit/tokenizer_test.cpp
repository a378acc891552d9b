// Tests for the word scanner: token boundaries, exact byte offsets, positions and odd input.
#include "analyze/tokenizer.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using kosh::Token;

struct Expected {
    std::string term;
    std::size_t begin;
    std::size_t end;
};

// Compares every field, positions included (they must count 0, 1, 2, ...).
void check_tokens(std::string_view text, const std::vector<Expected>& expected)
{
    INFO("text: " << std::string(text));
    const std::vector<Token> tokens = kosh::tokenize(text);
    REQUIRE(tokens.size() == expected.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        INFO("token " << i);
        CHECK(tokens[i].term == expected[i].term);
        CHECK(tokens[i].begin == expected[i].begin);
        CHECK(tokens[i].end == expected[i].end);
        CHECK(tokens[i].position == i);
    }
}

std::vector<std::pair<std::size_t, std::size_t>> word_ranges(std::string_view text)
{
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    kosh::for_each_word(text, [&](std::size_t begin, std::size_t end) { ranges.emplace_back(begin, end); });
    return ranges;
}

} // namespace

TEST_CASE("tokenize splits on spaces and punctuation with exact byte offsets", "[analyze]")
{
    check_tokens("The capital, Kathmandu.", {{"the", 0, 3}, {"capital", 4, 11}, {"kathmandu", 13, 22}});
    check_tokens("  leading and trailing  ", {{"leading", 2, 9}, {"and", 10, 13}, {"trailing", 14, 22}});
    check_tokens("one\ttwo\nthree\r\nfour", {{"one", 0, 3}, {"two", 4, 7}, {"three", 8, 13}, {"four", 15, 19}});
}

TEST_CASE("tokenize keeps an apostrophe between letters inside the word", "[analyze]")
{
    SECTION("ASCII apostrophe")
    {
        check_tokens("Nepal's capital", {{"nepal's", 0, 7}, {"capital", 8, 15}});
    }
    SECTION("typographic apostrophe folds to ASCII in the term, offsets stay on the source bytes")
    {
        check_tokens("Nepal\xE2\x80\x99s capital", {{"nepal's", 0, 9}, {"capital", 10, 17}});
    }
    SECTION("apostrophes that do not join")
    {
        check_tokens("'quoted'", {{"quoted", 1, 7}});
        check_tokens("dogs' bones", {{"dogs", 0, 4}, {"bones", 6, 11}});
        check_tokens("end'", {{"end", 0, 3}});
        check_tokens("1990's", {{"1990", 0, 4}, {"s", 5, 6}}); // not after a digit
        check_tokens("rock'n'roll", {{"rock'n'roll", 0, 11}});
    }
}

TEST_CASE("tokenize keeps '.' and ',' between digits inside a number", "[analyze]")
{
    check_tokens("3.5 kg", {{"3.5", 0, 3}, {"kg", 4, 6}});
    check_tokens("1,000 people", {{"1,000", 0, 5}, {"people", 6, 12}});
    check_tokens("1,234.56", {{"1,234.56", 0, 8}});
    check_tokens("version 2.0.1.", {{"version", 0, 7}, {"2.0.1", 8, 13}});
    check_tokens("in 1956.", {{"in", 0, 2}, {"1956", 3, 7}});
    check_tokens("1, 2", {{"1", 0, 1}, {"2", 3, 4}});
    check_tokens("x.5 a,1", {{"x", 0, 1}, {"5", 2, 3}, {"a", 4, 5}, {"1", 6, 7}});
}

TEST_CASE("tokenize splits abbreviations, hyphens and underscores", "[analyze]")
{
    check_tokens("e.g. this", {{"e", 0, 1}, {"g", 2, 3}, {"this", 5, 9}});
    check_tokens("well-known", {{"well", 0, 4}, {"known", 5, 10}});
    check_tokens("Nepal\xE2\x80\x94Russia", {{"nepal", 0, 5}, {"russia", 8, 14}}); // em dash
    check_tokens("snake_case", {{"snake", 0, 5}, {"case", 6, 10}});
}

TEST_CASE("tokenize normalizes terms but reports offsets of the original bytes", "[analyze]")
{
    check_tokens("Caf\xC3\xA9 au lait", {{"cafe", 0, 5}, {"au", 6, 8}, {"lait", 9, 13}});
    check_tokens("Stra\xC3\x9F"
                 "e 5",
                 {{"strasse", 0, 7}, {"5", 8, 9}});
    check_tokens("\xEF\xAC\x81nance", {{"finance", 0, 8}}); // the ligature is 3 bytes
    // "नेपाल की राजधानी": vowel signs (marks) stay inside their words.
    check_tokens("\xE0\xA4\xA8\xE0\xA5\x87\xE0\xA4\xAA\xE0\xA4\xBE\xE0\xA4\xB2 \xE0\xA4\x95\xE0\xA5\x80 "
                 "\xE0\xA4\xB0\xE0\xA4\xBE\xE0\xA4\x9C\xE0\xA4\xA7\xE0\xA4\xBE\xE0\xA4\xA8\xE0\xA5\x80",
                 {{"\xE0\xA4\xA8\xE0\xA5\x87\xE0\xA4\xAA\xE0\xA4\xBE\xE0\xA4\xB2", 0, 15},
                  {"\xE0\xA4\x95\xE0\xA5\x80", 16, 22},
                  {"\xE0\xA4\xB0\xE0\xA4\xBE\xE0\xA4\x9C\xE0\xA4\xA7\xE0\xA4\xBE\xE0\xA4\xA8\xE0\xA5\x80", 23, 44}});
    check_tokens("\xE6\x9D\xB1\xE4\xBA\xAC", {{"\xE6\x9D\xB1\xE4\xBA\xAC", 0, 6}}); // "東京": one run of letters
}

TEST_CASE("tokenize treats invalid UTF-8 bytes as separators", "[analyze]")
{
    check_tokens("ab\xFF"
                 "cd",
                 {{"ab", 0, 2}, {"cd", 3, 5}});
    check_tokens("a\xE2\x80"
                 "b",
                 {{"a", 0, 1}, {"b", 3, 4}}); // truncated 3-byte sequence
    check_tokens("ab\xC3", {{"ab", 0, 2}});   // truncated at the very end
    check_tokens("\xC0\xAF"
                 "x",
                 {{"x", 2, 3}}); // overlong encoding
    check_tokens("\xED\xA0\x80"
                 "y",
                 {{"y", 3, 4}}); // UTF-16 surrogate
    check_tokens("1\xFF"
                 ".5",
                 {{"1", 0, 1}, {"5", 3, 4}});
    check_tokens("Nepal'\xFF", {{"nepal", 0, 5}});
}

TEST_CASE("tokenize returns nothing for text without words", "[analyze]")
{
    for (const char* text : {"", " ", "\n\n", "!!! ... ---", "\xF0\x9F\x99\x82 \xF0\x9F\x8E\x89",
                             "\xE2\x80\x9C\xE2\x80\x9D", "''", ".,"}) {
        INFO("text: " << text);
        CHECK(kosh::tokenize(text).empty());
    }
}

TEST_CASE("for_each_word reports the same ranges as tokenize, without normalizing", "[analyze]")
{
    const std::string_view text = "Caf\xC3\xA9 Nepal\xE2\x80\x99s 1,000 e.g. \xFF x";
    CHECK(word_ranges(text) ==
          std::vector<std::pair<std::size_t, std::size_t>>{{0, 5}, {6, 15}, {16, 21}, {22, 23}, {24, 25}, {29, 30}});
    std::vector<std::pair<std::size_t, std::size_t>> from_tokens;
    for (const Token& token : kosh::tokenize(text)) {
        from_tokens.emplace_back(token.begin, token.end);
    }
    CHECK(word_ranges(text) == from_tokens);
}

TEST_CASE("tokenize never crashes and keeps offsets ordered on random bytes", "[analyze]")
{
    // A fixed xorshift generator: the same 3000 inputs every run.
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    // Bias towards bytes that make UTF-8 interesting.
    std::string alphabet = "a1.,' \n\x80\xBF\xC3\xA9\xE2\x80\x99\xF0\x9F\xFF";
    alphabet += '\0';
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const auto length = next() % 40;
        for (std::uint64_t i = 0; i < length; ++i) {
            const auto pick = next();
            text += (pick & 1) ? static_cast<char>(pick >> 8) : alphabet[(pick >> 8) % alphabet.size()];
        }
        const auto tokens = kosh::tokenize(text);
        std::size_t previous_end = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const Token& token = tokens[i];
            if (!(token.begin >= previous_end && token.begin < token.end && token.end <= text.size() &&
                  token.position == i)) {
                FAIL("bad token " << i << " [" << token.begin << ", " << token.end << ") in a text of " << text.size()
                                  << " bytes");
            }
            previous_end = token.end;
        }
    }
    SUCCEED();
}
