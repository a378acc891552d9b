// Picks the parser for a file by its extension, and renders a parsed document's outline.
#pragma once

#include "parse/document.h"

#include <string>
#include <string_view>

namespace kosh {

/// Parses `text` as Markdown when `path` ends in .md, .markdown, .mdown or .mkd (any case), and
/// as plain text otherwise.
[[nodiscard]] Document parse_document(std::string_view text, std::string path);

/// The heading tree, one heading per line ending in '\n', indented two spaces per level below 1.
/// When the document has no level-1 heading its title (the file stem) is printed first at
/// column 0. A heading that skips levels (a level 4 directly under a level 2) is printed at its
/// own level's indentation, so the indentation always tells the level as parsed.
[[nodiscard]] std::string format_outline(const Document& document);

/// Fills each paragraph's `sections` with the heading path in force at its first line: the
/// headings above it, outermost first, without the level-1 title. Both parsers call this once
/// headings carry their final levels, so the rule lives in one place.
void assign_sections(Document& document);

} // namespace kosh
