// Tests for the second-stage re-ranker: sentence coverage, proximity, and the reordering itself.
#include "search/passage_reranker.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

using kosh::PassageHit;

PassageHit passage(int rank, double score, std::string text)
{
    PassageHit hit;
    hit.rank = rank;
    hit.score = score;
    hit.path = "doc.md";
    hit.line = rank;
    hit.text = std::move(text);
    return hit;
}

const std::vector<std::string> k_question{"treati", "sign", "moscow"}; // stems of "treaty signed in Moscow"
const std::map<std::string, double> k_weights{{"treati", 2.0}, {"sign", 1.0}, {"moscow", 1.0}};

} // namespace

TEST_CASE("passage evidence: the best sentence's weighted share of the question")
{
    kosh::Analyzer analyzer("english");
    const auto together =
        kosh::measure_passage("The treaty was signed in Moscow. Rain fell.", k_question, k_weights, analyzer);
    CHECK(together.sentence_coverage == Approx(1.0));
    const auto apart =
        kosh::measure_passage("The treaty was long. It was signed in Moscow.", k_question, k_weights, analyzer);
    CHECK(apart.sentence_coverage == Approx(0.5)); // "signed" and "Moscow": 2 of 4
    const auto none = kosh::measure_passage("Nothing relevant here.", k_question, k_weights, analyzer);
    CHECK(none.sentence_coverage == 0.0);
    CHECK(none.proximity == 0.0);
}

TEST_CASE("passage evidence: heading words count in every sentence, other forms of a word too")
{
    kosh::Analyzer analyzer("english");
    SECTION("a heading names what the sentences under it are about")
    {
        PassageHit hit = passage(1, 10.0, "It was signed in 1956.");
        hit.title = "Relations";
        hit.sections = {"The Moscow treaty"};
        const auto headings = kosh::heading_stems(hit, analyzer, {k_question.begin(), k_question.end()});
        CHECK(headings == std::set<std::string>{"moscow", "treati"});
        const auto under = kosh::measure_passage(hit.text, k_question, k_weights, analyzer, {}, headings);
        CHECK(under.sentence_coverage == Approx(1.0));
        const auto bare = kosh::measure_passage(hit.text, k_question, k_weights, analyzer);
        CHECK(bare.sentence_coverage == Approx(0.25)); // "signed" only
    }
    SECTION("an irregular form of a question word counts in full")
    {
        // Stems of "dam built": "build" in the passage is the same word.
        const std::vector<std::string> question{"dam", "built"};
        const std::map<std::string, double> weights{{"dam", 1.0}, {"built", 1.0}};
        const auto evidence = kosh::measure_passage("They build a dam.", question, weights, analyzer);
        CHECK(evidence.sentence_coverage == Approx(1.0));
    }
    SECTION("a stem that begins with a question stem counts for half of it")
    {
        // "treatise" stems to "treatis", which begins with "treati" (weight 2): half of it.
        const auto related = kosh::measure_passage("A treatise was signed in Moscow.", k_question, k_weights, analyzer);
        CHECK(related.sentence_coverage == Approx((0.5 * 2.0 + 1.0 + 1.0) / 4.0));
    }
}

TEST_CASE("passage evidence: neighbouring question words close together")
{
    kosh::Analyzer analyzer("english");
    // Pairs (treaty, signed) weighs 3 and (signed, Moscow) weighs 2.
    const auto close = kosh::measure_passage("The treaty was signed in Moscow.", k_question, k_weights, analyzer);
    CHECK(close.proximity == Approx(1.0));
    const auto first_pair = kosh::measure_passage("A treaty signed, and after many long and winding words, Moscow.",
                                                  k_question, k_weights, analyzer);
    CHECK(first_pair.proximity == Approx(0.6));
    const auto far = kosh::measure_passage("Treaty. One two three four five six. Signed. One two three four. Moscow.",
                                           k_question, k_weights, analyzer);
    CHECK(far.proximity == 0.0);
}

TEST_CASE("re-ranking moves a passage whose sentence answers the question above a scattered one")
{
    kosh::Analyzer analyzer("english");
    std::vector<PassageHit> hits{
        passage(1, 10.0, "A treaty. Moscow is big. Someone signed something."),
        passage(2, 9.5, "The treaty was signed in Moscow."),
        passage(3, 1.0, "The treaty was signed in Moscow, too."),
    };
    const auto bonuses = kosh::rerank_passages(hits, 2, k_question, k_weights, kosh::RerankWeights{0.6, 0.3}, analyzer);
    REQUIRE(hits.size() == 3);
    REQUIRE(bonuses.size() == 3);
    // The bonus is in units of the best first-stage score (10): full coverage and proximity.
    CHECK(bonuses[0].sentence == Approx(6.0));
    CHECK(bonuses[0].proximity == Approx(3.0));
    CHECK(hits[0].score == Approx(9.5 + 6.0 + 3.0));
    CHECK(bonuses[2].sentence == 0.0);
    CHECK(hits[0].line == 2);
    CHECK(hits[1].line == 1);
    CHECK(hits[2].line == 3); // below the depth: keeps its place and score
    CHECK(hits[2].score == 1.0);
    CHECK(hits[0].rank == 1);
    CHECK(hits[2].rank == 3);
    CHECK(hits[0].score > hits[1].score);
}

