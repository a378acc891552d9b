// Tests for evaluation: answer matching, document ids, ranking metrics on hand-computed rankings,
// latency statistics, scoring one question, and a whole run against a small real index.
#include "search/evaluation.h"

#include "index/database.h"
#include "index/indexer.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace {

using namespace kosh;

PassageHit passage(int rank, std::string path, std::string text, double score = 1.0)
{
    PassageHit hit;
    hit.rank = rank;
    hit.path = std::move(path);
    hit.text = std::move(text);
    hit.score = score;
    return hit;
}

} // namespace

// ---- Matching

TEST_CASE("normalize_for_matching folds case and collapses white space", "[evaluation]")
{
    struct Row {
        std::string text;
        std::string expected;
    };
    const std::vector<Row> rows = {
        {"Nobel Prize", "nobel prize"},
        {"  20 \t July\n1956  ", "20 july 1956"},
        {"20\u00A0July", "20 july"},                                    // no-break space is a space (NFKC)
        {"Maria Sk\u0141odowska-Curie", "maria sk\u0142odowska-curie"}, // non-ASCII case, accents kept
        {"STRASSE Stra\u00DFe", "strasse strasse"},                     // full case folding
        {"", ""},
        {" \n ", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(normalize_for_matching(row.text) == row.expected);
    }
}

TEST_CASE("contains_answer looks for any answer in the normalized text", "[evaluation]")
{
    const std::vector<std::string> answers = {normalize_for_matching("20 July 1956"), normalize_for_matching("1956")};
    CHECK(contains_answer("Relations were set up on 20\nJULY  1956.", answers));
    CHECK(contains_answer("It was 1956.", answers));
    CHECK_FALSE(contains_answer("It was 1965.", answers));
    CHECK_FALSE(contains_answer("anything", {}));
    CHECK_FALSE(contains_answer("anything", {""})); // an empty answer matches nothing, not everything
}

TEST_CASE("find_judgement matches a path, its tails, with or without the extension", "[evaluation]")
{
    struct Row {
        std::string path;
        std::map<std::string, int> judged;
        std::optional<int> grade;
    };
    const std::vector<Row> rows = {
        {"docs/0184.md", {{"0184", 2}}, 2},
        {"docs/0184.md", {{"0184.md", 3}}, 3},
        {"docs/0184.md", {{"docs/0184.md", 1}}, 1},
        {"docs/0184.md", {{"docs/0184", 4}}, 4},
        {"/tmp/x/corpus/sub/0184.md", {{"sub/0184", 1}}, 1}, // relative to the indexed root
        {"docs/0184.md", {{"184", 1}}, std::nullopt},        // only whole path components
        {"docs/0184.md", {{"s/0184", 1}}, std::nullopt},
        {"docs/0184.md", {{"docs", 1}}, std::nullopt},
        {"v1.2/notes", {{"notes", 1}}, 1}, // a dot in a folder is no extension
        {"v1.2/notes", {{"v1", 1}}, std::nullopt},
        {"0184.md", {{"0184", -1}}, -1}, // judged, not relevant
    };
    for (const auto& row : rows) {
        CAPTURE(row.path, row.judged.begin()->first);
        const auto judgement = find_judgement(row.path, row.judged);
        REQUIRE(judgement.has_value() == row.grade.has_value());
        if (judgement) {
            CHECK(judgement->grade == *row.grade);
            CHECK(judgement->docid == row.judged.begin()->first);
        }
    }
}

// ---- Metrics

TEST_CASE("reciprocal rank and success at k", "[evaluation]")
{
    CHECK(reciprocal_rank(1, 10) == 1.0);
    CHECK(reciprocal_rank(4, 10) == 0.25);
    CHECK(reciprocal_rank(10, 10) == 0.1);
    CHECK(reciprocal_rank(11, 10) == 0.0); // beyond the cutoff
    CHECK(reciprocal_rank(std::nullopt, 10) == 0.0);
    CHECK(success_at(1, 1) == 1.0);
    CHECK(success_at(2, 1) == 0.0);
    CHECK(success_at(5, 5) == 1.0);
    CHECK(success_at(6, 5) == 0.0);
    CHECK(success_at(std::nullopt, 10) == 0.0);
}

TEST_CASE("first_relevant_rank skips unjudged and non-relevant grades", "[evaluation]")
{
    CHECK(first_relevant_rank({0, -1, 0, 2, 1}) == 4);
    CHECK(first_relevant_rank({3}) == 1);
    CHECK_FALSE(first_relevant_rank({0, -1}).has_value());
    CHECK_FALSE(first_relevant_rank({}).has_value());
}

TEST_CASE("average precision on hand-computed rankings", "[evaluation]")
{
    // Relevant at ranks 1 and 3 of 3 relevant: (1/1 + 2/3) / 3 = 5/9.
    CHECK(average_precision({1, 0, 1, 0, 0}, 3) == Approx(5.0 / 9.0));
    // All relevant retrieved first: 1.
    CHECK(average_precision({2, 1, 0}, 2) == Approx(1.0));
    // Relevant at ranks 2 and 4 of 2: (1/2 + 2/4) / 2 = 0.5. Grades above 1 count as relevant.
    CHECK(average_precision({0, 4, -1, 1}, 2) == Approx(0.5));
    // Nothing relevant retrieved, or nothing relevant at all: 0.
    CHECK(average_precision({0, 0}, 2) == 0.0);
    CHECK(average_precision({}, 2) == 0.0);
    CHECK(average_precision({1, 1}, 0) == 0.0);
}

TEST_CASE("precision at k counts missing places as misses", "[evaluation]")
{
    CHECK(precision_at({1, 0, 1, 0}, 2) == 0.5);
    CHECK(precision_at({1, 0, 1, 0}, 4) == 0.5);
    CHECK(precision_at({1}, 10) == Approx(0.1));
    CHECK(precision_at({-1, 0, 3}, 3) == Approx(1.0 / 3.0));
    CHECK(precision_at({}, 10) == 0.0);
    CHECK(precision_at({1, 1}, 0) == 0.0); // no places: nothing to divide by
}

TEST_CASE("nDCG on hand-computed rankings", "[evaluation]")
{
    // Ranked grades 0, 2, 1; judged 2, 1, 1.
    // DCG  = 2/log2(3) + 1/log2(4)               = 1.26186 + 0.5       = 1.76186
    // IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4)   = 2 + 0.63093 + 0.5   = 3.13093
    CHECK(ndcg_at({0, 2, 1}, {2, 1, 1}, 10) == Approx(0.562727).epsilon(1e-5));
    // The ideal ordering scores 1, whatever the cutoff.
    CHECK(ndcg_at({3, 2, 1}, {1, 2, 3}, 10) == Approx(1.0));
    CHECK(ndcg_at({3, 2, 1}, {1, 2, 3}, 2) == Approx(1.0));
    // Only the top k count: the relevant document at rank 2 is past k = 1.
    CHECK(ndcg_at({0, 1}, {1}, 1) == 0.0);
    // Negative grades give no gain, in the ranking or in the ideal.
    CHECK(ndcg_at({-1, 1}, {-1, 1}, 10) == Approx(1.0 / std::log2(3.0)));
    // No relevant judgement: 0, not a division by zero.
    CHECK(ndcg_at({0, 0}, {}, 10) == 0.0);
    CHECK(ndcg_at({-1}, {-1, 0}, 10) == 0.0);
}

TEST_CASE("median and nearest-rank percentile", "[evaluation]")
{
    CHECK(median({3.0, 1.0, 2.0}) == 2.0);
    CHECK(median({4.0, 1.0, 3.0, 2.0}) == 2.5);
    CHECK(median({7.0}) == 7.0);
    CHECK(median({}) == 0.0);
    std::vector<double> twenty;
    for (int i = 1; i <= 20; ++i) {
        twenty.push_back(i);
    }
    CHECK(percentile(twenty, 0.95) == 19.0); // ceil(0.95 * 20) = 19th value
    CHECK(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.95) == 10.0);
    CHECK(percentile({5.0}, 0.95) == 5.0);
    CHECK(percentile({}, 0.95) == 0.0);
}

