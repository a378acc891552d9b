// Tests for the relaxation ladder of `kosh search` and the query splitting it relies on.
#include "search/relaxation.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using kosh::Rewrite;

std::vector<kosh::RelaxedQuery> steps_for(const kosh::QueryItems& items)
{
    return kosh::relaxation_steps(items, [](const std::string& part) { return Xapian::Query(part); });
}

} // namespace

TEST_CASE("split_query_items splits at top-level spaces and keeps path: filters apart", "[relax]")
{
    const auto items = kosh::split_query_items("nepal \"soviet union\" (hydro OR power) title:dam path:docs/");
    REQUIRE(items.has_value());
    CHECK(items->terms == std::vector<std::string>{"nepal", "\"soviet union\"", "(hydro OR power)", "title:dam"});
    CHECK(items->filters == std::vector<std::string>{"path:docs/"});
}

TEST_CASE("split_query_items takes a closing bracket with nothing open as text", "[relax]")
{
    const auto items = kosh::split_query_items("a) b c");
    REQUIRE(items.has_value());
    CHECK(items->terms == std::vector<std::string>{"a)", "b", "c"});
}

TEST_CASE("split_query_items refuses queries whose parts the user combined explicitly", "[relax]")
{
    for (const char* query :
         {"nepal AND river", "nepal OR river", "nepal NOT river", "a NEAR/3 b", "+nepal river", "nepal -river"}) {
        INFO(query);
        CHECK_FALSE(kosh::split_query_items(query).has_value());
    }
}

TEST_CASE("relaxation_steps asks for most of the words, then any of them", "[relax]")
{
    const auto steps = steps_for({{"a", "b", "c"}, {}});
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].rewrite == Rewrite{Rewrite::Kind::most_terms, "(a AND b) OR (a AND c) OR (b AND c)", true, 2, 3});
    CHECK(steps[0].query.get_type() == Xapian::Query::OP_OR);
    CHECK(steps[0].query.get_num_subqueries() == 3);
    CHECK(steps[1].rewrite == Rewrite{Rewrite::Kind::any_term, "a OR b OR c", true, 1, 3});
}

TEST_CASE("relaxation_steps loosens one word at a time and keeps filters on every step", "[relax]")
{
    const auto steps = steps_for({{"a", "b", "c", "d"}, {"path:x/"}});
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].rewrite.matched == 3);
    CHECK(steps[1].rewrite.matched == 2);
    CHECK(steps[2].rewrite.kind == Rewrite::Kind::any_term);
    CHECK(steps[2].rewrite.query == "(a OR b OR c OR d) path:x/");
    for (const auto& step : steps) {
        CHECK(step.query.get_type() == Xapian::Query::OP_FILTER);
    }
}

TEST_CASE("relaxation_steps skips steps with too many combinations, and has none below two words", "[relax]")
{
    std::vector<std::string> twelve;
    for (char c = 'a'; c < 'a' + 12; ++c) {
        twelve.emplace_back(1, c);
    }
    const auto steps = steps_for({twelve, {}});
    // C(12,11) = 12 and C(12,2) = 66 > 64, C(12,10) = 66 > 64: only 11 of 12, then any.
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].rewrite.matched == 11);
    CHECK(steps[1].rewrite.kind == Rewrite::Kind::any_term);
    CHECK(steps_for({{"a"}, {}}).empty());
    // Two words: no "most" step below both, only any of them.
    const auto two = steps_for({{"a", "b"}, {}});
    REQUIRE(two.size() == 1);
    CHECK(two[0].rewrite.kind == Rewrite::Kind::any_term);
}

TEST_CASE("relaxation_steps takes a step of exactly 64 combinations, not 65", "[relax]")
{
    const auto words = [](int n) {
        std::vector<std::string> out;
        for (int i = 0; i < n; ++i) {
            out.push_back("w" + std::to_string(i));
        }
        return out;
    };
    // C(64,63) = 64: that step is taken; C(65,64) = 65 is not.
    const auto sixty_four = steps_for({words(64), {}});
    REQUIRE(sixty_four.size() == 2);
    CHECK(sixty_four[0].rewrite.matched == 63);
    CHECK(steps_for({words(65), {}}).size() == 1);
}
