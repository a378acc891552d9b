// Inline HTML, character references and images in Markdown text: what a reader of the rendered
// page would not see as words (tags, badge images) is taken out, and entities become characters.
#pragma once

#include <string>
#include <string_view>

namespace kosh {

/// `text` without HTML tags and comments ("<a name=\"x\"></a>", "<code>", "<!-- note -->"). Code
/// spans keep theirs, autolinks ("<https://x>") are not tags, and the newlines inside a tag or
/// comment stay, so the text keeps its lines. A tag that separates words (<br>, <p>, <td>...)
/// leaves a space; one inside a word (<b>, <code>, <a>...) leaves nothing.
[[nodiscard]] std::string remove_html_tags(std::string_view text);

/// `text` with HTML character references decoded outside code spans: "&amp;", "&lt;", "&nbsp;"
/// (a space), the common named ones, "&#39;" and "&#x27;". An unknown name or an invalid number
/// stays as written; a reference to NUL, a surrogate or beyond U+10FFFF becomes U+FFFD, and one
/// to a line feed or carriage return a space, so that the text keeps its lines.
[[nodiscard]] std::string decode_entities(std::string_view text);

/// `text` without images ("![alt](url)", "![alt][ref]") and without the links left empty by that
/// ("[![CI](badge.svg)](ci-url)" goes entirely): in a heading or a badge row they are decoration.
[[nodiscard]] std::string remove_images(std::string_view text);

/// True when the line shows nothing but images (Markdown or <img>), links around them and
/// tags: a row of badges or a logo.
[[nodiscard]] bool holds_only_images(std::string_view line);

} // namespace kosh
