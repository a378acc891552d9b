// `kosh ask`: answer one question, or a batch of them, from the index.
#pragma once

#include "cli/common.h"

#include <optional>
#include <string>
#include <vector>

namespace kosh::cli {

struct AskOptions {
    std::vector<std::string> question_words;
    std::string batch; // file of questions, "-" for stdin; empty for a single question
    std::string index_dir;
    std::string language; // empty: use the index's language
    int limit = 3;
    double min_coverage = k_default_min_coverage;
    std::string bm25;          // "K1,B"; empty for the defaults
    bool per_doc = false;      // one entry per file: its best passage
    std::optional<int> expand; // pseudo-relevance feedback words; unset: see feedback_words
    bool explain = false;
    std::optional<double> min_confidence; // withhold answers below it; exit 3 when one is missing
    int context = 0;                      // -C N
    OutputFlags output;
};

[[nodiscard]] int run_ask_command(const AskOptions& options);

} // namespace kosh::cli
