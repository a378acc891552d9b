// Tests for identifier_tokens: identifiers joined by underscores, as whole terms beside their words.
#include "analyze/identifiers.h"

#include <catch2/catch.hpp>

namespace {

std::vector<std::string> terms(std::string_view text)
{
    std::vector<std::string> found;
    for (const auto& token : kosh::identifier_tokens(text, kosh::tokenize(text))) {
        found.push_back(token.term);
    }
    return found;
}

} // namespace

TEST_CASE("identifier_tokens finds each run joined by underscores, lower-cased", "[identifiers]")
{
    using Strings = std::vector<std::string>;
    CHECK(terms("Call find_package, then set CMAKE_BUILD_TYPE.") == Strings{"find_package", "cmake_build_type"});
    CHECK(terms("__init__ and O_APPEND and x86_64") == Strings{"__init__", "o_append", "x86_64"});
    CHECK(terms("no identifiers here, nor _ or __ alone").empty());
    CHECK(terms("caf\xC3\xA9_au_lait").empty()); // runs into a non-ASCII letter: the tokenizer's word
}

TEST_CASE("identifier_tokens places an identifier at its first word, with its byte range", "[identifiers]")
{
    const std::string text = "then spin_lock_irqsave(flags)";
    const auto words = kosh::tokenize(text);
    const auto found = kosh::identifier_tokens(text, words);
    REQUIRE(found.size() == 1);
    CHECK(found[0].position == words[1].position); // "spin"
    CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "spin_lock_irqsave");
    const auto dunder = kosh::identifier_tokens("__init__", kosh::tokenize("__init__"));
    REQUIRE(dunder.size() == 1);
    CHECK(dunder[0].position == 0);
}

TEST_CASE("is_identifier: underscores with a letter or digit, ASCII only", "[identifiers]")
{
    CHECK(kosh::is_identifier("rcu_read_lock"));
    CHECK(kosh::is_identifier("_private"));
    CHECK_FALSE(kosh::is_identifier("plain"));
    CHECK_FALSE(kosh::is_identifier("___"));
    CHECK_FALSE(kosh::is_identifier("a-b_c"));
}

TEST_CASE("identifier_tokens takes long options in identifier form", "[identifiers]")
{
    using Strings = std::vector<std::string>;
    CHECK(terms("skip them with git commit --no-verify.") == Strings{"__no_verify"});
    CHECK(terms("--Depth=1 and --x-") == Strings{"__depth", "__x"});
    CHECK(terms("a -- b, x--y, ---z").empty()); // a lone --, one inside a word, three dashes
}
