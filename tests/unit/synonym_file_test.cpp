// Tests for the synonyms file parser: groups, normalization, comments, and exact errors.
#include "index/synonym_file.h"
#include "index/synonym_table.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using kosh::SynonymGroup;

std::vector<SynonymGroup> parse_ok(const std::string& text)
{
    auto groups = kosh::parse_synonyms(text, "syn.txt");
    REQUIRE(groups.has_value());
    return *groups;
}

std::string parse_error(const std::string& text)
{
    const auto groups = kosh::parse_synonyms(text, "syn.txt");
    REQUIRE_FALSE(groups.has_value());
    return groups.error();
}

} // namespace

TEST_CASE("parse_synonyms reads one group a line, normalized like the index", "[synonyms]")
{
    const auto groups = parse_ok("# countries\n\nUSSR = Soviet Union, Soviet state\n  Café = coffee house  \n");
    REQUIRE(groups.size() == 2);
    CHECK(groups[0] == SynonymGroup{{"ussr"}, {"soviet", "union"}, {"soviet", "state"}});
    CHECK(groups[1] == SynonymGroup{{"cafe"}, {"coffee", "house"}});
}

TEST_CASE("parse_synonyms drops an entry repeated in its group", "[synonyms]")
{
    CHECK(parse_ok("USSR = ussr, U S S R")[0] == SynonymGroup{{"ussr"}, {"u", "s", "s", "r"}});
}

TEST_CASE("parse_synonyms names the file and line of a malformed line", "[synonyms]")
{
    struct Case {
        std::string text;
        std::string error;
    };
    const std::vector<Case> cases = {
        {"USSR Soviet Union\n", "syn.txt:1: expected 'WORD = SYNONYM[, SYNONYM...]'"},
        {"# ok\nUSSR =\n", "syn.txt:2: an empty entry after '='"},
        {" = Soviet Union\n", "syn.txt:1: an empty entry before '='"},
        {"USSR = Soviet Union,\n", "syn.txt:1: an empty entry after '='"},
        {"a = b = c\n", "syn.txt:1: more than one '='; write one group a line"},
        {"USSR = ---\n", "syn.txt:1: '---' has no words after '='"},
        {"USSR = usSR\n", "syn.txt:1: both sides of '=' are the same once normalized"},
        {"x = one two three four five six seven\n",
         "syn.txt:1: 'one two three four five six seven' has 7 words; an entry has at most 6 after '='"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(parse_error(c.text) == c.error);
    }
}

TEST_CASE("format_synonyms writes groups that parse_synonyms reads back", "[synonyms]")
{
    const auto groups = parse_ok("USSR = Soviet Union, Soviet state\nhydro = hydropower\n");
    CHECK(kosh::format_synonyms(groups) == "ussr = soviet union, soviet state\nhydro = hydropower\n");
    CHECK(parse_ok(kosh::format_synonyms(groups)) == groups);
}
