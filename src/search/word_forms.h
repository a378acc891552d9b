// Forms of one word that the stemmer leaves apart: shared by the answer picker and the passage
// re-ranker, so both credit "teacher" for "teach" alike.
#pragma once

#include <cstddef>
#include <string_view>

namespace kosh {

/// A related form counts for this much of the question word it stands for.
constexpr double k_related_form_share = 0.5;

/// True when one stem begins with the other and both have at least five letters: "teach"/"teacher",
/// "south"/"southern", "victoria"/"victorian". Names are its false friends ("india"/"indiana",
/// "georg"/"georgia", "paris"/"parish"); counting half, measured on squad-dev, it gains more than
/// they cost.
inline bool related_forms(std::string_view a, std::string_view b)
{
    constexpr std::size_t k_min_length = 5;
    if (a.size() < k_min_length || b.size() < k_min_length) {
        return false;
    }
    return a.size() < b.size() ? b.substr(0, a.size()) == a : a.substr(0, b.size()) == b;
}

} // namespace kosh
