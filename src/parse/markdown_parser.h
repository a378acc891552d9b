// Turns a Markdown file into a Document: heading outline and block-level paragraphs.
#pragma once

#include "parse/document.h"

#include <string>
#include <string_view>

namespace kosh {

/// Parses CommonMark-style block structure in one pass over the lines, without recursion, so
/// input of any nesting depth costs linear time. ATX and Setext headings become headings; every
/// other block (paragraph, top-level list item with everything nested in it, blockquote, fenced
/// or indented code) becomes one Paragraph holding its source lines, less HTML tags, entities and
/// badge rows in prose (a block left without text is dropped). YAML or TOML front matter and
/// thematic breaks are skipped. The title is the front matter's "title" field when it has one,
/// else the first heading when it is a level-1 heading, else the file stem. Heading text loses
/// its tags, images, inline markup and entities.
[[nodiscard]] Document parse_markdown(std::string_view text, std::string path);

/// A heading's text with inline markup removed: emphasis, code-span backticks, backslash
/// escapes, and links or images reduced to their text ("[kosh](https://x)" -> "kosh").
[[nodiscard]] std::string strip_inline_markup(std::string_view text);

} // namespace kosh
