// Results checked against the files they come from before they are printed: hits from changed
// files are marked stale, hits from deleted files are dropped, and one note at the end says so.
#pragma once

#include "index/file_freshness.h"
#include "search/result.h"

#include <set>
#include <string>

namespace kosh::cli {

/// The out-of-date files met over a command's results.
struct OutdatedFiles {
    std::set<std::string> changed;
    std::set<std::string> deleted;
    [[nodiscard]] bool empty() const { return changed.empty() && deleted.empty(); }
};

/// Marks `result`'s hits and answer from changed files as stale and drops those from deleted
/// files (an answer from one goes too), adding the files to `outdated`.
void apply_freshness(QuestionResult& result, FreshnessCheck& check, OutdatedFiles& outdated);

/// For --refresh: indexes again the changed files behind `result` and drops its deleted ones
/// from the index at `index_dir` (built in `language`), and has `check` look at the index anew.
/// Returns false when nothing was out of date, so the result stands as it is.
[[nodiscard]] bool refresh_outdated_files(const QuestionResult& result, FreshnessCheck& check,
                                          const std::string& index_dir, const std::string& language);

/// One line on stderr for changed files and one for deleted ones, saying what to run.
void print_outdated_note(const OutdatedFiles& outdated);

} // namespace kosh::cli
