// Turns POD formatting codes (B<bold>, L<link>, E<gt>, ...) into the text a reader sees.
#pragma once

#include <string>
#include <string_view>

namespace kosh {

/// The readable text of an ordinary POD paragraph. B, I, C, F and S keep their content; L keeps
/// its text ("L<text|target>" -> "text", "L<perlfunc/open>" -> "\"open\" in perlfunc",
/// "L</Options>" -> "\"Options\""); E becomes its character; X and Z vanish. Codes nest, and
/// "C<< $a <=> $b >>" (two or more brackets with whitespace inside) ends only at " >>".
/// One pass with an explicit stack, so nesting depth costs no recursion. A code left open at the
/// end keeps its content as text, except X<> and Z<>, whose content is never text. Every '\n'
/// of `text` is kept, so line numbers still hold.
[[nodiscard]] std::string render_formatting_codes(std::string_view text);

/// The character an E<...> escape names ("gt", "verbar", "0x263A", "9786", "eacute"), as
/// UTF-8, or an empty string when it names none.
[[nodiscard]] std::string decode_pod_escape(std::string_view name);

} // namespace kosh
