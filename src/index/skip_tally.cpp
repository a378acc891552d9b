// Sorting index warnings into kinds by their wording, and the summary line of their counts.
#include "index/skip_tally.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <vector>

namespace kosh {

namespace {

bool has(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

} // namespace

SkipReason classify_warning(std::string_view warning)
{
    // Only the first warning of a file that has several, and only its reason: a file named
    // "encrypted-notes.md" that cannot be opened is unreadable, not encrypted.
    warning = warning.substr(0, warning.find('\n'));
    if (const std::size_t colon = warning.find(": "); colon != std::string_view::npos) {
        warning.remove_prefix(colon + 2);
    }
    if (has(warning, "encrypted")) {
        return SkipReason::encrypted;
    }
    if (has(warning, "binary file")) {
        return SkipReason::binary;
    }
    if (has(warning, "UTF-8") || has(warning, "UTF-16") || has(warning, "cannot convert from")) {
        return SkipReason::encoding;
    }
    if (has(warning, "no text in")) {
        return SkipReason::no_text;
    }
    if (has(warning, "too large") || has(warning, "size over")) {
        return SkipReason::too_large;
    }
    if (has(warning, "read up to there") || has(warning, "read as plain text") || has(warning, "is missing from") ||
        has(warning, "is not in the manifest")) {
        return SkipReason::read_in_part;
    }
    if (has(warning, "damaged") || (warning.starts_with("skipped: bad ") && has(warning, " data")) ||
        (warning.starts_with("skipped: not ") && warning.ends_with(" data"))) {
        return SkipReason::damaged;
    }
    // The system's own words (strerror) for a file that cannot be opened or read, and the walker's.
    if (has(warning, "denied") || has(warning, "No such file") || has(warning, "not permitted") ||
        has(warning, "Is a directory") || has(warning, "I/O error") || has(warning, "Input/output error") ||
        has(warning, "cannot read") || has(warning, "broken symbolic link") || has(warning, "not available")) {
        return SkipReason::unreadable;
    }
    return SkipReason::other;
}

std::string_view skip_reason_name(SkipReason reason)
{
    switch (reason) {
    case SkipReason::binary: return "binary";
    case SkipReason::encoding: return "not UTF-8";
    case SkipReason::unreadable: return "unreadable";
    case SkipReason::damaged: return "damaged";
    case SkipReason::encrypted: return "encrypted";
    case SkipReason::no_text: return "without text";
    case SkipReason::too_large: return "too large";
    case SkipReason::read_in_part: return "read in part";
    case SkipReason::other: break;
    }
    return "other";
}

std::string with_thousands(std::size_t count)
{
    std::string digits = std::to_string(count);
    for (std::size_t at = digits.size(); at > 3; at -= 3) {
        digits.insert(at - 3, 1, ',');
    }
    return digits;
}

void SkipTally::add(std::string_view warning)
{
    ++m_counts[static_cast<std::size_t>(classify_warning(warning))];
}

std::size_t SkipTally::total() const
{
    return std::accumulate(m_counts.begin(), m_counts.end(), std::size_t{0});
}

std::string SkipTally::summary() const
{
    const std::size_t all = total();
    if (all == 0) {
        return {};
    }
    std::vector<std::size_t> order(k_reasons);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return m_counts[a] > m_counts[b]; });
    std::string kinds;
    for (const std::size_t i : order) {
        if (m_counts[i] > 0) {
            kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", with_thousands(m_counts[i]),
                                 skip_reason_name(static_cast<SkipReason>(i)));
        }
    }
    const bool in_part = m_counts[static_cast<std::size_t>(SkipReason::read_in_part)] > 0;
    return fmt::format("{} file{} skipped{}: {}", with_thousands(all), all == 1 ? "" : "s",
                       in_part ? " or read in part" : "", kinds);
}

} // namespace kosh
