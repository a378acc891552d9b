// The word scanner behind tokenize(); a template so the hot loop inlines its callback.
#pragma once

#include <utf8proc.h>

namespace kosh {

namespace detail {

inline bool is_word_codepoint(utf8proc_int32_t cp)
{
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

inline bool is_digit_codepoint(utf8proc_int32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ND);
}

// Decodes the codepoint at text[i]; sets `length` (at least 1) and returns -1 for invalid bytes.
inline utf8proc_int32_t decode_at(std::string_view text, std::size_t i, std::size_t& length)
{
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
        length = 1;
        return byte;
    }
    utf8proc_int32_t cp = -1;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                    static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    length = n > 0 ? static_cast<std::size_t>(n) : 1;
    return n > 0 ? cp : -1;
}

inline bool is_inner_apostrophe(utf8proc_int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

inline bool is_inner_number_separator(utf8proc_int32_t cp)
{
    return cp == '.' || cp == ',';
}

} // namespace detail

template <typename Visit>
void for_each_word(std::string_view text, Visit&& visit)
{
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = 0;
        utf8proc_int32_t cp = detail::decode_at(text, i, length);
        if (!detail::is_word_codepoint(cp)) {
            i += length;
            continue;
        }
        const std::size_t begin = i;
        utf8proc_int32_t previous = cp;
        i += length;
        while (i < text.size()) {
            cp = detail::decode_at(text, i, length);
            if (detail::is_word_codepoint(cp)) {
                previous = cp;
                i += length;
                continue;
            }
            // A joiner counts only between two word characters of the right kind.
            const bool apostrophe = detail::is_inner_apostrophe(cp);
            const bool separator = detail::is_inner_number_separator(cp);
            if ((apostrophe || separator) && i + length < text.size()) {
                std::size_t next_length = 0;
                const auto next = detail::decode_at(text, i + length, next_length);
                const bool joins = apostrophe ? (detail::is_word_codepoint(next) && !detail::is_digit_codepoint(previous))
                                              : (detail::is_digit_codepoint(previous) && detail::is_digit_codepoint(next));
                if (joins) {
                    i += length;
                    previous = cp;
                    continue;
                }
            }
            break;
        }
        visit(begin, i);
    }
}

} // namespace kosh
