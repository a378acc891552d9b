// Tests for file_names: path-filter terms, a file's own term and its metadata key, hashed when long.
#include "index/file_names.h"

#include "index/schema.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using Strings = std::vector<std::string>;

TEST_CASE("path_terms name the file and every folder above it", "[index]")
{
    CHECK(kosh::path_terms("docs/guide/intro.md") == Strings{"Pdocs/guide/intro.md", "Pdocs/", "Pdocs/guide/"});
    CHECK(kosh::path_terms("notes.txt") == Strings{"Pnotes.txt"});
}

TEST_CASE("path_terms leave out what is too long for a term but keep the folders that fit", "[index]")
{
    const std::string folder(200, 'f');
    const std::string path = "a/" + folder + "/" + std::string(60, 'n') + ".txt"; // over 240 bytes
    CHECK(kosh::path_terms(path) == Strings{"Pa/", "Pa/" + folder + "/"});
}

TEST_CASE("file_term spells out a path that fits in a term and hashes a longer one", "[index]")
{
    CHECK(kosh::file_term("docs/nepal.md") == "Pdocs/nepal.md");

    const std::string fits(kosh::schema::k_max_term_bytes - 1, 'x');
    CHECK(kosh::file_term(fits) == "P" + fits);
    const std::string too_long(kosh::schema::k_max_term_bytes, 'x');
    const std::string hashed = kosh::file_term(too_long);
    CHECK(hashed.size() == 2 + 16); // "P#" + 16 hex digits
    CHECK(hashed.starts_with("P#"));
    CHECK(hashed != kosh::file_term(too_long + "y")); // another path, another term
    CHECK(hashed == kosh::file_term(too_long));       // the same path, the same term: found again
}

TEST_CASE("file_state_key spells out a path that fits in a metadata key and hashes a longer one", "[index]")
{
    CHECK(kosh::file_state_key("docs/nepal.md") == "kosh.file:docs/nepal.md");
    const std::string too_long(kosh::schema::k_max_meta_key_bytes, 'x');
    REQUIRE(kosh::schema::needs_hashed_key(too_long));
    const std::string key = kosh::file_state_key(too_long);
    CHECK(key.starts_with("kosh.file:#"));
    CHECK(key.size() == std::string("kosh.file:#").size() + 16);
}
