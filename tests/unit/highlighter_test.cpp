// Tests for the highlighter's match terms: which words of a passage a query's wildcards cover.
#include "search/highlighter.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

TEST_CASE("add_wildcards takes the prefix before each star, and nothing from a bare star", "[search]")
{
    kosh::MatchTerms terms;
    terms.add_wildcards("hydro* AND title:sov* OR (kath* \"pan*\") * (*");
    CHECK(terms.prefixes == std::set<std::string>{"hydro", "sov", "kath", "pan"});
    CHECK(terms.words.empty());
    CHECK(terms.stems.empty());

    kosh::MatchTerms bare;
    bare.add_wildcards("*");
    CHECK(bare.empty());
}
