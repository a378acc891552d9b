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

Expected<Bm25Settings> parse_bm25(std::string_view text)
{
    const auto comma = text.find(',');
    if (comma == std::string_view::npos) {
        return Expected<Bm25Settings>::failure(fmt::format("'{}' is not K1,B (for example 1.2,0.75)", text));
    }
    const auto k1 = parse_in_range("k1", text.substr(0, comma), 0.0, INFINITY);
    if (!k1) {
        return Expected<Bm25Settings>::failure(k1.error());
    }
    const auto b = parse_in_range("b", text.substr(comma + 1), 0.0, 1.0);
    if (!b) {
        return Expected<Bm25Settings>::failure(b.error());
    }
    return Bm25Settings{*k1, *b};
}

Expected<SearchOptions> apply_setting(SearchOptions options, std::string_view setting)
{
    auto fail = [&](const std::string& why) {
        return Expected<SearchOptions>::failure(fmt::format("setting '{}': {}", setting, why));
    };
    const auto equals = setting.find('=');
    if (equals == std::string_view::npos) {
        return fail(fmt::format("expected NAME=VALUE ({})", k_setting_names));
    }
    const std::string_view name = setting.substr(0, equals);
    const std::string_view value = setting.substr(equals + 1);
    if (name == "bm25") {
        const auto bm25 = parse_bm25(value);
        if (!bm25) {
            return fail(bm25.error());
        }
        options.bm25 = *bm25;
        return options;
    }
    // Each numeric setting: where it goes, its range, and whether it counts things.
    struct Numeric {
        std::string_view name;
        double* real;
        int* count;
        double low;
        double high;
    };
    const Numeric numerics[] = {
        {"min-coverage", &options.min_coverage, nullptr, 0.0, 1.0},
        {"sentence-weight", &options.rerank.sentence, nullptr, 0.0, INFINITY},
        {"proximity-weight", &options.rerank.proximity, nullptr, 0.0, INFINITY},
        {"rerank-depth", nullptr, &options.rerank_depth, 1.0, 1000.0},
        {"file-weight", &options.file_weight, nullptr, 0.0, INFINITY},
        {"file-depth", nullptr, &options.file_depth, 1.0, 10000.0},
        {"file-cap", &options.file_cap, nullptr, 0.0, INFINITY},
        {"expand", nullptr, &options.expand_terms, 0.0, 100.0},
        {"expand-passages", nullptr, &options.expand_passages, 1.0, 100.0},
        {"expand-weight", &options.expand_weight, nullptr, 0.0, INFINITY},
    };
    for (const Numeric& numeric : numerics) {
        if (name != numeric.name) {
            continue;
        }
        const auto number = parse_in_range(name, value, numeric.low, numeric.high);
        if (!number) {
            return fail(number.error());
        }
        if (numeric.count) {
            if (*number != std::floor(*number)) {
                return fail(fmt::format("{} must be a whole number, not {}", name, value));
            }
            *numeric.count = static_cast<int>(*number);
        } else {
            *numeric.real = *number;
        }
        return options;
    }
    return fail(fmt::format("unknown name '{}' (use {})", name, k_setting_names));
}

} // namespace kosh
