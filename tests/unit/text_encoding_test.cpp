// Tests for to_utf8: UTF-8 kept, UTF-16 with a byte order mark and Windows-1252 converted,
// binary files and broken UTF-8 refused.
#include "util/text_encoding.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

using namespace std::string_literals;

/// The converted text, or "error: " and the reason.
std::string converted(std::string bytes)
{
    auto text = kosh::to_utf8(std::move(bytes));
    return text ? *text : "error: " + text.error();
}

} // namespace

TEST_CASE("to_utf8 keeps valid UTF-8 as it is, byte order mark included", "[util][encoding]")
{
    CHECK(converted("") == "");
    CHECK(converted("plain ASCII\n") == "plain ASCII\n");
    CHECK(converted("Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n") == "Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n");
    CHECK(converted("\xEF\xBB\xBFtitle\n") == "\xEF\xBB\xBFtitle\n");
}

TEST_CASE("to_utf8 converts Latin-1 and Windows-1252 text", "[util][encoding]")
{
    CHECK(converted("Caf\xE9 cr\xE8me br\xFBl\xE9\x65\n") == "Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9\x65\n");
    CHECK(converted("price: 5 \x80\n") == "price: 5 \xE2\x82\xAC\n");                             // € is 0x80
    CHECK(converted("\x93quoted\x94 \x85\n") == "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\xA6\n"); // “ ” …
    CHECK(converted("na\xEFve \xA0\xBB x\n") == "na\xC3\xAFve \xC2\xA0\xC2\xBB x\n");
    // Lines stay lines: 0x85 is an ellipsis in Windows-1252, not Latin-1's NEL line break.
    CHECK(converted("a\xE9\r\nb\x85\nc") == "a\xC3\xA9\r\nb\xE2\x80\xA6\nc");
    // Bytes Windows-1252 leaves undefined carry no text: each becomes U+FFFD.
    CHECK(converted("x\x81y\x8Dz\x8F\x90\x9D\xE9") ==
          "x\xEF\xBF\xBDy\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xC3\xA9");
    // Tab, form feed, backspace overstrike, escape and a DOS end-of-file mark are still text.
    CHECK(converted("\t\f_\b_\x1B[1m\xE9\x1A") == "\t\f_\b_\x1B[1m\xC3\xA9\x1A");
}

TEST_CASE("to_utf8 converts UTF-16 after a byte order mark", "[util][encoding]")
{
    // "Aé€\n" then U+1F600 as a surrogate pair.
    CHECK(converted("\xFF\xFE"
                    "A\0\xE9\0\xAC\x20\n\0\x3D\xD8\x00\xDE"s) == "A\xC3\xA9\xE2\x82\xAC\n\xF0\x9F\x98\x80");
    CHECK(converted("\xFE\xFF"
                    "\0A\0\xE9\x20\xAC\0\n\xD8\x3D\xDE\x00"s) == "A\xC3\xA9\xE2\x82\xAC\n\xF0\x9F\x98\x80");
    CHECK(converted("\xFF\xFE") == "");
    CHECK(converted("\xFF\xFE#\0"s) == "#");
    // An odd last byte and an unpaired surrogate each become U+FFFD; the rest converts.
    CHECK(converted("\xFF\xFE"
                    "a\0b"s) == "a\xEF\xBF\xBD");
    CHECK(converted("\xFE\xFF"
                    "\xD8\x3D\0a\0b"s) == "\xEF\xBF\xBD"
                                          "ab");
    CHECK(converted("\xFF\xFE"
                    "\x00\xDCx\0"s) == "\xEF\xBF\xBDx");
    // CR LF line ends stay two characters, so line numbers agree with the UTF-8 reading.
    CHECK(converted("\xFF\xFE"
                    "a\0\r\0\n\0b\0"s) == "a\r\nb");
}

TEST_CASE("to_utf8 refuses binary files and broken UTF-8", "[util][encoding]")
{
    CHECK(converted("text\0more"s) == "error: binary file (contains NUL bytes)");
    CHECK(converted("\xE9t\xE9\0"s) == "error: binary file (contains NUL bytes)");
    // UTF-16 that decodes to NUL characters (UTF-32's byte order mark, say) is no text either.
    CHECK(converted("\xFF\xFE\0\0a\0\0\0"s) == "error: binary file (contains NUL characters)");
    // Control bytes other than the text ones: not single-byte text.
    CHECK(converted("\x7F"
                    "ELF\x02\x01\x01\xE9\xFF") == "error: invalid UTF-8 at line 1, byte 7");
    // UTF-8 cut short, an encoded surrogate, an overlong form: broken UTF-8, not Latin-1.
    CHECK(converted("# Heading\n\nA sequence cut short \xE2\x82") == "error: invalid UTF-8 at line 3, byte 32");
    CHECK(converted("surrogate \xED\xA0\x80 here") == "error: invalid UTF-8 at line 1, byte 10");
    CHECK(converted("overlong \xC0\xAF here") == "error: invalid UTF-8 at line 1, byte 9");
    // Valid UTF-8 with one stray byte: half the lead bytes start sequences, so it is UTF-8.
    CHECK(converted("caf\xC3\xA9 \xC3 au lait") == "error: invalid UTF-8 at line 1, byte 6");
    // Latin-1 where one letter of three is followed by a byte from 0x80 to 0xBF is still Latin-1.
    CHECK(converted("\xE9t\xE9\x92s \xE0 Paris") == "\xC3\xA9t\xC3\xA9\xE2\x80\x99s \xC3\xA0 Paris");
}
