// Runs questions or queries one after another through a printer, keeping grep-like exit status.
#include "cli/session.h"

#include "cli/common.h"
#include "cli/standard_output.h"
#include "search/answer_confidence.h"
#include "util/error.h"

#include <fmt/format.h>

#include <iostream>

namespace kosh::cli {

QuestionResult answer_or_error(const std::string& id, const std::string& question,
                               const std::function<QuestionResult()>& answer)
{
    QuestionResult result;
    try {
        result = answer();
    } catch (const Error& error) {
        result = QuestionResult{};
        result.question = question;
        result.error = error.what();
    }
    result.id = id;
    return result;
}

void Session::refresh_outdated(std::string index_dir, std::string language, std::function<void()> reopen)
{
    m_refresh = Refresh{std::move(index_dir), std::move(language), std::move(reopen)};
}

void Session::run(const std::string& id, const std::string& question, const std::function<QuestionResult()>& answer)
{
    QuestionResult result = answer_or_error(id, question, answer);
    if (m_refresh && m_freshness != nullptr && result.error.empty() &&
        refresh_outdated_files(result, *m_freshness, m_refresh->index_dir, m_refresh->language)) {
        m_refresh->reopen();
        result = answer_or_error(id, question, answer);
    }
    emit(std::move(result));
}

void Session::fail(const std::string& id, const std::string& question, const std::string& error)
{
    QuestionResult result;
    result.id = id;
    result.question = question;
    result.error = error;
    emit(std::move(result));
}

void Session::emit(QuestionResult result)
{
    if (m_freshness != nullptr && result.error.empty()) {
        apply_freshness(result, *m_freshness, m_outdated);
    }
    if (!result.error.empty()) {
        m_errored = true;
        fmt::print(stderr, "kosh: {}{}\n", result.id.empty() ? "" : result.id + ": ", result.error);
    } else if (!result.passages.empty()) {
        m_found = true;
        m_unanswered = m_unanswered || (m_require_answer && lacks_confident_answer(result));
    }
    m_printer.print(result);
    // A reader that has gone wants no more answers: stop the batch instead of computing them.
    check_standard_output();
}

int Session::finish()
{
    m_printer.finish();
    std::cout.flush(); // the note comes after the results it is about
    print_outdated_note(m_outdated);
    if (m_errored) {
        return k_exit_error;
    }
    if (m_unanswered) {
        return k_exit_no_confident_answer;
    }
    return m_found ? k_exit_found : k_exit_not_found;
}

std::string join_words(const std::vector<std::string>& words)
{
    return fmt::format("{}", fmt::join(words, " "));
}

} // namespace kosh::cli
