// Turns a reStructuredText file into a Document: section outline and body paragraphs.
//
// One pass over the lines. reST nests by indentation, but what kosh keeps of a nested block
// depends only on the construct that opened it: markup-only blocks (comments, targets, dropped
// directives) and code blocks swallow every line indented past their marker, and everything else
// is text whatever its depth. So a block is remembered by its marker's column, never by a stack
// of parents, and 10,000 levels of nesting cost no more than 10,000 lines. Deliberate
// simplifications against docutils:
//  - Each paragraph, list item, field, footnote and table row is one Paragraph; list markers and
//    enumerators stay, a field's leading ':' goes ("Author: Rusty Russell").
//  - A directive kosh does not know keeps its body as text; its name and options go.
//  - An admonition's label is prefixed to its first paragraph ("Note: ..."); a version
//    directive with no text of its own becomes "New in version 3.2.".
//  - Section titles are recognised only at the left margin, as docutils allows them only there.
#include "parse/rest_parser.h"

#include "parse/line_reader.h"
#include "parse/parser.h"
#include "parse/rest_directives.h"
#include "parse/rest_inline.h"
#include "util/ascii.h"
#include "util/utf8.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace kosh {

namespace {

constexpr std::size_t k_none = std::string_view::npos;
constexpr std::size_t k_tab_stop = 8; // docutils expands tabs to every eighth column

Indent measure_indent(std::string_view line)
{
    return kosh::measure_indent(line, k_tab_stop);
}

std::string_view trim_right(std::string_view text)
{
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\f' || text.back() == '\v')) {
        text.remove_suffix(1);
    }
    return text;
}

bool is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Printable 7-bit ASCII that is neither a letter, a digit nor a space: what adornments are made of.
bool is_adornment_char(char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/// The length of `line` when it is one punctuation character repeated from the left margin
/// (trailing blanks aside), else 0.
std::size_t adornment_length(std::string_view line)
{
    line = trim_right(line);
    if (line.empty() || !is_adornment_char(line[0])) {
        return 0;
    }
    for (const char c : line) {
        if (c != line[0]) {
            return 0;
        }
    }
    return line.size();
}

/// Columns `text` takes on a terminal, as docutils measures a title against its underline:
/// East Asian wide characters count two, combining marks none.
std::size_t display_width(std::string_view text)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint point = decode_utf8(text, i);
        i += point.size;
        if (point.value < 0) {
            ++width;
        } else if (point.value >= 0x20) {
            width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(point.value)));
        }
    }
    return width;
}

bool followed_by_space_or_end(std::string_view body, std::size_t at)
{
    return at >= body.size() || body[at] == ' ' || body[at] == '\t';
}

/// Bytes of a bullet marker ("-", "*", "+", "•", "‣", "⁃") followed by a space or the line's end.
std::size_t bullet_length(std::string_view body)
{
    if (!body.empty() && (body[0] == '-' || body[0] == '*' || body[0] == '+') && followed_by_space_or_end(body, 1)) {
        return 1;
    }
    for (const std::string_view bullet : {"\xE2\x80\xA2", "\xE2\x80\xA3", "\xE2\x81\x83"}) {
        if (body.substr(0, bullet.size()) == bullet && followed_by_space_or_end(body, bullet.size())) {
            return bullet.size();
        }
    }
    return 0;
}

bool is_roman(char c)
{
    return std::string_view("ivxlcdmIVXLCDM").find(c) != std::string_view::npos;
}

/// Bytes of an enumerator ("1.", "(a)", "iv)", "#.") followed by a space or the line's end.
std::size_t enumerator_length(std::string_view body)
{
    const bool parenthesised = !body.empty() && body[0] == '(';
    std::size_t end = parenthesised ? 1 : 0;
    const std::size_t start = end;
    if (end < body.size() && body[end] == '#') {
        ++end;
    } else if (end < body.size() && body[end] >= '0' && body[end] <= '9') {
        while (end < body.size() && end - start < 9 && body[end] >= '0' && body[end] <= '9') {
            ++end;
        }
    } else if (end < body.size() && is_alnum(body[end])) {
        ++end;
        while (end < body.size() && end - start < 8 && is_roman(body[end]) && is_roman(body[start])) {
            ++end;
        }
    }
    if (end == start || end >= body.size()) {
        return 0;
    }
    const char close = body[end];
    if (parenthesised ? close != ')' : (close != '.' && close != ')')) {
        return 0;
    }
    return followed_by_space_or_end(body, end + 1) ? end + 1 : 0;
}

