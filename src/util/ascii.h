// ASCII character tests and case folding, for text whose other bytes pass through untouched.
#pragma once

#include <string>
#include <string_view>

namespace kosh {

/// ' ', '\t', '\n', '\r', '\v' or '\f': the white space of C's isspace in the "C" locale.
[[nodiscard]] constexpr bool is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

[[nodiscard]] constexpr bool is_ascii_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

[[nodiscard]] constexpr bool is_ascii_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

[[nodiscard]] constexpr bool is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

[[nodiscard]] constexpr bool is_ascii_alnum(char c)
{
    return is_ascii_upper(c) || is_ascii_lower(c) || is_ascii_digit(c);
}

/// 'A'..'Z' lower-cased; every other byte, UTF-8 included, unchanged.
[[nodiscard]] constexpr char ascii_lower(char c)
{
    return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

inline void ascii_lower_in_place(std::string& text)
{
    for (char& c : text) {
        c = ascii_lower(c);
    }
}

[[nodiscard]] inline std::string ascii_lower(std::string_view text)
{
    std::string lowered(text);
    ascii_lower_in_place(lowered);
    return lowered;
}

/// True when the white-space-separated list `tokens` (an HTML class or role, an EPUB
/// epub:type or properties attribute) holds `token` exactly.
[[nodiscard]] inline bool has_token(std::string_view tokens, std::string_view token)
{
    std::size_t at = 0;
    while (at < tokens.size()) {
        while (at < tokens.size() && is_ascii_space(tokens[at])) {
            ++at;
        }
        std::size_t end = at;
        while (end < tokens.size() && !is_ascii_space(tokens[end])) {
            ++end;
        }
        if (end > at && tokens.substr(at, end - at) == token) {
            return true;
        }
        at = end;
    }
    return false;
}

[[nodiscard]] inline std::string collapse_ascii_space(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (const char c : text) {
        if (is_ascii_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        out += c;
    }
    return out;
}

} // namespace kosh