TEST_CASE("re-ranking marks down a passage whose best sentence cannot hold the kind of answer asked for")
{
    kosh::Analyzer analyzer("english");
    const std::string question = "When was the treaty signed in Moscow?";
    const auto undated = kosh::measure_passage("The treaty was signed in Moscow.", k_question, k_weights, analyzer,
                                               kosh::read_answer_cue(question));
    CHECK(undated.sentence_coverage == Approx(0.6)); // the type factor for a "when" question without a date
    const auto dated = kosh::measure_passage("The treaty was signed in Moscow in 1956.", k_question, k_weights,
                                             analyzer, kosh::read_answer_cue(question));
    CHECK(dated.sentence_coverage == Approx(1.0));
    CHECK(undated.proximity == dated.proximity); // proximity does not depend on the answer type

    std::vector<PassageHit> hits{
        passage(1, 10.0, "The treaty was signed in Moscow, with ceremony."),
        passage(2, 9.5, "In 1956 the treaty was signed in Moscow."),
    };
    kosh::rerank_passages(hits, 2, k_question, k_weights, kosh::RerankWeights{0.6, 0.3}, analyzer,
                          kosh::read_answer_cue(question));
    CHECK(hits[0].line == 2);
    std::vector<PassageHit> untyped{hits[1], hits[0]};
    untyped[0].score = 10.0;
    untyped[1].score = 9.5;
    kosh::rerank_passages(untyped, 2, k_question, k_weights, kosh::RerankWeights{0.6, 0.3}, analyzer);
    CHECK(untyped[0].line == 1); // without the cue, both sentences cover the question alike
}

TEST_CASE("re-ranking with zero weights changes nothing")
{
    kosh::Analyzer analyzer("english");
    std::vector<PassageHit> hits{passage(1, 10.0, "Moscow."), passage(2, 9.0, "The treaty was signed in Moscow.")};
    const auto bonuses = kosh::rerank_passages(hits, 2, k_question, k_weights, kosh::RerankWeights{0.0, 0.0}, analyzer);
    CHECK(bonuses[1].sentence == 0.0);
    CHECK(hits[0].line == 1);
    CHECK(hits[0].score == 10.0);
}

TEST_CASE("passage evidence: a one-word question has no pairs to stand close, and weightless words no share")
{
    kosh::Analyzer analyzer("english");
    const auto one_word =
        kosh::measure_passage("The treaty was signed in Moscow.", {"treati"}, {{"treati", 1.0}}, analyzer);
    CHECK(one_word.sentence_coverage == Approx(1.0));
    CHECK(one_word.proximity == 0.0);
    const auto weightless = kosh::measure_passage("The treaty was signed in Moscow.", k_question,
                                                  {{"treati", 0.0}, {"sign", 0.0}, {"moscow", 0.0}}, analyzer);
    CHECK(weightless.sentence_coverage == 0.0);
    CHECK(weightless.proximity == 0.0);
}

TEST_CASE("re-ranking adds the file evidence it is given, weighed in units of the best score")
{
    kosh::Analyzer analyzer("english");
    std::vector<PassageHit> hits{
        passage(1, 10.0, "The treaty was signed in Moscow."),
        passage(2, 9.8, "The treaty was signed in Moscow, too."),
        passage(3, 9.0, "The treaty was signed in Moscow as well."),
    };
    // Only the file evidence counts here: the second hit's file has other good passages.
    const std::vector<double> evidence{0.0, 1.5, 0.0};
    const kosh::RerankWeights weights{0.0, 0.0, 0.1};
    const auto bonuses = kosh::rerank_passages(hits, 3, k_question, k_weights, weights, analyzer, {}, evidence);
    REQUIRE(bonuses.size() == 3);
    CHECK(hits[0].line == 2);
    CHECK(bonuses[0].file == Approx(10.0 * 0.1 * 1.5));
    CHECK(hits[0].score == Approx(9.8 + 1.5));
    CHECK(bonuses[1].file == 0.0);
    // Without a weight, or without evidence, nothing moves.
    std::vector<PassageHit> unweighted{passage(1, 10.0, "A."), passage(2, 9.0, "B.")};
    kosh::rerank_passages(unweighted, 2, k_question, k_weights, kosh::RerankWeights{0.0, 0.0, 0.0}, analyzer, {},
                          {0.0, 5.0});
    CHECK(unweighted[0].line == 1);
}
