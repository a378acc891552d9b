// Lays out QuestionResults as text for a terminal, with optional colour and word wrapping.
#include "output/human_printer.h"

#include "output/explain_text.h"
#include "output/terminal.h"
#include "parse/location.h"
#include "util/ascii.h"
#include "util/utf8.h"

#include <fmt/color.h>
#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <iterator>
#include <optional>

namespace kosh {

namespace {

constexpr std::string_view k_answer_label = "Answer: ";
/// After the location of a hit whose file changed since it was indexed (result_freshness.h).
constexpr const char* k_stale_note = "(changed since indexed)";

/// A run of a word that is either all highlighted or not at all; `text` is already sanitized.
struct Piece {
    std::string text;
    bool highlighted = false;
};

/// A maximal run of non-whitespace in the source text.
struct Word {
    std::vector<Piece> pieces;
    int width = 0; // display columns
};

/// Display columns of valid UTF-8 text (sanitized text always is).
int display_width(std::string_view text)
{
    int width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const CodePoint cp = decode_utf8(text, i);
        i += cp.size;
        if (cp.value < 0) {
            ++width;
        } else if (cp.value < 0x80) {
            // ASCII needs no table lookup (and so no touch of utf8proc's tables): printable
            // characters take one column, control characters none.
            width += cp.value >= 0x20 && cp.value < 0x7f ? 1 : 0;
        } else {
            width += std::max(0, utf8proc_charwidth(cp.value));
        }
    }
    return width;
}

/// Splits `text` at ASCII whitespace into words, each cut into highlighted and plain pieces.
/// Spans are byte ranges into the original `text`, so the cutting happens before sanitizing.
/// Spans out of range or out of order are tolerated rather than trusted.
std::vector<Word> split_words(std::string_view text, const std::vector<ByteSpan>& highlights)
{
    std::vector<bool> lit(text.size(), false);
    for (const ByteSpan& span : highlights) {
        const std::size_t end = std::min(span.end, text.size());
        for (std::size_t i = span.begin; i < end; ++i) {
            lit[i] = true;
        }
    }

    std::vector<Word> words;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_ascii_space(text[i])) {
            ++i;
            continue;
        }
        Word word;
        while (i < text.size() && !is_ascii_space(text[i])) {
            const std::size_t start = i;
            while (i < text.size() && !is_ascii_space(text[i]) && lit[i] == lit[start]) {
                ++i;
            }
            Piece piece{sanitize_for_terminal(text.substr(start, i - start)), lit[start]};
            word.width += display_width(piece.text);
            word.pieces.push_back(std::move(piece));
        }
        words.push_back(std::move(word));
    }
    return words;
}

/// Collapses whitespace and sanitizes a field that must stay on one line.
std::string one_line(std::string_view text)
{
    std::string out;
    for (const Word& word : split_words(text, {})) {
        if (!out.empty()) {
            out += ' ';
        }
        for (const Piece& piece : word.pieces) {
            out += piece.text;
        }
    }
    return out;
}

/// The spans of `spans` that fall in [begin, end), cut to it and counted from `begin`.
std::vector<ByteSpan> spans_within(const std::vector<ByteSpan>& spans, std::size_t begin, std::size_t end)
{
    std::vector<ByteSpan> within;
    for (const ByteSpan& span : spans) {
        const std::size_t from = std::max(span.begin, begin);
        const std::size_t to = std::min(span.end, end);
        if (from < to) {
            within.push_back({from - begin, to - begin});
        }
    }
    return within;
}

/// The lines of a code block, without the blank lines around it, as [begin, end) ranges of `text`.
std::vector<ByteSpan> code_lines(std::string_view text, ByteSpan block)
{
    std::vector<ByteSpan> lines;
    for (std::size_t begin = block.begin; begin < block.end;) {
        const std::size_t newline = text.find('\n', begin);
        const std::size_t end = std::min(newline == std::string_view::npos ? text.size() : newline, block.end);
        lines.push_back({begin, end});
        begin = end + 1;
    }
    auto blank = [&](const ByteSpan& line) {
        return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(line.begin),
                           text.begin() + static_cast<std::ptrdiff_t>(line.end), is_ascii_space);
    };
    while (!lines.empty() && blank(lines.back())) {
        lines.pop_back();
    }
    const auto first = std::find_if_not(lines.begin(), lines.end(), blank);
    lines.erase(lines.begin(), first);
    return lines;
}

