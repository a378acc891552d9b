// Turns a Markdown file into a Document: heading outline and block-level paragraphs.
//
// This is a line-at-a-time approximation of CommonMark's block rules, good enough to find the
// outline and to cut the body into passages; it is not a renderer. Deliberate simplifications:
//  - A top-level list item is one paragraph, and everything indented under it (nested lists,
//    code, quotes) stays inside it. So nesting never needs a stack, and a 10,000-deep list is
//    one linear scan.
//  - A blockquote is one paragraph; headings inside it are quoted text, not the file's outline.
//  - HTML blocks and tables are ordinary paragraphs; their tags are taken out of the text, and
//    one left without text (a logo, a row of badges, a comment) is dropped.
//  - Only a fence's contents are kept as its paragraph: the ``` lines (and the info string) are
//    markup, not text. A fenced or indented code block's paragraph is all code (Paragraph::code).
#include "parse/markdown_parser.h"

#include "parse/line_reader.h"
#include "parse/markdown_inline.h"
#include "parse/parser.h"

#include <optional>
#include <utility>
#include <vector>

namespace kosh {

namespace {

constexpr std::size_t k_npos = std::string_view::npos;

constexpr std::size_t k_tab_stop = 4; // CommonMark's

Indent measure_indent(std::string_view line)
{
    return kosh::measure_indent(line, k_tab_stop);
}

/// An opening code fence: its character, length and indentation.
struct Fence {
    char marker = '`';
    std::size_t length = 0;
};

std::size_t count_run(std::string_view text, std::size_t from, char c)
{
    std::size_t end = from;
    while (end < text.size() && text[end] == c) {
        ++end;
    }
    return end - from;
}

std::optional<Fence> open_fence(std::string_view line, const Indent& indent)
{
    if (indent.columns > 3 || indent.bytes >= line.size()) {
        return std::nullopt;
    }
    const char marker = line[indent.bytes];
    if (marker != '`' && marker != '~') {
        return std::nullopt;
    }
    const std::size_t length = count_run(line, indent.bytes, marker);
    if (length < 3) {
        return std::nullopt;
    }
    // A backtick in the info string would make this an inline code span, not a fence.
    if (marker == '`' && line.find('`', indent.bytes + length) != k_npos) {
        return std::nullopt;
    }
    return Fence{marker, length};
}

bool closes_fence(std::string_view line, const Fence& fence)
{
    const Indent indent = measure_indent(line);
    if (indent.columns > 3) {
        return false;
    }
    const std::size_t length = count_run(line, indent.bytes, fence.marker);
    return length >= fence.length && is_blank(line.substr(indent.bytes + length));
}

/// An ATX heading's level and raw text ("## Usage ##" -> 2, "Usage"), if the line is one.
std::optional<std::pair<int, std::string_view>> atx_heading(std::string_view line, const Indent& indent)
{
    if (indent.columns > 3) {
        return std::nullopt;
    }
    const std::size_t hashes = count_run(line, indent.bytes, '#');
    const std::size_t after = indent.bytes + hashes;
    // Seven or more #'s, or "#tag" with no space, are paragraph text in CommonMark.
    if (hashes == 0 || hashes > 6 || (after < line.size() && line[after] != ' ' && line[after] != '\t')) {
        return std::nullopt;
    }
    std::string_view content = trim(line.substr(after));
    // An optional closing run of #'s counts only when it stands apart from the text.
    std::size_t end = content.size();
    while (end > 0 && content[end - 1] == '#') {
        --end;
    }
    if (end == 0) {
        content = {};
    } else if (end < content.size() && (content[end - 1] == ' ' || content[end - 1] == '\t')) {
        content = trim(content.substr(0, end));
    }
    return std::make_pair(static_cast<int>(hashes), content);
}

/// 1 for a "===" underline, 2 for "---", 0 otherwise.
int setext_level(std::string_view line, const Indent& indent)
{
    if (indent.columns > 3) {
        return 0;
    }
    const std::string_view body = trim(line);
    if (body.empty() || (body[0] != '=' && body[0] != '-')) {
        return 0;
    }
    if (count_run(body, 0, body[0]) != body.size()) {
        return 0;
    }
    return body[0] == '=' ? 1 : 2;
}

bool is_thematic_break(std::string_view line, const Indent& indent)
{
    if (indent.columns > 3 || indent.bytes >= line.size()) {
        return false;
    }
    const char marker = line[indent.bytes];
    if (marker != '-' && marker != '*' && marker != '_') {
        return false;
    }
    int count = 0;
    for (std::size_t i = indent.bytes; i < line.size(); ++i) {
        if (line[i] == marker) {
            ++count;
        } else if (line[i] != ' ' && line[i] != '\t') {
            return false;
        }
    }
    return count >= 3;
}

bool is_blockquote(std::string_view line, const Indent& indent)
{
    return indent.columns <= 3 && indent.bytes < line.size() && line[indent.bytes] == '>';
}

/// A list item marker at the start of the line.
struct ListMarker {
    std::size_t content_column = 0; // where the item's text starts; deeper lines belong to it
    bool ordered = false;
    long number = 0;
};

std::optional<ListMarker> list_marker(std::string_view line, const Indent& indent)
{
    if (indent.columns > 3 || indent.bytes >= line.size()) {
        return std::nullopt;
    }
    std::size_t pos = indent.bytes;
    ListMarker marker;
    const char c = line[pos];
    if (c == '-' || c == '*' || c == '+') {
        ++pos;
    } else {
        std::size_t digits = 0;
        while (pos < line.size() && digits < 10 && line[pos] >= '0' && line[pos] <= '9') {
            marker.number = marker.number * 10 + (line[pos] - '0');
            ++pos;
            ++digits;
        }
        if (digits == 0 || digits > 9 || pos >= line.size() || (line[pos] != '.' && line[pos] != ')')) {
            return std::nullopt;
        }
        ++pos;
        marker.ordered = true;
    }
    if (pos < line.size() && line[pos] != ' ' && line[pos] != '\t') {
        return std::nullopt;
    }
    marker.content_column = indent.columns + (pos - indent.bytes) + 1;
    return marker;
}

enum class BlockKind { none, paragraph, list_item, blockquote, indented_code, fence };

/// The block being gathered while scanning lines.
struct OpenBlock {
    BlockKind kind = BlockKind::none;
    std::size_t first = 0;          // index into the line vector
    std::size_t last = 0;           // inclusive
    bool blank_pending = false;     // a blank line was seen; the next line decides if it continues
    std::size_t content_column = 0; // list items: lines indented this far belong to the item
    Fence fence;
};

/// A heading's text as a reader sees it: no tags, images, inline markup or entities.
std::string heading_text(std::string_view markdown)
{
    if (markdown.find_first_of("<&![]`*_~\\\t\n\r") == std::string_view::npos &&
        markdown.find("  ") == std::string_view::npos) {
        return std::string(trim(markdown)); // the common case: nothing to take out or collapse
    }
    const std::string text = decode_entities(strip_inline_markup(remove_images(remove_html_tags(markdown))));
    std::string collapsed; // a removed tag leaves a space, and "a <br> b" should read "a b"
    collapsed.reserve(text.size());
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!space || (!collapsed.empty() && collapsed.back() != ' ')) {
            collapsed += space ? ' ' : c;
        }
    }
    return std::string(trim(collapsed));
}

