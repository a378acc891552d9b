// Tests for the text format's --explain block: its content and its length limit.
#include "output/explain_text.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

bool has_line_starting(const std::vector<std::string>& lines, const std::string& start)
{
    for (const auto& line : lines) {
        if (line.rfind(start, 0) == 0) {
            return true;
        }
    }
    return false;
}

kosh::QuestionResult explained_result(std::size_t words)
{
    kosh::QuestionResult result;
    result.question = "a question";
    kosh::Explanation explanation;
    kosh::PassageExplanation passage;
    passage.rank = 1;
    for (std::size_t i = 0; i < words; ++i) {
        const std::string stem = "word" + std::to_string(i);
        explanation.terms.push_back({stem, 1.0});
        passage.terms.push_back({stem, 1.0, 0.5, 0.25});
        passage.score += 1.75;
        explanation.query += (i > 0 ? " " : "") + stem;
    }
    explanation.best_coverage = 1.0;
    explanation.min_coverage = 0.3;
    explanation.passages = {passage};
    result.explanation = explanation;
    kosh::PassageHit hit;
    hit.rank = 1;
    hit.score = passage.score;
    result.passages = {hit};
    kosh::Answer answer;
    answer.sentence = "The answer.";
    answer.passage_rank = 1;
    answer.asked_for = "time";
    answer.score = {0.5, 0.1, 0.2, 0.25, 1.0, 1.05};
    answer.confidence = 0.7;
    kosh::RunnerUp runner;
    runner.sentence = std::string(200, 'x');
    runner.path = "a.md";
    runner.line = 4;
    runner.passage_rank = 2;
    runner.score.total = 0.9;
    answer.runner_up = runner;
    result.answer = answer;
    return result;
}

} // namespace

TEST_CASE("explain_lines lays out the query, the top passage's terms and the answer's score", "[output]")
{
    const auto lines = explain_lines(explained_result(3), {});
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front() == "Explain:");
    CHECK(lines[1] == "  query: word0 word1 word2 (weights 1.00 1.00 1.00; headings x0, title x0)");
    CHECK(has_line_starting(lines, "  coverage: best passage 1.00 of the question (needs 0.30)"));
    CHECK(has_line_starting(lines, "  passage 1 score 5.250 = text 3.000 + headings 1.500 + title 0.750"));
    CHECK(has_line_starting(lines, "    word0  1.000 + 0.500 + 0.250 = 1.750"));
    CHECK(has_line_starting(
        lines,
        "  answer (time): (coverage 0.50 + support 0.10 + proximity 0.20 + rank 0.25) x type 1.00 = 1.050, passage 1"));
    CHECK(has_line_starting(lines, "  runner-up: 0.900, passage 2, a.md:4 \"xxxx"));
    CHECK(has_line_starting(lines, "  confidence 0.70: coverage 0.50"));
    CHECK(explain_lines(kosh::QuestionResult{}, {}).empty());
}

TEST_CASE("explain_lines stays within its line limit however long the question", "[output]")
{
    for (const std::size_t words : {1, 6, 7, 8, 30}) {
        INFO(words << " words");
        const auto lines = explain_lines(explained_result(words), {});
        CHECK(lines.size() <= kosh::k_explain_max_lines);
        if (words > 7) {
            CHECK(has_line_starting(lines, "    ... " + std::to_string(words - 6) + " more words = "));
        }
    }
}

TEST_CASE("explain_lines marks an answer withheld by --min-confidence", "[output]")
{
    auto result = explained_result(2);
    result.withheld_answer = std::move(result.answer);
    result.answer.reset();
    const auto lines = explain_lines(result, {});
    CHECK(has_line_starting(lines, "  confidence 0.70 (below --min-confidence)"));
}