/// Bytes up to and including the colon closing a field marker (":Author:"), or 0.
std::size_t field_marker_length(std::string_view body)
{
    if (body.size() < 3 || body[0] != ':' || body[1] == ':' || body[1] == ' ' || body[1] == '\t') {
        return 0;
    }
    for (std::size_t i = 2; i < body.size(); ++i) {
        if (body[i] == '\\') {
            ++i;
            continue;
        }
        if (body[i] == ':' && body[i - 1] != ' ' && followed_by_space_or_end(body, i + 1)) {
            return i + 1;
        }
    }
    return 0;
}

bool starts_explicit_markup(std::string_view body)
{
    return body.substr(0, 2) == ".." && followed_by_space_or_end(body, 2);
}

bool is_anonymous_target(std::string_view body)
{
    return body.substr(0, 2) == "__" && followed_by_space_or_end(body, 2);
}

bool is_doctest(std::string_view body)
{
    return body.substr(0, 3) == ">>>" && followed_by_space_or_end(body, 3);
}

bool is_line_block(std::string_view body)
{
    return !body.empty() && body[0] == '|' && followed_by_space_or_end(body, 1);
}

bool consists_of(std::string_view text, std::string_view allowed)
{
    return std::all_of(text.begin(), text.end(), [&](char c) { return allowed.find(c) != std::string_view::npos; });
}

/// "+-----+----+" or "+=====+": a grid table's border.
bool is_grid_border(std::string_view body)
{
    body = trim_right(body);
    return body.size() >= 3 && body[0] == '+' && body.back() == '+' && consists_of(body, "+-=:");
}

/// "=====  =====": a simple table's border, two columns at least, so one run of '=' alone is an
/// adornment and not a table.
bool is_simple_table_top(std::string_view body)
{
    body = trim_right(body);
    return !body.empty() && body[0] == '=' && consists_of(body, "= ") && body.find(' ') != std::string_view::npos;
}

bool is_simple_border(std::string_view body)
{
    body = trim_right(body);
    return !body.empty() && body[0] == '=' && consists_of(body, "= ");
}

/// A line that opens a construct other than a paragraph, so it can be no section title.
bool opens_construct(std::string_view body)
{
    return bullet_length(body) > 0 || field_marker_length(body) > 0 || starts_explicit_markup(body) ||
           is_anonymous_target(body) || is_doctest(body) || is_line_block(body) ||
           (body.substr(0, 2) == "+-" && is_grid_border(body)) || is_simple_table_top(body);
}

/// A file-wide Sphinx metadata field (":orphan:", ":tocdepth: 2"), which Sphinx removes from
/// the page when it comes before any text.
bool is_sphinx_metadata(std::string_view body)
{
    const std::size_t marker = field_marker_length(body);
    if (marker == 0) {
        return false;
    }
    const std::string_view name = body.substr(1, marker - 2);
    return name == "orphan" || name == "nocomments" || name == "nosearch" || name == "tocdepth" || name == "hide-toc" ||
           name == "hide-navigation";
}

/// A directive's name and the text after its "::" on the marker line.
struct DirectiveLine {
    std::string_view name;
    std::string_view arguments;
};

/// Parses "name:: arguments" (what follows ".. "); a name is alphanumerics joined by single
/// "-_+:." characters, and one space may stand before the "::".
std::optional<DirectiveLine> parse_directive(std::string_view text)
{
    std::size_t end = 0;
    while (end < text.size()) {
        if (is_alnum(text[end])) {
            ++end;
        } else if (end > 0 && std::string_view("-_+:.").find(text[end]) != std::string_view::npos &&
                   end + 1 < text.size() && is_alnum(text[end + 1])) {
            end += 2;
        } else {
            break;
        }
    }
    if (end == 0) {
        return std::nullopt;
    }
    std::size_t marker = end;
    if (marker < text.size() && text[marker] == ' ') {
        ++marker;
    }
    if (text.substr(marker, 2) != "::" || !followed_by_space_or_end(text, marker + 2)) {
        return std::nullopt;
    }
    return DirectiveLine{text.substr(0, end), trim(text.substr(marker + 2))};
}

/// A title's adornment: its character and whether it has an overline too.
struct Style {
    char character = '=';
    bool overlined = false;
    bool operator==(const Style&) const = default;
};

/// A section title as found, before the document title is chosen.
struct RawHeading {
    std::string text;
    int level = 1; // by adornment style, in order of first appearance
    int line = 0;
    bool body_before = false; // body text stands between the previous title and this one
};

enum class TextKind { plain, item, line_block };

