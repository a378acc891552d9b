// The same passage text in several files is shown once.
#include "search/duplicate_passages.h"

#include <string_view>
#include <unordered_map>

namespace kosh {

namespace {

/// Whether `a` represents its text better than `b`.
bool better(const PassageHit& a, const PassageHit& b)
{
    if (a.score != b.score) {
        return a.score > b.score;
    }
    if (a.path.size() != b.path.size()) {
        return a.path.size() < b.path.size();
    }
    return a.path < b.path;
}

} // namespace

std::vector<std::size_t> distinct_passages(const std::vector<PassageHit>& hits)
{
    std::unordered_map<std::string_view, std::size_t> slot_of_text; // text -> index into `kept`
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const auto [found, is_new] = slot_of_text.try_emplace(hits[i].text, kept.size());
        if (is_new) {
            kept.push_back(i);
        } else if (better(hits[i], hits[kept[found->second]])) {
            kept[found->second] = i;
        }
    }
    return kept;
}

} // namespace kosh
