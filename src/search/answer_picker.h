// Picks the sentence that best answers a question from the top passages.
#pragma once

#include "analyze/analyzer.h"
#include "search/answer_type.h"
#include "search/result.h"
#include "search/synonyms.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kosh {

struct AnswerContext {
    std::string_view question;
    std::vector<std::string> stems;           // the question's content stems
    std::map<std::string, double> stem_weight; // informativeness of each stem (idf)
    std::vector<SynonymUse> synonyms;         // a sentence using a synonym matches the words it stands for
    AnswerCue cue;                            // read_answer_cue(question), shared with the re-ranker
};

/// Scores every sentence of the first `max_passages` passages by the weighted share of question
/// stems it contains (a stem weighing more the fewer of those sentences hold it), answer-type cues
/// and the rank of its passage; returns the best, with its score, the runner-up and its confidence,
/// or nullopt when no sentence holds a question word (or another or related form of one).
[[nodiscard]] std::optional<Answer> pick_answer(const std::vector<PassageHit>& passages, const AnswerContext& context,
                                                Analyzer& analyzer, std::size_t max_passages = 3);

} // namespace kosh
