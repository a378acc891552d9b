// Turns a plain-text file into a Document by guessing its headings and paragraphs from layout.
#pragma once

#include "parse/document.h"

#include <string>
#include <string_view>

namespace kosh {

/// Finds headings (short title-like lines, numbered lines, underlined lines, "CHAPTER I"),
/// their levels, and paragraphs (blank-line blocks, or single lines when the text puts one
/// paragraph per line). The rules are listed at the top of text_parser.cpp. Never throws on
/// malformed input and runs in time linear in the input.
[[nodiscard]] Document parse_plain_text(std::string_view text, std::string path);

} // namespace kosh
