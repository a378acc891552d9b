// Tests for Searcher: questions and queries against a small real index, with answers and highlights.
#include "index/database.h"
#include "index/indexer.h"
#include "search/query_builder.h"
#include "search/searcher.h"
#include "util/error.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using kosh::QuestionResult;
using kosh::Searcher;
using kosh::SearchOptions;

// tests/data/unit/corpus indexed once for every test here (read-only):
//   docs/nepal.md:5   Geography  "Nepal is a landlocked country ... capital is Kathmandu,\nwhich lies in a valley."
//   docs/nepal.md:10  Relations  "Diplomatic relations between Nepal and Russia were established in 1956. ..."
//   docs/water.md:5   Hydropower "Hydroelectricity supplies most of the electricity in Nepal. Rivers fed by glaciers ..."
//   docs/water.md:9   Rivers     "The Koshi river is the largest river in the country. Floods on the Koshi ..."
//   notes.txt:1                  "Shopping list for the weekend picnic at the lake: ..."
struct SharedIndex {
    kosh::test::TempDir dir;
    fs::path index = dir / "index";

    SharedIndex()
    {
        kosh::test::copy_fixture("corpus", dir / "corpus");
        kosh::IndexOptions options;
        options.request = kosh::only_these({"."});
        options.index_dir = index;
        kosh::test::ScopedCurrentDir cwd(dir / "corpus");
        const auto summary = kosh::update_index(options, {});
        if (summary.passages != 5) {
            throw std::runtime_error("the fixture corpus should give 5 passages");
        }
    }
};

const SharedIndex& shared_index()
{
    static const SharedIndex shared;
    return shared;
}

Searcher make_searcher()
{
    return Searcher(kosh::open_index(shared_index().index), "english");
}

/// A stored (absolute) path cut to the part below the test's corpus folder: "docs/nepal.md".
std::string below_corpus(const std::string& path)
{
    static const std::regex corpus_folder("^/.*/corpus/");
    return std::regex_replace(path, corpus_folder, "");
}

SearchOptions with_limit(int limit, kosh::DefaultOperator op = kosh::DefaultOperator::all)
{
    SearchOptions options;
    options.limit = limit;
    options.default_operator = op;
    return options;
}

std::string where(const kosh::PassageHit& hit)
{
    return below_corpus(hit.path) + ":" + std::to_string(hit.line);
}

// The passages of a result as "path:line", sorted (for queries whose ranking is not the point).
std::vector<std::string> found(const QuestionResult& result)
{
    std::vector<std::string> places;
    for (const auto& hit : result.passages) {
        places.push_back(where(hit));
    }
    std::sort(places.begin(), places.end());
    return places;
}

std::vector<std::string> highlighted(const std::string& text, const std::vector<kosh::ByteSpan>& spans)
{
    std::vector<std::string> words;
    std::size_t previous_end = 0;
    for (const auto& span : spans) {
        REQUIRE(span.begin >= previous_end);
        REQUIRE(span.begin < span.end);
        REQUIRE(span.end <= text.size());
        words.push_back(text.substr(span.begin, span.end - span.begin));
        previous_end = span.end;
    }
    return words;
}

using Strings = std::vector<std::string>;

const std::string N5 = "docs/nepal.md:5";
const std::string N10 = "docs/nepal.md:10";
const std::string W5 = "docs/water.md:5";
const std::string W9 = "docs/water.md:9";
const std::string T1 = "notes.txt:1";

} // namespace

TEST_CASE("Searcher::ask ranks the passage holding the fact first and picks its sentence", "[search]")
{
    Searcher searcher = make_searcher();
    const QuestionResult result =
        searcher.ask("When were diplomatic relations between Nepal and Russia established?", with_limit(3));
    CHECK(result.question == "When were diplomatic relations between Nepal and Russia established?");
    CHECK(result.error.empty());
    REQUIRE_FALSE(result.passages.empty());
    const kosh::PassageHit& top = result.passages.front();
    CHECK(where(top) == N10);
    CHECK(top.rank == 1);
    CHECK(top.last_line == 10);
    CHECK(top.title == "Nepal");
    CHECK(top.sections == Strings{"Relations"});
    CHECK(highlighted(top.text, top.highlights) ==
          Strings{"Diplomatic", "relations", "Nepal", "Russia", "established"});

    REQUIRE(result.answer);
    CHECK(result.answer->sentence == "Diplomatic relations between Nepal and Russia were established in 1956.");
    CHECK(below_corpus(result.answer->path) == "docs/nepal.md");
    CHECK(result.answer->line == 10);
    CHECK(result.answer->passage_rank == 1);
    CHECK(result.answer->score.coverage == Approx(1.0));
    CHECK(highlighted(result.answer->sentence, result.answer->highlights) ==
          Strings{"Diplomatic", "relations", "Nepal", "Russia", "established"});

    for (std::size_t i = 0; i < result.passages.size(); ++i) {
        CHECK(result.passages[i].rank == static_cast<int>(i) + 1);
        if (i > 0) {
            CHECK(result.passages[i - 1].score >= result.passages[i].score);
        }
    }
}

