// A one-pass estimate of how deeply an HTML file nests its elements, made before the HTML5 tree
// builder sees it: that builder scans its stack of open elements for most start tags, so its
// time grows with depth times tag count, and it frees the tree recursively.
#pragma once

#include <cstdint>
#include <string_view>

namespace kosh {

struct NestingEstimate {
    std::uint64_t start_tags = 0; // start tags of elements that can hold others
    std::uint64_t depth_sum = 0;  // the open depth at each of them, summed: the builder's stack scans
    std::uint64_t max_depth = 0;
};

/// Counts start and end tags without building a tree, in time linear in `html`. Void elements
/// and those whose end tag is implied by a sibling (p, li, td, ...) are not counted as nesting;
/// comments and the raw text of script, style, textarea and title are skipped. The figures
/// bound the real ones roughly, not exactly.
[[nodiscard]] NestingEstimate estimate_nesting(std::string_view html);

/// True when a tree builder would take far more than linear time or stack on input nested like
/// this: deeper than some ten thousand levels, or scanning deep stacks for most of its tags.
[[nodiscard]] bool too_deep_for_tree_builder(const NestingEstimate& estimate);

} // namespace kosh