/// The text of prose lines (a paragraph, list item or quote) without HTML tags, entities or badge
/// rows. Lines left empty at either end are dropped; those inside stay, so that line numbers
/// hold. Nothing is left of a block that shows no text.
std::optional<Paragraph> prose_paragraph(const std::vector<Line>& lines, std::size_t first, std::size_t last)
{
    Paragraph paragraph = paragraph_from_lines(lines, first, last);
    const std::string_view raw = paragraph.text;
    if (raw.find('<') == k_npos && raw.find('&') == k_npos && raw.find("![") == k_npos) {
        return paragraph; // the common case: nothing to take out
    }
    const std::string text = decode_entities(remove_html_tags(raw));
    std::vector<std::string_view> kept;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find('\n', start);
        const std::string_view line = std::string_view(text).substr(start, end == k_npos ? k_npos : end - start);
        kept.push_back(is_blank(line) || holds_only_images(line) ? std::string_view() : line);
        if (end == k_npos) {
            break;
        }
        start = end + 1;
    }
    std::size_t begin = 0;
    std::size_t stop = kept.size();
    while (begin < stop && kept[begin].empty()) {
        ++begin;
    }
    while (stop > begin && kept[stop - 1].empty()) {
        --stop;
    }
    if (begin == stop) {
        return std::nullopt;
    }
    paragraph.text.clear();
    for (std::size_t i = begin; i < stop; ++i) {
        paragraph.text += kept[i];
        paragraph.text += i + 1 < stop ? "\n" : "";
    }
    paragraph.first_line = lines[first + begin].number;
    paragraph.last_line = lines[first + stop - 1].number;
    return paragraph;
}