TEST_CASE("Searcher::ask weighs rare question words above common ones", "[search]")
{
    Searcher searcher = make_searcher();
    const QuestionResult result = searcher.ask("What is the capital of Nepal?", with_limit(3));
    REQUIRE_FALSE(result.passages.empty());
    CHECK(where(result.passages.front()) == N5);
    CHECK(highlighted(result.passages.front().text, result.passages.front().highlights) == Strings{"Nepal", "capital"});
    REQUIRE(result.answer);
    // "capital" (1 passage of 5) outweighs "Nepal" (3 of 5): the Kathmandu sentence wins, across its line break.
    CHECK(result.answer->sentence == "Its capital is Kathmandu,\nwhich lies in a valley.");
    CHECK(result.answer->line == 5);
    // Each weighs more again where few of the three passages' six sentences hold it: "capital"
    // is in one of them, "Nepal" in three.
    const double capital = std::log(1.0 + 5.0 / 2.0) * (1.0 + 0.5 * std::log(6.0 / 1.0));
    const double nepal = std::log(1.0 + 5.0 / 4.0) * (1.0 + 0.5 * std::log(6.0 / 3.0));
    CHECK(result.answer->score.coverage == Approx(capital / (capital + nepal)));
    CHECK(highlighted(result.answer->sentence, result.answer->highlights) == Strings{"capital"});
}

TEST_CASE("Searcher::ask normalizes and stems the question like the index", "[search]")
{
    Searcher searcher = make_searcher();
    for (const char* question : {"KOSHI floods?", "k\xC3\xB3shi flood", "Are there floods on the Koshi river?"}) {
        INFO("question: " << question);
        const QuestionResult result = searcher.ask(question, with_limit(3));
        REQUIRE_FALSE(result.passages.empty());
        CHECK(where(result.passages.front()) == W9);
        REQUIRE(result.answer);
        CHECK(result.answer->sentence == "Floods on the Koshi are common in summer.");
    }
}

TEST_CASE("Searcher::ask returns nothing for a question about something absent", "[search]")
{
    Searcher searcher = make_searcher();
    SECTION("no word of the question is indexed")
    {
        const QuestionResult result = searcher.ask("Where do emperor penguins breed?", with_limit(3));
        CHECK(result.passages.empty());
        CHECK_FALSE(result.answer);
    }
    SECTION("only a common word matches, too little of the question")
    {
        const QuestionResult result = searcher.ask("How do penguins in Antarctica affect Nepal?", with_limit(3));
        CHECK(result.passages.empty());
        CHECK_FALSE(result.answer);
    }
}

TEST_CASE("Searcher::ask judges a long list of search terms on ten words' worth of it", "[search]")
{
    Searcher searcher = make_searcher();
    SECTION("several of its words in one passage pass, though far less than 0.3 of fifteen")
    {
        const QuestionResult result = searcher.ask(
            "koshi river floods summer largest penguins antarctica krill seals icebergs whales tundra walrus orca petrels",
            with_limit(3));
        REQUIRE_FALSE(result.passages.empty());
        CHECK(where(result.passages.front()) == W9);
    }
    SECTION("one common word among many absent ones is still too little")
    {
        const QuestionResult result = searcher.ask(
            "Nepal penguins antarctica emperor krill seals icebergs whales tundra walrus orca petrels", with_limit(3));
        CHECK(result.passages.empty());
    }
}

TEST_CASE("Searcher::ask rejects a question without words", "[search]")
{
    Searcher searcher = make_searcher();
    for (const char* question : {"", "   ", "?!", "\xF0\x9F\x99\x82"}) {
        INFO("question: '" << question << "'");
        CHECK_THROWS_AS(searcher.ask(question, with_limit(3)), kosh::Error);
        CHECK_THROWS_WITH(searcher.ask(question, with_limit(3)), "the question has no words to search for");
    }
}

