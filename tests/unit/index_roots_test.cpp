// Tests for the roots an index keeps: their encoding and the path rules around them.
#include "index/index_roots.h"

#include <catch2/catch.hpp>

TEST_CASE("roots survive encoding with their walk options, and damaged data is refused", "[index_roots]")
{
    kosh::WalkOptions walk;
    walk.include = {"*.md", "a:b"};
    walk.exclude = {"*.log"};
    walk.all_files = true;
    const std::vector<kosh::IndexRoot> roots = {{"/home/ann/my notes", walk}, {"/srv/docs\n2", {}}};
    const auto decoded = kosh::decode_roots(kosh::encode_roots(roots));
    REQUIRE(decoded);
    CHECK(*decoded == roots);
    CHECK(kosh::decode_roots(kosh::encode_roots({}))->empty());
    CHECK_FALSE(kosh::decode_roots("2:1x"));
    CHECK_FALSE(kosh::decode_roots(kosh::encode_roots(roots) + "junk"));
}

TEST_CASE("is_within: a path is within a folder only at a name boundary", "[index_roots]")
{
    CHECK(kosh::is_within("/a/b", "/a"));
    CHECK(kosh::is_within("/a", "/a"));
    CHECK_FALSE(kosh::is_within("/ab", "/a"));
    CHECK_FALSE(kosh::is_within("/a", "/a/b"));
    CHECK(kosh::is_within("/anything", "/"));
}