// ---- Scoring one question

TEST_CASE("score_answers finds the first passage and the sentence holding an answer", "[evaluation]")
{
    EvalQuestion question{"q1", "When were relations set up?", {"20 July 1956", "July 1956"}, 1};
    QuestionResult result;
    result.passages = {passage(1, "a.md", "Nothing here."), passage(2, "b.md", "On 20 july\n1956 they were."),
                       passage(3, "c.md", "July 1956 again.")};
    result.answer = Answer{"They were set up in July 1956.", "b.md", 1, 2, 0.5, {}, {}, {}, {}, 0, 0, {}};
    auto outcome = score_answers(question, result);
    CHECK(outcome.id == "q1");
    CHECK(outcome.first_hit == 2);
    CHECK(outcome.answer_hit);

    result.answer->sentence = "They were set up.";
    result.passages.resize(1);
    outcome = score_answers(question, result);
    CHECK_FALSE(outcome.first_hit.has_value());
    CHECK_FALSE(outcome.answer_hit);

    result.answer.reset();
    CHECK_FALSE(score_answers(question, result).answer_hit);
}

TEST_CASE("score_documents cuts nDCG at ten documents", "[evaluation]")
{
    EvalQuestion question{"8", "a question", {}, 1};
    std::vector<PassageHit> documents;
    for (int rank = 1; rank <= 12; ++rank) {
        documents.push_back(passage(rank, "docs/" + std::to_string(rank) + ".md", ""));
    }
    const auto outcome = score_documents(question, documents, {{"12", 1}});
    CHECK(outcome.first_hit == 12);
    CHECK(outcome.ndcg_10 == 0.0);
}