TEST_CASE("Searcher::ask returns at most `limit` passages", "[search]")
{
    Searcher searcher = make_searcher();
    CHECK(found(searcher.ask("Nepal", with_limit(10))) == Strings{N10, N5, W5});
    CHECK(searcher.ask("Nepal", with_limit(2)).passages.size() == 2);
    CHECK(searcher.ask("Nepal", with_limit(1)).passages.size() == 1);
    // Five passages match; the default, as documented, shows three.
    CHECK(searcher.search("nepal OR river OR picnic", with_limit(10)).passages.size() == 5);
    CHECK(searcher.search("nepal OR river OR picnic", SearchOptions{}).passages.size() == 3);
}

TEST_CASE("Searcher::ask lets through a passage that covers exactly the share asked for", "[search]")
{
    Searcher searcher = make_searcher();
    SearchOptions all_of_it = with_limit(3);
    all_of_it.min_coverage = 1.0;
    const QuestionResult result =
        searcher.ask("When were diplomatic relations between Nepal and Russia established?", all_of_it);
    REQUIRE_FALSE(result.passages.empty());
    CHECK(where(result.passages.front()) == N10);
}

TEST_CASE("Searcher::search supports boolean operators", "[search]")
{
    Searcher searcher = make_searcher();
    struct Row {
        const char* query;
        Strings expected;
    };
    const Row rows[] = {
        {"koshi", {W9}},
        {"nepal AND russia", {N10}},
        {"nepal OR koshi", {N10, N5, W5, W9}},
        {"nepal NOT russia", {N5, W5}},
        {"NOT nepal", {W9, T1}},
        {"(russia OR koshi) AND nepal", {N10}},
        {"nepal russia", {N10}}, // the default operator is AND
        {"penguins", {}},
    };
    for (const Row& row : rows) {
        INFO("query: " << row.query);
        CHECK(found(searcher.search(row.query, with_limit(10))) == row.expected);
    }
    SECTION("with OR as the default operator")
    {
        CHECK(found(searcher.search("nepal russia", with_limit(10, kosh::DefaultOperator::any))) ==
              Strings{N10, N5, W5});
    }
}

TEST_CASE("Searcher::search supports phrases, wildcards and stemming", "[search]")
{
    Searcher searcher = make_searcher();
    struct Row {
        const char* query;
        Strings expected;
    };
    const Row rows[] = {
        {"\"capital is kathmandu\"", {N5}},
        {"\"kathmandu which lies\"", {N5}}, // across the line break and the comma
        {"\"kathmandu is capital\"", {}},
        {"hydro*", {W5}},
        {"riv*", {W5, W9}},
        {"glac*", {W5}},
        {"relation", {N10}},
        {"KOSHI", {W9}},
        {"K\xC3\xB3shi", {W9}},
    };
    for (const Row& row : rows) {
        INFO("query: " << row.query);
        CHECK(found(searcher.search(row.query, with_limit(10))) == row.expected);
    }
}

TEST_CASE("Searcher::search supports title:, section: and path: filters", "[search]")
{
    Searcher searcher = make_searcher();
    // As `kosh search` run in the corpus folder: path: values resolved against it.
    const kosh::PathForms forms{(fs::absolute(shared_index().dir / "corpus")).lexically_normal().string(), "", false};
    struct Row {
        const char* query;
        Strings expected;
    };
    const Row rows[] = {
        {"title:water", {W5, W9}},
        {"title:Nepal", {N10, N5}},
        {"title:notes", {T1}},
        {"section:relations", {N10}},
        {"heading:rivers", {W9}},
        {"section:nepal", {}},
        {"path:docs/", {N10, N5, W5, W9}},
        {"path:notes.txt", {T1}},
        {"path:docs/nepal.md", {N10, N5}},
        {"path:docs/water.md nepal", {W5}},
        {"path:Docs/", {}}, // path values are matched byte for byte
        {"path:docs", {}},  // a folder is named with its trailing '/'
        {"path:./docs/../docs/", {N10, N5, W5, W9}},
    };
    for (const Row& row : rows) {
        INFO("query: " << row.query);
        CHECK(found(searcher.search(kosh::resolve_path_filters(row.query, forms), with_limit(10))) == row.expected);
    }
}

