// Tests for search_settings: --bm25 values and --compare overrides, with their exact errors.
#include "search/search_settings.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kosh;

TEST_CASE("parse_bm25 reads K1,B and checks their ranges", "[search]")
{
    const auto ok = parse_bm25("0.9,0.4");
    REQUIRE(ok);
    CHECK(ok->k1 == 0.9);
    CHECK(ok->b == 0.4);
    REQUIRE(parse_bm25("0,1"));

    struct Row {
        std::string text;
        std::string error;
    };
    const std::vector<Row> rows = {
        {"1.2", "'1.2' is not K1,B (for example 1.2,0.75)"},
        {"", "'' is not K1,B (for example 1.2,0.75)"},
        {"x,0.5", "k1 'x' is not a number"},
        {"1.2,", "b '' is not a number"},
        {"1.2,0.75,3", "b '0.75,3' is not a number"},
        {"nan,0.5", "k1 'nan' is not a number"},
        {"inf,0.5", "k1 'inf' is not a number"},
        {"-1,0.5", "k1 must be 0 or more, not -1"},
        {"1.2,1.5", "b must be from 0 to 1, not 1.5"},
        {"1.2,-0.1", "b must be from 0 to 1, not -0.1"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        const auto result = parse_bm25(row.text);
        REQUIRE_FALSE(result);
        CHECK(result.error() == row.error);
    }
}

TEST_CASE("apply_setting changes one search option", "[search]")
{
    const SearchOptions defaults;
    auto bm25 = apply_setting(defaults, "bm25=0.9,0.4");
    REQUIRE(bm25);
    CHECK(bm25->bm25.k1 == 0.9);
    CHECK(bm25->bm25.b == 0.4);
    CHECK(bm25->min_coverage == defaults.min_coverage);

    auto coverage = apply_setting(defaults, "min-coverage=0");
    REQUIRE(coverage);
    CHECK(coverage->min_coverage == 0.0);
    auto both = apply_setting(*coverage, "bm25=2,1");
    REQUIRE(both);
    CHECK(both->min_coverage == 0.0); // settings add up
    CHECK(both->bm25.k1 == 2.0);

    auto rerank = apply_setting(defaults, "sentence-weight=1");
    REQUIRE(rerank);
    CHECK(rerank->rerank.sentence == 1.0);
    CHECK(rerank->rerank.proximity == defaults.rerank.proximity);
    auto proximity = apply_setting(defaults, "proximity-weight=0");
    REQUIRE(proximity);
    CHECK(proximity->rerank.proximity == 0.0);
    auto depth = apply_setting(defaults, "rerank-depth=50");
    REQUIRE(depth);
    CHECK(depth->rerank_depth == 50);
    auto file = apply_setting(defaults, "file-weight=0.3");
    REQUIRE(file);
    CHECK(file->file_weight == 0.3);
    auto file_depth = apply_setting(*file, "file-depth=200");
    REQUIRE(file_depth);
    CHECK(file_depth->file_depth == 200);
    CHECK(file_depth->file_weight == 0.3);
    CHECK(apply_setting(defaults, "file-cap=1")->file_cap == 1.0);
    CHECK_FALSE(apply_setting(defaults, "file-depth=0"));
    auto expand = apply_setting(defaults, "expand=20");
    REQUIRE(expand);
    CHECK(expand->expand_terms == 20);
    CHECK(defaults.expand_terms == 0); // off unless asked for
    auto feedback = apply_setting(*expand, "expand-passages=3");
    REQUIRE(feedback);
    CHECK(feedback->expand_passages == 3);
    CHECK(feedback->expand_terms == 20);
    auto share = apply_setting(defaults, "expand-weight=0.25");
    REQUIRE(share);
    CHECK(share->expand_weight == 0.25);
    // The ends of each range are taken.
    CHECK(apply_setting(defaults, "expand=100"));
    CHECK(apply_setting(defaults, "expand-passages=1"));
    CHECK(apply_setting(defaults, "expand-passages=100"));

    struct Row {
        std::string text;
        std::string error;
    };
    const std::vector<Row> rows = {
        {"bm25", "setting 'bm25': expected NAME=VALUE (bm25, min-coverage, sentence-weight, proximity-weight, "
                 "rerank-depth, file-weight, file-depth, file-cap, expand, expand-passages or expand-weight)"},
        {"k1=2", "setting 'k1=2': unknown name 'k1' (use bm25, min-coverage, sentence-weight, proximity-weight, "
                 "rerank-depth, file-weight, file-depth, file-cap, expand, expand-passages or expand-weight)"},
        {"title-weight=2",
         "setting 'title-weight=2': unknown name 'title-weight' (use bm25, min-coverage, "
         "sentence-weight, proximity-weight, rerank-depth, file-weight, file-depth, file-cap, expand, expand-passages or expand-weight)"},
        {"expand=2.5", "setting 'expand=2.5': expand must be a whole number, not 2.5"},
        {"rerank-depth=0", "setting 'rerank-depth=0': rerank-depth must be from 1 to 1000, not 0"},
        {"bm25=2", "setting 'bm25=2': '2' is not K1,B (for example 1.2,0.75)"},
        {"min-coverage=1.1", "setting 'min-coverage=1.1': min-coverage must be from 0 to 1, not 1.1"},
        {"sentence-weight=-1", "setting 'sentence-weight=-1': sentence-weight must be 0 or more, not -1"},
        {"expand-weight=", "setting 'expand-weight=': expand-weight '' is not a number"},
        {"expand=101", "setting 'expand=101': expand must be from 0 to 100, not 101"},
        {"expand-passages=0", "setting 'expand-passages=0': expand-passages must be from 1 to 100, not 0"},
        {"expand-passages=101", "setting 'expand-passages=101': expand-passages must be from 1 to 100, not 101"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        const auto result = apply_setting(defaults, row.text);
        REQUIRE_FALSE(result);
        CHECK(result.error() == row.error);
    }
}
