// Turns POD formatting codes (B<bold>, L<link>, E<gt>, ...) into the text a reader sees.
//
// The rules follow perlpodspec: a code is a capital letter and '<'; it ends at the matching '>',
// or, when opened with two or more '<' and whitespace, at whitespace and as many '>'. Codes
// nest. A bare '<' is only text, but a bare '>' closes the innermost single-bracket code, which
// is why "C<$a <=> $b>" has to be written "C<< $a <=> $b >>".
#include "parse/pod_formatting_codes.h"

#include "util/ascii.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace kosh {

namespace {

constexpr std::size_t k_npos = std::string::npos;

// Rewriting an L<> target or decoding an E<> looks back at its content: bounding how far keeps
// a paragraph of a million nested L<'s linear. Real targets and escapes are far shorter.
constexpr std::size_t k_longest_link = 1024;
constexpr std::size_t k_longest_escape = 32;

/// The HTML entity names POD documents use most; E<> accepts any HTML name, but text
/// outside this table is kept as written rather than guessed at.
constexpr std::array<std::pair<std::string_view, std::uint32_t>, 58> k_named_escapes{{
    {"Aacute", 0xC1}, {"Agrave", 0xC0},  {"Auml", 0xC4},    {"Ccedil", 0xC7},  {"Eacute", 0xC9},   {"Ntilde", 0xD1},
    {"Ouml", 0xD6},   {"Uuml", 0xDC},    {"aacute", 0xE1},  {"acirc", 0xE2},   {"agrave", 0xE0},   {"amp", 0x26},
    {"apos", 0x27},   {"aring", 0xE5},   {"auml", 0xE4},    {"brvbar", 0xA6},  {"bull", 0x2022},   {"ccedil", 0xE7},
    {"cent", 0xA2},   {"copy", 0xA9},    {"deg", 0xB0},     {"divide", 0xF7},  {"eacute", 0xE9},   {"ecirc", 0xEA},
    {"egrave", 0xE8}, {"euml", 0xEB},    {"euro", 0x20AC},  {"gt", 0x3E},      {"hellip", 0x2026}, {"iacute", 0xED},
    {"iuml", 0xEF},   {"laquo", 0xAB},   {"ldquo", 0x201C}, {"lsquo", 0x2018}, {"lt", 0x3C},       {"mdash", 0x2014},
    {"micro", 0xB5},  {"middot", 0xB7},  {"nbsp", 0x20},    {"ndash", 0x2013}, {"ntilde", 0xF1},   {"oacute", 0xF3},
    {"ocirc", 0xF4},  {"ouml", 0xF6},    {"para", 0xB6},    {"plusmn", 0xB1},  {"pound", 0xA3},    {"quot", 0x22},
    {"raquo", 0xBB},  {"rdquo", 0x201D}, {"reg", 0xAE},     {"rsquo", 0x2019}, {"sect", 0xA7},     {"shy", 0xAD},
    {"sol", 0x2F},    {"szlig", 0xDF},   {"times", 0xD7},   {"verbar", 0x7C},
}};
// (nbsp maps to a plain space on purpose: the index and the reader both want a word break.)

bool is_pod_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// The letters perlpodspec defines. Any other "Q<" is left as text: in prose it is far more
/// often a comparison ("if N<10") than a code nobody can render.
bool is_known_code(char c)
{
    switch (c) {
    case 'B':
    case 'C':
    case 'E':
    case 'F':
    case 'I':
    case 'L':
    case 'S':
    case 'X':
    case 'Z': return true;
    default: return false;
    }
}

std::string utf8_of(std::uint32_t code_point)
{
    std::array<utf8proc_uint8_t, 4> bytes{};
    const auto size = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), bytes.data());
    return std::string(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(size));
}

/// The number in `digits` read in `base`, or 0 when it is not one or is absurdly large.
std::uint32_t parse_number(std::string_view digits, int base)
{
    if (digits.empty() || digits.size() > 10) {
        return 0;
    }
    std::uint64_t value = 0;
    for (const char c : digits) {
        int digit = -1;
        if (is_ascii_digit(c)) {
            digit = c - '0';
        } else if (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f') {
            digit = ascii_lower(c) - 'a' + 10;
        }
        if (digit < 0 || digit >= base) {
            return 0;
        }
        value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(digit);
    }
    return value > 0x10FFFF ? 0 : static_cast<std::uint32_t>(value);
}