TEST_CASE("summarize cuts MRR and Success at ten, and takes the 95th percentile of latencies", "[evaluation]")
{
    std::vector<QuestionOutcome> outcomes(20);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        outcomes[i].latency_ms = static_cast<double>(i + 1);
    }
    outcomes[0].first_hit = 10;
    outcomes[1].first_hit = 15;
    const auto summary = summarize(EvalMode::answers, outcomes);
    REQUIRE(summary.metrics.size() == 5);
    CHECK(summary.metrics[0].value == Approx(0.1 / 20.0)); // MRR@10: rank 15 counts nothing
    CHECK(summary.metrics[3].value == Approx(1.0 / 20.0)); // Success@10
    CHECK(summary.latency_p95_ms == 19.0);
}

TEST_CASE("score_documents grades a document ranking against judgements", "[evaluation]")
{
    EvalQuestion question{"7", "heat flow in slabs", {}, 1};
    const std::map<std::string, int> judged = {{"0002", 2}, {"0004", 1}, {"0009", -1}, {"0010", 1}};
    const std::vector<PassageHit> documents = {passage(1, "docs/0009.md", ""), passage(2, "docs/0002.md", ""),
                                               passage(3, "docs/0005.md", ""), passage(4, "docs/0004.md", ""),
                                               passage(5, "other/0004.txt", "")}; // same id again: no credit
    const auto outcome = score_documents(question, documents, judged);
    CHECK(outcome.first_hit == 2);
    // 3 relevant; hits at ranks 2 and 4: (1/2 + 2/4) / 3.
    CHECK(outcome.average_precision == Approx(1.0 / 3.0));
    CHECK(outcome.precision_10 == Approx(0.2));
    // DCG = 2/log2(3) + 1/log2(5); IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4).
    const double dcg = 2 / std::log2(3.0) + 1 / std::log2(5.0);
    const double ideal = 2 + 1 / std::log2(3.0) + 0.5;
    CHECK(outcome.ndcg_10 == Approx(dcg / ideal));
}

TEST_CASE("summarize averages outcomes and keeps failed questions at 0", "[evaluation]")
{
    std::vector<QuestionOutcome> outcomes(4);
    outcomes[0].first_hit = 1;
    outcomes[0].answer_hit = true;
    outcomes[0].latency_ms = 10;
    outcomes[1].first_hit = 2;
    outcomes[1].latency_ms = 30;
    outcomes[2].first_hit = 6;
    outcomes[2].answer_hit = true;
    outcomes[2].latency_ms = 20;
    outcomes[3].error = "the question has no words to search for";
    const auto summary = summarize(EvalMode::answers, outcomes);
    CHECK(summary.questions == 4);
    CHECK(summary.errors == 1);
    REQUIRE(summary.metrics.size() == 5);
    CHECK(summary.metrics[0].key == "mrr_at_10");
    CHECK(summary.metrics[0].value == Approx((1.0 + 0.5 + 1.0 / 6.0) / 4.0));
    CHECK(summary.metrics[1].value == Approx(0.25)); // Success@1
    CHECK(summary.metrics[2].value == Approx(0.5));  // Success@5
    CHECK(summary.metrics[3].value == Approx(0.75)); // Success@10
    CHECK(summary.metrics[4].key == "answer_accuracy");
    CHECK(summary.metrics[4].value == Approx(0.5));
    CHECK(summary.latency_median_ms == 20.0); // the failed question has no latency
    CHECK(summary.latency_p95_ms == 30.0);

    const auto qrels = summarize(EvalMode::qrels, {});
    CHECK(qrels.questions == 0);
    REQUIRE(qrels.metrics.size() == 7);
    CHECK(qrels.metrics[4].key == "map");
    CHECK(qrels.metrics[4].value == 0.0);
}

