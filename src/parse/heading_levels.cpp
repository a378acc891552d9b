// Gives plain-text headings their levels from the evidence the document itself shows.
#include "parse/heading_levels.h"

#include "parse/line_shape.h"
#include "util/ascii.h"

#include <algorithm>
#include <map>

namespace kosh {

namespace {

struct OpenHeading {
    int level = 1;
    int rank_level = 1; // the level its style ranks at, before nesting closes the gaps
    std::size_t index = 0;
};

/// Conventional top-level names the document uses once: those stay directly below the title.
std::vector<bool> top_level_headings(const std::vector<HeadingCue>& headings, std::size_t first)
{
    std::map<std::string, int> uses;
    for (std::size_t i = first; i < headings.size(); ++i) {
        ++uses[ascii_lower(headings[i].text)];
    }
    std::vector<bool> top(headings.size(), false);
    for (std::size_t i = first; i < headings.size(); ++i) {
        // An underline states the level; a conventional name only stands in for one.
        const char first_mark = headings[i].style.empty() ? ' ' : headings[i].style[0];
        const bool adorned = first_mark == 'u' || first_mark == 'o' || headings[i].marker_depth > 0;
        top[i] = headings[i].numbers.empty() && !adorned && is_top_level_name(headings[i].text) &&
                 uses[ascii_lower(headings[i].text)] == 1;
    }
    return top;
}

} // namespace

bool follows_on(const std::vector<int>& previous, const std::vector<int>& next)
{
    const std::size_t shared = next.size() - 1;
    if (next.size() > previous.size()) {
        return std::equal(previous.begin(), previous.end(), next.begin()) && next.back() <= 1;
    }
    return std::equal(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(shared), previous.begin()) &&
           next.back() > previous[shared] && next.back() <= previous[shared] + 2;
}

namespace {

/// One style of heading: where it ranks, and whether it spans two levels (lead layout).
struct StyleRank {
    std::string style;
    int base = 2;
    bool has_lead = false;
    bool has_plain_child = false; // a plain heading comes straight after a lead one
    bool group_open = false;

    bool spans_two_levels() const { return has_lead && has_plain_child; }
};

/// How prominent a style is: explicit underlines, then labels, capitals, mixed case.
int style_class(const std::string& style)
{
    if (style[0] == 'u' || style[0] == 'o') {
        return 0;
    }
    if (style.rfind("label:", 0) == 0) {
        return 1;
    }
    return style.rfind("caps", 0) == 0 ? 2 : 3;
}

} // namespace

bool numbering_is_consistent(const std::vector<HeadingCue>& headings)
{
    const std::vector<int>* previous = nullptr;
    int numbered = 0;
    int following = 0;
    for (const HeadingCue& heading : headings) {
        if (heading.numbers.empty()) {
            continue;
        }
        ++numbered;
        const bool starts = previous == nullptr && heading.numbers.back() <= 1;
        const bool appendix =
            previous != nullptr && heading.numbers.front() > 1000 && heading.numbers.front() != previous->front();
        if (starts || appendix || (previous != nullptr && follows_on(*previous, heading.numbers))) {
            ++following;
            previous = &heading.numbers; // an outlier ("412 residents...") does not move the sequence on
        } else if (previous == nullptr) {
            previous = &heading.numbers;
        }
    }
    return following * 3 >= numbered * 2;
}

std::vector<int> heading_levels(const std::vector<HeadingCue>& headings, std::size_t first)
{
    const std::size_t n = headings.size();
    const std::vector<bool> top = top_level_headings(headings, first);

    std::vector<StyleRank> ranks; // in order of first appearance
    auto rank_of = [&ranks](const std::string& style) -> StyleRank* {
        for (StyleRank& rank : ranks) {
            if (rank.style == style) {
                return &rank;
            }
        }
        return nullptr;
    };
    for (std::size_t i = first; i < n; ++i) {
        const HeadingCue& heading = headings[i];
        if (!heading.numbers.empty() || heading.marker_depth > 0 || top[i]) {
            continue;
        }
        StyleRank* rank = rank_of(heading.style);
        if (rank == nullptr) {
            ranks.push_back({heading.style});
            rank = &ranks.back();
        }
        // An underline is the author's explicit choice of level; only casing styles split.
        const bool adorned = heading.style[0] == 'u' || heading.style[0] == 'o';
        const bool upper = !adorned && (heading.lead || heading.opens);
        rank->has_lead = rank->has_lead || upper;
        if (upper && i + 1 < n && headings[i + 1].style == heading.style && headings[i + 1].numbers.empty() &&
            !top[i + 1] && !headings[i + 1].lead && headings[i + 1].has_text) {
            rank->has_plain_child = true;
        }
    }
    std::stable_sort(ranks.begin(), ranks.end(), [](const StyleRank& a, const StyleRank& b) {
        return style_class(a.style) < style_class(b.style);
    });
    int next_base = 2;
    for (StyleRank& rank : ranks) {
        rank.base = next_base;
        next_base += rank.spans_two_levels() ? 2 : 1;
    }

    std::vector<int> levels(n, 1);
    std::vector<OpenHeading> open; // the headings enclosing the current position, outermost first
    for (std::size_t i = first; i < n; ++i) {
        const HeadingCue& heading = headings[i];
        StyleRank* own = nullptr;
        int level = 2;
        int rank_level = 0; // set for headings placed by their style's rank
        if (heading.marker_depth > 0) {
            level = std::max(2, heading.marker_depth);
        } else if (!heading.numbers.empty()) {
            level = 1 + heading.number_depth();
            for (auto it = open.rbegin(); it != open.rend(); ++it) {
                const HeadingCue& above = headings[it->index];
                if (above.label && above.numbers.empty()) {
                    const bool continues = above.label_number > 0 && above.label_number == heading.numbers.front();
                    level = it->level + heading.number_depth() - (continues ? 1 : 0);
                    break;
                }
            }
        } else if (!top[i]) {
            own = rank_of(heading.style);
            const bool upper = heading.lead || heading.opens;
            const bool child = own->spans_two_levels() && own->group_open && !upper;
            rank_level = own->base + (child ? 1 : 0);
        }
        if (rank_level > 0) {
            // One level below the nearest enclosing heading of a more prominent style, so a
            // style missing from this part of the document leaves no gap.
            while (!open.empty() && open.back().rank_level >= rank_level) {
                open.pop_back();
            }
            level = (open.empty() ? 1 : open.back().level) + 1;
        } else {
            rank_level = level;
            while (!open.empty() && open.back().level >= level) {
                open.pop_back();
            }
        }
        open.push_back({level, rank_level, i});
        levels[i] = level;

        // A heading closes the groups of every style ranked at or below its own.
        for (StyleRank& rank : ranks) {
            if (&rank != own && rank.base >= rank_level) {
                rank.group_open = false;
            }
        }
        if (own != nullptr && own->spans_two_levels() && (heading.lead || heading.opens)) {
            own->group_open = true;
        }
    }
    return levels;
}

} // namespace kosh
