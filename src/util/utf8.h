// Decodes UTF-8 one code point at a time, reporting invalid bytes instead of trusting them.
// Inline: the tokenizer and the printers call it for every character they read.
#pragma once

#include <utf8proc.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kosh {

/// U+FFFD REPLACEMENT CHARACTER in UTF-8: what an invalid byte is shown as.
constexpr std::string_view k_replacement_character = "\xEF\xBF\xBD";

/// One code point read from a text, and how many bytes it took.
struct CodePoint {
    std::int32_t value = -1; // -1 for a byte that does not start valid UTF-8
    std::size_t size = 1;    // at least 1, so a loop always moves on
};

/// Decodes the code point that starts at text[i], which must exist. A byte that does not start a
/// valid sequence (a stray continuation byte, a truncated or overlong sequence, a surrogate, a
/// value above U+10FFFF) gives value -1 and size 1: the caller resynchronises on the next byte,
/// so a broken sequence cannot swallow the valid character after it.
[[nodiscard]] inline CodePoint decode_utf8(std::string_view text, std::size_t i)
{
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
        return {byte, 1}; // most text: no call into utf8proc
    }
    utf8proc_int32_t value = -1;
    const auto size = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                       static_cast<utf8proc_ssize_t>(text.size() - i), &value);
    if (size <= 0) {
        return {};
    }
    return {value, static_cast<std::size_t>(size)};
}

} // namespace kosh