/// How many leading bytes of white space every non-blank line of `lines` shares: the block's
/// own indentation in its source, which the printer replaces with its own.
std::size_t common_indent(std::string_view text, const std::vector<ByteSpan>& lines)
{
    std::optional<std::string_view> common;
    for (const ByteSpan& line : lines) {
        const std::string_view body = text.substr(line.begin, line.end - line.begin);
        const std::size_t indent = std::min(body.find_first_not_of(" \t"), body.size());
        if (indent == body.size()) {
            continue; // a blank line says nothing of the indentation
        }
        if (!common) {
            common = body.substr(0, indent);
            continue;
        }
        std::size_t shared = 0;
        while (shared < common->size() && shared < indent && (*common)[shared] == body[shared]) {
            ++shared;
        }
        common = common->substr(0, shared);
    }
    return common ? common->size() : 0;
}

/// Tabs in code advance to the next multiple of this many columns, as on most terminals.
constexpr int k_tab_width = 8;

/// A piece of a one-line field (heading path, location) that wrapping keeps whole.
struct Unit {
    std::string text; // sanitized
    int width = 0;    // display columns
};

/// The words of a field that must stay on one line when not wrapped, as units.
std::vector<Unit> word_units(std::string_view text)
{
    std::vector<Unit> units;
    for (const Word& word : split_words(text, {})) {
        Unit unit;
        for (const Piece& piece : word.pieces) {
            unit.text += piece.text;
        }
        unit.width = word.width;
        units.push_back(std::move(unit));
    }
    return units;
}

/// Where lines break in a run of `units` joined by single spaces: the index of the first unit
/// of each line. The first line starts at `column` (after a label), the others at `indent`. A
/// unit is never cut: one wider than the line stands alone on its line, overflowing it.
std::vector<std::size_t> line_starts(const std::vector<Unit>& units, int column, int indent, int width)
{
    std::vector<std::size_t> starts;
    bool line_empty = true;
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (line_empty) {
            starts.push_back(i);
        } else if (width > 0 && column + 1 + units[i].width > width) {
            starts.push_back(i);
            column = indent;
        } else {
            ++column;
        }
        column += units[i].width;
        line_empty = false;
    }
    return starts;
}

/// The units of lines [starts[line], starts[line + 1]) joined by spaces.
std::string line_text(const std::vector<Unit>& units, const std::vector<std::size_t>& starts, std::size_t line)
{
    const std::size_t end = line + 1 < starts.size() ? starts[line + 1] : units.size();
    std::string out;
    for (std::size_t i = starts[line]; i < end; ++i) {
        if (i != starts[line]) {
            out += ' ';
        }
        out += units[i].text;
    }
    return out;
}

} // namespace

HumanPrinter::HumanPrinter(std::ostream& out, const PrinterOptions& options) : m_out(out), m_options(options)
{
}

std::string HumanPrinter::paint(std::string_view text, Style style) const
{
    if (m_options.color == Color::no || text.empty()) {
        return std::string(text);
    }
    fmt::text_style text_style;
    switch (style) {
    case Style::heading: text_style = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::cyan); break;
    case Style::path: text_style = fmt::fg(fmt::terminal_color::magenta); break;
    case Style::line_number: text_style = fmt::fg(fmt::terminal_color::green); break;
    case Style::highlight: text_style = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::yellow); break;
    case Style::answer_label: text_style = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::green); break;
    case Style::question: text_style = fmt::emphasis::bold; break;
    case Style::error: text_style = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::red); break;
    case Style::faint: text_style = fmt::emphasis::faint; break;
    }
    return fmt::format("{}", fmt::styled(text, text_style));
}

std::string HumanPrinter::render_flow(std::string_view text, const std::vector<ByteSpan>& highlights, int indent) const
{
    // The caller has already written `indent` columns of label or spaces on the first line.
    const int width = m_options.width;
    std::string out;
    int column = indent;
    bool line_empty = true;
    for (const Word& word : split_words(text, highlights)) {
        if (!line_empty) {
            // A word wider than the whole line still goes on a line of its own, unbroken.
            if (width > 0 && column + 1 + word.width > width) {
                out += '\n';
                out.append(static_cast<std::size_t>(indent), ' ');
                column = indent;
            } else {
                out += ' ';
                ++column;
            }
        }
        for (const Piece& piece : word.pieces) {
            out += piece.highlighted ? paint(piece.text, Style::highlight) : piece.text;
        }
        column += word.width;
        line_empty = false;
    }
    return out;
}