/// The text block being gathered.
struct OpenText {
    bool open = false;
    TextKind kind = TextKind::plain;
    std::size_t first = 0; // line indices, inclusive
    std::size_t last = 0;
    std::size_t indent = 0;         // columns of the first line, or of an item's marker
    std::size_t literal_indent = 0; // a literal block after it must be indented past this
    std::string first_text;         // the first line as it reads, markers and labels applied
};

/// An admonition's label waiting for the admonition's first paragraph.
struct PendingLabel {
    bool active = false;
    std::string text;
    std::size_t indent = 0;  // the directive's column: its body is indented past it
    std::size_t line = 0;    // the directive's line index
    bool standalone = false; // with no body, the label is a paragraph of its own
};

class RestScanner {
public:
    RestScanner(const std::vector<Line>& lines, const RestSubstitutions& substitutions)
        : m_lines(lines), m_substitutions(substitutions)
    {
        m_indents.reserve(lines.size());
        for (const Line& line : lines) {
            m_indents.push_back(measure_indent(line.text));
        }
    }

    void scan()
    {
        const std::size_t n = m_lines.size();
        std::size_t i = 0;
        while (i < n) {
            if (blank(i)) {
                close_text();
                ++i;
                continue;
            }
            if (m_text.open && continues_text(i)) {
                m_text.last = i++;
                continue;
            }
            close_text();
            i = start_block(i);
        }
        close_text();
        flush_label();
    }

    std::vector<RawHeading>& headings() { return m_headings; }
    std::vector<Paragraph>& paragraphs() { return m_paragraphs; }

private:
    bool blank(std::size_t i) const
    {
        return m_indents[i].bytes == m_lines[i].text.size() || is_blank(m_lines[i].text);
    }
    std::size_t columns(std::size_t i) const { return m_indents[i].columns; }
    std::string_view body(std::size_t i) const { return trim_right(m_lines[i].text.substr(m_indents[i].bytes)); }
    std::size_t count() const { return m_lines.size(); }

    bool continues_text(std::size_t i) const
    {
        const std::string_view text = body(i);
        if (starts_explicit_markup(text) || is_anonymous_target(text)) {
            return false; // docutils wants a blank line first; a missing one must not leak markup
        }
        if (m_text.kind == TextKind::item) {
            return columns(i) > m_text.indent;
        }
        return columns(i) >= m_text.indent;
    }

    /// Reads the block starting at line `i`; returns the index of the first line after it.
    std::size_t start_block(std::size_t i)
    {
        const std::size_t indent = columns(i);
        const std::string_view text = body(i);
        if (m_literal_indent != k_none) {
            const std::size_t announced = std::exchange(m_literal_indent, k_none);
            if (indent > announced) {
                return literal_block(i, announced);
            }
            if (indent == announced && is_adornment_char(text[0]) && !starts_explicit_markup(text)) {
                return quoted_literal_block(i);
            }
        }
        if (m_label.active && indent <= m_label.indent) {
            flush_label();
        }
        const std::size_t after_title = indent == 0 ? title_at(i) : nested_title_at(i);
        if (after_title != k_none) {
            return after_title;
        }
        if (starts_explicit_markup(text)) {
            return explicit_markup(i);
        }
        if (is_anonymous_target(text)) {
            return skip_block(i, indent);
        }
        if (text.substr(0, 2) == "+-" && is_grid_border(text)) {
            return grid_table(i);
        }
        if (is_simple_table_top(text)) {
            return simple_table(i);
        }
        if (is_doctest(text)) {
            return doctest_block(i);
        }
        if (m_headings.empty() && !m_body_since_heading && is_sphinx_metadata(text)) {
            return skip_block(i, indent);
        }
        if (adornment_length(text) >= 4 && (i + 1 == count() || blank(i + 1))) {
            return i + 1; // a transition: a rule across the page, no text
        }
        open_text(i);
        return i + 1;
    }

    // ---- section titles ----------------------------------------------------------------------

    /// A section title at line `i` (overline, text, underline; or text, underline): reads it and
    /// returns the line after it, or k_none when the lines are not a title.
    std::size_t title_at(std::size_t i)
    {
        const std::string_view line = trim_right(m_lines[i].text);
        const std::size_t overline = adornment_length(line);
        if (overline > 0 && !opens_construct(line)) {
            return overlined_title_at(i, line, overline);
        }
        if (i + 1 >= count() || opens_construct(line)) {
            return k_none;
        }
        const std::string_view underline = trim_right(m_lines[i + 1].text);
        const std::size_t length = adornment_length(underline);
        if (length == 0 || (display_width(line) > length && length < 4)) {
            return k_none; // docutils takes a short underline under a long line for text
        }
        if (!accept_title(line, Style{underline[0], false}, i)) {
            emit_lone_line(i);
        }
        return i + 2;
    }

