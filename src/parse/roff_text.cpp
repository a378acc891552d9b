// roff's inline layer, shared by the man(7) and mdoc(7) reader: escapes and request arguments.
#include "parse/roff_text.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <utility>

namespace kosh {

namespace {

/// The special characters man pages use most ("\(em", "\[bu]"); others print nothing, which
/// loses a glyph but never leaves markup in the text.
constexpr std::array<std::pair<std::string_view, std::string_view>, 58> k_named_characters{{
    {"em", "\u2014"}, {"en", "\u2013"}, {"hy", "-"},      {"mi", "-"},      {"aq", "'"},      {"dq", "\""},
    {"bu", "\u2022"}, {"co", "\u00a9"}, {"rg", "\u00ae"}, {"tm", "\u2122"}, {"lq", "\u201c"}, {"rq", "\u201d"},
    {"oq", "\u2018"}, {"cq", "\u2019"}, {"Fo", "\u00ab"}, {"Fc", "\u00bb"}, {"fo", "\u2039"}, {"fc", "\u203a"},
    {"ga", "`"},      {"ha", "^"},      {"ti", "~"},      {"rs", "\\"},     {"sl", "/"},      {"ba", "|"},
    {"or", "|"},      {"at", "@"},      {"sh", "#"},      {"Do", "$"},      {"pc", "\u00b7"}, {"de", "\u00b0"},
    {"mu", "\u00d7"}, {"di", "\u00f7"}, {"+-", "\u00b1"}, {"<=", "\u2264"}, {">=", "\u2265"}, {"!=", "\u2260"},
    {"==", "\u2261"}, {"->", "\u2192"}, {"<-", "\u2190"}, {"<>", "\u2194"}, {"rA", "\u21d2"}, {"lA", "\u21d0"},
    {"sc", "\u00a7"}, {"ps", "\u00b6"}, {"dg", "\u2020"}, {"ua", "\u2191"}, {"da", "\u2193"}, {"lh", "\u261c"},
    {"rh", "\u261e"}, {"Eu", "\u20ac"}, {"eu", "\u20ac"}, {"Po", "\u00a3"}, {"ct", "\u00a2"}, {"la", "\u27e8"},
    {"ra", "\u27e9"}, {"sp", " "},      {"ss", "\u00df"}, {"Ye", "\u00a5"},
}};

/// Predefined strings ("\*(lq") and those pod2man defines in its preamble behind conditionals.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> k_predefined_strings{{
    {"lq", "\u201c"},
    {"rq", "\u201d"},
    {"R", "\u00ae"},
    {"Tm", "\u2122"},
    {"Aq", "'"},
    {"C`", "\""},
    {"C'", "\""},
    {"L\"", "\u201c"},
    {"R\"", "\u201d"},
    {"PI", "\u03c0"},
}};

template <std::size_t N>
std::string_view look_up(const std::array<std::pair<std::string_view, std::string_view>, N>& table,
                         std::string_view name)
{
    for (const auto& [key, value] : table) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

/// An escape's name after "\(", "\[" or a one-character form ("\*x"), from `raw[i]` on; `i`
/// moves past it. An unterminated "\[" takes the rest of the line.
std::string_view read_escape_name(std::string_view raw, std::size_t& i)
{
    if (i >= raw.size()) {
        return {};
    }
    if (raw[i] == '(') {
        const std::string_view name = raw.substr(i + 1, 2);
        i = std::min(raw.size(), i + 3);
        return name;
    }
    if (raw[i] == '[') {
        const std::size_t close = raw.find(']', i + 1);
        const std::size_t end = close == std::string_view::npos ? raw.size() : close;
        const std::string_view name = raw.substr(i + 1, end - i - 1);
        i = close == std::string_view::npos ? raw.size() : close + 1;
        return name;
    }
    return raw.substr(i++, 1);
}

/// Skips a delimited argument ("\h'2n'", "\w'text'"): the delimiter is the next character.
std::string_view read_delimited(std::string_view raw, std::size_t& i)
{
    if (i >= raw.size()) {
        return {};
    }
    const char delimiter = raw[i];
    const std::size_t close = raw.find(delimiter, i + 1);
    const std::size_t end = close == std::string_view::npos ? raw.size() : close;
    const std::string_view inside = raw.substr(i + 1, end - i - 1);
    i = close == std::string_view::npos ? raw.size() : close + 1;
    return inside;
}

/// "\[u00E9]" and "\[char233]": the code point they name as UTF-8, or nothing.
std::string numbered_character(std::string_view name)
{
    long value = -1;
    if (name.size() >= 5 && name[0] == 'u') {
        value = 0;
        for (const char c : name.substr(1)) {
            const int digit = (c >= '0' && c <= '9')   ? c - '0'
                              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                                       : -1;
            if (digit < 0 || value > 0x10FFFF) {
                return {};
            }
            value = value * 16 + digit;
        }
    } else if (name.size() > 4 && name.substr(0, 4) == "char") {
        value = 0;
        for (const char c : name.substr(4)) {
            if (c < '0' || c > '9' || value > 0x10FFFF) {
                return {};
            }
            value = value * 10 + (c - '0');
        }
    }
    if (value <= 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return {};
    }
    std::array<utf8proc_uint8_t, 4> bytes{};
    const auto size = utf8proc_encode_char(static_cast<utf8proc_int32_t>(value), bytes.data());
    return std::string(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(size));
}

std::string named_character(std::string_view name)
{
    const std::string_view known = look_up(k_named_characters, name);
    if (!known.empty()) {
        return std::string(known);
    }
    return numbered_character(name);
}

} // namespace

