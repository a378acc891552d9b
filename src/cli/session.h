// Runs questions or queries one after another through a printer, keeping grep-like exit status.
#pragma once

#include "cli/result_freshness.h"
#include "output/printer.h"
#include "search/searcher.h"

#include <functional>
#include <optional>
#include <string>

namespace kosh::cli {

/// Feeds results to a printer and remembers whether anything was found or anything failed, so
/// one bad question in a batch is reported and the rest still answered.
class Session {
public:
    explicit Session(Printer& printer) : m_printer(printer) { m_printer.begin(); }

    /// From now on, a question with passages but no answer (none, or one withheld by
    /// --min-confidence) makes finish() return 3 unless something failed.
    void require_confident_answers() { m_require_answer = true; }

    /// From now on, results are checked against their files before they are printed (stale
    /// hits marked, deleted files' hits dropped), and finish() notes what was out of date.
    void check_freshness(FreshnessCheck* check) { m_freshness = check; }

    /// --refresh: from now on, run() indexes again the files behind a result that are out of date
    /// (into `index_dir`, in `language`), calls `reopen` so that answers see the new index, and
    /// answers once more. Needs check_freshness.
    void refresh_outdated(std::string index_dir, std::string language, std::function<void()> reopen);

    /// Runs `answer`; an Error it throws becomes that question's error, not the batch's end.
    void run(const std::string& id, const std::string& question, const std::function<QuestionResult()>& answer);
    /// Prints a result computed elsewhere (by answer_or_error on a worker thread).
    void report(QuestionResult result) { emit(std::move(result)); }
    /// Reports a question that could not even be read.
    void fail(const std::string& id, const std::string& question, const std::string& error);

    /// 2 when anything failed; else 3 when answers are required and a question with passages
    /// lacked one; else 0 when anything was found, else 1.
    [[nodiscard]] int finish();

private:
    void emit(QuestionResult result);

    Printer& m_printer;
    bool m_found = false;
    bool m_errored = false;
    bool m_require_answer = false;
    bool m_unanswered = false; // passages but no confident answer, for some question
    FreshnessCheck* m_freshness = nullptr;
    OutdatedFiles m_outdated;
    struct Refresh {
        std::string index_dir;
        std::string language;
        std::function<void()> reopen;
    };
    std::optional<Refresh> m_refresh;
};

/// Runs `answer` and returns its result, or a result carrying the Error it threw. Thread-safe
/// as long as `answer` is.
[[nodiscard]] QuestionResult answer_or_error(const std::string& id, const std::string& question,
                                             const std::function<QuestionResult()>& answer);

/// Joins command-line words into one question, as a shell user expects of `kosh ask how old is it`.
[[nodiscard]] std::string join_words(const std::vector<std::string>& words);

} // namespace kosh::cli