/// "scheme:rest" with no space: a URL, shown as written ("Foo::Bar" is a module, not one).
bool looks_like_url(std::string_view target)
{
    const std::size_t colon = target.find(':');
    const char first = ascii_lower(target.empty() ? ' ' : target[0]);
    if (colon == k_npos || colon == 0 || first < 'a' || first > 'z' || colon + 1 >= target.size() ||
        target[colon + 1] == ':') {
        return false;
    }
    return std::none_of(target.begin(), target.end(), is_pod_space);
}

std::string_view strip_quotes(std::string_view text)
{
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        return text.substr(1, text.size() - 2);
    }
    return text;
}

/// A code opened and not yet closed.
struct OpenCode {
    char letter = 'B';
    std::size_t brackets = 1;   // how many '<' opened it, so how many '>' close it
    std::size_t start = 0;      // where its content starts in the output
    std::size_t slash = k_npos; // L<>: output offset of its first own '/'
    bool dropping = false;      // X<>, Z<>, or an L<> past its '|': content is not shown
};

class CodeRenderer {
public:
    explicit CodeRenderer(std::string_view text) : m_text(text) { m_out.reserve(text.size()); }

    std::string render()
    {
        while (m_pos < m_text.size()) {
            if (m_open.empty() && copy_plain_run()) {
                continue;
            }
            if (!try_open() && !try_close()) {
                take_char();
            }
        }
        // Codes still open close here, keeping what they hold: "B<unfinished" reads
        // "unfinished". (A dropped X<> stays dropped.)
        return std::move(m_out);
    }

private:
    /// Outside any code, everything up to the letter before the next '<' is plain text:
    /// copied in one go rather than byte by byte.
    bool copy_plain_run()
    {
        const std::size_t next = m_text.find('<', m_pos + 1);
        const std::size_t stop = next == k_npos ? m_text.size() : next - 1;
        if (stop <= m_pos) {
            return false;
        }
        m_out.append(m_text.substr(m_pos, stop - m_pos));
        m_pos = stop;
        return true;
    }

    bool try_open()
    {
        const char letter = m_text[m_pos];
        if (!is_known_code(letter) || m_pos + 1 >= m_text.size() || m_text[m_pos + 1] != '<') {
            return false;
        }
        std::size_t after = m_pos + 1;
        while (after < m_text.size() && m_text[after] == '<') {
            ++after;
        }
        OpenCode code;
        code.letter = letter;
        if (after - m_pos - 1 >= 2 && after < m_text.size() && is_pod_space(m_text[after])) {
            code.brackets = after - m_pos - 1;
            m_pos = after;
            skip_space();
        } else {
            m_pos += 2; // "C<<x>": one bracket opens, the second is content
        }
        code.dropping = dropping() || letter == 'X' || letter == 'Z';
        code.start = m_out.size();
        m_open.push_back(code);
        return true;
    }

    bool try_close()
    {
        if (m_text[m_pos] != '>' || m_open.empty()) {
            return false;
        }
        OpenCode& code = m_open.back();
        if (code.brackets > 1) {
            // A '>' inside "C<< $a <=> $b >>" is content. Whitespace is checked first: then a
            // long run of '>' is counted once, not once per '>'.
            if (m_pos == 0 || !is_pod_space(m_text[m_pos - 1])) {
                return false;
            }
            std::size_t run = 0;
            while (m_pos + run < m_text.size() && m_text[m_pos + run] == '>' && run < code.brackets) {
                ++run;
            }
            if (run < code.brackets) {
                return false;
            }
            trim_trailing_space(code.start);
        }
        m_pos += code.brackets;
        const OpenCode closed = code;
        m_open.pop_back();
        finish(closed);
        return true;
    }

