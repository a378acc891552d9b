// How likely the answer sentence is to hold the answer, from what the answer picker saw.
#include "search/answer_confidence.h"

#include <algorithm>
#include <cmath>

namespace kosh {

ConfidenceInputs confidence_inputs(const Answer& answer, const std::vector<PassageHit>& passages)
{
    ConfidenceInputs inputs;
    inputs.coverage = std::clamp(answer.score.coverage, 0.0, 1.0);
    if (answer.runner_up && answer.score.total > 0) {
        inputs.margin = std::clamp((answer.score.total - answer.runner_up->score.total) / answer.score.total, 0.0, 1.0);
    }
    if (passages.size() > 1 && passages[0].score > 0) {
        inputs.passage_gap = std::clamp((passages[0].score - passages[1].score) / passages[0].score, 0.0, 1.0);
    }
    return inputs;
}

double answer_confidence(const ConfidenceInputs& inputs)
{
    // A logistic regression of "the sentence holds a gold answer" on the three inputs, fitted on
    // the SQuAD development questions (bench/quality) with the weights held at 0 or more, and
    // rounded. The margin over the runner-up says most: when two sentences score alike, the picker
    // is often choosing between a right and a wrong one. The answer-type factor is left out: there,
    // sentences marked down for lacking a date or number were right as often as the others.
    constexpr double k_bias = -2.3;
    constexpr double k_coverage = 3.0;
    constexpr double k_margin = 4.2;
    constexpr double k_passage_gap = 1.6;
    const double z = k_bias + k_coverage * std::clamp(inputs.coverage, 0.0, 1.0) +
                     k_margin * std::clamp(inputs.margin, 0.0, 1.0) +
                     k_passage_gap * std::clamp(inputs.passage_gap, 0.0, 1.0);
    return 1.0 / (1.0 + std::exp(-z));
}

void withhold_unconfident_answer(QuestionResult& result, double min_confidence)
{
    if (result.answer && result.answer->confidence < min_confidence) {
        result.withheld_answer = std::move(result.answer);
        result.answer.reset();
    }
}

bool lacks_confident_answer(const QuestionResult& result)
{
    return result.error.empty() && !result.passages.empty() && !result.answer;
}

} // namespace kosh
