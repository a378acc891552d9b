// roff's inline layer, shared by the man(7) and mdoc(7) reader: escapes and request arguments.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// Strings defined with ".ds NAME value", already rendered, for "\*(NAME" to expand.
using RoffStrings = std::map<std::string, std::string, std::less<>>;

/// `raw` with its escapes rendered as the characters they print: font changes, size changes and
/// motions vanish, "\-" is '-', "\(em" is '—', "\*(lq" is '“', and so on. A comment ("\"" or
/// "\#") ends the text. Unknown escapes print their character; a '\' at the end prints nothing.
/// One pass, no recursion: a defined string's value was rendered when it was defined.
[[nodiscard]] std::string render_roff_escapes(std::string_view raw, const RoffStrings& strings);

/// `line` up to its comment ("\"" or "\#"), if it has one.
[[nodiscard]] std::string_view without_roff_comment(std::string_view line);

/// One argument of a request or macro, escapes not yet rendered.
struct RoffArgument {
    std::string raw;
    bool quoted = false; // written in double quotes: never a macro name, even if it looks like one
};

/// The arguments of a request line after its name: split at spaces and tabs, except inside
/// double quotes (where "" is one quote) and at escaped spaces ("\ "). Comments already removed.
[[nodiscard]] std::vector<RoffArgument> split_roff_arguments(std::string_view text);

} // namespace kosh
