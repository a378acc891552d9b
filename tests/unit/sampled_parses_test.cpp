// Tests for SampledParses: kept passages come back once, and only for the very bytes they came from.
#include "index/sampled_parses.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

std::vector<kosh::PassageRecord> passages(const std::string& text)
{
    return {kosh::PassageRecord{"a.txt", "A", kosh::Paragraph{text, 1, 1, {}, {}}}};
}

} // namespace

TEST_CASE("SampledParses hands back the passages kept for the same bytes, once", "[index]")
{
    kosh::SampledParses sampled;
    sampled.keep("a.txt", "Rivers run.\n", passages("Rivers run."));
    const auto taken = sampled.take("a.txt", "Rivers run.\n");
    REQUIRE(taken);
    REQUIRE(taken->size() == 1);
    CHECK((*taken)[0].passage.text == "Rivers run.");
    CHECK((*taken)[0].path == "a.txt");
    CHECK_FALSE(sampled.take("a.txt", "Rivers run.\n")); // let go: each file is indexed once
}

TEST_CASE("SampledParses hands back nothing for a file it did not keep or that has changed", "[index]")
{
    kosh::SampledParses sampled;
    sampled.keep("a.txt", "Rivers run.\n", passages("Rivers run."));
    CHECK_FALSE(sampled.take("b.txt", "Rivers run.\n"));
    CHECK_FALSE(sampled.take("a.txt", "Rivers run fast.\n"));
    CHECK_FALSE(sampled.take("a.txt", "Rivers run.\n")); // let go on the mismatch as well
}
