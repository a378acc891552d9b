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

TEST_CASE("a related form counts both ways, from five letters on", "[search]")
{
    const kosh::QuestionForms longer({"teacher"}, kosh::WordFamilies::of("english"));
    CHECK(longer.shares(std::vector<std::string>{"teach"})[0] == Approx(kosh::k_related_form_share));
    const kosh::QuestionForms shorter({"teach"}, kosh::WordFamilies::of("english"));
    CHECK(shorter.shares(std::vector<std::string>{"teacher"})[0] == Approx(kosh::k_related_form_share));
    // Four letters are too few: "star" and "start" are not one word.
    const kosh::QuestionForms four({"star"}, kosh::WordFamilies::of("english"));
    CHECK(four.shares(std::vector<std::string>{"start"})[0] == 0.0);
    CHECK(kosh::related_forms("teach", "teachers"));
    CHECK(kosh::related_forms("teachers", "teach"));
    CHECK_FALSE(kosh::related_forms("star", "start"));
    CHECK_FALSE(kosh::related_forms("start", "star"));
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