/// A heading as found, before levels are fixed relative to the title.
struct RawHeading {
    std::string text;
    int markdown_level = 1;
    int line = 0;
};

class MarkdownScanner {
public:
    explicit MarkdownScanner(const std::vector<Line>& lines) : m_lines(lines) {}

    void scan(std::size_t start)
    {
        for (std::size_t i = start; i < m_lines.size(); ++i) {
            scan_line(i);
        }
        finish_block();
    }

    std::vector<RawHeading>& headings() { return m_headings; }
    std::vector<Paragraph>& paragraphs() { return m_paragraphs; }

private:
    void scan_line(std::size_t i)
    {
        const std::string_view line = m_lines[i].text;
        if (m_block.kind == BlockKind::fence) {
            if (closes_fence(line, m_block.fence)) {
                finish_fence(i);
            }
            return;
        }
        if (is_blank(line)) {
            if (m_block.kind == BlockKind::list_item || m_block.kind == BlockKind::indented_code) {
                m_block.blank_pending = true; // an indented line after it may still continue
            } else {
                finish_block();
            }
            return;
        }

        const Indent indent = measure_indent(line);
        if (continues_block(line, indent)) {
            m_block.last = i;
            m_block.blank_pending = false;
            return;
        }
        if (m_block.blank_pending) {
            finish_block();
        }

        if (const std::optional<Fence> fence = open_fence(line, indent)) {
            finish_block();
            m_block.kind = BlockKind::fence;
            m_block.first = i + 1;
            m_block.last = i;
            m_block.fence = *fence;
            return;
        }
        if (const auto atx = atx_heading(line, indent)) {
            finish_block();
            add_heading(heading_text(atx->second), atx->first, i);
            return;
        }
        if (m_block.kind == BlockKind::paragraph) {
            if (const int level = setext_level(line, indent)) {
                turn_paragraph_into_heading(level);
                return;
            }
        }
        if (is_thematic_break(line, indent)) {
            finish_block();
            return;
        }
        if (is_blockquote(line, indent)) {
            if (m_block.kind != BlockKind::blockquote) {
                start_block(BlockKind::blockquote, i);
            }
            m_block.last = i;
            return;
        }
        if (const std::optional<ListMarker> marker = list_marker(line, indent)) {
            // Only "1." may interrupt a paragraph, so "in\n1984. It rained" stays prose.
            if (m_block.kind != BlockKind::paragraph || !marker->ordered || marker->number == 1) {
                start_block(BlockKind::list_item, i);
                m_block.content_column = marker->content_column;
                return;
            }
        }
        if (m_block.kind == BlockKind::paragraph || m_block.kind == BlockKind::list_item ||
            m_block.kind == BlockKind::blockquote) {
            m_block.last = i; // paragraph text, or a lazy continuation line
            return;
        }
        start_block(indent.columns >= 4 ? BlockKind::indented_code : BlockKind::paragraph, i);
    }

    /// True when the line belongs to the open list item or indented code block by indentation,
    /// whatever it looks like: a nested "# x" or "```" inside a list item is the item's text.
    bool continues_block(std::string_view line, const Indent& indent) const
    {
        if (m_block.kind == BlockKind::list_item) {
            return indent.columns >= m_block.content_column ||
                   (m_block.blank_pending && indent.columns >= 2 && !list_marker(line, indent));
        }
        if (m_block.kind == BlockKind::indented_code) {
            return indent.columns >= 4;
        }
        return false;
    }

    void start_block(BlockKind kind, std::size_t i)
    {
        finish_block();
        m_block.kind = kind;
        m_block.first = i;
        m_block.last = i;
    }

    void finish_block()
    {
        if (m_block.kind == BlockKind::indented_code) {
            add_code_block(m_block.first, m_block.last);
        } else if (m_block.kind != BlockKind::none && m_block.kind != BlockKind::fence) {
            add_prose(m_block.first, m_block.last);
        } else if (m_block.kind == BlockKind::fence) {
            finish_fence(m_lines.size()); // an unterminated fence runs to the end of the file
        }
        m_block = OpenBlock{};
    }

    void finish_fence(std::size_t closing)
    {
        if (closing > m_block.first) {
            add_code_block(m_block.first, closing - 1);
        }
        m_block = OpenBlock{};
    }

