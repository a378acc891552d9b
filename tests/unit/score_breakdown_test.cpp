// Tests that --explain's term contributions are honest: they add up to the score Xapian gave.
#include "index/database.h"
#include "search/score_breakdown.h"
#include "search/searcher.h"

#include "corpus_index.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

namespace {

kosh::Searcher make_searcher()
{
    return kosh::Searcher(kosh::open_index(kosh::test::CorpusIndex::path()), "english");
}

double accounted(const kosh::PassageExplanation& passage)
{
    double sum = 0.0;
    for (const auto& term : passage.terms) {
        sum += term.total();
    }
    for (const auto& bonus : passage.bonuses) {
        sum += bonus.value;
    }
    return sum;
}

// Every explained passage: its terms and bonuses add up to the score Xapian ranked it by.
void check_sums(const kosh::QuestionResult& result)
{
    REQUIRE(result.explanation);
    REQUIRE_FALSE(result.passages.empty());
    REQUIRE(result.explanation->passages.size() == result.passages.size());
    for (std::size_t i = 0; i < result.passages.size(); ++i) {
        const auto& passage = result.explanation->passages[i];
        INFO(result.question << ", passage " << passage.rank);
        CHECK(passage.rank == result.passages[i].rank);
        CHECK(passage.score == result.passages[i].score);
        CHECK_FALSE(passage.terms.empty());
        CHECK(accounted(passage) == Approx(passage.score).epsilon(1e-9));
        CHECK(std::abs(passage.other) < 1e-9);
    }
}

} // namespace

TEST_CASE("ask --explain: each word's share of each passage's score sums to the score", "[search]")
{
    kosh::Searcher searcher = make_searcher();
    kosh::SearchOptions options;
    options.limit = 10;
    options.explain = true;
    const char* questions[] = {
        "Which Soviet-built hydropower station is still running?",
        "When did Nepal recognise the Russian Federation?",
        "What did Soviet engineers build in the Terai?",
        "scholarships for Nepalese students in Moscow",
    };
    SECTION("default settings")
    {
        for (const char* question : questions) {
            check_sums(searcher.ask(question, options));
        }
    }
    SECTION("other BM25 parameters")
    {
        options.bm25.k1 = 0.9;
        options.bm25.b = 0.4;
        for (const char* question : questions) {
            check_sums(searcher.ask(question, options));
        }
        options.bm25.b = 0.0; // no length normalisation at all
        for (const char* question : questions) {
            check_sums(searcher.ask(question, options));
        }
    }
}

TEST_CASE("ask --explain splits a word's share by the field it matched in", "[search]")
{
    kosh::Searcher searcher = make_searcher();
    kosh::SearchOptions options;
    options.explain = true;
    options.rerank = kosh::RerankWeights{0.0, 0.0}; // first-stage order: the heading's passage leads
    const auto result = searcher.ask("Soviet era support", options);
    REQUIRE(result.explanation);
    REQUIRE_FALSE(result.explanation->passages.empty());
    const auto& top = result.explanation->passages.front();
    bool heading_share = false;
    for (const auto& term : top.terms) {
        heading_share = heading_share || term.heading > 0.0;
        CHECK(term.total() > 0.0);
    }
    CHECK(heading_share); // "Soviet Era Support" is a heading in the corpus
    CHECK(result.explanation->query == "soviet era support");
    CHECK(result.explanation->terms.size() == 3);
}

TEST_CASE("search --explain: word and phrase queries sum to the score, wildcards go to other", "[search]")
{
    kosh::Searcher searcher = make_searcher();
    kosh::SearchOptions options;
    options.limit = 10;
    options.explain = true;
    for (const char* query : {"soviet hydropower", "\"East-West Highway\"", "title:nepal AND soviet"}) {
        check_sums(searcher.search(query, options));
    }
    options.default_operator = kosh::DefaultOperator::any;
    check_sums(searcher.search("soviet hydropower scholarships", options));

    const auto wild = searcher.search("hydro*", options);
    REQUIRE(wild.explanation);
    REQUIRE_FALSE(wild.explanation->passages.empty());
    const auto& top = wild.explanation->passages.front();
    CHECK(top.other > 0.0); // a wildcard is scored as one synonym term, which is not split up
    CHECK(accounted(top) + top.other == Approx(top.score));
}

TEST_CASE("bm25_contributions leaves out path terms and counts a repeated leaf twice", "[search]")
{
    const Xapian::Database db = kosh::open_index(kosh::test::CorpusIndex::path());
    const Xapian::docid docid = 1;
    std::string path_term;
    std::string body_term;
    for (auto term = db.termlist_begin(docid); term != db.termlist_end(docid); ++term) {
        const std::string name = *term;
        if (path_term.empty() && name.starts_with("P")) {
            path_term = name;
        }
        if (body_term.empty() && name.starts_with("Z") && name.size() > 1 && name[1] >= 'a' && name[1] <= 'z') {
            body_term = name;
        }
    }
    REQUIRE_FALSE(path_term.empty());
    REQUIRE_FALSE(body_term.empty());
    const kosh::Bm25Settings settings;
    const auto once = kosh::bm25_contributions(db, docid, {{path_term, 1.0}, {body_term, 1.0}}, settings);
    REQUIRE(once.size() == 1);
    CHECK(once[0].term == body_term.substr(1));
    CHECK(once[0].body > 0.0);
    CHECK(once[0].heading == 0.0);
    const auto twice = kosh::bm25_contributions(db, docid, {{body_term, 1.0}, {body_term, 1.0}}, settings);
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].body == Approx(2 * once[0].body));
    const auto scaled = kosh::bm25_contributions(db, docid, {{body_term, 0.5}}, settings);
    REQUIRE(scaled.size() == 1);
    CHECK(scaled[0].body == Approx(0.5 * once[0].body));
    CHECK(kosh::bm25_contributions(db, docid, {{"Zzzznotaword", 1.0}}, settings).empty());
}
