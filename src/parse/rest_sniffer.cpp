// Tells a .txt file written in reStructuredText from plain text by its first few kilobytes.
#include "parse/rest_sniffer.h"

#include "parse/line_reader.h"

#include <vector>

namespace kosh {

namespace {

constexpr std::size_t k_sniff_bytes = 8192;

bool is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_punctuation(char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool is_indented(std::string_view line)
{
    return !line.empty() && (line[0] == ' ' || line[0] == '\t');
}

/// Code points in `text`, a close enough measure of its width for telling an underline.
std::size_t code_points(std::string_view text)
{
    std::size_t count = 0;
    for (const char c : text) {
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
}

bool is_underline_of(std::string_view underline, std::string_view title)
{
    underline = trim(underline);
    if (underline.size() < 3 || !is_punctuation(underline[0]) || is_indented(title) || trim(title).empty()) {
        return false;
    }
    for (const char c : underline) {
        if (c != underline[0]) {
            return false;
        }
    }
    return underline.size() >= code_points(trim(title));
}

/// ":name:`" somewhere in the line: an interpreted-text role.
bool has_role(std::string_view line)
{
    for (std::size_t tick = line.find(":`"); tick != std::string_view::npos; tick = line.find(":`", tick + 1)) {
        std::size_t start = tick;
        while (start > 0 && (is_alnum(line[start - 1]) || line[start - 1] == '-' || line[start - 1] == ':')) {
            --start;
        }
        if (start < tick && line[start] == ':' && start + 1 < tick) {
            return true;
        }
    }
    return false;
}

bool has_inline_literal(std::string_view line)
{
    const std::size_t open = line.find("``");
    return open != std::string_view::npos && open + 2 < line.size() && line[open + 2] != ' ' &&
           line.find("``", open + 3) != std::string_view::npos;
}

enum Evidence : unsigned { title = 1, comment = 2, role = 4, literal = 8, literal_block = 16 };

/// What an explicit markup line (".. " at its start) shows: true for a directive, target or
/// substitution definition, which settle the question; false for a comment or footnote.
bool is_decisive_markup(std::string_view rest)
{
    if (rest.empty()) {
        return false;
    }
    if (rest[0] == '_' || rest[0] == '|') {
        return rest.find(':') != std::string_view::npos;
    }
    std::size_t end = 0;
    while (end < rest.size() && (is_alnum(rest[end]) || rest[end] == '-' || rest[end] == ':' || rest[end] == '_')) {
        ++end;
    }
    // The name ran over the "::" (names may hold single colons): step back to it.
    const std::size_t marker = rest.find("::");
    return end > 0 && marker != std::string_view::npos && marker > 0 && marker <= end &&
           (marker + 2 == rest.size() || rest[marker + 2] == ' ');
}

} // namespace

bool looks_like_rest(std::string_view text)
{
    text = text.substr(0, k_sniff_bytes);
    // Every kind of evidence but an underlined title needs "..", "::" or a backtick, and a title
    // alone is not enough: most plain text is ruled out without being split into lines.
    if (text.find("..") == std::string_view::npos && text.find("::") == std::string_view::npos &&
        text.find('`') == std::string_view::npos) {
        return false;
    }
    const std::vector<Line> lines = split_lines(text);
    unsigned found = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i].text;
        const std::string_view body = trim(line);
        if (body.substr(0, 3) == ".. ") {
            if (is_decisive_markup(trim(body.substr(3)))) {
                return true;
            }
            found |= comment;
        }
        if (i + 1 < lines.size() && is_underline_of(lines[i + 1].text, line)) {
            found |= title;
        }
        if (has_role(line)) {
            found |= role;
        }
        if (has_inline_literal(line)) {
            found |= literal;
        }
        if (body.size() > 2 && body.substr(body.size() - 2) == "::") {
            std::size_t next = i + 1;
            while (next < lines.size() && is_blank(lines[next].text)) {
                ++next;
            }
            if (next > i + 1 && next < lines.size() && is_indented(lines[next].text)) {
                found |= literal_block;
            }
        }
    }
    int kinds = 0;
    for (unsigned bit = found; bit != 0; bit &= bit - 1) {
        ++kinds;
    }
    return kinds >= 2;
}

} // namespace kosh