    std::size_t overlined_title_at(std::size_t i, std::string_view overline, std::size_t length)
    {
        const bool short_overline = length < 4; // docutils reads a short broken one as text
        if (i + 1 >= count() || blank(i + 1)) {
            return short_overline ? k_none : i + 1; // a transition
        }
        if (adornment_length(m_lines[i + 1].text) > 0) {
            return short_overline ? k_none : i + 2; // two adornments in a row: markup, no text
        }
        const std::string_view title = trim(m_lines[i + 1].text);
        const bool has_underline = i + 2 < count() && adornment_length(m_lines[i + 2].text) > 0;
        if (!has_underline || trim_right(m_lines[i + 2].text) != overline) {
            if (short_overline) {
                return k_none;
            }
            emit_lone_line(i + 1); // an overline without its matching underline: the text stays
            return has_underline ? i + 3 : i + 2;
        }
        if (display_width(title) > length && short_overline) {
            return k_none;
        }
        if (!accept_title(title, Style{overline[0], true}, i + 1)) {
            emit_lone_line(i + 1);
        }
        return i + 3;
    }

    /// An adorned title inside an indented block (a directive's body, a block quote): docutils
    /// allows no section there, so its text stays a paragraph and its adornments go.
    std::size_t nested_title_at(std::size_t i)
    {
        const std::string_view text = body(i);
        if (opens_construct(text) || i + 1 >= count() || blank(i + 1)) {
            return k_none;
        }
        const std::size_t overline = adornment_length(text);
        if (overline > 0) {
            const bool closed = i + 2 < count() && !blank(i + 2) && columns(i + 2) == columns(i) &&
                                body(i + 2) == text && adornment_length(body(i + 1)) == 0;
            if (!closed) {
                return k_none;
            }
            emit_lone_line(i + 1);
            return i + 3;
        }
        const std::size_t underline = columns(i + 1) == columns(i) ? adornment_length(body(i + 1)) : 0;
        if (underline == 0 || (underline < 4 && underline < display_width(text))) {
            return k_none;
        }
        emit_lone_line(i);
        return i + 2;
    }

    /// docutils' rule for levels: a style seen before keeps its level, and may close sections
    /// down to it; a new style may only open the level just below the current one. A title that
    /// breaks the rule is not a section (docutils: "Title level inconsistent").
    bool accept_title(std::string_view raw_text, Style style, std::size_t line)
    {
        const auto known = std::find(m_styles.begin(), m_styles.end(), style);
        int level = 0;
        if (known == m_styles.end()) {
            if (m_styles.size() != static_cast<std::size_t>(m_section_level)) {
                return false;
            }
            m_styles.push_back(style);
            level = static_cast<int>(m_styles.size());
        } else {
            level = static_cast<int>(known - m_styles.begin()) + 1;
            if (level > m_section_level + 1) {
                return false;
            }
        }
        m_section_level = level;
        std::string text(trim(strip_rest_inline(raw_text, m_substitutions)));
        if (text.empty()) {
            text = std::string(trim(raw_text));
        }
        flush_label();
        m_headings.push_back({std::move(text), level, m_lines[line].number, m_body_since_heading});
        m_body_since_heading = false;
        return true;
    }

    // ---- explicit markup ---------------------------------------------------------------------

    std::size_t explicit_markup(std::size_t i)
    {
        const std::size_t indent = columns(i);
        const std::string_view rest = trim(body(i).substr(2));
        if (rest.empty()) {
            // ".." alone ends the construct before it; it owns an indented block only when
            // one follows at once.
            const bool owns_block = i + 1 < count() && !blank(i + 1) && columns(i + 1) > indent;
            return owns_block ? skip_block(i, indent) : i + 1;
        }
        if (rest[0] == '[') {
            return footnote(i, rest);
        }
        if (rest[0] == '|' || rest[0] == '_') {
            return skip_block(i, indent); // a substitution definition or a hyperlink target
        }
        const std::optional<DirectiveLine> directive = parse_directive(rest);
        if (!directive) {
            return skip_block(i, indent); // a comment
        }
        return directive_block(i, *directive);
    }

