// Tests for the answer confidence: bounds, monotonicity, its inputs, and --min-confidence.
#include "search/answer_confidence.h"

#include <catch2/catch.hpp>

#include <vector>

namespace {

using kosh::ConfidenceInputs;

kosh::PassageHit passage(int rank, double score)
{
    kosh::PassageHit hit;
    hit.rank = rank;
    hit.score = score;
    hit.text = "Some text.";
    return hit;
}

kosh::Answer answer_with(double coverage, double total, std::optional<double> runner_up_total)
{
    kosh::Answer answer;
    answer.sentence = "The answer.";
    answer.score.coverage = coverage;
    answer.score.total = total;
    if (runner_up_total) {
        kosh::RunnerUp runner;
        runner.sentence = "Another sentence.";
        runner.score.total = *runner_up_total;
        answer.runner_up = runner;
    }
    return answer;
}

} // namespace

TEST_CASE("answer_confidence stays within 0 and 1 and rises with each input", "[search]")
{
    const std::vector<double> grid = {0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0};
    for (const double coverage : grid) {
        for (const double margin : grid) {
            for (const double gap : grid) {
                const double base = kosh::answer_confidence({coverage, margin, gap});
                INFO("coverage " << coverage << ", margin " << margin << ", gap " << gap);
                CHECK(base > 0.0);
                CHECK(base < 1.0);
                if (coverage < 1.0) {
                    CHECK(kosh::answer_confidence({coverage + 0.05, margin, gap}) > base);
                }
                if (margin < 1.0) {
                    CHECK(kosh::answer_confidence({coverage, margin + 0.05, gap}) > base);
                }
                if (gap < 1.0) {
                    CHECK(kosh::answer_confidence({coverage, margin, gap + 0.05}) > base);
                }
            }
        }
    }
    // A sentence with all of the question, far ahead of the rest, is near certain; one with little
    // of it, neck and neck with another, is a guess.
    CHECK(kosh::answer_confidence({1.0, 0.6, 0.5}) > 0.9);
    CHECK(kosh::answer_confidence({0.3, 0.0, 0.0}) < 0.25);
    // Out-of-range inputs are clamped, not extrapolated.
    CHECK(kosh::answer_confidence({2.0, 5.0, 9.0}) == kosh::answer_confidence({1.0, 1.0, 1.0}));
}

TEST_CASE("confidence_inputs reads the margin over the runner-up and the gap between passages", "[search]")
{
    const std::vector<kosh::PassageHit> two = {passage(1, 10.0), passage(2, 7.5)};
    SECTION("with a runner-up and a second passage")
    {
        const ConfidenceInputs inputs = kosh::confidence_inputs(answer_with(0.8, 2.0, 1.5), two);
        CHECK(inputs.coverage == Approx(0.8));
        CHECK(inputs.margin == Approx(0.25));
        CHECK(inputs.passage_gap == Approx(0.25));
    }
    SECTION("alone: no runner-up and a single passage count as a full lead")
    {
        const ConfidenceInputs inputs = kosh::confidence_inputs(answer_with(0.5, 2.0, std::nullopt), {passage(1, 4.0)});
        CHECK(inputs.margin == 1.0);
        CHECK(inputs.passage_gap == 1.0);
    }
}

TEST_CASE("confidence_inputs keeps each input within 0 and 1, and a zero score is no lead to divide", "[search]")
{
    SECTION("scores beyond the usual range are clamped")
    {
        const ConfidenceInputs inputs =
            kosh::confidence_inputs(answer_with(1.5, 2.0, -2.0), {passage(1, 4.0), passage(2, -4.0)});
        CHECK(inputs.coverage == 1.0);
        CHECK(inputs.margin == 1.0);
        CHECK(inputs.passage_gap == 1.0);
    }
    SECTION("an answer and a top passage scoring 0 keep the defaults")
    {
        const ConfidenceInputs inputs =
            kosh::confidence_inputs(answer_with(0.5, 0.0, 0.0), {passage(1, 0.0), passage(2, 0.0)});
        CHECK(inputs.margin == 1.0);
        CHECK(inputs.passage_gap == 1.0);
    }
}

TEST_CASE("withhold_unconfident_answer moves an answer below the threshold aside", "[search]")
{
    kosh::QuestionResult result;
    result.passages = {passage(1, 3.0)};
    result.answer = answer_with(0.5, 1.0, std::nullopt);
    result.answer->confidence = 0.4;

    SECTION("at or above the threshold it stays")
    {
        kosh::withhold_unconfident_answer(result, 0.4);
        CHECK(result.answer);
        CHECK_FALSE(result.withheld_answer);
        CHECK_FALSE(kosh::lacks_confident_answer(result));
    }
    SECTION("below it is withheld, keeping its confidence")
    {
        kosh::withhold_unconfident_answer(result, 0.41);
        CHECK_FALSE(result.answer);
        REQUIRE(result.withheld_answer);
        CHECK(result.withheld_answer->confidence == 0.4);
        CHECK(result.passages.size() == 1);
        CHECK(kosh::lacks_confident_answer(result));
    }
    SECTION("a threshold of 0 withholds nothing, 1 withholds everything short of certainty")
    {
        kosh::withhold_unconfident_answer(result, 0.0);
        CHECK(result.answer);
        kosh::withhold_unconfident_answer(result, 1.0);
        CHECK_FALSE(result.answer);
    }
    SECTION("no passages, or an error, is not a missing answer")
    {
        result.answer.reset();
        CHECK(kosh::lacks_confident_answer(result));
        result.error = "broken";
        CHECK_FALSE(kosh::lacks_confident_answer(result));
        result.error.clear();
        result.passages.clear();
        CHECK_FALSE(kosh::lacks_confident_answer(result));
    }
}
