// Tests for the passage record and file state codecs stored in the index.
#include "index/passage_record.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>

namespace {

using kosh::FileState;
using kosh::PassageRecord;

using namespace std::string_literals;

PassageRecord make_record(std::string path, std::string title, std::vector<std::string> sections, std::string text,
                          int first_line, int last_line)
{
    PassageRecord record;
    record.path = std::move(path);
    record.title = std::move(title);
    record.passage.sections = std::move(sections);
    record.passage.text = std::move(text);
    record.passage.first_line = first_line;
    record.passage.last_line = last_line;
    return record;
}

void check_same(const PassageRecord& actual, const PassageRecord& expected)
{
    CHECK(actual.path == expected.path);
    CHECK(actual.title == expected.title);
    CHECK(actual.passage.sections == expected.passage.sections);
    CHECK(actual.passage.text == expected.passage.text);
    CHECK(actual.passage.first_line == expected.passage.first_line);
    CHECK(actual.passage.last_line == expected.passage.last_line);
    CHECK(actual.passage.code == expected.passage.code);
    CHECK(actual.passage.page == expected.passage.page);
    CHECK(actual.passage.chapter == expected.passage.chapter);
    CHECK(actual.format == expected.format);
}

} // namespace

TEST_CASE("encode_record writes length-prefixed fields in a fixed order", "[index]")
{
    CHECK(kosh::encode_record(make_record("a", "T", {}, "x", 1, 2)) == "5:kosh31:a1:T4:text1:11:21:01:01:01:x1:0");
    CHECK(kosh::encode_record(make_record("docs/a.md", "", {"S1", ""}, "", 10, 12)) ==
          "5:kosh39:docs/a.md0:4:text2:102:121:01:01:22:S10:0:1:0");
    auto with_code = make_record("a.md", "T", {}, "Run:\nmake\nls", 1, 3);
    with_code.format = "markdown";
    with_code.passage.code = {{5, 9}, {10, 12}};
    CHECK(kosh::encode_record(with_code) ==
          "5:kosh34:a.md1:T8:markdown1:11:31:01:01:012:Run:\nmake\nls1:21:51:92:102:12");
}

TEST_CASE("decode_record round-trips records holding any bytes", "[index]")
{
    SECTION("newlines, colons, digits and NUL bytes")
    {
        const auto record = make_record("dir/a:b\nc.md", "T\0itle: 12:"s, {"5:abc", "x\ny", "\0"s},
                                        "Line one: 3:4\n\nline \0 three\r\n\xFF\xFE"s, 3, 9);
        const auto decoded = kosh::decode_record(kosh::encode_record(record));
        REQUIRE(decoded);
        check_same(*decoded, record);
    }
    SECTION("everything empty")
    {
        const auto record = make_record("", "", {}, "", 0, 0);
        const auto decoded = kosh::decode_record(kosh::encode_record(record));
        REQUIRE(decoded);
        check_same(*decoded, record);
    }
    SECTION("empty sections keep their count")
    {
        const auto record = make_record("p", "t", {"", "", ""}, "text", 1, 1);
        const auto decoded = kosh::decode_record(kosh::encode_record(record));
        REQUIRE(decoded);
        CHECK(decoded->passage.sections.size() == 3);
        check_same(*decoded, record);
    }
    SECTION("code spans and the file's format")
    {
        auto record = make_record("guide.md", "Guide", {"Build"}, "Run:\n\n    make all\n    make install", 4, 7);
        record.format = "markdown";
        record.passage.code = {{6, 18}, {19, 35}};
        const auto decoded = kosh::decode_record(kosh::encode_record(record));
        REQUIRE(decoded);
        check_same(*decoded, record);
        record.passage.code = {{0, record.passage.text.size()}}; // a span over all of the text
        record.format = "";
        const auto whole = kosh::decode_record(kosh::encode_record(record));
        REQUIRE(whole);
        check_same(*whole, record);
    }
    SECTION("a PDF's page and an EPUB's chapter")
    {
        auto record = make_record("manual.pdf", "Manual", {"Install"}, "Run the installer.", 3, 4);
        record.format = "pdf";
        record.passage.page = 12;
        const auto pdf = kosh::decode_record(kosh::encode_record(record));
        REQUIRE(pdf);
        check_same(*pdf, record);
        record.format = "epub";
        record.passage.page = 0;
        record.passage.chapter = 7;
        const auto epub = kosh::decode_record(kosh::encode_record(record));
        REQUIRE(epub);
        check_same(*epub, record);
    }
    SECTION("extreme line numbers and long text")
    {
        const auto record = make_record("p", "t", {"s"}, std::string(100000, 'z'), std::numeric_limits<int>::min(),
                                        std::numeric_limits<int>::max());
        const auto decoded = kosh::decode_record(kosh::encode_record(record));
        REQUIRE(decoded);
        check_same(*decoded, record);
    }
}

