// Writes QuestionResults as tab-separated rows.
#include "output/tsv_printer.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <iterator>

namespace kosh {

namespace {

constexpr std::string_view k_section_separator = " \xE2\x80\xBA "; // " › "

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
            utf8proc_int32_t code_point = 0;
            const auto length = utf8proc_iterate(
                reinterpret_cast<const utf8proc_uint8_t*>(field.data() + i),
                static_cast<utf8proc_ssize_t>(field.size() - i), &code_point);
            if (length < 0) {
                out += "\xEF\xBF\xBD"; // U+FFFD
                ++i;
            } else {
                out.append(field.substr(i, static_cast<std::size_t>(length)));
                i += static_cast<std::size_t>(length);
            }
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
    : m_out(out), m_show_answer(options.show_answer)
{
}

void TsvPrinter::begin()
{
    m_out << "id\tquestion\trank\tscore\tpath\tline\ttitle\tsections\ttext\tanswer\n";
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
        fmt::format_to(std::back_inserter(rows), "{}\t{}\t\t\t\t\t\t\t\t{}\n", id, question, answer);
    }
    for (std::size_t i = 0; i < result.passages.size(); ++i) {
        const PassageHit& hit = result.passages[i];
        fmt::format_to(std::back_inserter(rows), "{}\t{}\t{}\t{:.4f}\t{}\t{}\t{}\t{}\t{}\t{}\n", id,
                       question, hit.rank, hit.score, tsv_escape(hit.path), hit.line,
                       tsv_escape(hit.title), tsv_escape(join_sections(hit.sections)),
                       tsv_escape(hit.text), i == 0 ? answer : std::string());
    }
    m_out << rows;
}

} // namespace kosh
