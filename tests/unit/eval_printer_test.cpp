// Tests for the eval report printer: the text table, the comparison, misses, and the JSON object.
#include "output/eval_printer.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

namespace {

using namespace kosh;

QuestionOutcome outcome(std::string id, std::optional<int> first_hit, bool answer_hit, double latency)
{
    QuestionOutcome result;
    result.id = std::move(id);
    result.question = "Question " + result.id + "?";
    result.first_hit = first_hit;
    result.answer_hit = answer_hit;
    result.latency_ms = latency;
    return result;
}

EvalReport answers_report()
{
    EvalReport report;
    report.mode = EvalMode::answers;
    report.depth = 10;
    EvalColumn column{"default", {}, {outcome("q1", 1, true, 2.0), outcome("q2", 3, false, 4.0)}};
    column.summary = summarize(report.mode, column.outcomes);
    report.columns.push_back(column);
    return report;
}

std::string print(const EvalReport& report, EvalFormat format, bool misses)
{
    std::ostringstream out;
    print_eval_report(out, report, format, misses);
    return out.str();
}

} // namespace

TEST_CASE("the eval text report is a table of metrics and latencies", "[output]")
{
    CHECK(print(answers_report(), EvalFormat::text, true) == "questions: 2 (answers mode, top 10 passages)\n"
                                                             "metric           default\n"
                                                             "MRR@10            0.6667\n"
                                                             "Success@1         0.5000\n"
                                                             "Success@5         1.0000\n"
                                                             "Success@10        1.0000\n"
                                                             "answer sentence   0.5000\n"
                                                             "latency median    3.0 ms\n"
                                                             "latency p95       4.0 ms\n"
                                                             "\n"
                                                             "misses: 1 of 2\n"
                                                             "  id  first hit  answer  question\n"
                                                             "  q2          3  no      Question q2?\n");
}

TEST_CASE("the eval text report compares two runs", "[output]")
{
    EvalReport report = answers_report();
    EvalColumn variant{"bm25=0.9,0.4", {}, {outcome("q1", 1, true, 3.0), outcome("q2", 1, true, 3.0)}};
    variant.summary = summarize(report.mode, variant.outcomes);
    report.columns.push_back(variant);
    report.changes = first_hit_changes(report.columns[0].outcomes, report.columns[1].outcomes);
    CHECK(print(report, EvalFormat::text, false) == "questions: 2 (answers mode, top 10 passages)\n"
                                                    "metric           default  bm25=0.9,0.4  difference\n"
                                                    "MRR@10            0.6667        1.0000     +0.3333\n"
                                                    "Success@1         0.5000        1.0000     +0.5000\n"
                                                    "Success@5         1.0000        1.0000     +0.0000\n"
                                                    "Success@10        1.0000        1.0000     +0.0000\n"
                                                    "answer sentence   0.5000        1.0000     +0.5000\n"
                                                    "latency median    3.0 ms        3.0 ms     +0.0 ms\n"
                                                    "latency p95       4.0 ms        3.0 ms     -1.0 ms\n"
                                                    "\n"
                                                    "first hit moved for 1 question (default \u2192 bm25=0.9,0.4)\n"
                                                    "  q2  3 \u2192 1\n");
}

TEST_CASE("the eval JSON report is one object with runs, differences and changes", "[output]")
{
    CHECK(
        print(answers_report(), EvalFormat::json, false) ==
        "{\"mode\": \"answers\", \"depth\": 10, \"questions\": 2, \"runs\": [{\"settings\": \"default\", \"errors\": 0, "
        "\"metrics\": {\"mrr_at_10\": 0.6667, \"success_at_1\": 0.5, \"success_at_5\": 1.0, \"success_at_10\": 1.0, "
        "\"answer_accuracy\": 0.5}, \"latency_ms\": {\"median\": 3.0, \"p95\": 4.0}}]}\n");

    EvalReport report;
    report.mode = EvalMode::qrels;
    report.depth = 100;
    report.unjudged = 1;
    for (const char* label : {"default", "min-coverage=0"}) {
        EvalColumn column{label, {}, {outcome("7", std::nullopt, false, 1.0)}};
        column.summary = summarize(report.mode, column.outcomes);
        report.columns.push_back(column);
    }
    report.columns[1].outcomes[0].first_hit = 2;
    report.columns[1].summary = summarize(report.mode, report.columns[1].outcomes);
    report.changes = first_hit_changes(report.columns[0].outcomes, report.columns[1].outcomes);
    CHECK(
        print(report, EvalFormat::json, true) ==
        "{\"mode\": \"qrels\", \"depth\": 100, \"questions\": 1, \"unjudged\": 1, \"runs\": ["
        "{\"settings\": \"default\", \"errors\": 0, \"metrics\": {\"mrr_at_10\": 0.0, \"success_at_1\": 0.0, "
        "\"success_at_5\": 0.0, \"success_at_10\": 0.0, \"map\": 0.0, \"p_at_10\": 0.0, \"ndcg_at_10\": 0.0}, "
        "\"latency_ms\": {\"median\": 1.0, \"p95\": 1.0}, \"misses\": [{\"id\": \"7\", \"question\": \"Question 7?\", "
        "\"first_hit\": null}]}, "
        "{\"settings\": \"min-coverage=0\", \"errors\": 0, \"metrics\": {\"mrr_at_10\": 0.5, \"success_at_1\": 0.0, "
        "\"success_at_5\": 1.0, \"success_at_10\": 1.0, \"map\": 0.0, \"p_at_10\": 0.0, \"ndcg_at_10\": 0.0}, "
        "\"latency_ms\": {\"median\": 1.0, \"p95\": 1.0}, \"misses\": [{\"id\": \"7\", \"question\": \"Question 7?\", "
        "\"first_hit\": 2}]}], "
        "\"difference\": {\"mrr_at_10\": 0.5, \"success_at_1\": 0.0, \"success_at_5\": 1.0, \"success_at_10\": 1.0, "
        "\"map\": 0.0, \"p_at_10\": 0.0, \"ndcg_at_10\": 0.0, \"latency_median_ms\": 0.0, \"latency_p95_ms\": 0.0}, "
        "\"changes\": [{\"id\": \"7\", \"question\": \"Question 7?\", \"before\": null, \"after\": 2}]}\n");
}
