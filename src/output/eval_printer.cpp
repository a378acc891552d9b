// Prints the report of `kosh eval`: a table for people or one JSON object for programs.
#include "output/eval_printer.h"

#include "output/json_writer.h"
#include "output/terminal.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

namespace kosh {

namespace {

bool is_miss(EvalMode mode, const QuestionOutcome& outcome)
{
    return outcome.first_hit != 1 || (mode == EvalMode::answers && !outcome.answer_hit);
}

std::string rank_text(std::optional<int> rank)
{
    return rank ? std::to_string(*rank) : std::string("-");
}

std::string json_rank(std::optional<int> rank)
{
    return rank ? std::to_string(*rank) : std::string("null");
}

std::string describe_depth(const EvalReport& report)
{
    return report.mode == EvalMode::answers ? fmt::format("answers mode, top {} passages", report.depth)
                                            : fmt::format("qrels mode, top {} documents", report.depth);
}

// ---- Text

void print_text(std::string& out, const EvalReport& report, bool misses)
{
    const auto& columns = report.columns;
    const int questions = columns.empty() ? 0 : columns.front().summary.questions;
    fmt::format_to(std::back_inserter(out), "questions: {} ({})\n", questions, describe_depth(report));
    if (report.unjudged > 0) {
        fmt::format_to(std::back_inserter(out), "skipped:   {} without a relevant judgement\n", report.unjudged);
    }
    const bool compare = columns.size() >= 2;

    // Rows of cells: label, one value per run, and the difference when comparing.
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"metric"};
    for (const auto& column : columns) {
        header.push_back(sanitize_line_for_terminal(column.label));
    }
    if (compare) {
        header.push_back("difference");
    }
    rows.push_back(header);
    if (!columns.empty()) {
        const auto& metrics = columns.front().summary.metrics;
        for (std::size_t m = 0; m < metrics.size(); ++m) {
            std::vector<std::string> row{metrics[m].label};
            for (const auto& column : columns) {
                row.push_back(fmt::format("{:.4f}", column.summary.metrics[m].value));
            }
            if (compare) {
                row.push_back(
                    fmt::format("{:+.4f}", columns[1].summary.metrics[m].value - columns[0].summary.metrics[m].value));
            }
            rows.push_back(row);
        }
        auto latency_row = [&](const char* label, double EvalSummary::*field) {
            std::vector<std::string> row{label};
            for (const auto& column : columns) {
                row.push_back(fmt::format("{:.1f} ms", column.summary.*field));
            }
            if (compare) {
                row.push_back(fmt::format("{:+.1f} ms", columns[1].summary.*field - columns[0].summary.*field));
            }
            rows.push_back(row);
        };
        latency_row("latency median", &EvalSummary::latency_median_ms);
        latency_row("latency p95", &EvalSummary::latency_p95_ms);
        if (std::any_of(columns.begin(), columns.end(), [](const EvalColumn& c) { return c.summary.errors > 0; })) {
            std::vector<std::string> row{"failed questions"};
            for (const auto& column : columns) {
                row.push_back(std::to_string(column.summary.errors));
            }
            rows.push_back(row);
        }
    }
    std::vector<std::size_t> widths(header.size(), 0);
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    for (const auto& row : rows) {
        std::string line = fmt::format("{:<{}}", row[0], widths[0]);
        for (std::size_t c = 1; c < row.size(); ++c) {
            fmt::format_to(std::back_inserter(line), "  {:>{}}", row[c], widths[c]);
        }
        out += line;
        out += '\n';
    }

    if (compare) {
        fmt::format_to(std::back_inserter(out), "\nfirst hit moved for {} question{} ({} \u2192 {})\n",
                       report.changes.size(), report.changes.size() == 1 ? "" : "s",
                       sanitize_line_for_terminal(columns[0].label), sanitize_line_for_terminal(columns[1].label));
        std::size_t id_width = 0;
        for (const auto& change : report.changes) {
            id_width = std::max(id_width, change.id.size());
        }
        for (const auto& change : report.changes) {
            fmt::format_to(std::back_inserter(out), "  {:<{}}  {} \u2192 {}\n", sanitize_line_for_terminal(change.id),
                           id_width, rank_text(change.before), rank_text(change.after));
        }
    }

