// The TREC run format: one line per ranked passage or document, for trec_eval-style scorers.
#pragma once

#include "output/printer.h"

#include <ostream>
#include <string>
#include <string_view>

namespace kosh {

/// The TREC document id of a file: its name without folders and without its last extension
/// ("docs/0184.md" -> "0184"), as the public test collections name documents.
[[nodiscard]] std::string trec_docid(std::string_view path);

/// Writes one line per passage:
///
///   qid Q0 docid rank score kosh
///
/// `qid` is the batch id, or the 1-based number of the question in the input when it has none;
/// `docid` is trec_docid(path); `score` has 6 decimals. Whitespace and control characters in
/// qid and docid become '_' so that every line has exactly six columns. A question without
/// passages, or one that failed, writes nothing. Without `kosh ask --per-doc` a file can appear
/// once per passage; scorers differ on repeated docids, so runs meant for scoring use --per-doc.
class TrecPrinter : public Printer {
public:
    explicit TrecPrinter(std::ostream& out);
    void print(const QuestionResult& result) override;

private:
    std::ostream& m_out;
    int m_questions = 0;
};

} // namespace kosh