    /// ".. [1] Text": the footnote's or citation's text stays, its label goes.
    std::size_t footnote(std::size_t i, std::string_view rest)
    {
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos || close == 1 || !followed_by_space_or_end(rest, close + 1)) {
            return skip_block(i, columns(i)); // not a footnote label: a comment
        }
        const std::string_view text = trim(rest.substr(close + 1));
        if (!text.empty()) {
            open_item(i, std::string(text));
        }
        return i + 1;
    }

    std::size_t directive_block(std::size_t i, const DirectiveLine& directive)
    {
        const std::size_t indent = columns(i);
        const std::string_view arguments = directive.arguments;
        switch (directive_kind(directive.name)) {
        case DirectiveKind::drop: return skip_block(i, indent);
        case DirectiveKind::code: return code_block(skip_options(i + 1, indent), indent);
        case DirectiveKind::labelled: return labelled(i, directive_label(directive.name), arguments, false);
        case DirectiveKind::titled: {
            const std::string label = arguments.empty() ? directive_label(directive.name) : std::string(arguments);
            return labelled(i, label, {}, false, skip_argument_lines(i + 1, indent));
        }
        case DirectiveKind::versioned: {
            const std::size_t space = arguments.find_first_of(" \t");
            const std::string_view version = arguments.substr(0, space);
            const std::string_view explanation =
                space == std::string_view::npos ? std::string_view{} : trim(arguments.substr(space));
            return labelled(i, version_label(directive.name, version), explanation, true);
        }
        case DirectiveKind::object: {
            const std::size_t after = skip_argument_lines(i + 1, indent);
            emit_signature(i, after - 1, arguments);
            return skip_options(after, indent);
        }
        case DirectiveKind::argument:
            if (!arguments.empty()) {
                open_item(i, std::string(arguments));
                return i + 1;
            }
            return skip_options(i + 1, indent);
        case DirectiveKind::keep_body: break;
        }
        const std::size_t after = arguments.empty() ? i + 1 : skip_argument_lines(i + 1, indent);
        return skip_options(after, indent);
    }

    /// An admonition: with text on its marker line, that text is its first paragraph;
    /// otherwise the label waits for the first paragraph of its body.
    std::size_t labelled(std::size_t i, std::string label, std::string_view text, bool standalone,
                         std::size_t body_from = k_none)
    {
        if (!text.empty()) {
            open_item(i, label + ": " + std::string(text));
            return i + 1;
        }
        flush_label();
        m_label = PendingLabel{true, std::move(label), columns(i), i, standalone};
        return skip_options(body_from == k_none ? i + 1 : body_from, columns(i));
    }

    /// Past the lines right below a directive that continue its arguments (up to a blank line
    /// or an option).
    std::size_t skip_argument_lines(std::size_t j, std::size_t indent) const
    {
        while (j < count() && !blank(j) && columns(j) > indent && field_marker_length(body(j)) == 0) {
            ++j;
        }
        return j;
    }

    /// Past a directive's option lines (":linenos:", ":alt: text").
    std::size_t skip_options(std::size_t j, std::size_t indent) const
    {
        while (j < count() && !blank(j) && columns(j) > indent && field_marker_length(body(j)) > 0) {
            ++j;
        }
        return j;
    }

    /// Past line `i` and every line indented past `indent` below it (blank lines between them
    /// included): a comment, target or dropped directive with all it holds.
    std::size_t skip_block(std::size_t i, std::size_t indent) const
    {
        std::size_t last = i;
        for (std::size_t j = i + 1; j < count(); ++j) {
            if (blank(j)) {
                continue;
            }
            if (columns(j) <= indent) {
                break;
            }
            last = j;
        }
        return last + 1;
    }

    // ---- code --------------------------------------------------------------------------------

    /// A code directive's content: the lines from `from` indented past `indent`.
    std::size_t code_block(std::size_t from, std::size_t indent)
    {
        std::size_t first = k_none;
        std::size_t last = k_none;
        for (std::size_t j = from; j < count(); ++j) {
            if (blank(j)) {
                continue;
            }
            if (columns(j) <= indent) {
                break;
            }
            first = first == k_none ? j : first;
            last = j;
        }
        if (first == k_none) {
            return from;
        }
        emit_code(first, last);
        return last + 1;
    }

    std::size_t literal_block(std::size_t i, std::size_t announced) { return code_block(i, announced); }

    /// Unindented lines that all start with the same punctuation after a "::" paragraph.
    std::size_t quoted_literal_block(std::size_t i)
    {
        const char quote = body(i)[0];
        std::size_t last = i;
        while (last + 1 < count() && !blank(last + 1) && columns(last + 1) == columns(i) &&
               body(last + 1)[0] == quote) {
            ++last;
        }
        emit_code(i, last);
        return last + 1;
    }

    std::size_t doctest_block(std::size_t i)
    {
        std::size_t last = i;
        while (last + 1 < count() && !blank(last + 1)) {
            ++last;
        }
        emit_code(i, last);
        return last + 1;
    }

    /// Lines first..last as code, de-indented to the least indented of them.
    void emit_code(std::size_t first, std::size_t last)
    {
        std::size_t common = k_none;
        for (std::size_t j = first; j <= last; ++j) {
            if (!blank(j)) {
                common = std::min(common, columns(j));
            }
        }
        std::string text;
        for (std::size_t j = first; j <= last; ++j) {
            if (j > first) {
                text += '\n';
            }
            if (blank(j)) {
                continue;
            }
            const std::size_t spaces = columns(j) - common; // tabs in the indent become spaces
            text.append(spaces, ' ');
            text += trim_right(m_lines[j].text.substr(m_indents[j].bytes));
        }
        push_code(std::move(text), first, last);
    }

    /// An object description's signature lines (".. function:: open(file, mode='r')").
    void emit_signature(std::size_t first, std::size_t last, std::string_view arguments)
    {
        std::string text(arguments);
        for (std::size_t j = first + 1; j <= last; ++j) {
            text += '\n';
            text += body(j);
        }
        if (!trim(text).empty()) {
            push_code(std::move(text), first, last);
        }
    }

    void push_code(std::string text, std::size_t first, std::size_t last)
    {
        Paragraph paragraph;
        paragraph.code.push_back({0, text.size()});
        paragraph.text = std::move(text);
        paragraph.first_line = m_lines[first].number;
        paragraph.last_line = m_lines[last].number;
        push(std::move(paragraph));
    }

    // ---- tables ------------------------------------------------------------------------------

    /// A grid table: every line up to a blank one; each row's lines are a paragraph, the
    /// borders and cell walls go.
    std::size_t grid_table(std::size_t i)
    {
        std::size_t end = i;
        while (end < count() && !blank(end) && (body(end)[0] == '+' || body(end)[0] == '|')) {
            ++end;
        }
        emit_table_rows(i, end, true);
        return end;
    }

    /// A simple table: from its top border to the border after which a blank line (or the end)
    /// comes, or the second border after the top, as docutils reads it. With no such border,
    /// the top line alone is dropped and what follows is read as usual.
    std::size_t simple_table(std::size_t i)
    {
        const std::size_t width = body(i).size();
        const std::size_t first_border = next_simple_border(i + 1);
        if (first_border == k_none || body(first_border).size() != width) {
            return i + 1;
        }
        std::size_t end = first_border;
        if (first_border + 1 < count() && !blank(first_border + 1)) {
            const std::size_t second_border = next_simple_border(first_border + 1);
            if (second_border != k_none && body(second_border).size() == width) {
                end = second_border;
            }
        }
        emit_table_rows(i + 1, end, false);
        return end + 1;
    }

    std::size_t next_simple_border(std::size_t from)
    {
        if (m_next_simple_border.empty()) {
            m_next_simple_border.assign(count() + 1, k_none);
            for (std::size_t j = count(); j-- > 0;) {
                m_next_simple_border[j] = is_simple_border(body(j)) ? j : m_next_simple_border[j + 1];
            }
        }
        return m_next_simple_border[std::min(from, count())];
    }

    void emit_table_rows(std::size_t from, std::size_t end, bool grid)
    {
        std::size_t row_start = k_none;
        std::vector<std::string> row;
        for (std::size_t j = from; j <= end; ++j) {
            const bool separator = j == end || blank(j) ||
                                   (grid ? is_grid_border(body(j)) : is_simple_border(body(j))) ||
                                   (!grid && consists_of(body(j), "- "));
            if (!separator) {
                row_start = row_start == k_none ? j : row_start;
                row.push_back(table_cells(body(j), grid));
                continue;
            }
            if (row_start != k_none) {
                emit_text(row_start, j - 1, row);
                row.clear();
                row_start = k_none;
            }
        }
    }

    /// A table line's cells joined by single spaces; a grid table's "|" walls dropped.
    static std::string table_cells(std::string_view line, bool grid)
    {
        std::string out;
        bool space = false;
        for (std::size_t k = 0; k < line.size(); ++k) {
            char c = line[k];
            const bool wall =
                grid && c == '|' && (k == 0 || line[k - 1] == ' ') && (k + 1 == line.size() || line[k + 1] == ' ');
            if (wall || c == ' ' || c == '\t') {
                space = true;
                continue;
            }
            if (space && !out.empty()) {
                out += ' ';
            }
            space = false;
            out += c;
        }
        return out;
    }

    // ---- text --------------------------------------------------------------------------------

    void open_text(std::size_t i)
    {
        const std::size_t indent = columns(i);
        const std::string_view text = body(i);
        m_text = OpenText{true, TextKind::plain, i, i, indent, indent, std::string(text)};
        if (const std::size_t bullet = bullet_length(text)) {
            m_text.kind = TextKind::item;
            m_text.literal_indent = indent + content_offset(text, bullet);
        } else if (const std::size_t enumerator = enumerator_length(text); enumerator && is_list_item(i)) {
            m_text.kind = TextKind::item;
            m_text.literal_indent = indent + content_offset(text, enumerator);
        } else if (field_marker_length(text) > 0) {
            m_text.kind = TextKind::item;
            m_text.first_text = std::string(text.substr(1)); // ":Author: X" reads "Author: X"
        } else if (is_line_block(text)) {
            m_text.kind = TextKind::line_block;
            m_text.first_text = std::string(trim(text.substr(1)));
        }
        if (m_label.active && indent > m_label.indent) {
            m_text.first_text = m_label.text + ": " + m_text.first_text;
            m_label.active = false;
        }
    }

    /// A text block whose first line is markup's own (a directive's or footnote's), continued
    /// by the lines indented past the marker.
    void open_item(std::size_t i, std::string first_text)
    {
        flush_label();
        m_text = OpenText{true, TextKind::item, i, i, columns(i), columns(i), std::move(first_text)};
    }

    /// Where an item's text starts after its marker: "-   text" -> 4.
    static std::size_t content_offset(std::string_view text, std::size_t marker)
    {
        std::size_t offset = marker;
        while (offset < text.size() && text[offset] == ' ') {
            ++offset;
        }
        return offset == text.size() ? marker + 1 : offset;
    }

    /// docutils' test for an enumerated list item: the next line is blank, indented, or the
    /// next item; otherwise "1984. It rained" is a paragraph.
    bool is_list_item(std::size_t i) const
    {
        if (i + 1 >= count() || blank(i + 1) || columns(i + 1) > columns(i)) {
            return true;
        }
        return columns(i + 1) == columns(i) && enumerator_length(body(i + 1)) > 0;
    }

    void close_text()
    {
        if (!m_text.open) {
            return;
        }
        m_text.open = false;
        std::vector<std::string> texts{std::move(m_text.first_text)};
        for (std::size_t j = m_text.first + 1; j <= m_text.last; ++j) {
            std::string_view line = body(j);
            if (m_text.kind == TextKind::line_block && is_line_block(line)) {
                line = trim(line.substr(1));
            }
            texts.emplace_back(line);
        }
        if (cut_literal_marker(texts.back())) {
            m_literal_indent = m_text.literal_indent;
        }
        emit_text(m_text.first, m_text.last, texts);
    }

    /// A paragraph ending in "::" announces a literal block: "Use a list::" reads "Use a list:",
    /// "Use a list ::" and a lone "::" lose it whole. Returns whether there was one.
    static bool cut_literal_marker(std::string& line)
    {
        const std::string_view text = trim_right(line);
        if (text.size() < 2 || text.substr(text.size() - 2) != "::") {
            return false;
        }
        const std::string_view before = text.substr(0, text.size() - 2);
        if (before.empty() || before.back() == ' ' || before.back() == '\t') {
            line = std::string(trim_right(before));
        } else {
            line = std::string(text.substr(0, text.size() - 1));
        }
        return true;
    }

    /// One line of text alone as a paragraph: a title that could not be a section.
    void emit_lone_line(std::size_t i) { emit_text(i, i, {std::string(trim(m_lines[i].text))}); }

    /// Lines first..last, as `texts` gives them, with inline markup reduced to text. Empty lines
    /// at either end are cut off; a paragraph left with no text is not kept.
    void emit_text(std::size_t first, std::size_t last, const std::vector<std::string>& texts)
    {
        std::string joined;
        for (std::size_t k = 0; k < texts.size(); ++k) {
            if (k > 0) {
                joined += '\n';
            }
            joined += texts[k];
        }
        const std::string stripped = strip_rest_inline(joined, m_substitutions);

        std::vector<std::string_view> out_lines;
        std::size_t start = 0;
        for (std::size_t k = 0; k <= stripped.size(); ++k) {
            if (k == stripped.size() || stripped[k] == '\n') {
                out_lines.push_back(trim_right(std::string_view(stripped).substr(start, k - start)));
                start = k + 1;
            }
        }
        std::size_t top = 0;
        std::size_t bottom = out_lines.size();
        while (top < bottom && trim(out_lines[top]).empty()) {
            ++top;
        }
        while (bottom > top && trim(out_lines[bottom - 1]).empty()) {
            --bottom;
        }
        if (top == bottom || out_lines.size() != last - first + 1) {
            return;
        }
        Paragraph paragraph;
        for (std::size_t k = top; k < bottom; ++k) {
            if (k > top) {
                paragraph.text += '\n';
            }
            paragraph.text += trim(out_lines[k]); // indentation has done its work: it made the structure
        }
        paragraph.first_line = m_lines[first + top].number;
        paragraph.last_line = m_lines[first + bottom - 1].number;
        push(std::move(paragraph));
    }

    // ---- labels and output -------------------------------------------------------------------

    /// A waiting label that no paragraph took: a version directive's becomes a paragraph of its
    /// own ("New in version 3.2."); an admonition's with no text in it is dropped.
    void flush_label()
    {
        if (!m_label.active) {
            return;
        }
        m_label.active = false;
        if (m_label.standalone) {
            Paragraph paragraph;
            paragraph.text = m_label.text + ".";
            paragraph.first_line = paragraph.last_line = m_lines[m_label.line].number;
            push(std::move(paragraph));
        }
    }

    void push(Paragraph paragraph)
    {
        flush_label();
        // Only text at the left margin keeps the next title from being the document's: what a
        // directive holds (Sphinx-Gallery's download note in ".. only::") is page furniture.
        const std::size_t line = static_cast<std::size_t>(paragraph.first_line - 1);
        m_body_since_heading = m_body_since_heading || (columns(line) == 0 && !starts_explicit_markup(body(line)));
        m_paragraphs.push_back(std::move(paragraph));
    }

    const std::vector<Line>& m_lines;
    const RestSubstitutions& m_substitutions;
    std::vector<Indent> m_indents;
    std::vector<std::size_t> m_next_simple_border; // filled on the first simple table
    OpenText m_text;
    PendingLabel m_label;
    std::size_t m_literal_indent = k_none; // set by a paragraph ending in "::"
    std::vector<Style> m_styles;           // adornment styles in order of first appearance
    int m_section_level = 0;               // level of the section being read; 0 before any
    bool m_body_since_heading = false;
    std::vector<RawHeading> m_headings;
    std::vector<Paragraph> m_paragraphs;
};

