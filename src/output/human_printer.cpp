// Lays out QuestionResults as text for a terminal, with optional colour and word wrapping.
#include "output/human_printer.h"

#include "output/explain_text.h"
#include "output/terminal.h"
#include "util/ascii.h"
#include "util/utf8.h"

#include <fmt/color.h>
#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <iterator>

namespace kosh {

namespace {

constexpr std::string_view k_answer_label = "Answer: ";

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

std::string HumanPrinter::render_location(const std::string& path, int line) const
{
    return paint(one_line(path), Style::path) + ":" + paint(std::to_string(line), Style::line_number);
}

std::string HumanPrinter::render_answer(const Answer& answer) const
{
    const int indent = static_cast<int>(k_answer_label.size());
    const std::string pad(k_answer_label.size(), ' ');
    return fmt::format("{} {}\n{}{} {}\n", paint("Answer:", Style::answer_label),
                       render_flow(answer.sentence, answer.highlights, indent), pad,
                       render_location(answer.path, answer.line),
                       paint(fmt::format("(confidence {:.2f})", answer.confidence), Style::faint));
}

std::string HumanPrinter::render_passage(const PassageHit& hit) const
{
    // Continuation lines line up under the text after "N. ", so rank 10 and up indent by 4.
    const std::string label = fmt::format("{}. ", hit.rank);
    const int indent = static_cast<int>(label.size());
    const std::string pad(label.size(), ' ');

    std::string heading;
    std::vector<std::string_view> parts;
    if (!hit.title.empty()) {
        parts.emplace_back(hit.title);
    }
    for (const std::string& section : hit.sections) {
        parts.emplace_back(section);
    }
    for (std::string_view part : parts) {
        const std::string clean = one_line(part);
        if (clean.empty()) {
            continue;
        }
        if (!heading.empty()) {
            heading += k_section_separator;
        }
        heading += clean;
    }

    std::string out = label;
    if (heading.empty()) {
        out += render_location(hit.path, hit.line) + "\n";
    } else {
        out += paint(heading, Style::heading) + "\n";
        out += pad + render_location(hit.path, hit.line) + "\n";
    }
    const std::string text = render_flow(hit.text, hit.highlights, indent);
    if (!text.empty()) {
        out += pad + text + "\n";
    }
    return out;
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
        for (const std::string& line : explain_lines(result)) {
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
