// Small JSON building blocks for every JSON kosh writes: quoted strings and numbers that always make valid UTF-8 JSON.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kosh {

/// Returns `text` as a quoted JSON string.
///
/// Escapes '"' and '\\'; the control characters below 0x20 as \n \t \r \b \f or \u00XX;
/// DEL as \u007f. Each byte that is not part of valid UTF-8 becomes \ufffd, so the output is
/// valid UTF-8 JSON whatever the input. Other characters, including non-ASCII, are copied.
[[nodiscard]] std::string json_escape(std::string_view text);

/// Where byte `offset` of `text` falls in the string a JSON reader decodes from json_escape(text).
/// The two differ only when `text` holds invalid UTF-8: each such byte becomes U+FFFD, three bytes.
[[nodiscard]] std::size_t json_decoded_offset(std::string_view text, std::size_t offset);

/// Formats a number rounded to 4 decimals, without trailing zeros but keeping one decimal
/// so it reads as a float: 12.3457, 0.82, 3.0. Non-finite values, which JSON cannot hold, become null.
[[nodiscard]] std::string json_number(double value);

/// Formats a number to `digits` significant digits, as printf's %g does: 132.447, 100, 1e+06.
/// Non-finite values become null.
[[nodiscard]] std::string json_significant(double value, int digits);

} // namespace kosh
