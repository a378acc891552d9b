// Terminal facts for the text format: is the output a terminal, how wide, should it be coloured, and making untrusted text safe to show.
#pragma once

#include "output/printer.h"

#include <array>
#include <string>
#include <string_view>

namespace kosh {

/// True when `fd` refers to a terminal.
[[nodiscard]] bool is_terminal(int fd);

/// The width in columns of the terminal `fd` refers to; 0 when it is none or does not say.
[[nodiscard]] int terminal_width(int fd);

/// The parts of the process state that decide colour, gathered once so tests can supply their own.
struct ColorEnvironment {
    bool is_terminal = false;
    std::string no_color;       // $NO_COLOR; empty when unset
    std::string term;           // $TERM; empty when unset
    std::string clicolor_force; // $CLICOLOR_FORCE; empty when unset
};

/// Reads ColorEnvironment for output written to `fd`.
[[nodiscard]] ColorEnvironment read_color_environment(int fd);

/// The --color modes decide_color accepts (the error that lists them and the shell completions read
/// this list).
inline constexpr std::array<std::string_view, 3> k_color_modes = {"auto", "always", "never"};

/// Applies --color=`mode` ("auto", "always" or "never") to `env`.
///
/// "auto" colours when CLICOLOR_FORCE is set to anything but "" or "0" (as ninja does, so a pipe
/// can be coloured on purpose), and otherwise only when the output is a terminal, NO_COLOR is
/// unset or empty (https://no-color.org) and TERM is not "dumb".
/// Throws std::invalid_argument for any other mode.
[[nodiscard]] Color decide_color(std::string_view mode, const ColorEnvironment& env);

/// decide_color for output written to `fd`, reading the real environment.
[[nodiscard]] Color decide_color(std::string_view mode, int fd);

/// Makes untrusted document text safe to write to a terminal.
///
/// Each of these becomes U+FFFD REPLACEMENT CHARACTER, so a document cannot move the cursor,
/// retitle the window or change colours, and the reader still sees that something was there:
///   - C0 controls (0x00..0x1f) except '\n' and '\t' (so ESC, BEL, NUL and '\r' are replaced),
///   - DEL (0x7f),
///   - C1 controls U+0080..U+009F (some terminals treat U+009B as CSI),
///   - each byte that is not part of valid UTF-8 (one U+FFFD per byte).
/// All other valid UTF-8 is copied unchanged.
[[nodiscard]] std::string sanitize_for_terminal(std::string_view text);

/// sanitize_for_terminal for text that must stay on one line, such as a file name in a warning
/// or a header: each ASCII white-space control ('\n', '\r', '\t', '\v', '\f') also becomes a
/// space, as the text printer does with paths, so a name cannot break or overwrite the line.
[[nodiscard]] std::string sanitize_line_for_terminal(std::string_view text);

} // namespace kosh
