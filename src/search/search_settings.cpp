// Parses ranking settings written on the command line: "--bm25 K1,B" and "--compare NAME=VALUE".
#include "search/search_settings.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>

namespace kosh {

namespace {

/// The whole of `text` as a finite number; nullopt for anything else ("", "1.2x", "nan", "inf").
std::optional<double> parse_number(std::string_view text)
{
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

Expected<double> parse_in_range(std::string_view name, std::string_view text, double low, double high)
{
    const auto value = parse_number(text);
    if (!value) {
        return Expected<double>::failure(fmt::format("{} '{}' is not a number", name, text));
    }
    if (*value < low || *value > high) {
        return Expected<double>::failure(std::isinf(high)
                                             ? fmt::format("{} must be {} or more, not {}", name, low, text)
                                             : fmt::format("{} must be from {} to {}, not {}", name, low, high, text));
    }
    return *value;
}

} // namespace

Expected<Bm25Parameters> parse_bm25(std::string_view text)
{
    const auto comma = text.find(',');
    if (comma == std::string_view::npos) {
        return Expected<Bm25Parameters>::failure(fmt::format("'{}' is not K1,B (for example 1.2,0.75)", text));
    }
    const auto k1 = parse_in_range("k1", text.substr(0, comma), 0.0, INFINITY);
    if (!k1) {
        return Expected<Bm25Parameters>::failure(k1.error());
    }
    const auto b = parse_in_range("b", text.substr(comma + 1), 0.0, 1.0);
    if (!b) {
        return Expected<Bm25Parameters>::failure(b.error());
    }
    return Bm25Parameters{*k1, *b};
}

Expected<SearchOptions> apply_setting(SearchOptions options, std::string_view setting)
{
    auto fail = [&](const std::string& why) {
        return Expected<SearchOptions>::failure(fmt::format("setting '{}': {}", setting, why));
    };
    const auto equals = setting.find('=');
    if (equals == std::string_view::npos) {
        return fail("expected NAME=VALUE (bm25=K1,B, min-coverage=X, section-weight=X or title-weight=X)");
    }
    const std::string_view name = setting.substr(0, equals);
    const std::string_view value = setting.substr(equals + 1);
    if (name == "bm25") {
        const auto bm25 = parse_bm25(value);
        if (!bm25) {
            return fail(bm25.error());
        }
        options.bm25_k1 = bm25->k1;
        options.bm25_b = bm25->b;
        return options;
    }
    if (name == "expand") {
        const auto number = parse_in_range(name, value, 0.0, 100.0);
        if (!number) {
            return fail(number.error());
        }
        options.expand_terms = static_cast<int>(*number);
        return options;
    }
    if (name == "rerank-depth") {
        const auto number = parse_in_range(name, value, 1.0, 1000.0);
        if (!number) {
            return fail(number.error());
        }
        options.rerank_depth = static_cast<int>(*number);
        return options;
    }
    if (name == "expand-passages") {
        const auto number = parse_in_range(name, value, 1.0, 1000.0);
        if (!number) {
            return fail(number.error());
        }
        options.expand_passages = static_cast<int>(*number);
        return options;
    }
    double* target = nullptr;
    double high = INFINITY;
    if (name == "min-coverage") {
        target = &options.min_coverage;
        high = 1.0;
    } else if (name == "section-weight") {
        target = &options.field_weights.section;
    } else if (name == "title-weight") {
        target = &options.field_weights.title;
    } else if (name == "sentence-weight") {
        target = &options.rerank.sentence;
    } else if (name == "proximity-weight") {
        target = &options.rerank.proximity;
    } else if (name == "expand-weight") {
        target = &options.expand_weight;
    } else {
        return fail(fmt::format("unknown name '{}' (use bm25, min-coverage, section-weight or title-weight)", name));
    }
    const auto number = parse_in_range(name, value, 0.0, high);
    if (!number) {
        return fail(number.error());
    }
    *target = *number;
    return options;
}

} // namespace kosh
