// Tests for introduces_what_follows: passages that announce the block after them.
#include "search/passage_context.h"

#include <catch2/catch.hpp>

TEST_CASE("introduces_what_follows: a final colon, or an announcement at the end", "[context]")
{
    CHECK(kosh::introduces_what_follows("To create the initial build:"));
    CHECK(kosh::introduces_what_follows("Run it like this::\n"));
    CHECK(kosh::introduces_what_follows("The options are as follows."));
    CHECK(kosh::introduces_what_follows("Several formats are read, for example,"));
    CHECK(kosh::introduces_what_follows("Add THE FOLLOWING"));
    CHECK_FALSE(kosh::introduces_what_follows("The build takes a minute."));
    CHECK_FALSE(kosh::introduces_what_follows("Time: 10:30 in the morning"));
    CHECK_FALSE(kosh::introduces_what_follows(""));
    CHECK_FALSE(kosh::introduces_what_follows(":-)"));
}
