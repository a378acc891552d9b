// Reads a batch of questions: one a line, "#" comments and blank lines skipped, optional ids.
#include "cli/question_reader.h"

#include "util/file_io.h"

#include <fmt/format.h>

namespace kosh::cli {

namespace {

std::string trim(const std::string& text)
{
    const auto begin = text.find_first_not_of(" \t\r\n\f\v");
    if (begin == std::string::npos) {
        return {};
    }
    const auto end = text.find_last_not_of(" \t\r\n\f\v");
    return text.substr(begin, end - begin + 1);
}

} // namespace

std::optional<QuestionLine> QuestionReader::next()
{
    std::string raw;
    while (std::getline(m_in, raw)) {
        ++m_line;
        if (m_line == 1 && raw.starts_with("\xEF\xBB\xBF")) {
            raw.erase(0, 3);
        }
        QuestionLine entry;
        entry.line = m_line;
        const std::string text = trim(raw);
        if (text.empty() || text[0] == '#') {
            continue;
        }
        const auto tab = raw.find('\t');
        if (tab != std::string::npos) {
            entry.id = trim(raw.substr(0, tab));
            entry.question = trim(raw.substr(tab + 1));
        } else {
            entry.question = text;
        }
        if (entry.question.empty()) {
            entry.error = fmt::format("line {}: no question after the id '{}'", m_line, entry.id);
        }
        if (const std::string problem = check_text(raw); !problem.empty()) {
            // The reader knows the line; check_text's own position is relative to this line.
            entry.error =
                fmt::format("line {}: {}", m_line, problem.starts_with("invalid UTF-8") ? "invalid UTF-8" : problem);
            entry.question = {};
        }
        return entry;
    }
    return std::nullopt;
}

} // namespace kosh::cli
