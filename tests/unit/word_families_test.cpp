// Tests for word families: forms of one English word that stemming cannot join.
#include "analyze/stemmer.h"
#include "analyze/word_families.h"

#include <catch2/catch.hpp>

#include <array>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

TEST_CASE("WordFamilies joins irregular forms of an English word, by their stems", "[analyze]")
{
    kosh::Stemmer stemmer("english");
    const auto& english = kosh::WordFamilies::of("english");
    auto same = [&](const std::string& a, const std::string& b) {
        return english.same_word(stemmer.stem(a), stemmer.stem(b));
    };
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

TEST_CASE("WordFamilies's table holds the stems of these words, one family a line", "[analyze]")
{
    // The words whose stems src/analyze/word_families.cpp lists: a change of the stemmer shows here.
    constexpr auto families = std::to_array<std::string_view>({
        "arise arose arisen",
        "awake awoke awoken",
        "become became",
        "begin began begun",
        "bend bent",
        "bleed bled",
        "blow blew blown",
        "break broke broken",
        "breed bred",
        "bring brought",
        "build built",
        "buy bought",
        "catch caught",
        "choose chose chosen",
        "come came",
        "creep crept",
        "deal dealt",
        "dig dug",
        "draw drew drawn",
        "drink drank drunk",
        "drive drove driven",
        "eat ate eaten",
        "fall fell fallen",
        "fight fought",
        "flee fled",
        "fly flew flown",
        "forbid forbade forbidden",
        "forget forgot forgotten",
        "forgive forgave forgiven",
        "freeze froze frozen",
        "get got gotten",
        "give gave given",
        "go went gone",
        "grow grew grown",
        "hang hung",
        "hear heard",
        "hide hid hidden",
        "hold held",
        "keep kept",
        "kneel knelt",
        "know knew known",
        "lose lost",
        "make made",
        "meet met",
        "pay paid",
        "ride rode ridden",
        "run ran",
        "say said",
        "see seen",
        "seek sought",
        "sell sold",
        "send sent",
        "shake shook shaken",
        "shine shone",
        "shoot shot",
        "show shown",
        "shrink shrank shrunk",
        "sing sang sung",
        "sleep slept",
        "slide slid",
        "speak spoke spoken",
        "spend spent",
        "spin spun",
        "stand stood",
        "steal stole stolen",
        "sting stung",
        "strike struck stricken",
        "swear swore sworn",
        "sweep swept",
        "swim swam swum",
        "swing swung",
        "take took taken",
        "teach taught",
        "tell told",
        "think thought",
        "throw threw thrown",
        "understand understood",
        "wake woke woken",
        "wear wore worn",
        "weave wove woven",
        "win won",
        "write wrote written",
        "die death dead",
        "birth born",
    });
    kosh::Stemmer stemmer("english");
    const auto& english = kosh::WordFamilies::of("english");
    for (std::size_t line = 0; line < families.size(); ++line) {
        std::istringstream words{std::string(families[line])};
        std::set<std::string_view> stems; // of this line's words
        std::string word;
        while (words >> word) {
            INFO(word);
            const std::string& stem = stemmer.stem(word);
            CHECK(english.family_of(stem) == static_cast<int>(line)); // the table keeps the lines' order
            stems.insert(stem);
        }
        const auto listed = english.stems_of(static_cast<int>(line));
        CHECK(std::set<std::string_view>(listed.begin(), listed.end()) == stems); // and nothing more
        CHECK(listed.size() == stems.size());
    }
    CHECK(english.stems_of(static_cast<int>(families.size())).empty()); // no family beyond the words'
    CHECK(english.family_of("walk") == kosh::WordFamilies::k_none);
}
