// Turns a Unix manual page written in roff, with the man(7) or the mdoc(7) macros, into a Document.
#pragma once

#include "parse/document.h"

#include <string>
#include <string_view>

namespace kosh {

/// Reads a man page one line at a time, with no recursion on any nesting in the input.
///  - The title is "NAME(SECTION) - description": the name and section of ".TH" (man) or ".Dt"
///    (mdoc), and the text after the dash in the NAME section (or ".Nd"). An upper-case ".TH LS"
///    takes the spelling of the name in the NAME section ("ls"). No ".TH": the file stem.
///  - ".SH"/".Sh" are sections (level 2) and ".SS"/".Ss" subsections (level 3); NAME stays one.
///  - Text loses its escapes and font changes (roff_text.h); macros that print their arguments
///    (".B", ".BR", ".Fl", ".Xr"...) become the text they print; other requests are dropped.
///  - ".PP", ".sp", a blank line and list macros end a paragraph. A ".TP"/".IP"/".It" tag and
///    the text under it are one paragraph, tag on its first line: "-t\nsort by time".
///  - ".nf"/".fi", ".EX"/".EE" and literal ".Bd" displays are code, one line per source line.
///  - Each paragraph holds one line per source line it spans (dropped request lines are empty
///    lines), so its line numbers are exact.
[[nodiscard]] Document parse_man(std::string_view text, std::string path);

} // namespace kosh
