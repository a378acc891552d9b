// Tests for JSON string escaping and number formatting.
#include "output/json_writer.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

TEST_CASE("json_escape quotes and escapes strings", "[output]")
{
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {"", R"("")"},
        {"plain", R"("plain")"},
        {"say \"hi\"", R"("say \"hi\"")"},
        {"back\\slash", R"("back\\slash")"},
        {"a/b", R"("a/b")"},
        {"line\nbreak", R"("line\nbreak")"},
        {"tab\there", R"("tab\there")"},
        {"cr\r", R"("cr\r")"},
        {"\b\f", R"("\b\f")"},
        {std::string("nul\0", 4), R"("nul\u0000")"},
        {"\x01\x1f", R"("\u0001\u001f")"},
        {"\x1b[31mred\x1b[0m", R"("\u001b[31mred\u001b[0m")"},
        {"\x1b]0;title\x07", R"("\u001b]0;title\u0007")"},
        {"del\x7f", R"("del\u007f")"},
        {"caf\xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\x80", "\"caf\xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\x80\""},
        {"\xE2\x80\xA8", "\"\xE2\x80\xA8\""}, // U+2028 is valid in JSON
        {"bad\xFF"
         "byte",
         R"("bad\ufffdbyte")"},
        {"\xC0\xAF", R"("\ufffd\ufffd")"},           // overlong
        {"\xED\xA0\x80", R"("\ufffd\ufffd\ufffd")"}, // surrogate
        {"cut\xE2\x82"
         "a",
         R"("cut\ufffd\ufffda")"},
    };
    for (const Row& row : rows) {
        INFO("input: " << row.input);
        CHECK(kosh::json_escape(row.input) == row.expected);
    }
}

TEST_CASE("json_number rounds to 4 decimals and keeps one", "[output]")
{
    struct Row {
        double value;
        const char* expected;
    };
    const Row rows[] = {
        {12.345678, "12.3457"},
        {0.82, "0.82"},
        {0.5, "0.5"},
        {3.0, "3.0"},
        {0.0, "0.0"},
        {-0.0, "0.0"},
        {-0.00001, "0.0"},
        {-1.25, "-1.25"},
        {0.00004, "0.0"},
        {0.00005, "0.0001"},
        {1e6, "1000000.0"},
        {std::numeric_limits<double>::quiet_NaN(), "null"},
        {std::numeric_limits<double>::infinity(), "null"},
        {-std::numeric_limits<double>::infinity(), "null"},
    };
    for (const Row& row : rows) {
        INFO("value: " << row.value);
        CHECK(kosh::json_number(row.value) == row.expected);
    }
}

TEST_CASE("json_decoded_offset accounts for replaced bytes", "[output]")
{
    const std::string valid = "caf\xC3\xA9 bar";
    for (std::size_t i = 0; i <= valid.size(); ++i) {
        CHECK(kosh::json_decoded_offset(valid, i) == i);
    }
    // "a", 0xFF (-> 3 bytes), "bc", 0xFE (-> 3 bytes), "d"
    const std::string invalid = "a\xFF"
                                "bc\xFE"
                                "d";
    CHECK(kosh::json_decoded_offset(invalid, 0) == 0);
    CHECK(kosh::json_decoded_offset(invalid, 1) == 1);
    CHECK(kosh::json_decoded_offset(invalid, 2) == 4);
    CHECK(kosh::json_decoded_offset(invalid, 4) == 6);
    CHECK(kosh::json_decoded_offset(invalid, 5) == 9);
    CHECK(kosh::json_decoded_offset(invalid, 6) == 10);
}

TEST_CASE("json_significant keeps significant digits as %g does", "[output]")
{
    CHECK(kosh::json_significant(132.44735, 6) == "132.447");
    CHECK(kosh::json_significant(100.0, 6) == "100");
    CHECK(kosh::json_significant(0.5, 6) == "0.5");
    CHECK(kosh::json_significant(1234567.0, 6) == "1.23457e+06");
    CHECK(kosh::json_significant(std::numeric_limits<double>::infinity(), 6) == "null");
    CHECK(kosh::json_significant(std::nan(""), 6) == "null");
}