    if (!misses) {
        return;
    }
    for (const auto& column : columns) {
        std::vector<const QuestionOutcome*> missed;
        for (const auto& outcome : column.outcomes) {
            if (is_miss(report.mode, outcome)) {
                missed.push_back(&outcome);
            }
        }
        fmt::format_to(std::back_inserter(out), "\nmisses{}: {} of {}\n",
                       compare ? " (" + sanitize_line_for_terminal(column.label) + ")" : std::string(), missed.size(),
                       column.outcomes.size());
        if (missed.empty()) {
            continue;
        }
        std::size_t id_width = 2;
        for (const auto* outcome : missed) {
            id_width = std::max(id_width, outcome->id.size());
        }
        const bool answers = report.mode == EvalMode::answers;
        fmt::format_to(std::back_inserter(out), "  {:<{}}  first hit  {}question\n", "id", id_width,
                       answers ? "answer  " : "");
        for (const auto* outcome : missed) {
            fmt::format_to(std::back_inserter(out), "  {:<{}}  {:>9}  {}{}\n", sanitize_line_for_terminal(outcome->id),
                           id_width, rank_text(outcome->first_hit),
                           answers ? (outcome->answer_hit ? "yes     " : "no      ") : "",
                           sanitize_line_for_terminal(outcome->error.empty()
                                                          ? outcome->question
                                                          : outcome->question + " (error: " + outcome->error + ")"));
        }
    }
}

// ---- JSON

void append_json_run(std::string& out, const EvalReport& report, const EvalColumn& column, bool misses)
{
    fmt::format_to(std::back_inserter(out), "{{\"settings\": {}, \"errors\": {}, \"metrics\": {{",
                   json_escape(column.label), column.summary.errors);
    for (std::size_t m = 0; m < column.summary.metrics.size(); ++m) {
        const auto& metric = column.summary.metrics[m];
        fmt::format_to(std::back_inserter(out), "{}{}: {}", m == 0 ? "" : ", ", json_escape(metric.key),
                       json_number(metric.value));
    }
    fmt::format_to(std::back_inserter(out), "}}, \"latency_ms\": {{\"median\": {}, \"p95\": {}}}",
                   json_number(column.summary.latency_median_ms), json_number(column.summary.latency_p95_ms));
    if (misses) {
        out += ", \"misses\": [";
        bool first = true;
        for (const auto& outcome : column.outcomes) {
            if (!is_miss(report.mode, outcome)) {
                continue;
            }
            fmt::format_to(std::back_inserter(out), "{}{{\"id\": {}, \"question\": {}, \"first_hit\": {}",
                           first ? "" : ", ", json_escape(outcome.id), json_escape(outcome.question),
                           json_rank(outcome.first_hit));
            if (report.mode == EvalMode::answers) {
                fmt::format_to(std::back_inserter(out), ", \"answer_hit\": {}", outcome.answer_hit ? "true" : "false");
            }
            if (!outcome.error.empty()) {
                fmt::format_to(std::back_inserter(out), ", \"error\": {}", json_escape(outcome.error));
            }
            out += '}';
            first = false;
        }
        out += ']';
    }
    out += '}';
}

void print_json(std::string& out, const EvalReport& report, bool misses)
{
    const auto& columns = report.columns;
    fmt::format_to(std::back_inserter(out), "{{\"mode\": \"{}\", \"depth\": {}, \"questions\": {}",
                   report.mode == EvalMode::answers ? "answers" : "qrels", report.depth,
                   columns.empty() ? 0 : columns.front().summary.questions);
    if (report.mode == EvalMode::qrels) {
        fmt::format_to(std::back_inserter(out), ", \"unjudged\": {}", report.unjudged);
    }
    out += ", \"runs\": [";
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c > 0) {
            out += ", ";
        }
        append_json_run(out, report, columns[c], misses);
    }
    out += ']';
    if (columns.size() >= 2) {
        const auto& before = columns[0].summary;
        const auto& after = columns[1].summary;
        out += ", \"difference\": {";
        for (std::size_t m = 0; m < before.metrics.size(); ++m) {
            fmt::format_to(std::back_inserter(out), "{}: {}, ", json_escape(before.metrics[m].key),
                           json_number(after.metrics[m].value - before.metrics[m].value));
        }
        fmt::format_to(std::back_inserter(out), "\"latency_median_ms\": {}, \"latency_p95_ms\": {}}}",
                       json_number(after.latency_median_ms - before.latency_median_ms),
                       json_number(after.latency_p95_ms - before.latency_p95_ms));
        out += ", \"changes\": [";
        for (std::size_t i = 0; i < report.changes.size(); ++i) {
            const auto& change = report.changes[i];
            fmt::format_to(std::back_inserter(out), "{}{{\"id\": {}, \"question\": {}, \"before\": {}, \"after\": {}}}",
                           i == 0 ? "" : ", ", json_escape(change.id), json_escape(change.question),
                           json_rank(change.before), json_rank(change.after));
        }
        out += ']';
    }
    out += "}\n";
}

} // namespace

void print_eval_report(std::ostream& out, const EvalReport& report, EvalFormat format, bool misses)
{
    std::string text;
    if (format == EvalFormat::json) {
        print_json(text, report, misses);
    } else {
        print_text(text, report, misses);
    }
    out << text;
}

} // namespace kosh
