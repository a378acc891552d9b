// Writes QuestionResults as tab-separated rows.
#include "output/tsv_printer.h"

#include "parse/location.h"
#include "util/utf8.h"

#include <fmt/format.h>

#include <iterator>

namespace kosh {

namespace {

std::string join_sections(const std::vector<std::string>& sections)
{
    std::string out;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        if (i > 0) {
            out += k_section_separator;
        }
        out += sections[i];
    }
    return out;
}

} // namespace

std::string tsv_escape(std::string_view field)
{
    std::string out;
    out.reserve(field.size());
    std::size_t i = 0;
    while (i < field.size()) {
        const unsigned char c = static_cast<unsigned char>(field[i]);
        if (c >= 0x80) {
            const CodePoint cp = decode_utf8(field, i);
            if (cp.value < 0) {
                out += k_replacement_character;
            } else {
                out.append(field.substr(i, cp.size));
            }
            i += cp.size;
            continue;
        }
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                out += fmt::format("\\x{:02x}", c);
            } else {
                out += static_cast<char>(c);
            }
        }
        ++i;
    }
    return out;
}

TsvPrinter::TsvPrinter(std::ostream& out, const PrinterOptions& options)
    : m_out(out), m_show_answer(options.show_answer), m_paths(options.paths)
{
}

void TsvPrinter::begin()
{
    m_out << "id\tquestion\trank\tscore\tpath\tlocation\ttitle\tsections\ttext\tanswer\tabsolute_path\tstale\n";
}

void TsvPrinter::print(const QuestionResult& result)
{
    const std::string id = tsv_escape(result.id);
    const std::string question = tsv_escape(result.question);
    std::string answer;
    if (m_show_answer && result.answer.has_value()) {
        answer = tsv_escape(result.answer->sentence);
    }

    std::string rows;
    if (result.passages.empty()) {
        fmt::format_to(std::back_inserter(rows), "{}\t{}\t\t\t\t\t\t\t\t{}\t\t\n", id, question, answer);
    }
    for (std::size_t i = 0; i < result.passages.size(); ++i) {
        const PassageHit& hit = result.passages[i];
        fmt::format_to(std::back_inserter(rows), "{}\t{}\t{}\t{:.4f}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", id, question,
                       hit.rank, hit.score, tsv_escape(m_paths.shown(hit.path)),
                       location_label(hit.format, hit.line, hit.page, hit.chapter), tsv_escape(hit.title),
                       tsv_escape(join_sections(hit.sections)), tsv_escape(hit.text), i == 0 ? answer : std::string(),
                       tsv_escape(hit.path), hit.stale ? "true" : "false");
    }
    m_out << rows;
}

} // namespace kosh
