// Turns a reStructuredText file into a Document: section outline and body paragraphs.
#pragma once

#include "parse/document.h"

#include <string>
#include <string_view>

namespace kosh {

/// Parses reST block structure in one pass over the lines, without recursion, so input of any
/// nesting depth costs linear time. Section titles follow docutils: a line underlined (and
/// optionally overlined) with one repeated punctuation character; each adornment style gets the
/// next level the first time it appears. As docutils' doctitle transform does, a lone top-level
/// section with no body text before it is the document title, and a lone section right below
/// it the subtitle (kept as the first level-2 heading, its subsections raised beside it). Unlike
/// docutils, only text at the left margin counts as body here: markup-only directives (badge
/// images), text inside directives (Sphinx-Gallery's ".. only::" note) and Sphinx's file-wide
/// ":orphan:" field do not keep the title from being the document's, as Sphinx names the page
/// after it anyway. Paragraphs, list items, table rows and admonitions ("Note: ...") become
/// paragraphs with inline markup reduced to text; literal blocks, code directives and doctest
/// blocks become code paragraphs; comments, targets and markup-only directives are dropped.
/// Broken adornments fall back to text.
[[nodiscard]] Document parse_rest(std::string_view text, std::string path);

} // namespace kosh
