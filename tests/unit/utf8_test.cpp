// Tests for decode_utf8: valid code points of every length, and each kind of invalid byte.
#include "util/utf8.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using kosh::decode_utf8;

/// Every code point of `text`, decoded from the start: -1 for each invalid byte.
std::vector<std::int32_t> decode_all(std::string_view text)
{
    std::vector<std::int32_t> values;
    for (std::size_t i = 0; i < text.size();) {
        const kosh::CodePoint cp = decode_utf8(text, i);
        values.push_back(cp.value);
        i += cp.size;
    }
    return values;
}

} // namespace

TEST_CASE("decode_utf8 reads code points of one to four bytes", "[util]")
{
    struct Row {
        std::string_view text;
        std::int32_t value;
        std::size_t size;
    };
    const Row rows[] = {
        {"a", 'a', 1},
        {std::string_view("\0", 1), 0, 1},
        {"\x7f", 0x7f, 1},
        {"\xC2\x80", 0x80, 2}, // the first two-byte code point
        {"\xC3\xA9", 0xE9, 2}, // é
        {"\xDF\xBF", 0x7FF, 2},
        {"\xE0\xA0\x80", 0x800, 3},  // the first three-byte code point
        {"\xE2\x80\xBA", 0x203A, 3}, // ›
        {"\xEF\xBF\xBD", 0xFFFD, 3},
        {"\xF0\x90\x80\x80", 0x10000, 4},  // the first four-byte code point
        {"\xF0\x9F\x98\x80", 0x1F600, 4},  // an emoji
        {"\xF4\x8F\xBF\xBF", 0x10FFFF, 4}, // the last code point
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        const kosh::CodePoint cp = decode_utf8(row.text, 0);
        CHECK(cp.value == row.value);
        CHECK(cp.size == row.size);
    }
}

TEST_CASE("decode_utf8 reads from the given offset, not past the text", "[util]")
{
    const std::string_view text = "x\xC3\xA9y";
    CHECK(decode_utf8(text, 1).value == 0xE9);
    CHECK(decode_utf8(text, 3).value == 'y');
    // A view that cuts a sequence short leaves it invalid even though the bytes follow in memory.
    CHECK(decode_utf8(text.substr(0, 2), 1).value == -1);
}

TEST_CASE("decode_utf8 gives -1 and one byte for each invalid byte", "[util]")
{
    struct Row {
        const char* what;
        std::string_view text;
    };
    const Row rows[] = {
        {"stray continuation byte", "\x80"},
        {"truncated two-byte sequence", "\xC3"},
        {"truncated three-byte sequence", "\xE2\x80"},
        {"truncated four-byte sequence", "\xF0\x9F\x98"},
        {"overlong two-byte form of '/'", "\xC0\xAF"},
        {"overlong two-byte form of U+007F", "\xC1\xBF"},
        {"overlong three-byte form of U+07FF", "\xE0\x9F\xBF"},
        {"overlong four-byte form of U+FFFF", "\xF0\x8F\xBF\xBF"},
        {"UTF-16 surrogate U+D800", "\xED\xA0\x80"},
        {"above U+10FFFF", "\xF4\x90\x80\x80"},
        {"lead byte 0xF5", "\xF5\x80\x80\x80"},
        {"byte 0xFF", "\xFF"},
        {"lead byte followed by ASCII", "\xC3("},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        const kosh::CodePoint cp = decode_utf8(row.text, 0);
        CHECK(cp.value == -1);
        CHECK(cp.size == 1);
    }
}

TEST_CASE("decoding resynchronises after an invalid byte", "[util]")
{
    // A truncated sequence must not swallow the valid character after it.
    CHECK(decode_all("\xE2\x80"
                     "a") == std::vector<std::int32_t>{-1, -1, 'a'});
    CHECK(decode_all("\xC3\xC3\xA9") == std::vector<std::int32_t>{-1, 0xE9});
    CHECK(decode_all("a\x80\xE2\x80\xBA"
                     "b") == std::vector<std::int32_t>{'a', -1, 0x203A, 'b'});
    CHECK(decode_all("").empty());
}

TEST_CASE("k_replacement_character is U+FFFD", "[util]")
{
    const kosh::CodePoint cp = decode_utf8(kosh::k_replacement_character, 0);
    CHECK(cp.value == 0xFFFD);
    CHECK(cp.size == kosh::k_replacement_character.size());
}
