// Reads what `kosh eval` measures against: question lists (with or without answers) and TREC qrels.
#pragma once

#include "util/error.h"

#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// One question to evaluate, as read from its file.
struct EvalQuestion {
    std::string id;
    std::string question;
    std::vector<std::string> answers; // accepted answer strings (answers mode only)
    int line = 0;                     // 1-based line in its file, for messages
};

/// Relevance judgements: query id -> document id -> grade (grade > 0 is relevant).
using Qrels = std::map<std::string, std::map<std::string, int>>;

enum class QuestionFields {
    with_answers,  // id<TAB>question<TAB>answer[<TAB>answer...]
    question_only, // id<TAB>question
};

/// Reads a question list. Blank lines and lines starting with '#' are skipped, a leading UTF-8
/// byte order mark is allowed, and spaces around fields are trimmed. The failure message is
/// "NAME:LINE: what is wrong" for the first bad line: a wrong number of fields, an empty field,
/// a repeated id, or invalid UTF-8.
[[nodiscard]] Expected<std::vector<EvalQuestion>> read_eval_questions(std::istream& in, std::string_view name,
                                                                      QuestionFields fields);

/// Reads TREC qrels, "qid iteration docid grade" split on whitespace; blank lines are skipped.
/// A grade may be written as a decimal ("1.0") and is truncated, as trec_eval does. A repeated
/// (qid, docid) pair keeps the last grade. Failure messages are "NAME:LINE: what is wrong".
[[nodiscard]] Expected<Qrels> read_qrels(std::istream& in, std::string_view name);

} // namespace kosh
