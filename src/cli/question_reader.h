// Reads a batch of questions: one a line, "#" comments and blank lines skipped, optional ids.
#pragma once

#include <istream>
#include <optional>
#include <string>

namespace kosh::cli {

struct QuestionLine {
    std::string id; // text before the first tab, when the line has one
    std::string question;
    int line = 0;      // 1-based line number in the input
    std::string error; // set when the line cannot be used (invalid UTF-8)
};

class QuestionReader {
public:
    explicit QuestionReader(std::istream& in) : m_in(in) {}
    /// The next question, or nullopt at the end of the input. Streams, so stdin is answered as it comes.
    [[nodiscard]] std::optional<QuestionLine> next();

private:
    std::istream& m_in;
    int m_line = 0;
};

} // namespace kosh::cli
