// Writes QuestionResults as TREC run lines.
#include "output/trec_printer.h"

#include <fmt/format.h>

#include <iterator>

namespace kosh {

namespace {

/// A column must be one non-empty word: scorers split lines on whitespace.
std::string one_word(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte <= 0x20 || byte == 0x7f) ? '_' : c;
    }
    return out.empty() ? std::string("_") : out;
}

} // namespace

std::string trec_docid(std::string_view path)
{
    if (const auto slash = path.find_last_of('/'); slash != std::string_view::npos) {
        path.remove_prefix(slash + 1);
    }
    // A leading dot is part of the name (".notes" has no extension), as std::filesystem has it.
    if (const auto dot = path.find_last_of('.'); dot != std::string_view::npos && dot > 0) {
        path = path.substr(0, dot);
    }
    return std::string(path);
}

TrecPrinter::TrecPrinter(std::ostream& out) : m_out(out)
{
}

void TrecPrinter::print(const QuestionResult& result)
{
    ++m_questions;
    if (!result.error.empty()) {
        return;
    }
    const std::string qid = one_word(result.id.empty() ? std::to_string(m_questions) : result.id);
    std::string lines;
    for (const auto& hit : result.passages) {
        fmt::format_to(std::back_inserter(lines), "{} Q0 {} {} {:.6f} kosh\n", qid, one_word(trec_docid(hit.path)),
                       hit.rank, hit.score);
    }
    m_out << lines;
}

} // namespace kosh
