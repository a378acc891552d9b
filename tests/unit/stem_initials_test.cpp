// Tests for judging by first letters which words could stem to a wanted stem.
#include "analyze/stem_initials.h"
#include "analyze/stemmer.h"

#include <catch2/catch.hpp>

#include <string>

TEST_CASE("StemInitials rules out only words that start with a letter none of its stems has", "[analyze]")
{
    kosh::StemInitials initials;
    initials.add("treati");
    initials.add("moscow");
    CHECK(initials.may_stem_to_one("treaties"));
    CHECK(initials.may_stem_to_one("moscow"));
    CHECK_FALSE(initials.may_stem_to_one("signed"));
    CHECK(initials.may_stem_to_one("1956"));  // not a-z
    CHECK(initials.may_stem_to_one("'tis"));  // not a-z
    CHECK(initials.may_stem_to_one("über")); // not a-z
    CHECK(initials.may_stem_to_one(""));

    kosh::StemInitials with_digit;
    with_digit.add("1950");
    CHECK(with_digit.may_stem_to_one("signed")); // a stem not starting with a-z rules nothing out
    CHECK_FALSE(kosh::StemInitials{}.may_stem_to_one("signed"));
}

TEST_CASE("English stems keep their word's first letter; German ones are not relied on", "[analyze]")
{
    kosh::Stemmer english("english");
    CHECK(english.keeps_first_letter());
    for (const std::string word : {"dying", "lying", "skies", "yelling", "ies", "sing", "idly", "ugly", "news"}) {
        INFO(word);
        CHECK(english.stem(word).substr(0, 1) == word.substr(0, 1));
    }
    CHECK(kosh::Stemmer("en").keeps_first_letter());
    CHECK(kosh::Stemmer("none").keeps_first_letter());
    CHECK_FALSE(kosh::Stemmer("german").keeps_first_letter());
}