std::string HumanPrinter::render_code_line(std::string_view line, const std::vector<ByteSpan>& highlights) const
{
    std::string out;
    int column = 0;
    std::size_t i = 0;
    std::vector<bool> lit(line.size(), false);
    for (const ByteSpan& span : highlights) {
        for (std::size_t at = span.begin; at < std::min(span.end, line.size()); ++at) {
            lit[at] = true;
        }
    }
    while (i < line.size()) {
        if (line[i] == '\t') {
            const int spaces = k_tab_width - column % k_tab_width;
            out.append(static_cast<std::size_t>(spaces), ' ');
            column += spaces;
            ++i;
            continue;
        }
        // A run of bytes that are all highlighted or all not, up to the next tab.
        std::size_t end = i + 1;
        while (end < line.size() && line[end] != '\t' && lit[end] == lit[i]) {
            ++end;
        }
        const std::string clean = sanitize_for_terminal(line.substr(i, end - i));
        column += display_width(clean);
        out += lit[i] ? paint(clean, Style::highlight) : clean;
        i = end;
    }
    const auto last = out.find_last_not_of(' ');
    out.resize(last == std::string::npos ? 0 : last + 1);
    return out;
}

std::string HumanPrinter::render_body(const PassageHit& hit, const std::string& pad) const
{
    const std::string_view text = hit.text;
    const int indent = static_cast<int>(pad.size());
    std::string out;
    auto add_prose = [&](std::size_t begin, std::size_t end) {
        if (begin >= end) {
            return;
        }
        const std::string flow =
            render_flow(text.substr(begin, end - begin), spans_within(hit.highlights, begin, end), indent);
        if (!flow.empty()) {
            out += pad + flow + "\n";
        }
    };
    std::size_t prose_begin = 0;
    for (const ByteSpan& block : tidy_spans(hit.code, text.size())) {
        add_prose(prose_begin, block.begin);
        prose_begin = block.end;
        // Code keeps its lines and their relative indentation, set in under the prose.
        const std::vector<ByteSpan> lines = code_lines(text, block);
        const std::size_t dedent = common_indent(text, lines);
        for (const ByteSpan& line : lines) {
            const std::size_t begin = std::min(line.begin + dedent, line.end);
            const std::string rendered =
                render_code_line(text.substr(begin, line.end - begin), spans_within(hit.highlights, begin, line.end));
            out += rendered.empty() ? "\n" : pad + std::string(k_code_indent, ' ') + rendered + "\n";
        }
    }
    add_prose(prose_begin, text.size());
    return out;
}

std::string HumanPrinter::render_location(const std::string& path, const std::string& place, int indent,
                                          const std::string& note) const
{
    // A path breaks only at its spaces, and ":place" stays with its last word.
    std::vector<Unit> units = word_units(m_options.paths.shown(path));
    if (units.empty()) {
        units.emplace_back();
    }
    units.back().width += 1 + display_width(place);
    const std::vector<std::size_t> starts = line_starts(units, indent, indent, m_options.width);
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::string out;
    int column = indent;
    for (std::size_t line = 0; line < starts.size(); ++line) {
        const std::string text = line_text(units, starts, line);
        if (line > 0) {
            out += '\n';
            out += pad;
        }
        out += paint(text, Style::path);
        column = indent + display_width(text);
    }
    out += ":" + paint(place, Style::line_number);
    column += 1 + display_width(place);
    if (!note.empty()) {
        // The note (confidence) moves down whole when it does not fit.
        const int note_width = display_width(note);
        if (m_options.width > 0 && column + 1 + note_width > m_options.width) {
            out += '\n';
            out += pad;
        } else {
            out += ' ';
        }
        out += paint(note, Style::faint);
    }
    return out;
}

std::string HumanPrinter::render_heading(const std::vector<std::string_view>& parts, int indent) const
{
    // Each part's words are units; the separator stays at the end of a line, never starts one.
    std::vector<Unit> units;
    for (std::string_view part : parts) {
        std::vector<Unit> words = word_units(part);
        if (words.empty()) {
            continue;
        }
        if (!units.empty()) {
            units.back().text += " \xE2\x80\xBA"; // k_section_separator, less its trailing space
            units.back().width += 2;
        }
        std::move(words.begin(), words.end(), std::back_inserter(units));
    }
    const std::vector<std::size_t> starts = line_starts(units, indent, indent, m_options.width);
    std::string out;
    for (std::size_t line = 0; line < starts.size(); ++line) {
        if (line > 0) {
            out += '\n';
            out.append(static_cast<std::size_t>(indent), ' ');
        }
        out += paint(line_text(units, starts, line), Style::heading);
    }
    return out;
}

std::string HumanPrinter::render_answer(const Answer& answer) const
{
    const int indent = static_cast<int>(k_answer_label.size());
    const std::string pad(k_answer_label.size(), ' ');
    return fmt::format("{} {}\n{}{}\n", paint("Answer:", Style::answer_label),
                       render_flow(answer.sentence, answer.highlights, indent), pad,
                       render_location(answer.path,
                                       location_label(answer.format, answer.line, answer.page, answer.chapter), indent,
                                       fmt::format("(confidence {:.2f}){}", answer.confidence,
                                                   answer.stale ? std::string(" ") + k_stale_note : "")));
}

