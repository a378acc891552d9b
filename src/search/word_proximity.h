// Whether two question words stand close together in a run of stems: shared by the passage
// re-ranker and the answer picker, so both judge "near" alike.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kosh {

/// Words this close count as together: enough for "Soviet-built" ~ "built with Soviet".
constexpr std::size_t k_near_window = 3;

/// True when `a` and `b` occur within k_near_window words of each other (either order) in `stems`.
inline bool stems_near(const std::vector<std::string>& stems, const std::string& a, const std::string& b)
{
    for (std::size_t i = 0; i < stems.size(); ++i) {
        if (stems[i] != a) {
            continue;
        }
        const std::size_t from = i >= k_near_window ? i - k_near_window : 0;
        for (std::size_t j = from; j <= i + k_near_window && j < stems.size(); ++j) {
            if (stems[j] == b) {
                return true;
            }
        }
    }
    return false;
}

} // namespace kosh
