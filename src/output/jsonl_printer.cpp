// Writes QuestionResults as JSON Lines.
#include "output/jsonl_printer.h"

#include "output/explain_json.h"
#include "output/json_writer.h"
#include "parse/location.h"

#include <fmt/format.h>

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

namespace {

/// Spans of `text` as [[begin,end],...], offsets into the string a JSON reader decodes.
void append_spans(std::string& out, std::string_view text, const std::vector<ByteSpan>& spans)
{
    out += '[';
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        fmt::format_to(std::back_inserter(out), "[{},{}]", json_decoded_offset(text, spans[i].begin),
                       json_decoded_offset(text, spans[i].end));
    }
    out += ']';
}

/// The page or chapter where the format has them, and the place as the text output shows it.
void append_place(std::string& out, std::string_view format, int line, int page, int chapter)
{
    if (page > 0) {
        fmt::format_to(std::back_inserter(out), ",\"page\":{}", page);
    }
    if (chapter > 0) {
        fmt::format_to(std::back_inserter(out), ",\"chapter\":{}", chapter);
    }
    out += ",\"location\":";
    out += json_escape(location_label(format, line, page, chapter));
}

/// "path" as shown, "absolute_path" as stored, and "stale".
void append_path(std::string& out, const std::string& path, bool stale, const PathForms& paths)
{
    out += "\"path\":";
    out += json_escape(paths.shown(path));
    out += ",\"absolute_path\":";
    out += json_escape(path);
    out += stale ? ",\"stale\":true" : ",\"stale\":false";
}

void append_answer(std::string& out, const Answer& answer, const PathForms& paths)
{
    out += "{\"sentence\":";
    out += json_escape(answer.sentence);
    out += ',';
    append_path(out, answer.path, answer.stale, paths);
    fmt::format_to(std::back_inserter(out), ",\"line\":{}", answer.line);
    append_place(out, answer.format, answer.line, answer.page, answer.chapter);
    fmt::format_to(std::back_inserter(out), ",\"confidence\":{},\"passage_rank\":{}", json_number(answer.confidence),
                   answer.passage_rank);
    out += ",\"highlights\":";
    append_spans(out, answer.sentence, answer.highlights);
    out += '}';
}

/// A JSON array of strings.
void append_strings(std::string& out, const std::vector<std::string>& strings)
{
    out += '[';
    for (std::size_t i = 0; i < strings.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += json_escape(strings[i]);
    }
    out += ']';
}

/// Neighbouring passages (-C N, or the one a passage introduces): where each is, and its text.
void append_context(std::string& out, const std::vector<PassageHit>& passages)
{
    out += '[';
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const PassageHit& passage = passages[i];
        out += i > 0 ? ",{" : "{";
        fmt::format_to(std::back_inserter(out), "\"line\":{},\"last_line\":{}", passage.line, passage.last_line);
        append_place(out, passage.format, passage.line, passage.page, passage.chapter);
        out += ",\"sections\":";
        append_strings(out, passage.sections);
        out += ",\"text\":";
        out += json_escape(passage.text);
        out += ",\"code\":";
        append_spans(out, passage.text, passage.code);
        out += '}';
    }
    out += ']';
}

void append_passage(std::string& out, const PassageHit& hit, const PathForms& paths)
{
    fmt::format_to(std::back_inserter(out), "{{\"rank\":{},\"score\":{},", hit.rank, json_number(hit.score));
    append_path(out, hit.path, hit.stale, paths);
    fmt::format_to(std::back_inserter(out), ",\"line\":{},\"last_line\":{}", hit.line, hit.last_line);
    append_place(out, hit.format, hit.line, hit.page, hit.chapter);
    out += ",\"title\":";
    out += json_escape(hit.title);
    out += ",\"sections\":";
    append_strings(out, hit.sections);
    out += ",\"text\":";
    out += json_escape(hit.text);
    out += ",\"highlights\":";
    append_spans(out, hit.text, hit.highlights);
    out += ",\"code\":";
    append_spans(out, hit.text, hit.code);
    out += ",\"format\":";
    out += json_escape(hit.format);
    out += ",\"before\":";
    append_context(out, hit.before);
    out += ",\"after\":";
    append_context(out, hit.after);
    out += '}';
}

void append_rewrites(std::string& out, const std::vector<Rewrite>& rewrites)
{
    out += '[';
    for (std::size_t i = 0; i < rewrites.size(); ++i) {
        const Rewrite& rewrite = rewrites[i];
        out += i > 0 ? ",{\"kind\":" : "{\"kind\":";
        out += json_escape(rewrite_kind_name(rewrite.kind));
        out += ",\"query\":";
        out += json_escape(rewrite.query);
        out += rewrite.applied ? ",\"applied\":true" : ",\"applied\":false";
        if (rewrite.kind != Rewrite::Kind::spelling) {
            fmt::format_to(std::back_inserter(out), ",\"matched\":{},\"of\":{}", rewrite.matched, rewrite.of);
        }
        out += '}';
    }
    out += ']';
}

} // namespace

JsonlPrinter::JsonlPrinter(std::ostream& out, const PrinterOptions& options)
    : m_out(out), m_show_answer(options.show_answer), m_paths(options.paths)
{
}

void JsonlPrinter::print(const QuestionResult& result)
{
    std::string line = "{";
    if (!result.id.empty()) {
        line += "\"id\":";
        line += json_escape(result.id);
        line += ',';
    }
    line += "\"question\":";
    line += json_escape(result.question);
    line += ",\"answer\":";
    if (m_show_answer && result.answer.has_value() && !result.answer->sentence.empty()) {
        append_answer(line, *result.answer, m_paths);
    } else {
        line += "null";
    }
    if (m_show_answer && !result.answer && result.withheld_answer) {
        line += ",\"answer_confidence\":";
        line += json_number(result.withheld_answer->confidence);
    }
    line += ",\"passages\":[";
    for (std::size_t i = 0; i < result.passages.size(); ++i) {
        if (i > 0) {
            line += ',';
        }
        append_passage(line, result.passages[i], m_paths);
    }
    line += ']';
    if (!result.rewrites.empty()) {
        line += ",\"rewrites\":";
        append_rewrites(line, result.rewrites);
    }
    if (result.explanation) {
        line += ",\"explain\":";
        append_explain(line, result, m_paths);
    }
    if (!result.error.empty()) {
        line += ",\"error\":";
        line += json_escape(result.error);
    }
    line += "}\n";
    m_out << line;
}

} // namespace kosh
