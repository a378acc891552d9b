// Inline HTML, character references and images in Markdown text.
#include "parse/markdown_inline.h"

#include "parse/line_reader.h"
#include "util/utf8.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace kosh {

namespace {

constexpr std::size_t k_npos = std::string_view::npos;

bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}
bool is_html_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// Finds the ends of code spans. A run of backticks that found no closing run of its length
/// never will further on, so each length is searched for to the end at most once.
class CodeSpanFinder {
public:
    explicit CodeSpanFinder(std::string_view text) : m_text(text) {}

    /// The end (exclusive) of the code span opening with the backtick run at `i`, or the end of
    /// the run when it opens none.
    std::size_t end_of_span(std::size_t i)
    {
        const std::size_t length = run_length(i);
        if (length < m_unclosed.size() && m_unclosed[length]) {
            return i + length;
        }
        for (std::size_t j = i + length; j < m_text.size();) {
            if (m_text[j] != '`') {
                ++j;
                continue;
            }
            const std::size_t other = run_length(j);
            if (other == length) {
                return j + other;
            }
            j += other;
        }
        if (length < m_unclosed.size()) {
            m_unclosed[length] = true;
        }
        return i + length;
    }

private:
    std::size_t run_length(std::size_t i) const
    {
        std::size_t end = i;
        while (end < m_text.size() && m_text[end] == '`') {
            ++end;
        }
        return end - i;
    }

    std::string_view m_text;
    std::array<bool, 64> m_unclosed{}; // longer runs are searched every time; they are rare
};

/// The HTML elements that sit inside a line of text; any other tag also separates words.
bool is_inline_element(std::string_view name)
{
    static constexpr std::string_view k_inline[] = {"a",    "abbr", "b",    "bdi",  "bdo",   "cite", "code",   "data",
                                                    "del",  "dfn",  "em",   "font", "i",     "img",  "ins",    "kbd",
                                                    "mark", "q",    "s",    "samp", "small", "span", "strike", "strong",
                                                    "sub",  "sup",  "time", "tt",   "u",     "var"};
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return std::find(std::begin(k_inline), std::end(k_inline), lower) != std::end(k_inline);
}

/// Reads HTML tags. Where no closing quote or '>' exists after some position, a later failed
/// search from beyond it is answered at once, so a line of unclosed tags is not quadratic.
class TagReader {
public:
    explicit TagReader(std::string_view text) : m_text(text) {}

    struct Tag {
        std::size_t end = 0;    // exclusive
        bool separates = false; // leaves a space in the text
    };

    /// The tag or comment that starts at `i` (a '<'), if one does.
    std::optional<Tag> read(std::size_t i)
    {
        if (m_text.substr(i, 4) == "<!--") {
            const std::size_t close = find("-->", i + 4);
            return close == k_npos ? std::nullopt : std::optional<Tag>(Tag{close + 3, true});
        }
        std::size_t pos = i + 1;
        const bool closing = pos < m_text.size() && m_text[pos] == '/';
        pos += closing ? 1 : 0;
        const std::size_t name_start = pos;
        if (pos >= m_text.size() || !is_ascii_letter(m_text[pos])) {
            return std::nullopt;
        }
        while (pos < m_text.size() &&
               (is_ascii_letter(m_text[pos]) || is_ascii_digit(m_text[pos]) || m_text[pos] == '-')) {
            ++pos;
        }
        const std::string_view name = m_text.substr(name_start, pos - name_start);
        if (pos < m_text.size() && !is_html_space(m_text[pos]) && m_text[pos] != '>' && m_text[pos] != '/') {
            return std::nullopt; // "<https:" is an autolink, "<a@b.c>" an email address
        }
        const std::size_t end = closing ? skip_space(pos) : skip_attributes(pos);
        if (end >= m_text.size() || m_text[end] != '>') {
            return std::nullopt;
        }
        return Tag{end + 1, !is_inline_element(name)};
    }

private:
    std::size_t skip_space(std::size_t pos) const
    {
        while (pos < m_text.size() && is_html_space(m_text[pos])) {
            ++pos;
        }
        return pos;
    }

    static bool is_attribute_name_char(char c)
    {
        return is_ascii_letter(c) || is_ascii_digit(c) || c == '_' || c == ':' || c == '.' || c == '-';
    }

