// Tests for word families: forms of one English word that stemming cannot join.
#include "analyze/word_families.h"
#include "analyze/stemmer.h"

#include <catch2/catch.hpp>

TEST_CASE("WordFamilies joins irregular forms of an English word, by their stems", "[analyze]")
{
    kosh::Stemmer stemmer("english");
    const auto& english = kosh::WordFamilies::of("english");
    auto same = [&](const std::string& a, const std::string& b) { return english.same_word(stemmer.stem(a), stemmer.stem(b)); };
    CHECK(same("built", "build"));
    CHECK(same("building", "built")); // "building" stems to "build"
    CHECK(same("taught", "teaching"));
    CHECK(same("died", "death"));
    CHECK(same("wrote", "written"));
    CHECK_FALSE(same("built", "taught"));   // two families
    CHECK_FALSE(same("build", "building")); // one stem: the stemmer already joins them
    CHECK_FALSE(same("found", "find"));     // left out: "to found" is another word
    CHECK_FALSE(same("meant", "mean"));     // left out: "the mean" is another word
}

TEST_CASE("WordFamilies has no families for other languages", "[analyze]")
{
    kosh::Stemmer stemmer("english");
    CHECK(kosh::WordFamilies::of("en").same_word(stemmer.stem("built"), stemmer.stem("build"))); // English too
    CHECK_FALSE(kosh::WordFamilies::of("german").same_word(stemmer.stem("built"), stemmer.stem("build")));
    CHECK_FALSE(kosh::WordFamilies::of("none").same_word("built", "build"));
}