    void take_char()
    {
        const char c = m_text[m_pos++];
        if (!m_open.empty() && m_open.back().letter == 'L' && !m_open.back().dropping) {
            OpenCode& link = m_open.back();
            if (c == '|') {
                link.dropping = true; // the target after '|' is not shown
                return;
            }
            if (c == '/' && link.slash == k_npos) {
                link.slash = m_out.size();
            }
        }
        emit(c);
    }

    /// Adds `c` to the output, or only its line break while content is being dropped.
    void emit(char c)
    {
        if (c == '\n' || !dropping()) {
            m_out += c;
        }
    }

    bool dropping() const { return !m_open.empty() && m_open.back().dropping; }

    void skip_space()
    {
        while (m_pos < m_text.size() && is_pod_space(m_text[m_pos])) {
            if (m_text[m_pos] == '\n') {
                m_out += '\n';
            }
            ++m_pos;
        }
    }

    /// Drops the spaces before a " >>" closing, down to `floor`; line breaks stay.
    void trim_trailing_space(std::size_t floor)
    {
        while (m_out.size() > floor && (m_out.back() == ' ' || m_out.back() == '\t' || m_out.back() == '\r')) {
            m_out.pop_back();
        }
    }

    void finish(const OpenCode& code)
    {
        if (code.letter == 'E' && !dropping()) {
            finish_escape(code.start);
        } else if (code.letter == 'L' && !code.dropping && !dropping()) {
            finish_link(code);
        }
    }

    void finish_escape(std::size_t start)
    {
        if (m_out.size() - start > k_longest_escape) {
            return;
        }
        const std::string character = decode_pod_escape(std::string_view(m_out).substr(start));
        if (!character.empty()) {
            m_out.resize(start);
            m_out += character;
        }
    }

    /// L<name>, L<name/sec>, L</sec>, L<"sec">, L<url>: a link without text shows its target
    /// in a readable form; one with text has already dropped its target.
    void finish_link(const OpenCode& code)
    {
        const std::string_view target = std::string_view(m_out).substr(code.start);
        if (code.slash == k_npos || target.size() > k_longest_link || target.find('\n') != k_npos ||
            looks_like_url(target)) {
            return;
        }
        const std::size_t slash = code.slash - code.start;
        const std::string name(trim_view(target.substr(0, slash)));
        const std::string section(strip_quotes(trim_view(target.substr(slash + 1))));
        std::string shown = '"' + section + '"';
        if (!name.empty()) {
            shown += " in " + name;
        }
        m_out.resize(code.start);
        m_out += shown;
    }

    static std::string_view trim_view(std::string_view text)
    {
        while (!text.empty() && is_pod_space(text.front())) {
            text.remove_prefix(1);
        }
        while (!text.empty() && is_pod_space(text.back())) {
            text.remove_suffix(1);
        }
        return text;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::string m_out;
    std::vector<OpenCode> m_open;
};

} // namespace

std::string decode_pod_escape(std::string_view name)
{
    std::uint32_t code_point = 0;
    if (name.size() > 2 && name[0] == '0' && (name[1] == 'x' || name[1] == 'X')) {
        code_point = parse_number(name.substr(2), 16);
    } else if (name.size() > 1 && name[0] == '0') {
        code_point = parse_number(name.substr(1), 8);
    } else if (!name.empty() && is_ascii_digit(name[0])) {
        code_point = parse_number(name, 10);
    } else {
        for (const auto& [entity, value] : k_named_escapes) {
            if (entity == name) {
                code_point = value;
                break;
            }
        }
    }
    // Surrogates are not characters, and a NUL in the text would only cause trouble downstream.
    if (code_point == 0 || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
        return {};
    }
    // A control character (E<10> is a line feed) reads as a space: a line break made by an
    // escape would throw off the line numbers of everything after it.
    if (code_point < 0x20 || code_point == 0x7F) {
        return " ";
    }
    return utf8_of(code_point);
}

std::string render_formatting_codes(std::string_view text)
{
    if (text.find('<') == std::string_view::npos) {
        return std::string(text); // most prose has no codes: no need to walk it byte by byte
    }
    return CodeRenderer(text).render();
}

} // namespace kosh
