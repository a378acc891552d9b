// Reads plain text into heading candidates and paragraphs: blocks, code, underlines, and the
// lines that may head a block (the rules are listed at the top of text_parser.cpp).
#pragma once

#include "parse/line_reader.h"
#include "parse/text_items.h"

#include <vector>

namespace kosh::plain_text {

/// The heading candidates and paragraphs of `lines`, in source order.
[[nodiscard]] std::vector<Item> scan_items(const std::vector<Line>& lines);

} // namespace kosh::plain_text
