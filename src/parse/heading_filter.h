// The context rules of the plain-text reader: candidates that their surroundings show to be
// text (lists, captions, fields, datelines, lines that close a section...) become paragraphs,
// and the title is found.
#pragma once

#include "parse/line_reader.h"
#include "parse/text_items.h"

#include <cstddef>
#include <vector>

namespace kosh::plain_text {

/// Demotes the candidates of `items` that their context shows to be text, and marks which
/// headings open straight into another heading or into text.
void filter_headings(std::vector<Item>& items, const std::vector<Line>& lines);

/// Where the title heading is in `items`; items.size() when the document has none.
[[nodiscard]] std::size_t title_position(const std::vector<Item>& items);

/// Whether the heading at `title` names the document (see text_parser.cpp).
[[nodiscard]] bool is_title(const std::vector<Item>& items, std::size_t title);

} // namespace kosh::plain_text