std::string HumanPrinter::render_passage(const PassageHit& hit) const
{
    // Continuation lines line up under the text after "N. ", so rank 10 and up indent by 4.
    const std::string label = fmt::format("{}. ", hit.rank);
    const std::string pad(label.size(), ' ');

    std::vector<std::string_view> parts;
    if (!hit.title.empty()) {
        parts.emplace_back(hit.title);
    }
    for (const std::string& section : hit.sections) {
        parts.emplace_back(section);
    }
    const int indent = static_cast<int>(pad.size());
    const std::string heading = render_heading(parts, indent);
    const std::string location = render_location(hit.path, location_label(hit.format, hit.line, hit.page, hit.chapter),
                                                 indent, hit.stale ? k_stale_note : "");

    std::string out = label;
    if (heading.empty()) {
        out += location + "\n";
    } else {
        out += heading + "\n" + pad + location + "\n";
    }
    for (const PassageHit& context : hit.before) {
        out += render_context(context, pad);
    }
    if (!hit.before.empty()) {
        out += pad +
               paint(fmt::format("{} (this passage)", location_label(hit.format, hit.line, hit.page, hit.chapter)),
                     Style::faint) +
               "\n";
    }
    out += render_body(hit, pad);
    for (const PassageHit& context : hit.after) {
        out += render_context(context, pad);
    }
    return out;
}

std::string HumanPrinter::render_context(const PassageHit& context, const std::string& pad) const
{
    // A neighbour in the same file: its place, then its text, under the passage's own heading.
    std::string out =
        pad + paint(location_label(context.format, context.line, context.page, context.chapter), Style::faint);
    if (!context.sections.empty()) {
        out += paint(fmt::format(" ({})", context.sections.back()), Style::faint);
    }
    return out + "\n" + render_body(context, pad);
}

std::string HumanPrinter::render_rewrites(const std::vector<Rewrite>& rewrites, bool applied) const
{
    std::string out;
    for (const Rewrite& rewrite : rewrites) {
        if (rewrite.applied != applied) {
            continue;
        }
        std::string note;
        if (!rewrite.applied) {
            note = "did you mean: " + one_line(rewrite.query);
        } else if (rewrite.kind == Rewrite::Kind::most_terms) {
            note = fmt::format("relaxed: matched {} of {} words", rewrite.matched, rewrite.of);
        } else if (rewrite.kind == Rewrite::Kind::any_term) {
            note = fmt::format("relaxed: matched any of {} words", rewrite.of);
        } else {
            note = "spelling: showing results for: " + one_line(rewrite.query);
        }
        out += paint(note, Style::faint) + "\n";
    }
    return out;
}

void HumanPrinter::print(const QuestionResult& result)
{
    std::vector<std::string> blocks;
    if (!result.error.empty()) {
        // kosh has said it on stderr; in a batch the line also marks which question failed.
        if (m_options.batch) {
            blocks.push_back(paint("error:", Style::error) + " " + one_line(result.error) + "\n");
        }
    } else {
        // What was loosened comes before the results it explains; a suggestion comes last.
        if (std::string notes = render_rewrites(result.rewrites, true); !notes.empty()) {
            blocks.push_back(std::move(notes));
        }
        if (m_options.show_answer && result.answer.has_value() && !result.answer->sentence.empty()) {
            blocks.push_back(render_answer(*result.answer));
        } else if (m_options.show_answer && result.withheld_answer.has_value()) {
            blocks.push_back(paint(fmt::format("No confident answer (best sentence: confidence {:.2f}).",
                                               result.withheld_answer->confidence),
                                   Style::faint) +
                             "\n");
        }
        for (const PassageHit& hit : result.passages) {
            blocks.push_back(render_passage(hit));
        }
        if (result.passages.empty()) {
            blocks.emplace_back("No passages found.\n");
        }
        if (std::string suggestions = render_rewrites(result.rewrites, false); !suggestions.empty()) {
            blocks.push_back(std::move(suggestions));
        }
        std::string explanation;
        for (const std::string& line : explain_lines(result, m_options.paths)) {
            explanation +=
                (explanation.empty() ? paint(line, Style::heading) : sanitize_line_for_terminal(line)) + "\n";
        }
        if (!explanation.empty()) {
            blocks.push_back(std::move(explanation));
        }
    }

    std::string out;
    if (m_printed_any) {
        out += '\n';
    }
    if (m_options.batch) {
        const std::string header = result.id.empty()
                                       ? fmt::format("Q: {}", one_line(result.question))
                                       : fmt::format("[{}] {}", one_line(result.id), one_line(result.question));
        out += paint(header, Style::question) + "\n";
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (i > 0) {
            out += '\n';
        }
        out += blocks[i];
    }
    m_out << out;
    m_printed_any = true;
}

} // namespace kosh
