// Tests for judging by first letters which words could stem to a wanted stem.
#include "analyze/stem_initials.h"
#include "analyze/stemmer.h"
#include "analyze/tokenizer.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

TEST_CASE("StemInitials rules out only words that start with a letter none of its stems has", "[analyze]")
{
    kosh::StemInitials initials;
    initials.add("treati");
    initials.add("moscow");
    CHECK(initials.may_stem_to_one("treaties"));
    CHECK(initials.may_stem_to_one("moscow"));
    CHECK_FALSE(initials.may_stem_to_one("signed"));
    CHECK(initials.may_stem_to_one("1956"));   // not a-z: never ruled out
    CHECK(initials.may_stem_to_one("москва")); // nor a word in another script
    CHECK(initials.may_stem_to_one(""));
    CHECK_FALSE(kosh::StemInitials{}.may_stem_to_one("signed"));

    // A stem in digits or another script is no word's that starts with a-z: it rules out as before.
    initials.add("1950");
    initials.add("москв");
    CHECK_FALSE(initials.may_stem_to_one("signed"));
    // An empty stem is what ruled-out words get: with one wanted, nothing may be ruled out.
    initials.add("");
    CHECK(initials.may_stem_to_one("signed"));
}

TEST_CASE("English stems keep their word's first letter; German ones are not relied on", "[analyze]")
{
    kosh::Stemmer english("english");
    CHECK(english.keeps_first_letter());
    for (const std::string word : {"dying", "lying", "skies", "yelling", "ies", "sing", "idly", "ugly", "news"}) {
        INFO(word);
        CHECK(english.stem(word).substr(0, 1) == word.substr(0, 1));
    }
    // Every word of the shipped corpus that starts with a-z.
    std::ifstream file(std::string(KOSH_CORPUS_DIR) + "/nepal-russia-relations.txt");
    REQUIRE(file);
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::size_t checked = 0;
    for (const auto& token : kosh::tokenize(text)) {
        if (token.term[0] >= 'a' && token.term[0] <= 'z') {
            INFO(token.term);
            CHECK(english.stem(token.term)[0] == token.term[0]);
            ++checked;
        }
    }
    CHECK(checked > 1000);
    CHECK(kosh::Stemmer("en").keeps_first_letter());
    CHECK(kosh::Stemmer("none").keeps_first_letter());
    CHECK_FALSE(kosh::Stemmer("german").keeps_first_letter());
}
