// Picks the parser for a file by its format, and fills in each paragraph's heading path.
#pragma once

#include "parse/document.h"

#include <string>
#include <string_view>

namespace kosh {

/// Parses `text` with the reader its format needs (see parse/format.h) and records which one.
[[nodiscard]] Document parse_document(std::string_view text, std::string path);

/// Fills each paragraph's `sections` with the heading path in force at its first line: the
/// headings above it, outermost first, without the level-1 title. Both parsers call this once
/// headings carry their final levels, so the rule lives in one place.
void assign_sections(Document& document);

} // namespace kosh
