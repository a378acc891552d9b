// The JSON Lines format's "explain" object.
#include "output/explain_json.h"

#include "output/json_writer.h"
#include "parse/location.h"
#include "search/answer_confidence.h"

#include <fmt/format.h>

#include <iterator>

namespace kosh {

namespace {

void append_components(std::string& out, const SentenceScore& score)
{
    fmt::format_to(std::back_inserter(out),
                   "\"coverage\":{},\"support\":{},\"proximity\":{},\"rank\":{},\"type_factor\":{},\"score\":{}",
                   json_number(score.coverage), json_number(score.support), json_number(score.proximity),
                   json_number(score.rank_share), json_number(score.type_factor), json_number(score.total));
}

void append_passage(std::string& out, const PassageExplanation& passage)
{
    fmt::format_to(std::back_inserter(out), "{{\"rank\":{},\"score\":{},\"terms\":[", passage.rank,
                   json_number(passage.score));
    for (std::size_t i = 0; i < passage.terms.size(); ++i) {
        const TermContribution& term = passage.terms[i];
        out += i > 0 ? ",{\"term\":" : "{\"term\":";
        out += json_escape(term.term);
        fmt::format_to(std::back_inserter(out), ",\"text\":{},\"headings\":{},\"title\":{},\"total\":{}}}",
                       json_number(term.body), json_number(term.heading), json_number(term.title),
                       json_number(term.total()));
    }
    out += "],\"bonuses\":[";
    for (std::size_t i = 0; i < passage.bonuses.size(); ++i) {
        out += i > 0 ? ",{\"name\":" : "{\"name\":";
        out += json_escape(passage.bonuses[i].name);
        fmt::format_to(std::back_inserter(out), ",\"value\":{}}}", json_number(passage.bonuses[i].value));
    }
    fmt::format_to(std::back_inserter(out), "],\"other\":{}}}", json_number(passage.other));
}

void append_answer(std::string& out, const Answer& answer, bool withheld, const std::vector<PassageHit>& passages,
                   const PathForms& paths)
{
    out += "{\"asked_for\":";
    out += json_escape(answer.asked_for);
    fmt::format_to(std::back_inserter(out), ",\"passage_rank\":{},", answer.passage_rank);
    append_components(out, answer.score);
    const ConfidenceInputs inputs = confidence_inputs(answer, passages);
    fmt::format_to(std::back_inserter(out),
                   ",\"withheld\":{},\"confidence\":{{\"value\":{},\"coverage\":{},\"margin\":{},"
                   "\"passage_gap\":{}}},\"runner_up\":",
                   withheld ? "true" : "false", json_number(answer.confidence), json_number(inputs.coverage),
                   json_number(inputs.margin), json_number(inputs.passage_gap));
    if (!answer.runner_up) {
        out += "null}";
        return;
    }
    const RunnerUp& runner = *answer.runner_up;
    out += "{\"sentence\":";
    out += json_escape(runner.sentence);
    out += ",\"path\":";
    out += json_escape(paths.shown(runner.path));
    fmt::format_to(std::back_inserter(out), ",\"line\":{},\"location\":", runner.line);
    out += json_escape(location_label(runner.format, runner.line, runner.page, runner.chapter));
    fmt::format_to(std::back_inserter(out), ",\"passage_rank\":{},", runner.passage_rank);
    append_components(out, runner.score);
    out += "}}";
}

} // namespace

void append_explain(std::string& out, const QuestionResult& result, const PathForms& paths)
{
    const Explanation& explanation = *result.explanation;
    out += "{\"query\":";
    out += json_escape(explanation.query);
    if (!explanation.terms.empty()) {
        out += ",\"terms\":[";
        for (std::size_t i = 0; i < explanation.terms.size(); ++i) {
            out += i > 0 ? ",{\"stem\":" : "{\"stem\":";
            out += json_escape(explanation.terms[i].stem);
            fmt::format_to(std::back_inserter(out), ",\"weight\":{}}}", json_number(explanation.terms[i].weight));
        }
        fmt::format_to(std::back_inserter(out),
                       "],\"field_weights\":{{\"text\":1.0,\"headings\":{},\"title\":{}}},\"coverage\":{{\"best\":{},"
                       "\"min\":{}}}",
                       json_number(explanation.heading_weight), json_number(explanation.title_weight),
                       json_number(explanation.best_coverage), json_number(explanation.min_coverage));
    }
    out += ",\"passages\":[";
    for (std::size_t i = 0; i < explanation.passages.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        append_passage(out, explanation.passages[i]);
    }
    out += "],\"answer\":";
    if (result.answer) {
        append_answer(out, *result.answer, false, result.passages, paths);
    } else if (result.withheld_answer) {
        append_answer(out, *result.withheld_answer, true, result.passages, paths);
    } else {
        out += "null";
    }
    out += '}';
}

} // namespace kosh
