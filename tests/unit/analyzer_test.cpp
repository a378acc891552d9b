// Tests for the analysis stages after tokenizing: stopwords, stemming, and the Analyzer pipeline.
#include "analyze/analyzer.h"
#include "analyze/stemmer.h"
#include "analyze/stopwords.h"
#include "util/error.h"

#include <catch2/catch.hpp>

#include <string>

using kosh::Analyzer;
using kosh::Stemmer;

TEST_CASE("is_stopword knows function and question words, in normalized form only", "[analyze]")
{
    struct Row {
        const char* word;
        bool stop;
    };
    const Row rows[] = {
        {"the", true}, {"of", true},         {"what", true},  {"did", true},    {"it's", true},
        {"a", true},   {"yourselves", true}, {"whom", true},  {"nepal", false}, {"capital", false},
        {"", false},   {"The", false},       {"thee", false}, {"whats", false}, {"yourselve", false},
    };
    for (const Row& row : rows) {
        INFO("word: '" << row.word << "'");
        CHECK(kosh::is_stopword(row.word) == row.stop);
    }
}

TEST_CASE("Stemmer stems English words with Snowball", "[analyze]")
{
    Stemmer stemmer("english");
    CHECK(stemmer.enabled());
    CHECK(stemmer.language() == "english");
    struct Row {
        const char* word;
        const char* stem;
    };
    const Row rows[] = {
        {"relations", "relat"},
        {"established", "establish"},
        {"capital", "capit"},
        {"running", "run"},
        {"countries", "countri"},
        {"diplomatic", "diplomat"},
        {"nepal's", "nepal"},
        {"1956", "1956"},
        {"", ""},
    };
    for (const Row& row : rows) {
        INFO("word: " << row.word);
        CHECK(stemmer.stem(row.word) == row.stem);
    }
    SECTION("a cached stem is the same as a fresh one")
    {
        const std::string first = stemmer.stem("relations");
        CHECK(stemmer.stem("relations") == first);
        CHECK(Stemmer("english").stem("relations") == first);
    }
}

TEST_CASE("Stemmer with language 'none' leaves words as they are", "[analyze]")
{
    Stemmer stemmer("none");
    CHECK_FALSE(stemmer.enabled());
    CHECK(stemmer.language() == "none");
    for (const char* word : {"relations", "established", "running", "nepal's"}) {
        CHECK(stemmer.stem(word) == word);
    }
}

TEST_CASE("Stemmer rejects an unknown language with a Fatal that names it and the known ones", "[analyze]")
{
    SECTION("made-up name")
    {
        try {
            Stemmer stemmer("klingon");
            FAIL("no exception for 'klingon'");
        } catch (const kosh::Fatal& error) {
            const std::string message = error.what();
            CHECK(message == "unknown language 'klingon' (known: none " + kosh::stemmer_languages() + ")");
            CHECK_THAT(message, Catch::Contains(" english "));
        }
    }
    SECTION("via Analyzer")
    {
        CHECK_THROWS_AS(Analyzer("Englisch"), kosh::Fatal);
        CHECK_THROWS_WITH(Analyzer("Englisch"), Catch::StartsWith("unknown language 'Englisch' (known: none "));
    }
}

TEST_CASE("stemmer_languages lists Xapian's Snowball languages", "[analyze]")
{
    // Built with append: GCC 12 warns falsely (-Wrestrict) about `" " + std::string&&`.
    std::string languages(" ");
    languages.append(kosh::stemmer_languages()).append(" ");
    for (const char* language : {" english ", " german ", " french ", " russian ", " nepali "}) {
        CHECK_THAT(languages, Catch::Contains(language));
    }
    CHECK_THAT(languages, !Catch::Contains(" none "));
}

TEST_CASE("Analyzer tokenizes, normalizes and stems, keeping offsets and positions", "[analyze]")
{
    struct Expected {
        const char* term;
        const char* stem;
        std::size_t begin;
        std::size_t end;
    };
    auto check = [](Analyzer& analyzer, std::string_view text, const std::vector<Expected>& expected) {
        const auto analyzed = analyzer.analyze(text);
        REQUIRE(analyzed.size() == expected.size());
        for (std::size_t i = 0; i < analyzed.size(); ++i) {
            INFO("token " << i);
            CHECK(analyzed[i].token.term == expected[i].term);
            CHECK(analyzed[i].stem == expected[i].stem);
            CHECK(analyzed[i].token.begin == expected[i].begin);
            CHECK(analyzed[i].token.end == expected[i].end);
            CHECK(analyzed[i].token.position == i);
        }
    };
    SECTION("english")
    {
        Analyzer analyzer("english");
        CHECK(analyzer.language() == "english");
        check(analyzer, "The Relations were ESTABLISHED in 1956.",
              {{"the", "the", 0, 3},
               {"relations", "relat", 4, 13},
               {"were", "were", 14, 18},
               {"established", "establish", 19, 30},
               {"in", "in", 31, 33},
               {"1956", "1956", 34, 38}});
        CHECK(analyzer.stem("relations") == "relat");
    }
    SECTION("none")
    {
        Analyzer analyzer("none");
        check(analyzer, "Relations Caf\xC3\xA9", {{"relations", "relations", 0, 9}, {"cafe", "cafe", 10, 15}});
    }
    SECTION("empty text")
    {
        Analyzer analyzer("english");
        CHECK(analyzer.analyze("").empty());
        CHECK(analyzer.analyze(" -- ").empty());
    }
}
