// The TSV format: one row per passage, for spreadsheets and shell pipelines.
#pragma once

#include "output/printer.h"

#include <ostream>
#include <string>
#include <string_view>

namespace kosh {

/// Escapes one TSV field so that it holds no tab, newline or other control character:
///   backslash -> \\    tab -> \t    newline -> \n    carriage return -> \r
///   any other byte below 0x20, and DEL (0x7f) -> \xHH (two lowercase hex digits)
///   a byte that is not part of valid UTF-8 -> U+FFFD, so the output is always valid UTF-8.
/// Everything else, including non-ASCII text, is copied unchanged.
[[nodiscard]] std::string tsv_escape(std::string_view field);

/// Writes a header row in begin(), then one row per passage with the columns
///   id  question  rank  score  path  location  title  sections  text  answer
/// `location` is where the passage starts, as the text output shows it after the path: the line
/// ("12"), a PDF's page ("p12"), a DOCX or ODT paragraph ("para12"), an EPUB's chapter and
/// paragraph ("ch3:para4"); see parse/location.h. `sections` is the heading path joined with " › "; `score` has 4 decimals; `answer` holds the
/// answer sentence on the first row of each question (rank 1) and is empty on the others.
/// A question without passages (or with an error) still gets one row, with rank..text empty.
/// No colour, ever.
class TsvPrinter : public Printer {
public:
    TsvPrinter(std::ostream& out, const PrinterOptions& options);
    void begin() override;
    void print(const QuestionResult& result) override;

private:
    std::ostream& m_out;
    bool m_show_answer;
    PathForms m_paths;
};

} // namespace kosh
