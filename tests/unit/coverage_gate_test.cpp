// Tests for the coverage gate's threshold: the whole share for short questions, less for long ones.
#include "search/coverage_gate.h"

#include <catch2/catch.hpp>

TEST_CASE("needed_coverage keeps the share up to ten words and scales it down beyond", "[search][coverage]")
{
    struct Row {
        double min_coverage;
        std::size_t words;
        double needed;
    };
    const Row rows[] = {
        {0.3, 1, 0.3},  {0.3, 5, 0.3},   {0.3, 10, 0.3}, // a question: the share as given
        {0.3, 15, 0.2}, {0.3, 20, 0.15}, {0.3, 30, 0.1}, // a list of terms: ten words' worth
        {0.0, 30, 0.0}, {1.0, 20, 0.5},
    };
    for (const auto& row : rows) {
        INFO("min_coverage " << row.min_coverage << ", " << row.words << " words");
        CHECK(kosh::needed_coverage(row.min_coverage, row.words) == Approx(row.needed));
    }
}