    void turn_paragraph_into_heading(int level)
    {
        std::string text;
        for (std::size_t i = m_block.first; i <= m_block.last; ++i) {
            if (!text.empty()) {
                text += ' ';
            }
            text += trim(m_lines[i].text);
        }
        const std::size_t first = m_block.first;
        m_block = OpenBlock{};
        add_heading(heading_text(text), level, first);
    }

    void add_heading(std::string text, int level, std::size_t i)
    {
        // An empty "#" is legal Markdown but names nothing, so it stays out of the outline.
        if (text.empty()) {
            return;
        }
        m_headings.push_back({std::move(text), level, m_lines[i].number});
    }

    void add_paragraph(std::size_t first, std::size_t last)
    {
        m_paragraphs.push_back(paragraph_from_lines(m_lines, first, last));
    }

    void add_prose(std::size_t first, std::size_t last)
    {
        if (std::optional<Paragraph> paragraph = prose_paragraph(m_lines, first, last)) {
            m_paragraphs.push_back(std::move(*paragraph));
        }
    }

    /// A code block's lines are kept as they are, indentation included, and all of them are code.
    void add_code_block(std::size_t first, std::size_t last)
    {
        add_paragraph(first, last);
        Paragraph& block = m_paragraphs.back();
        if (!block.text.empty()) {
            block.code.push_back({0, block.text.size()});
        }
    }

    const std::vector<Line>& m_lines;
    OpenBlock m_block;
    std::vector<RawHeading> m_headings;
    std::vector<Paragraph> m_paragraphs;
};

/// Front matter: YAML between "---" lines or TOML between "+++" lines, at the very top.
struct FrontMatter {
    std::size_t body_start = 0; // index of the first line after it; 0 when there is none
    std::string title;          // its "title" field, empty when it has none
};

/// A quoted scalar's text ("\"a \\\"b\\\"\"" -> "a \"b\"", "'it''s'" -> "it's"); other text trimmed.
std::string unquote(std::string_view value)
{
    value = trim(value);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
        const char quote = value.front();
        const std::string_view inner = value.substr(1, value.size() - 2);
        std::string out;
        for (std::size_t i = 0; i < inner.size(); ++i) {
            if (quote == '"' && inner[i] == '\\' && i + 1 < inner.size()) {
                out += inner[++i];
            } else if (quote == '\'' && inner[i] == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'') {
                out += inner[++i];
            } else {
                out += inner[i];
            }
        }
        return out;
    }
    // YAML: " #" starts a comment. A block scalar ("|", ">") spans lines; not read here.
    if (const std::size_t comment = value.find(" #"); comment != k_npos) {
        value = trim(value.substr(0, comment));
    }
    return value == "|" || value == ">" || value.starts_with("|-") || value.starts_with(">-") ? std::string()
                                                                                              : std::string(value);
}

/// A title of nothing but spaces is no title.
std::string title_text(std::string_view value)
{
    std::string text = unquote(value);
    return is_blank(text) ? std::string() : std::string(trim(text));
}

/// The value of a top-level "title: x" (YAML) or "title = x" (TOML) line, if it is one.
std::optional<std::string> title_field(std::string_view line, char separator)
{
    if (!line.starts_with("title")) {
        return std::nullopt;
    }
    const std::string_view rest = trim(line.substr(5));
    if (rest.empty() || rest[0] != separator) {
        return std::nullopt;
    }
    return title_text(rest.substr(1));
}

/// Front matter must open on the very first line and be closed, or "---" is just a thematic break.
FrontMatter read_front_matter(const std::vector<Line>& lines)
{
    if (lines.empty()) {
        return {};
    }
    const std::string_view opening = lines[0].text;
    const bool yaml = trim(opening) == "---" && opening.starts_with("---");
    const bool toml = trim(opening) == "+++" && opening.starts_with("+++");
    if (!yaml && !toml) {
        return {};
    }
    FrontMatter front;
    bool in_toml_table = false; // a "title" under "[params]" is not the page's
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string_view line = lines[i].text;
        const std::string_view body = trim(line);
        if (yaml ? (body == "---" || body == "...") : body == "+++") {
            front.body_start = i + 1;
            return front;
        }
        in_toml_table = in_toml_table || (toml && body.starts_with("["));
        if (front.title.empty() && !in_toml_table) {
            if (auto title = title_field(line, yaml ? ':' : '=')) {
                front.title = std::move(*title);
            }
        }
    }
    return {};
}

