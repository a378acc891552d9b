// Counts the per-file warnings of an index run by kind, for the one summary line `kosh index -q`
// prints in their place.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace kosh {

/// Why a file was skipped or read only in part, in a few stable kinds.
enum class SkipReason { binary, encoding, unreadable, damaged, encrypted, no_text, too_large, read_in_part, other };

/// The kind of a warning "PATH: REASON" about one file, read from REASON's wording (the readers'
/// and file_io's messages). A path without ": " in it never decides the kind.
[[nodiscard]] SkipReason classify_warning(std::string_view warning);

/// The kind's name in the summary line: "binary", "not UTF-8", "unreadable"...
[[nodiscard]] std::string_view skip_reason_name(SkipReason reason);

/// `count` with a comma between each group of three digits: 2507 -> "2,507".
[[nodiscard]] std::string with_thousands(std::size_t count);

class SkipTally {
public:
    void add(std::string_view warning);
    [[nodiscard]] std::size_t total() const;
    /// "2,507 files skipped: 2,480 binary, 27 unreadable", largest kind first (ties in the
    /// enum's order); "skipped or read in part" when some were read in part. Empty when none.
    [[nodiscard]] std::string summary() const;

private:
    static constexpr std::size_t k_reasons = static_cast<std::size_t>(SkipReason::other) + 1;
    std::array<std::size_t, k_reasons> m_counts{};
};

} // namespace kosh
