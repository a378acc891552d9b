// mdoc(7)'s in-line macros ("Fl", "Ar", "Op", "Xr"...) rendered as the text a reader sees.
#pragma once

#include "parse/roff_text.h"

#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// Whether `name` is an mdoc macro whose line is text once rendered (".Fl", ".Xr", ".Op"...).
[[nodiscard]] bool is_mdoc_text_macro(std::string_view name);

/// The text of an mdoc macro line's words, `words[0]` being the macro's name (or the first
/// word of a block macro's arguments): ".Fl l" -> "-l", ".Xr ls 1" -> "ls(1)", ".Op Fl a Ar
/// file" -> "[-a file]". Macros called inside the line ("Fl" after "Op") are read in the same
/// loop; open enclosures close at the end of the line. `page_name` is what a bare ".Nm" prints.
[[nodiscard]] std::string render_mdoc_line(const std::vector<RoffArgument>& words, const RoffStrings& strings,
                                           std::string_view page_name);

} // namespace kosh
