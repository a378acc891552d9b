// Reads what `kosh eval` measures against: question lists (with or without answers) and TREC qrels.
#include "search/eval_input.h"

#include "util/file_io.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <set>
#include <sstream>

namespace kosh {

namespace {

constexpr std::string_view k_space = " \t\r\n\f\v";

std::string_view trim(std::string_view text)
{
    const auto begin = text.find_first_not_of(k_space);
    if (begin == std::string_view::npos) {
        return {};
    }
    return text.substr(begin, text.find_last_not_of(k_space) - begin + 1);
}

std::vector<std::string> split_tabs(std::string_view line)
{
    std::vector<std::string> fields;
    for (;;) {
        const auto tab = line.find('\t');
        fields.emplace_back(trim(line.substr(0, tab)));
        if (tab == std::string_view::npos) {
            return fields;
        }
        line.remove_prefix(tab + 1);
    }
}

/// The next line without its newline, with a first-line byte order mark removed.
bool next_line(std::istream& in, std::string& line, int& number)
{
    if (!std::getline(in, line)) {
        return false;
    }
    ++number;
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) {
        line.erase(0, 3);
    }
    return true;
}

/// Why a line cannot be read as text, or an empty string when it can.
std::string line_problem(std::string_view line)
{
    const std::string problem = check_text(line);
    if (problem.starts_with("invalid UTF-8")) {
        return "invalid UTF-8"; // check_text's line and byte are relative to this one line
    }
    if (problem.starts_with("binary")) {
        return "NUL byte (binary data)";
    }
    return problem;
}

} // namespace

Expected<std::vector<EvalQuestion>> read_eval_questions(std::istream& in, std::string_view name, QuestionFields fields)
{
    using Result = Expected<std::vector<EvalQuestion>>;
    const char* expected =
        fields == QuestionFields::with_answers ? "id<TAB>question<TAB>answer[<TAB>answer...]" : "id<TAB>question";
    std::vector<EvalQuestion> questions;
    std::set<std::string> ids;
    std::string raw;
    int number = 0;
    while (next_line(in, raw, number)) {
        auto fail = [&](const std::string& why) {
            return Result::failure(fmt::format("{}:{}: {}", name, number, why));
        };
        if (const std::string problem = line_problem(raw); !problem.empty()) {
            return fail(problem);
        }
        const std::string_view text = trim(raw);
        if (text.empty() || text.front() == '#') {
            continue;
        }
        std::vector<std::string> parts = split_tabs(raw);
        const bool count_ok = fields == QuestionFields::with_answers ? parts.size() >= 3 : parts.size() == 2;
        if (!count_ok) {
            return fail(
                fmt::format("expected {}, found {} field{}", expected, parts.size(), parts.size() == 1 ? "" : "s"));
        }
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (parts[i].empty()) {
                return fail(fmt::format("field {} is empty (expected {})", i + 1, expected));
            }
        }
        if (!ids.insert(parts[0]).second) {
            return fail(fmt::format("id '{}' appears twice", parts[0]));
        }
        EvalQuestion question;
        question.id = std::move(parts[0]);
        question.question = std::move(parts[1]);
        question.answers.assign(std::make_move_iterator(parts.begin() + 2), std::make_move_iterator(parts.end()));
        question.line = number;
        questions.push_back(std::move(question));
    }
    if (in.bad()) {
        return Result::failure(fmt::format("{}: read error", name));
    }
    return questions;
}

Expected<Qrels> read_qrels(std::istream& in, std::string_view name)
{
    Qrels qrels;
    std::string raw;
    int number = 0;
    while (next_line(in, raw, number)) {
        auto fail = [&](const std::string& why) {
            return Expected<Qrels>::failure(fmt::format("{}:{}: {}", name, number, why));
        };
        if (const std::string problem = line_problem(raw); !problem.empty()) {
            return fail(problem);
        }
        std::istringstream columns(raw);
        std::vector<std::string> parts;
        for (std::string part; columns >> part;) {
            parts.push_back(std::move(part));
        }
        if (parts.empty()) {
            continue;
        }
        if (parts.size() != 4) {
            return fail(fmt::format("expected 'qid iteration docid grade', found {} column{}", parts.size(),
                                    parts.size() == 1 ? "" : "s"));
        }
        double grade = 0.0;
        const std::string& text = parts[3];
        const auto [stop, error] = std::from_chars(text.data(), text.data() + text.size(), grade);
        if (error != std::errc() || stop != text.data() + text.size() || !std::isfinite(grade)) {
            return fail(fmt::format("grade '{}' is not a number", text));
        }
        if (std::fabs(grade) > 1e6) {
            return fail(fmt::format("grade '{}' is out of range", text));
        }
        qrels[parts[0]][parts[2]] = static_cast<int>(grade);
    }
    if (in.bad()) {
        return Expected<Qrels>::failure(fmt::format("{}: read error", name));
    }
    return qrels;
}

} // namespace kosh
