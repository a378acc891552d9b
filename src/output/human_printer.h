// The text format: answers and passages laid out for people reading a terminal.
#pragma once

#include "output/printer.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// Writes each QuestionResult as blocks separated by blank lines:
///
///   Q: how do foxes hunt?                      batch mode only ("[id] question" when id is set)
///   Answer: Foxes hunt alone at dusk.          when there is an answer and show_answer is set
///           docs/animals.md:12 (confidence 0.82)
///
///   1. Animals › Foxes                         title › sections; the location if both are empty
///      docs/animals.md:10
///      Foxes hunt alone at dusk. They eat ...  whitespace collapsed, wrapped at `width`
///          den = find_den(fox)                 code (PassageHit::code): its lines as they are,
///          hunt(den)                           less their shared indentation, not wrapped
///
/// With --explain, the block of explain_lines() follows the passages; an answer withheld by
/// --min-confidence is replaced by "No confident answer (best sentence: confidence 0.23).".
/// `error: <message>` replaces the answer and passages of a question that failed, and
/// `No passages found.` stands for an empty result. Continuation lines line up under the text
/// after the "Answer: " or "N. " label; heading paths and locations wrap too, after a " › " or at a
/// space, and a word wider than the line stands whole on a line of its own. With Color::yes, headings are bold cyan, paths magenta,
/// line numbers green and query terms bold yellow; with Color::no no escape code is written.
/// All document text goes through sanitize_for_terminal.
class HumanPrinter : public Printer {
public:
    HumanPrinter(std::ostream& out, const PrinterOptions& options);
    void print(const QuestionResult& result) override;

private:
    /// What a piece of output is; paint() maps it to a terminal style.
    enum class Style { heading, path, line_number, highlight, answer_label, question, error, faint };

    /// Notes on the rewrites applied (`applied`), or on those only suggested.
    std::string render_rewrites(const std::vector<Rewrite>& rewrites, bool applied) const;
    std::string render_answer(const Answer& answer) const;
    std::string render_passage(const PassageHit& hit) const;
    /// "path:place", then `note` if any, wrapped at spaces; continuation lines `indent` columns in.
    std::string render_location(const std::string& path, const std::string& place, int indent,
                                const std::string& note = {}) const;
    /// The heading path "Title › Section", wrapped after a separator or between words.
    std::string render_heading(const std::vector<std::string_view>& parts, int indent) const;
    std::string paint(std::string_view text, Style style) const;
    std::string render_flow(std::string_view text, const std::vector<ByteSpan>& highlights, int indent) const;
    /// A passage's text under its heading: prose wrapped by render_flow, code line by line.
    std::string render_body(const PassageHit& hit, const std::string& pad) const;
    std::string render_context(const PassageHit& context, const std::string& pad) const;
    /// One line of code as it is (tabs expanded, trailing spaces dropped), sanitized and highlighted.
    std::string render_code_line(std::string_view line, const std::vector<ByteSpan>& highlights) const;

    /// Code lines sit this many columns further in than the prose of their passage.
    static constexpr std::size_t k_code_indent = 4;

    std::ostream& m_out;
    PrinterOptions m_options;
    bool m_printed_any = false; // a later question needs a blank line before it
};

} // namespace kosh
