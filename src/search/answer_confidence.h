// How likely the answer sentence is to hold the answer, from what the answer picker saw.
#pragma once

#include "search/result.h"

#include <vector>

namespace kosh {

/// What the confidence is computed from; each is 0..1 and more means surer.
struct ConfidenceInputs {
    double coverage = 0.0;    // the answer sentence's weighted share of the question
    double margin = 1.0;      // (answer score - runner-up score) / answer score; 1 without a runner-up
    double passage_gap = 1.0; // (top passage score - second) / top; 1 with a single passage
};

/// Reads the inputs off a picked answer and the passages it was picked from.
[[nodiscard]] ConfidenceInputs confidence_inputs(const Answer& answer, const std::vector<PassageHit>& passages);

/// A confidence in 0..1 that rises with every input: a logistic of their weighted sum, meant to
/// be the chance that the sentence holds the answer (docs/answer-confidence.md has the calibration
/// table).
[[nodiscard]] double answer_confidence(const ConfidenceInputs& inputs);

/// Moves the answer to `withheld_answer` when its confidence is below `min_confidence`.
void withhold_unconfident_answer(QuestionResult& result, double min_confidence);

/// The result has passages but no answer confident enough to print (none, or one withheld).
[[nodiscard]] bool lacks_confident_answer(const QuestionResult& result);

} // namespace kosh