TEST_CASE("Searcher::search highlights the words that matched, and gives no answer", "[search]")
{
    Searcher searcher = make_searcher();
    struct Row {
        const char* query;
        Strings words;
    };
    const Row rows[] = {
        {"koshi", {"Koshi", "Koshi"}},
        {"\"capital is kathmandu\"", {"is", "capital", "is", "Kathmandu"}},
        {"relation", {"relations"}},
        {"title:water koshi", {"Koshi", "Koshi"}},
    };
    for (const Row& row : rows) {
        INFO("query: " << row.query);
        const QuestionResult result = searcher.search(row.query, with_limit(1));
        REQUIRE(result.passages.size() == 1);
        CHECK(highlighted(result.passages[0].text, result.passages[0].highlights) == row.words);
        CHECK_FALSE(result.answer);
    }
}

TEST_CASE("Searcher::search reports malformed and empty queries as Error", "[search]")
{
    Searcher searcher = make_searcher();
    SECTION("a dangling operator")
    {
        CHECK_THROWS_AS(searcher.search("koshi AND", with_limit(3)), kosh::Error);
        CHECK_THROWS_WITH(searcher.search("koshi AND", with_limit(3)),
                          "cannot parse query: Syntax: <expression> AND <expression>");
        CHECK_THROWS_WITH(searcher.search("NOT", with_limit(3)),
                          "cannot parse query: Syntax: <expression> NOT <expression>");
    }
    SECTION("an unbalanced quote and bracket: Xapian recovers by reading the rest as a phrase")
    {
        QuestionResult result;
        REQUIRE_NOTHROW(result = searcher.search("\"unbalanced AND (", with_limit(3)));
        CHECK(result.passages.empty());
        CHECK(found(searcher.search("\"capital is", with_limit(3))) == Strings{N5});
    }
    SECTION("nothing to search for")
    {
        for (const char* query : {"", "()", "\"\"", "*"}) {
            INFO("query: '" << query << "'");
            CHECK_THROWS_WITH(searcher.search(query, with_limit(3)), "the query has no words to search for");
        }
    }
}

// Regression: Enquire::get_matching_terms does not report what a wildcard expanded to, so passages
// found by "hydro*" used to get no highlights.
TEST_CASE("Searcher::search highlights the words a wildcard matched", "[search]")
{
    Searcher searcher = make_searcher();
    const QuestionResult result = searcher.search("hydro*", with_limit(1));
    REQUIRE(result.passages.size() == 1);
    CHECK(highlighted(result.passages[0].text, result.passages[0].highlights) == Strings{"Hydroelectricity"});
}

namespace {

// A corpus of its own, with one synonym group: "USSR" in one file, "Soviet Union" in the other.
struct VocabularyIndex {
    kosh::test::TempDir dir;
    fs::path index = dir / "index";

    VocabularyIndex()
    {
        dir.write("corpus/space.md", "# Space\n\nThe Soviet Union launched Sputnik in 1957.\n");
        dir.write("corpus/treaty.md", "# Treaty\n\nIn 1956 the USSR signed a treaty of friendship with Nepal.\n");
        dir.write("corpus/city.md", "# City\n\nKathmandu is the capital of Nepal, in a wide valley.\n");
        kosh::IndexOptions options;
        options.request = kosh::only_these({"corpus"});
        options.index_dir = index;
        options.synonyms = std::vector<kosh::SynonymGroup>{{{"ussr"}, {"soviet", "union"}}};
        kosh::test::ScopedCurrentDir cwd(dir.path());
        (void)kosh::update_index(options, {});
    }
};

Searcher make_vocabulary_searcher()
{
    static const VocabularyIndex shared;
    return Searcher(kosh::open_index(shared.index), "english");
}

} // namespace

TEST_CASE("Searcher::ask finds a passage through a synonym, both ways", "[search][synonyms]")
{
    Searcher searcher = make_vocabulary_searcher();
    const auto by_acronym = searcher.ask("What did the USSR launch?", with_limit(3));
    REQUIRE_FALSE(by_acronym.passages.empty());
    CHECK(by_acronym.passages[0].path.ends_with("/corpus/space.md"));
    REQUIRE(by_acronym.answer.has_value());
    CHECK(by_acronym.answer->sentence == "The Soviet Union launched Sputnik in 1957.");
    CHECK(by_acronym.answer->highlights.size() == 3); // Soviet, Union, launched

    const auto by_name = searcher.ask("Which treaty did the Soviet Union sign?", with_limit(3));
    REQUIRE_FALSE(by_name.passages.empty());
    CHECK(by_name.passages[0].path.ends_with("/corpus/treaty.md"));
    CHECK(by_name.rewrites.empty());
}

