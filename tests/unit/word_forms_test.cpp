// Tests for the forms of question words looked for in sentences: shares, related forms, initials.
#include "search/word_forms.h"

#include "analyze/stemmer.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

TEST_CASE("QuestionForms credits a stem, another form of its word, and a related form", "[search]")
{
    const kosh::QuestionForms question({"build", "teach"}, kosh::WordFamilies::of("english"));
    const std::vector<std::string> sentence{"built", "teacher"};
    const auto shares = question.shares(sentence);
    REQUIRE(question.stems() == std::vector<std::string>{"build", "teach"});
    CHECK(shares[0] == 1.0); // "built" is a form of "build"
    CHECK(shares[1] == Approx(kosh::k_related_form_share));
    CHECK(question.shares(std::vector<std::string>{"", "walk"}) == std::vector<double>{0.0, 0.0});
}

TEST_CASE("StemInitials rules out only words that start with a letter none of its stems has", "[search]")
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

TEST_CASE("QuestionForms's initials include those of the other forms of its words", "[search]")
{
    kosh::Stemmer stemmer("english");
    const kosh::QuestionForms question({stemmer.stem("go"), stemmer.stem("treaty")}, kosh::WordFamilies::of("english"));
    CHECK(question.initials().may_stem_to_one("went")); // "go went gone"
    CHECK(question.initials().may_stem_to_one("treaties"));
    CHECK_FALSE(question.initials().may_stem_to_one("signed"));
    // Every word whose stem the question credits starts with one of the initials.
    for (const std::string word : {"going", "went", "gone", "treaties", "treatise"}) {
        const std::vector<std::string> stems{stemmer.stem(word)};
        INFO(word);
        CHECK(question.shares(stems) != std::vector<double>{0.0, 0.0});
        CHECK(question.initials().may_stem_to_one(word));
    }
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
