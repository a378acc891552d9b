// Tells a .txt file written in reStructuredText from plain text by its first few kilobytes.
#pragma once

#include <string_view>

namespace kosh {

/// True when `text` reads as reStructuredText. One directive (".. note::"), hyperlink target
/// (".. _label:") or substitution definition is enough; otherwise two different kinds of
/// evidence are needed among: an underlined title (a line, then one punctuation character
/// repeated at least as long), a comment or footnote (".. text"), an interpreted-text role
/// (":func:`open`"), an inline literal ("``x``") and a literal block (a line ending in "::"
/// before an indented one). Underlined titles alone are common in plain-text READMEs, so they
/// do not count on their own. Only the first 8 KiB are looked at.
[[nodiscard]] bool looks_like_rest(std::string_view text);

} // namespace kosh