    /// Past the attributes and an optional '/', at the '>' when the tag is well formed.
    std::size_t skip_attributes(std::size_t pos)
    {
        for (;;) {
            pos = skip_space(pos);
            if (pos >= m_text.size() || m_text[pos] == '>') {
                return pos;
            }
            if (m_text[pos] == '/') {
                return pos + 1;
            }
            if (!is_attribute_name_char(m_text[pos])) {
                return k_npos;
            }
            while (pos < m_text.size() && is_attribute_name_char(m_text[pos])) {
                ++pos;
            }
            const std::size_t after_name = skip_space(pos);
            if (after_name >= m_text.size() || m_text[after_name] != '=') {
                continue; // an attribute without a value
            }
            pos = skip_space(after_name + 1);
            if (pos >= m_text.size()) {
                return k_npos;
            }
            if (m_text[pos] == '"' || m_text[pos] == '\'') {
                const std::size_t close = find(std::string_view(&m_text[pos], 1), pos + 1);
                if (close == k_npos) {
                    return k_npos;
                }
                pos = close + 1;
                continue;
            }
            const std::size_t value_start = pos;
            while (pos < m_text.size() && !is_html_space(m_text[pos]) &&
                   std::string_view("\"'=<>`").find(m_text[pos]) == k_npos) {
                ++pos;
            }
            if (pos == value_start) {
                return k_npos;
            }
        }
    }

    /// `needle` from `from` on; a needle once missing from some position on is not looked for again.
    std::size_t find(std::string_view needle, std::size_t from)
    {
        std::size_t& missing_from = needle == "-->" ? m_no_comment_end : needle == "\"" ? m_no_double : m_no_single;
        if (from >= missing_from) {
            return k_npos;
        }
        const std::size_t found = m_text.find(needle, from);
        if (found == k_npos) {
            missing_from = from;
        }
        return found;
    }

    std::string_view m_text;
    std::size_t m_no_comment_end = k_npos;
    std::size_t m_no_double = k_npos;
    std::size_t m_no_single = k_npos;
};

struct NamedEntity {
    std::string_view name;
    std::string_view text;
};

// The references Markdown authors write by hand; the full HTML table has over 2,000.
constexpr NamedEntity k_named_entities[] = {
    {"amp", "&"},    {"lt", "<"},     {"gt", ">"},     {"quot", "\""},  {"apos", "'"},   {"nbsp", " "},
    {"ensp", " "},   {"emsp", " "},   {"thinsp", " "}, {"shy", ""},     {"copy", "©"},   {"reg", "®"},
    {"trade", "™"},  {"hellip", "…"}, {"mdash", "—"},  {"ndash", "–"},  {"lsquo", "‘"},  {"rsquo", "’"},
    {"ldquo", "“"},  {"rdquo", "”"},  {"laquo", "«"},  {"raquo", "»"},  {"bull", "•"},   {"middot", "·"},
    {"deg", "°"},    {"plusmn", "±"}, {"times", "×"},  {"divide", "÷"}, {"euro", "€"},   {"pound", "£"},
    {"yen", "¥"},    {"cent", "¢"},   {"sect", "§"},   {"para", "¶"},   {"larr", "←"},   {"rarr", "→"},
    {"uarr", "↑"},   {"darr", "↓"},   {"harr", "↔"},   {"le", "≤"},     {"ge", "≥"},     {"ne", "≠"},
    {"check", "✓"},  {"star", "☆"},   {"hearts", "♥"}, {"aacute", "á"}, {"agrave", "à"}, {"acirc", "â"},
    {"auml", "ä"},   {"atilde", "ã"}, {"aring", "å"},  {"aelig", "æ"},  {"ccedil", "ç"}, {"eacute", "é"},
    {"egrave", "è"}, {"ecirc", "ê"},  {"euml", "ë"},   {"iacute", "í"}, {"igrave", "ì"}, {"icirc", "î"},
    {"iuml", "ï"},   {"ntilde", "ñ"}, {"oacute", "ó"}, {"ograve", "ò"}, {"ocirc", "ô"},  {"ouml", "ö"},
    {"otilde", "õ"}, {"oslash", "ø"}, {"uacute", "ú"}, {"ugrave", "ù"}, {"ucirc", "û"},  {"uuml", "ü"},
    {"yacute", "ý"}, {"szlig", "ß"},  {"Aacute", "Á"}, {"Agrave", "À"}, {"Auml", "Ä"},   {"Aring", "Å"},
    {"Ccedil", "Ç"}, {"Eacute", "É"}, {"Egrave", "È"}, {"Ntilde", "Ñ"}, {"Oacute", "Ó"}, {"Ouml", "Ö"},
    {"Oslash", "Ø"}, {"Uacute", "Ú"}, {"Uuml", "Ü"},
};

void append_code_point(std::string& out, std::int32_t value)
{
    if (value <= 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        out += k_replacement_character;
        return;
    }
    utf8proc_uint8_t buffer[4];
    const auto size = utf8proc_encode_char(value, buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(size));
}