bool is_ascii_punctuation(char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool is_word_char(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80;
}

bool is_space_or_edge(std::string_view text, std::size_t i)
{
    return i >= text.size() || text[i] == ' ' || text[i] == '\t';
}

} // namespace

std::string strip_inline_markup(std::string_view text)
{
    const std::size_t n = text.size();
    // Where the next ']' and ')' are, found once from the right, so that finding every link is
    // linear even on a line of a million '['.
    std::vector<std::size_t> next_bracket(n + 1, k_npos);
    std::vector<std::size_t> next_paren(n + 1, k_npos);
    for (std::size_t i = n; i-- > 0;) {
        next_bracket[i] = text[i] == ']' ? i : next_bracket[i + 1];
        next_paren[i] = text[i] == ')' ? i : next_paren[i + 1];
    }

    std::string out;
    out.reserve(n);
    bool in_code = false;
    std::size_t skip_from = k_npos; // the "](url)" or "][ref]" ending the link being read
    std::size_t skip_to = k_npos;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[i];
        if (i == skip_from) {
            i = skip_to;
            skip_from = k_npos;
            continue;
        }
        if (c == '`') {
            in_code = !in_code;
            continue;
        }
        if (in_code) {
            out += c;
            continue;
        }
        if (c == '\\' && i + 1 < n && is_ascii_punctuation(text[i + 1])) {
            out += text[++i];
            continue;
        }
        if (c == '!' && i + 1 < n && text[i + 1] == '[') {
            continue; // an image reads as its alt text
        }
        if (c == '[') {
            const std::size_t close = next_bracket[i + 1];
            if (skip_from != k_npos) {
                if (close != skip_from) {
                    out += c;
                }
                continue; // "[a [b](u)": the inner bracket belongs to the same link
            }
            if (close != k_npos && close + 1 < n && (text[close + 1] == '(' || text[close + 1] == '[')) {
                const std::size_t end = text[close + 1] == '(' ? next_paren[close + 2] : next_bracket[close + 2];
                if (end != k_npos) {
                    skip_from = close;
                    skip_to = end;
                    continue;
                }
            }
            out += c;
            continue;
        }
        if (c == '~' && ((i + 1 < n && text[i + 1] == '~') || (i > 0 && text[i - 1] == '~'))) {
            continue; // ~~strikethrough~~; a single "~5" stays
        }
        if (c == '*') {
            // Emphasis hugs a word; a lone "2 * 3" is arithmetic and stays.
            if (is_space_or_edge(text, i + 1) && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
                out += c;
            }
            continue;
        }
        if (c == '_') {
            // snake_case_names keep their underscores; _emphasis_ loses them.
            const bool inside_word = i > 0 && is_word_char(text[i - 1]) && i + 1 < n && is_word_char(text[i + 1]);
            if (inside_word) {
                out += c;
            }
            continue;
        }
        out += c;
    }
    return std::string(trim(out));
}

Document parse_markdown(std::string_view text, std::string path)
{
    const std::vector<Line> lines = split_lines(text);
    const FrontMatter front = read_front_matter(lines);
    MarkdownScanner scanner(lines);
    scanner.scan(front.body_start);

    Document document;
    document.path = std::move(path);
    std::vector<RawHeading>& raw = scanner.headings();
    // The front matter's title names the page; a first "#" heading that repeats it is that same
    // title, and any other "#" heading is a section under it.
    const bool titled =
        !raw.empty() && raw.front().markdown_level == 1 && (front.title.empty() || raw.front().text == front.title);
    if (titled) {
        document.title = raw.front().text;
    } else {
        document.title = front.title.empty() ? file_stem(document.path) : front.title;
    }

    // More than one "#" heading means the file uses "#" for its sections: keep the first as the
    // title and push every other heading down a level so the tree keeps its shape.
    bool more_level_one = false;
    for (std::size_t i = titled ? 1 : 0; i < raw.size(); ++i) {
        more_level_one = more_level_one || raw[i].markdown_level == 1;
    }
    const int shift = more_level_one ? 1 : 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const int level = (titled && i == 0) ? 1 : raw[i].markdown_level + shift;
        document.headings.push_back({std::move(raw[i].text), level, raw[i].line});
    }
    document.paragraphs = std::move(scanner.paragraphs());
    assign_sections(document);
    return document;
}

} // namespace kosh
