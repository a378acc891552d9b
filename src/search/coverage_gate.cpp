// How much of a question the best passage must match before kosh shows anything.
#include "search/coverage_gate.h"

namespace kosh {

double needed_coverage(double min_coverage, std::size_t words)
{
    if (words <= k_gate_question_words) {
        return min_coverage;
    }
    return min_coverage * static_cast<double>(k_gate_question_words) / static_cast<double>(words);
}

} // namespace kosh
