// Tests for the ASCII helpers: white space, case folding that leaves other bytes alone.
#include "util/ascii.h"

#include <catch2/catch.hpp>

#include <string>

TEST_CASE("is_ascii_space accepts exactly C's six white-space bytes", "[util]")
{
    int spaces = 0;
    for (int c = 0; c < 256; ++c) {
        const bool space = kosh::is_ascii_space(static_cast<char>(c));
        if (space) {
            ++spaces;
            CAPTURE(c);
            CHECK((c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'));
        }
    }
    CHECK(spaces == 6);
    CHECK_FALSE(kosh::is_ascii_space('\0'));
    CHECK_FALSE(kosh::is_ascii_space('\xA0')); // a byte of U+00A0's UTF-8, not a space on its own
}

TEST_CASE("ascii_lower folds A-Z only", "[util]")
{
    CHECK(kosh::ascii_lower('A') == 'a');
    CHECK(kosh::ascii_lower('Z') == 'z');
    CHECK(kosh::ascii_lower('a') == 'a');
    CHECK(kosh::ascii_lower('@') == '@'); // just below 'A'
    CHECK(kosh::ascii_lower('[') == '['); // just above 'Z'
    CHECK(kosh::ascii_lower("Hello, WORLD 42") == "hello, world 42");
    // UTF-8 passes through byte for byte: "É" stays upper case (normalize_word folds it).
    CHECK(kosh::ascii_lower("CAF\xC3\x89") == "caf\xC3\x89");
    CHECK(kosh::ascii_lower("").empty());

    std::string text = "README.MD";
    kosh::ascii_lower_in_place(text);
    CHECK(text == "readme.md");
}

TEST_CASE("is_ascii_upper and is_ascii_digit cover their ranges and nothing else", "[util]")
{
    int upper = 0;
    int digits = 0;
    for (int c = 0; c < 256; ++c) {
        upper += kosh::is_ascii_upper(static_cast<char>(c)) ? 1 : 0;
        digits += kosh::is_ascii_digit(static_cast<char>(c)) ? 1 : 0;
    }
    CHECK(upper == 26);
    CHECK(digits == 10);
    CHECK(kosh::is_ascii_upper('Q'));
    CHECK_FALSE(kosh::is_ascii_upper('q'));
    CHECK(kosh::is_ascii_digit('7'));
    CHECK_FALSE(kosh::is_ascii_digit('a'));
}
