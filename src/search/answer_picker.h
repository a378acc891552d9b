// Picks the sentence that best answers a question from the top passages.
#pragma once

#include "analyze/analyzer.h"
#include "search/answer_type.h"
#include "search/query_builder.h"
#include "search/result.h"
#include "search/synonyms.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kosh {

struct AnswerContext {
    std::vector<std::string> stems;            // the question's content stems
    std::vector<std::string> ordered_stems;    // its content words' stems in question order, repeats kept
                                               // (for proximity): none when it has only stopwords
    std::map<std::string, double> stem_weight; // informativeness of each stem (idf), filled in by the caller
    std::vector<SynonymUse> synonyms;          // a sentence using a synonym matches the words it stands for
    AnswerCue cue;                             // what the question asks for, shared with the re-ranker
};

/// The context for the question `question`, analyzed into `terms` (synonyms included).
[[nodiscard]] AnswerContext answer_context(std::string_view question, const QuestionTerms& terms);

/// Scores every prose sentence (code is never one) of the first `max_passages` passages by the weighted share of question
/// stems it contains (a stem weighing more the fewer of those sentences hold it), answer-type cues
/// and the rank of its passage; returns the best, with its score, the runner-up and its confidence,
/// or nullopt when no sentence holds a question word (or another or related form of one).
[[nodiscard]] std::optional<Answer> pick_answer(const std::vector<PassageHit>& passages, const AnswerContext& context,
                                                Analyzer& analyzer, std::size_t max_passages = 3);

} // namespace kosh