/// Decodes the character reference at text[i] (an '&') into `out`; its length, or 0 for none.
std::size_t decode_reference(std::string_view text, std::size_t i, std::string& out)
{
    std::size_t pos = i + 1;
    if (pos < text.size() && text[pos] == '#') {
        ++pos;
        const bool hex = pos < text.size() && (text[pos] == 'x' || text[pos] == 'X');
        pos += hex ? 1 : 0;
        const std::size_t digits_start = pos;
        std::int32_t value = 0;
        while (pos < text.size() && pos - digits_start < (hex ? 6u : 7u)) {
            const char c = text[pos];
            int digit = -1;
            if (is_ascii_digit(c)) {
                digit = c - '0';
            } else if (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                digit = (c | 0x20) - 'a' + 10;
            }
            if (digit < 0) {
                break;
            }
            value = value * (hex ? 16 : 10) + digit;
            ++pos;
        }
        if (pos == digits_start || pos >= text.size() || text[pos] != ';') {
            return 0;
        }
        if (value == '\n' || value == '\r') {
            out += ' '; // a line break here would put the text out of step with its line numbers
            return pos + 1 - i;
        }
        append_code_point(out, value);
        return pos + 1 - i;
    }
    while (pos < text.size() && pos - i <= 32 && (is_ascii_letter(text[pos]) || is_ascii_digit(text[pos]))) {
        ++pos;
    }
    if (pos >= text.size() || text[pos] != ';') {
        return 0;
    }
    const std::string_view name = text.substr(i + 1, pos - i - 1);
    for (const NamedEntity& entity : k_named_entities) {
        if (entity.name == name) {
            out += entity.text;
            return pos + 1 - i;
        }
    }
    return 0;
}

/// For each position, where the next `c` is at or after it (text.size() for none): finding the
/// end of every bracket in a line of a million '[' stays linear.
std::vector<std::size_t> next_positions(std::string_view text, char c)
{
    std::vector<std::size_t> next(text.size() + 1, text.size());
    for (std::size_t i = text.size(); i-- > 0;) {
        next[i] = text[i] == c ? i : next[i + 1];
    }
    return next;
}

/// Removes "<opener>...](...)" and "<opener>...][...]" where `is_opener(i)` says a construct
/// starts at i and `opener_length` bytes long.
template <typename IsOpener>
std::string remove_bracketed(std::string_view text, std::size_t opener_length, IsOpener is_opener)
{
    const std::vector<std::size_t> bracket = next_positions(text, ']');
    const std::vector<std::size_t> paren = next_positions(text, ')');
    const std::size_t n = text.size();
    std::string out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (is_opener(i)) {
            const std::size_t close = bracket[i + opener_length];
            if (close + 1 < n && (text[close + 1] == '(' || text[close + 1] == '[')) {
                const std::size_t end = text[close + 1] == '(' ? paren[close + 2] : bracket[close + 2];
                if (end < n) {
                    i = end;
                    continue;
                }
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace

std::string remove_html_tags(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    CodeSpanFinder code(text);
    TagReader tags(text);
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '`') {
            const std::size_t end = code.end_of_span(i);
            out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '<' || text[i + 1] == '`')) {
            out.append(text.substr(i, 2)); // an escaped '<' opens no tag
            i += 2;
            continue;
        }
        if (c == '<') {
            if (const auto tag = tags.read(i)) {
                const std::string_view markup = text.substr(i, tag->end - i);
                const auto newlines = static_cast<std::size_t>(std::count(markup.begin(), markup.end(), '\n'));
                out.append(newlines, '\n'); // the text keeps its lines
                if (tag->separates && newlines == 0) {
                    out += ' ';
                }
                i = tag->end;
                continue;
            }
        }
        out += c;
        ++i;
    }
    return out;
}

std::string decode_entities(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    CodeSpanFinder code(text);
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '`') {
            const std::size_t end = code.end_of_span(i);
            out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        if (text[i] == '&') {
            if (const std::size_t length = decode_reference(text, i, out)) {
                i += length;
                continue;
            }
        }
        out += text[i];
        ++i;
    }
    return out;
}

std::string remove_images(std::string_view text)
{
    const std::string without_images = remove_bracketed(
        text, 2, [&](std::size_t i) { return text[i] == '!' && i + 1 < text.size() && text[i + 1] == '['; });
    // A link whose text was only images is now "[](url)", or "[ ](url)" between two of them.
    const std::string_view rest = without_images;
    return remove_bracketed(rest, 1, [&](std::size_t i) {
        if (rest[i] != '[') {
            return false;
        }
        std::size_t j = i + 1;
        while (j < rest.size() && (rest[j] == ' ' || rest[j] == '\t')) {
            ++j;
        }
        return j < rest.size() && rest[j] == ']';
    });
}

bool holds_only_images(std::string_view line)
{
    if (line.find("![") == k_npos && line.find("<img") == k_npos && line.find("<IMG") == k_npos) {
        return false;
    }
    return is_blank(remove_images(remove_html_tags(line)));
}

} // namespace kosh
