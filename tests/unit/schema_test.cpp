// Tests for the schema's term rules: which terms fit Xapian's limit, which are ranking terms.
#include "index/schema.h"

#include <catch2/catch.hpp>

#include <string>

namespace schema = kosh::schema;

TEST_CASE("fits_term holds terms to k_max_term_bytes, prefixes included", "[index]")
{
    const std::string longest(schema::k_max_term_bytes, 'a');
    CHECK(schema::fits_term(longest.size()));
    CHECK_FALSE(schema::fits_term(longest.size() + 1));
    CHECK(schema::fits_term(0, longest));
    CHECK_FALSE(schema::fits_term(1, longest));
    const std::string stem(schema::k_max_term_bytes - schema::k_max_stemmed_prefix_bytes, 'a');
    CHECK(schema::fits_term(schema::k_max_stemmed_prefix_bytes, stem));
    CHECK_FALSE(schema::fits_term(schema::k_max_stemmed_prefix_bytes, stem + "a"));
    CHECK(schema::k_max_stemmed_prefix_bytes == schema::stemmed_term(schema::k_section_prefix, "").size());
}

TEST_CASE("is_ranking_term accepts \"Z\" + stem and no field's stemmed term", "[index]")
{
    CHECK(schema::is_ranking_term(schema::stemmed_term(schema::k_body_prefix, "nepal")));
    CHECK(schema::is_ranking_term("Z1956"));
    CHECK_FALSE(schema::is_ranking_term(schema::stemmed_term(schema::k_section_prefix, "nepal")));
    CHECK_FALSE(schema::is_ranking_term(schema::stemmed_term(schema::k_title_prefix, "nepal")));
    CHECK_FALSE(schema::is_ranking_term("Z"));
    CHECK_FALSE(schema::is_ranking_term("nepal"));
    CHECK_FALSE(schema::is_ranking_term("Pdocs/"));
}