TEST_CASE("first_hit_changes lists the questions whose first hit moved", "[evaluation]")
{
    std::vector<QuestionOutcome> before(3), after(3);
    for (int i = 0; i < 3; ++i) {
        before[i].id = after[i].id = "q" + std::to_string(i + 1);
    }
    before[0].first_hit = after[0].first_hit = 1;
    before[1].first_hit = 3;
    after[1].first_hit = 1;
    after[2].first_hit = 7;
    const auto changes = first_hit_changes(before, after);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].id == "q2");
    CHECK(changes[0].before == 3);
    CHECK(changes[0].after == 1);
    CHECK(changes[1].id == "q3");
    CHECK_FALSE(changes[1].before.has_value());
    CHECK(changes[1].after == 7);
}

// ---- Whole runs, against tests/data/unit/corpus (see searcher_test.cpp for its passages)

TEST_CASE("run_evaluation scores answers and qrels against a real index", "[evaluation]")
{
    kosh::test::TempDir dir;
    kosh::test::copy_fixture("corpus", dir / "corpus");
    IndexOptions index_options;
    index_options.request = kosh::only_these({"."});
    index_options.index_dir = dir / "index";
    {
        kosh::test::ScopedCurrentDir cwd(dir / "corpus");
        (void)update_index(index_options, {});
    }
    Searcher searcher(open_index(dir / "index"), "english");
    const std::vector<EvalQuestion> questions = {
        {"koshi", "Which is the largest river in the country?", {"Koshi river"}, 1},
        {"capital", "What is the capital of Nepal?", {"Kathmandu"}, 2},
        {"empty", "?!", {"anything"}, 3}, // no words: fails, scores 0
    };
    SearchOptions defaults;
    SearchOptions looser = defaults;
    looser.min_coverage = 0.0;

    SECTION("answers mode, two settings side by side")
    {
        const auto report = run_evaluation(searcher, questions, nullptr, 5, {{"default", defaults}, {"loose", looser}});
        CHECK(report.mode == EvalMode::answers);
        REQUIRE(report.columns.size() == 2);
        const auto& outcomes = report.columns[0].outcomes;
        REQUIRE(outcomes.size() == 3);
        CHECK(outcomes[0].first_hit == 1);
        CHECK(outcomes[0].answer_hit);
        CHECK(outcomes[1].first_hit == 1);
        CHECK(outcomes[2].error == "the question has no words to search for");
        CHECK(report.columns[0].summary.errors == 1);
        CHECK(report.columns[0].summary.metrics[1].value == Approx(2.0 / 3.0));
        CHECK(report.changes.empty());
    }
    SECTION("qrels mode ranks files and skips questions without a relevant judgement")
    {
        const Qrels qrels = {
            {"koshi", {{"water", 1}}}, {"capital", {{"nepal", 1}, {"water", 0}}}, {"empty", {{"nepal", 0}}}};
        const auto report = run_evaluation(searcher, questions, &qrels, 10, {{"default", defaults}});
        CHECK(report.mode == EvalMode::qrels);
        CHECK(report.unjudged == 1);
        REQUIRE(report.columns[0].outcomes.size() == 2);
        CHECK(report.columns[0].outcomes[0].first_hit == 1);
        CHECK(report.columns[0].outcomes[0].average_precision == 1.0);
        CHECK(report.columns[0].outcomes[1].first_hit == 1);
    }
}