std::string_view without_roff_comment(std::string_view line)
{
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        if (line[i] == '\\') {
            if (line[i + 1] == '"' || line[i + 1] == '#') {
                return line.substr(0, i);
            }
            ++i; // the escaped character cannot start a comment
        }
    }
    return line;
}

std::string render_roff_escapes(std::string_view raw, const RoffStrings& strings)
{
    std::string out;
    out.reserve(raw.size());
    std::size_t i = 0;
    while (i < raw.size()) {
        const char c = raw[i++];
        if (c != '\\') {
            out += c;
            continue;
        }
        if (i >= raw.size()) {
            break; // a '\' at the end of the line joins it to the next: nothing to print
        }
        const char escape = raw[i++];
        switch (escape) {
        case '"':
        case '#': return out; // comment
        case 'f':
        case 'F':
        case 'm':
        case 'M':
        case 'n':
        case 'g':
        case 'k':
        case 'V':
        case 'Y':
        case '$':
            if (escape == 'n' && i < raw.size() && (raw[i] == '+' || raw[i] == '-')) {
                ++i;
            }
            (void)read_escape_name(raw, i);
            break;
        case 's':
            // "\s+2", "\s-1", "\s0", "\s(12", "\s[12]", "\s'12'"
            if (i < raw.size() && (raw[i] == '+' || raw[i] == '-')) {
                ++i;
            }
            if (i < raw.size() && (raw[i] == '(' || raw[i] == '[')) {
                (void)read_escape_name(raw, i);
            } else if (i < raw.size() && raw[i] == '\'') {
                (void)read_delimited(raw, i);
            } else {
                while (i < raw.size() && raw[i] >= '0' && raw[i] <= '9') {
                    ++i;
                }
            }
            break;
        case '(':
        case '[': {
            --i;
            out += named_character(read_escape_name(raw, i));
            break;
        }
        case 'C': out += named_character(read_delimited(raw, i)); break;
        case 'N': out += numbered_character("char" + std::string(read_delimited(raw, i))); break;
        case '*': {
            const std::string_view name = read_escape_name(raw, i);
            if (const auto defined = strings.find(name); defined != strings.end()) {
                out += defined->second;
            } else {
                out += look_up(k_predefined_strings, name);
            }
            break;
        }
        case 'h':
        case 'v':
        case 'w':
        case 'o':
        case 'l':
        case 'L':
        case 'D':
        case 'X':
        case 'Z':
        case 'b':
        case 'x':
        case 'A':
        case 'B':
        case 'R': (void)read_delimited(raw, i); break;
        case '-': out += '-'; break;
        case 'e':
        case 'E':
        case '\\': out += '\\'; break;
        case ' ':
        case '~':
        case '0':
        case 't': out += ' '; break;
        case '\'': out += '\''; break;
        case '`': out += '`'; break;
        case '.': out += '.'; break;
        case '&':
        case ')':
        case '|':
        case '^':
        case ',':
        case '/':
        case '%':
        case 'c':
        case 'a':
        case 'd':
        case 'u':
        case 'p':
        case 'r':
        case 'z':
        case '{':
        case '}':
        case ':':
        case '!':
        case '?': break;
        default: out += escape; break;
        }
    }
    return out;
}

std::vector<RoffArgument> split_roff_arguments(std::string_view text)
{
    std::vector<RoffArgument> arguments;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
            ++i;
        }
        if (i >= text.size()) {
            break;
        }
        RoffArgument argument;
        if (text[i] == '"') {
            argument.quoted = true;
            ++i;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        argument.raw += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (text[i] == '\\' && i + 1 < text.size()) {
                    argument.raw += text.substr(i, 2);
                    i += 2;
                    continue;
                }
                argument.raw += text[i++];
            }
        } else {
            while (i < text.size() && text[i] != ' ' && text[i] != '\t') {
                if (text[i] == '\\' && i + 1 < text.size()) {
                    argument.raw += text.substr(i, 2);
                    i += 2;
                    continue;
                }
                argument.raw += text[i++];
            }
        }
        arguments.push_back(std::move(argument));
    }
    return arguments;
}

} // namespace kosh
