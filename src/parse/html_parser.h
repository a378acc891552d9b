// Turns an HTML or XHTML file into a Document: heading outline and block-level paragraphs.
#pragma once

#include "parse/document.h"

#include <string>
#include <string_view>

namespace kosh {

/// Parses `text` with gumbo, an HTML5 parser: it builds the tree the way browsers do, so broken
/// markup (unclosed or misnested tags) still gives sensible text. h1-h6 become the outline; the
/// title is <title>, or the first <h1> (which is also the title when <title> only repeats or
/// extends it), or else the file stem. Body text comes from the main content only (see
/// html_parser.cpp for the rules), one paragraph per block element, with entities decoded and
/// whitespace collapsed; <pre> keeps its lines and is marked as code. Line numbers are the
/// source's. The tree is walked without recursion. Input nested too deeply for the tree
/// builder to handle in linear time is read as plain text instead, with a warning.
[[nodiscard]] Document parse_html(std::string_view text, std::string path);

} // namespace kosh
