// The JSON Lines format: one JSON object per question, for programs.
#pragma once

#include "output/printer.h"

#include <ostream>

namespace kosh {

/// Writes one line per QuestionResult, with keys in this order:
///
///   {"id": str,                 only when non-empty
///    "question": str,
///    "answer": {"sentence": str, "path": str, "line": int, "page": int, "chapter": int,
///               "location": str, "confidence": float, "passage_rank": int,
///               "highlights": [[begin, end], ...]} | null,
///    "answer_confidence": float, only when --min-confidence withheld the answer ("answer" is null)
///    "passages": [{"rank": int, "score": float, "path": str, "line": int, "last_line": int,
///                  "page": int, "chapter": int, "location": str, "title": str, "sections": [str, ...], "text": str,
///                  "highlights": [[begin, end], ...], "code": [[begin, end], ...],
///                  "format": str}, ...],
///    "explain": {...},          only with --explain; see explain_json.h
///    "error": str}              only when non-empty
///
/// "line" and "last_line" count lines of the file, except where parse/location.h says otherwise:
/// lines from the top of "page" for a PDF, paragraphs for DOCX and ODT, paragraphs from the start
/// of "chapter" for an EPUB. "page" is there only for a PDF and "chapter" only for an EPUB;
/// "location" is the place as the text output shows it after the path ("12", "p12", "para12",
/// "ch3:para4").
/// "answer" is null when there is none, when its sentence is empty, or when the command picks
/// none (`kosh search`).
/// Highlights and code are [begin, end) byte offsets into the decoded UTF-8 string beside them;
/// "text" keeps its line breaks, and a code span's lines are the block's lines. "format" names
/// the reader that parsed the passage's file ("text", "markdown", ...).
/// Floats are rounded to 4 decimals. No colour, ever; the output is always valid UTF-8.
class JsonlPrinter : public Printer {
public:
    JsonlPrinter(std::ostream& out, const PrinterOptions& options);
    void print(const QuestionResult& result) override;

private:
    std::ostream& m_out;
    bool m_show_answer;
    PathForms m_paths;
};

} // namespace kosh