/// The `replace::` substitution definitions of the file, found before the text that uses them.
RestSubstitutions collect_substitutions(const std::vector<Line>& lines)
{
    RestSubstitutions substitutions;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Indent indent = measure_indent(lines[i].text);
        const std::string_view text = trim(lines[i].text);
        if (!starts_explicit_markup(text)) {
            continue;
        }
        const std::string_view rest = trim(text.substr(2));
        const std::size_t close = rest.find('|', 1);
        if (rest.empty() || rest[0] != '|' || close == std::string_view::npos) {
            continue;
        }
        const std::optional<DirectiveLine> directive = parse_directive(trim(rest.substr(close + 1)));
        if (!directive || ascii_lower(directive->name) != "replace") {
            continue;
        }
        std::string replacement(directive->arguments);
        for (std::size_t j = i + 1;
             j < lines.size() && !is_blank(lines[j].text) && measure_indent(lines[j].text).columns > indent.columns;
             ++j) {
            replacement += ' ';
            replacement += trim(lines[j].text);
        }
        std::string shown = strip_rest_inline(replacement);
        std::replace(shown.begin(), shown.end(), '\n', ' ');
        substitutions.emplace(rest_substitution_key(rest.substr(1, close - 1)), std::move(shown));
    }
    return substitutions;
}

} // namespace

