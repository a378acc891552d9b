// Parses ranking settings written on the command line: "--bm25 K1,B" and "--compare NAME=VALUE".
#pragma once

#include "search/searcher.h"
#include "util/error.h"

#include <string_view>

namespace kosh {

/// Parses "K1,B" such as "1.2,0.75": K1 a finite number >= 0, B a number from 0 to 1.
[[nodiscard]] Expected<Bm25Settings> parse_bm25(std::string_view text);

/// The names apply_setting knows, for help and error messages.
constexpr std::string_view k_setting_names =
    "bm25, min-coverage, sentence-weight, proximity-weight, rerank-depth, file-weight, file-depth, file-cap, expand, "
    "expand-passages or expand-weight";

/// Applies one override written NAME=VALUE to `options`:
///   bm25=K1,B   min-coverage=X (0-1)
///   sentence-weight=X, proximity-weight=X (>= 0, re-rank bonuses)   rerank-depth=N (1-1000)
///   file-weight=X, file-cap=X (>= 0)   file-depth=N (1-10000)
///   expand=N (0-100 words)   expand-passages=N (1-100)   expand-weight=X (>= 0)
/// The failure message quotes the override and says what was expected.
[[nodiscard]] Expected<SearchOptions> apply_setting(SearchOptions options, std::string_view setting);

} // namespace kosh