TEST_CASE("decode_record returns nullopt for data it did not write", "[index]")
{
    const std::string good = kosh::encode_record(make_record("a", "T", {"S"}, "text", 1, 2));
    REQUIRE(kosh::decode_record(good));
    const std::string garbage[] = {
        "",
        "kosh3",
        "5:kosh3",                                         // tag only
        "5:kosh11:a1:T1:11:21:01:x",                       // index format 3's record, tag and all
        "5:kosh21:a1:T4:text1:11:21:01:x1:0",              // index format 4's record, tag and all
        "5:kosh41:a1:T4:text1:11:21:01:01:01:x1:0",        // a later version's tag
        good.substr(0, good.size() - 1),                   // truncated span count
        good.substr(0, good.size() - 4),                   // truncated text
        good.substr(0, good.size() / 2),                   // truncated in the middle
        "5:kosh31:a1:T4:text1:x1:21:01:01:01:x1:0",        // a line number that is not a number
        "5:kosh31:a1:T4:text1:11:21:01:02:-11:x1:0",       // a negative section count
        "5:kosh31:a1:T4:text1:11:21:01:01:51:x1:0",        // more sections than fields
        "5:kosh31:a1:T99999999999999999999999:x",          // a length that overflows
        "5:kosh31:a1:T4:text1:11:21:01:01:01:x",           // no code span count
        "5:kosh31:a1:T4:text1:11:21:01:01:01:x1:2",        // more code spans than fields
        "5:kosh31:a1:T4:text1:11:21:01:01:01:x1:11:01:2",  // a code span past the end of the text
        "5:kosh31:a1:T4:text1:11:21:01:01:01:x1:11:11:0",  // a code span that ends before it begins
        "5:kosh31:a1:T4:text1:11:21:01:01:01:x2:-11:01:1", // a negative span count
        ":kosh3",
        "x:kosh3",
        "\xFF\xFE\0\0"s,
        "This is just plain text, not a record.",
    };
    for (const std::string& data : garbage) {
        INFO("data: " << data);
        CHECK_FALSE(kosh::decode_record(data));
    }
}

// Regression: lengths whose digits stopped before the ':' ("1x:"), numbers with trailing junk,
// and lengths so large that `colon + 1 + length` wrapped around used to decode as records.
TEST_CASE("decode_record rejects malformed length prefixes", "[index]")
{
    SECTION("junk between the length digits and the colon")
    {
        REQUIRE(kosh::decode_record("5:kosh31:a1:T4:text1:11:21:01:01:01:x1:0"));
        CHECK_FALSE(kosh::decode_record("5:kosh31x:a1:T4:text1:11:21:01:01:01:x1:0"));
    }
    SECTION("junk after the digits of a number field")
    {
        CHECK_FALSE(kosh::decode_record("5:kosh31:a1:T4:text3:1x21:21:01:01:01:x1:0"));
        CHECK_FALSE(kosh::decode_record("5:kosh31:a1:T4:text1:11:21:01:01:01:x1:12:0x1:1"));
    }
    SECTION("a length near SIZE_MAX that wraps the bounds check")
    {
        // path length 2^64 - 2: the bounds check wraps, and the reader resumes on the length's last digit.
        CHECK_FALSE(kosh::decode_record("5:kosh318446744073709551614:Tttt4:text1:11:21:01:01:01:x1:0"));
    }
}

TEST_CASE("FileState round-trips through its encoding", "[index]")
{
    const FileState states[] = {
        {0, 0, 0, {}, {}},
        {1234, 1700000000123456789, 0xCBF29CE484222325ULL, {}, {}},
        {42, -1, std::numeric_limits<std::uint64_t>::max(), {}, {}},
        {static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()),
         std::numeric_limits<std::int64_t>::min(),
         1,
         {},
         {}},
        {5, 6, 7, {}, "markdown"},
        {5, 6, 7, "a/very/long/path.md", {}},
        {5, 6, 7, "a/very/long/path.md", "markdown"},
    };
    for (const FileState& state : states) {
        INFO("size " << state.size << " mtime " << state.mtime_ns << " fingerprint " << state.fingerprint);
        const auto decoded = kosh::decode_file_state(kosh::encode_file_state(state));
        REQUIRE(decoded);
        CHECK(*decoded == state);
    }
    CHECK(kosh::encode_file_state({5, 6, 7, {}, {}}) == "1:51:61:7");
    CHECK(kosh::encode_file_state({5, 6, 7, {}, "markdown"}) == "1:51:61:70:8:markdown");
    // The states of index format 3 (no format, maybe a long path) still decode.
    CHECK(kosh::decode_file_state("1:51:61:74:p.md") == FileState{5, 6, 7, "p.md", {}});
}

TEST_CASE("decode_file_state returns nullopt for garbage", "[index]")
{
    for (const std::string& data : {""s, "1:5"s, "1:51:6"s, "1:51:61:"s, "1:x1:61:7"s, "2:-51:61:7"s, "1:51:61:-"s,
                                    "99:5"s, "5:kosh1"s, "\0\0\0"s}) {
        INFO("data: " << data);
        CHECK_FALSE(kosh::decode_file_state(data));
    }
}
