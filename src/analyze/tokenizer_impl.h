// The word scanner behind tokenize(); a template so the hot loop inlines its callback.
#pragma once

#include "util/utf8.h"

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
    case UTF8PROC_CATEGORY_NO: return true;
    default: return false;
    }
}

inline bool is_digit_codepoint(utf8proc_int32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ND);
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
        CodePoint cp = decode_utf8(text, i);
        if (!detail::is_word_codepoint(cp.value)) {
            i += cp.size;
            continue;
        }
        const std::size_t begin = i;
        utf8proc_int32_t previous = cp.value;
        i += cp.size;
        while (i < text.size()) {
            cp = decode_utf8(text, i);
            if (detail::is_word_codepoint(cp.value)) {
                previous = cp.value;
                i += cp.size;
                continue;
            }
            // A joiner counts only between two word characters of the right kind.
            const bool apostrophe = detail::is_inner_apostrophe(cp.value);
            const bool separator = detail::is_inner_number_separator(cp.value);
            if ((apostrophe || separator) && i + cp.size < text.size()) {
                const utf8proc_int32_t next = decode_utf8(text, i + cp.size).value;
                const bool joins = apostrophe
                                       ? (detail::is_word_codepoint(next) && !detail::is_digit_codepoint(previous))
                                       : (detail::is_digit_codepoint(previous) && detail::is_digit_codepoint(next));
                if (joins) {
                    i += cp.size;
                    previous = cp.value;
                    continue;
                }
            }
            break;
        }
        visit(begin, i);
    }
}

} // namespace kosh