Document parse_rest(std::string_view text, std::string path)
{
    const std::vector<Line> lines = split_lines(text);
    const RestSubstitutions substitutions = collect_substitutions(lines);
    RestScanner scanner(lines, substitutions);
    scanner.scan();

    Document document;
    document.path = std::move(path);
    std::vector<RawHeading>& raw = scanner.headings();
    const auto at_level = [&](int level) {
        return std::count_if(raw.begin(), raw.end(), [&](const RawHeading& h) { return h.level == level; });
    };
    // docutils' doctitle transform: a lone top-level section with no body text before it is the
    // document's title, and a lone section opening that one its subtitle.
    const bool titled = !raw.empty() && at_level(1) == 1 && !raw.front().body_before;
    const bool subtitled = titled && raw.size() > 1 && raw[1].level == 2 && at_level(2) == 1 && !raw[1].body_before;
    for (std::size_t k = 0; k < raw.size(); ++k) {
        int level = raw[k].level + 1;
        if (titled) {
            level = (subtitled && k > 1) ? raw[k].level - 1 : raw[k].level;
        }
        document.headings.push_back({std::move(raw[k].text), level, raw[k].line});
    }
    document.title = titled ? document.headings.front().text : file_stem(document.path);
    document.paragraphs = std::move(scanner.paragraphs());
    assign_sections(document);
    return document;
}

} // namespace kosh
