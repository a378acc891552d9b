// `kosh eval`: measures answer and ranking quality on a list of questions with known answers.
#pragma once

#include "cli/common.h"

#include <optional>
#include <string>
#include <vector>

namespace kosh::cli {

struct EvalOptions {
    std::string questions; // id<TAB>question[<TAB>answer...] file, "-" for stdin
    std::string qrels;     // TREC qrels; empty for answers mode
    std::string index_dir;
    std::string language; // empty: use the index's language
    int depth = 0;        // 0: 10 passages (answers mode) or 100 documents (qrels mode)
    double min_coverage = k_default_min_coverage;
    std::string bm25;                 // "K1,B"; empty for the defaults
    std::optional<int> expand;        // pseudo-relevance feedback words; unset: see feedback_words
    std::vector<std::string> compare; // NAME=VALUE overrides for a second run
    bool per_question = false;
    std::string format = "text";
    bool json = false;
};

[[nodiscard]] int run_eval_command(const EvalOptions& options);

} // namespace kosh::cli