TEST_CASE("Searcher::search expands a word and a phrase with their synonyms", "[search][synonyms]")
{
    Searcher searcher = make_vocabulary_searcher();
    for (const char* query : {"ussr", "soviet union"}) {
        INFO(query);
        const auto result = searcher.search(query, with_limit(10));
        CHECK(result.passages.size() == 2);
        CHECK(result.rewrites.empty());
    }
    // A quoted phrase is taken as written.
    CHECK(searcher.search("\"soviet union\"", with_limit(10)).passages.size() == 1);
}

TEST_CASE("expand_query_synonyms writes a word's and a phrase's group as one OR", "[search][synonyms]")
{
    static const VocabularyIndex vocabulary;
    const Xapian::Database db = kosh::open_index(vocabulary.index);
    kosh::Analyzer analyzer("english");
    CHECK(kosh::expand_query_synonyms("ussr launched", analyzer, db) == "(ussr OR \"soviet union\") launched");
    CHECK(kosh::expand_query_synonyms("the soviet union", analyzer, db) == "the ((soviet union) OR ussr)");
    CHECK(kosh::expand_query_synonyms("\"soviet union\"", analyzer, db) == "\"soviet union\"");
}

TEST_CASE("Searcher::search relaxes to most words, then any word, and reports it", "[search][relax]")
{
    Searcher searcher = make_vocabulary_searcher();
    const auto most = searcher.search("kathmandu capital zebra", with_limit(10));
    REQUIRE(most.passages.size() == 1);
    CHECK(most.passages[0].path.ends_with("/corpus/city.md"));
    REQUIRE(most.rewrites.size() == 1);
    CHECK(most.rewrites[0].kind == kosh::Rewrite::Kind::most_terms);
    CHECK(most.rewrites[0].matched == 2);
    CHECK(most.rewrites[0].of == 3);

    const auto any = searcher.search("sputnik zebra giraffe", with_limit(10));
    REQUIRE(any.passages.size() == 1);
    REQUIRE(any.rewrites.size() == 1);
    CHECK(any.rewrites[0].kind == kosh::Rewrite::Kind::any_term);

    // Explicit operators are the user's logic: no relaxing.
    const auto strict = searcher.search("kathmandu AND zebra", with_limit(10));
    CHECK(strict.passages.empty());
    CHECK(strict.rewrites.empty());
}

TEST_CASE("Searcher::search and ask correct a misspelt word from the corpus", "[search][spelling]")
{
    Searcher searcher = make_vocabulary_searcher();
    const auto search = searcher.search("kathmandoo", with_limit(10));
    REQUIRE(search.passages.size() == 1);
    REQUIRE(search.rewrites.size() == 1);
    CHECK(search.rewrites[0] == kosh::Rewrite{kosh::Rewrite::Kind::spelling, "kathmandu", true, 0, 0});

    const auto ask = searcher.ask("What did the Soviet Union lanched?", with_limit(3));
    CHECK(ask.question == "What did the Soviet Union lanched?");
    REQUIRE(ask.rewrites.size() == 0); // "soviet union" passes the gate already: nothing to correct

    const auto misspelt = searcher.ask("Where is Kathmandoo?", with_limit(3));
    REQUIRE_FALSE(misspelt.passages.empty());
    CHECK(misspelt.passages[0].path.ends_with("/corpus/city.md"));
    REQUIRE(misspelt.rewrites.size() == 1);
    CHECK(misspelt.rewrites[0] == kosh::Rewrite{kosh::Rewrite::Kind::spelling, "Where is kathmandu?", true, 0, 0});
}

TEST_CASE("Searcher::search corrects a misspelt word of five letters, not of four", "[search][spelling]")
{
    Searcher searcher = make_vocabulary_searcher();
    const auto five = searcher.search("nepol", with_limit(10));
    REQUIRE(five.rewrites.size() == 1);
    CHECK(five.rewrites[0].query == "nepal");
    CHECK(searcher.search("citi", with_limit(10)).rewrites.empty()); // not "city": too short to guess
}

TEST_CASE("Searcher::ask offers a correction that still finds nothing only as a suggestion", "[search][spelling]")
{
    Searcher searcher = make_vocabulary_searcher();
    // "sputnk" corrects to "sputnik", but "orbital mechanics" keeps the question under the gate.
    const auto result = searcher.ask("orbital mechanics equations sputnk", with_limit(3));
    CHECK(result.passages.empty());
    REQUIRE(result.rewrites.size() == 1);
    CHECK(result.rewrites[0].applied == false);
    CHECK(result.rewrites[0].query == "orbital mechanics equations sputnik");
}
