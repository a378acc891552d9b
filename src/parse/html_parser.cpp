// Turns an HTML or XHTML file into a Document: heading outline and block-level paragraphs.
//
// gumbo builds the tree by the HTML5 parsing algorithm; this file walks it (with an explicit
// stack, never recursion) and keeps the text a reader would read:
//  - Never the text of script, style, template, noscript, svg, form controls or the head (bar
//    <title>), nor Sphinx's "¶" and Doxygen's "◆" permalinks (<a class="headerlink">,
//    <span class="permalink">).
//  - Only the main content: the first <main> or role="main" element, else the page's only
//    <article>. Inside it, and on a page without one, navigation, asides and search boxes
//    are skipped (nav, aside, role=navigation|search|complementary); without one, the page's
//    footer too (footer, role=contentinfo, id or class "footer"), but not its <header>, which
//    often holds the page's <h1>.
//  - Each block element (p, li, dt, dd, a table row, blockquote, the text directly in a div,
//    pre...) is a paragraph. Inline elements join without added space ("foo<b>bar</b>" is
//    "foobar"); table cells in a row are separated by a space.
//  - kosh finds a passage's line from the newlines in its text, so a paragraph's text has a
//    newline exactly where its source has one: whitespace runs collapse to one space, or to
//    the newlines they hold. A <br> in mid-line is therefore a space; before a line break it
//    is that line break. <pre> keeps its text as written.
//  - Blocks that share a source line (as in minified HTML) are joined into one paragraph,
//    unless the heading paths stay right: headings may share a line with each other, with the
//    paragraph after them, and with the last line of a paragraph begun on an earlier line.
#include "parse/html_parser.h"

#include "parse/gumbo_guard.h"
#include "parse/html_nesting.h"
#include "parse/line_reader.h"
#include "parse/parser.h"
#include "parse/text_parser.h"
#include "util/ascii.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace kosh {

namespace {

// ---------------------------------------------------------------------------------------------
// Element properties

bool is_html(const GumboElement& element)
{
    return element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

std::string_view attribute(const GumboElement& element, const char* name)
{
    const GumboAttribute* found = gumbo_get_attribute(&element.attributes, name);
    return found ? std::string_view(found->value) : std::string_view();
}

/// True when the space-separated list `tokens` (a class or role attribute) holds `token`, which
/// is lower case, in any case.
bool has_token_any_case(std::string_view tokens, std::string_view token)
{
    return has_token(ascii_lower(tokens), token);
}

/// h1-h6 as 1-6; 0 for any other element.
int heading_rank(const GumboElement& element)
{
    if (!is_html(element)) {
        return 0;
    }
    switch (element.tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
    }
}

/// Elements whose text is never the page's text, wherever they are.
bool is_never_text(const GumboElement& element)
{
    if (element.tag_namespace == GUMBO_NAMESPACE_SVG) {
        return true;
    }
    switch (element.tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON: return true;
    case GUMBO_TAG_A: return has_token_any_case(attribute(element, "class"), "headerlink");
    case GUMBO_TAG_SPAN: return has_token_any_case(attribute(element, "class"), "permalink"); // Doxygen's "◆"
    default: return false;
    }
}

/// Navigation and side content, skipped wherever the page's text is read.
bool is_navigation(const GumboElement& element)
{
    const std::string_view role = attribute(element, "role");
    return element.tag == GUMBO_TAG_NAV || element.tag == GUMBO_TAG_ASIDE || has_token_any_case(role, "navigation") ||
           has_token_any_case(role, "search") || has_token_any_case(role, "complementary");
}

/// A page footer: skipped when the page marks no main content (inside main content, a footer
/// belongs to the article).
bool is_page_footer(const GumboElement& element)
{
    return element.tag == GUMBO_TAG_FOOTER || has_token_any_case(attribute(element, "role"), "contentinfo") ||
           has_token_any_case(attribute(element, "id"), "footer") ||
           has_token_any_case(attribute(element, "class"), "footer");
}

/// Elements that start and end a paragraph of their own.
bool is_block(const GumboElement& element)
{
    switch (element.tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_XMP: return true;
    default: return heading_rank(element) > 0;
    }
}

bool keeps_whitespace(const GumboElement& element)
{
    return element.tag == GUMBO_TAG_PRE || element.tag == GUMBO_TAG_LISTING || element.tag == GUMBO_TAG_PLAINTEXT ||
           element.tag == GUMBO_TAG_XMP;
}

// ---------------------------------------------------------------------------------------------
// Text with source lines

/// Newlines in the source text `raw`: "\n", "\r\n" and a lone "\r" each count once, as gumbo
/// and split_lines count them.
int count_source_newlines(std::string_view raw)
{
    int count = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.size() || raw[i + 1] != '\n'))) {
            ++count;
        }
    }
    return count;
}

bool is_nbsp_at(std::string_view text, std::size_t i)
{
    return static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
           static_cast<unsigned char>(text[i + 1]) == 0xA0;
}

/// Gathers the text of one paragraph or heading, placing each character on its source line.
class TextGatherer {
public:
    enum class Whitespace { collapse, keep };

    explicit TextGatherer(Whitespace whitespace) : m_whitespace(whitespace) {}

    /// Adds a text node's decoded `text`, which starts on source line `line` and was `raw` in
    /// the source. Its newlines advance the line only when they are the source's (not "&#10;").
    void add(std::string_view text, std::string_view raw, int line)
    {
        const bool newlines_are_lines =
            count_source_newlines(raw) == static_cast<int>(std::count(text.begin(), text.end(), '\n'));
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '\n' && newlines_are_lines) {
                ++line;
                m_space_pending = m_space_pending || m_whitespace == Whitespace::collapse;
                continue;
            }
            const bool nbsp = is_nbsp_at(text, i);
            if (nbsp || is_ascii_space(c)) {
                i += nbsp ? 1 : 0;
                if (m_whitespace == Whitespace::keep) {
                    put(c == '\t' ? '\t' : ' ', line);
                } else {
                    m_space_pending = true;
                }
                continue;
            }
            put(c, line);
        }
    }

    /// A break between words that the markup implies (a <br>, a new table cell).
    void add_break() { m_space_pending = true; }

    bool empty() const { return m_text.empty(); }
    int first_line() const { return m_first_line; }
    /// The line of the last character: the text holds one '\n' per line it spans.
    int last_line() const { return m_line; }

    std::string take_text() { return std::move(m_text); }

private:
    void put(char c, int line)
    {
        if (m_text.empty()) {
            m_first_line = line;
            m_line = line;
        } else if (line > m_line) {
            m_text.append(static_cast<std::size_t>(line - m_line), '\n');
            m_line = line;
        } else if (m_space_pending) {
            m_text += ' ';
        }
        m_space_pending = false;
        m_text += c;
    }

    Whitespace m_whitespace;
    std::string m_text;
    int m_first_line = 0;
    int m_line = 0;
    bool m_space_pending = false;
};

/// Drops the lines of a code block that hold only whitespace before its first text, and the
/// whitespace after its last, keeping the first line's indentation.
void trim_code(std::string& text, int& first_line)
{
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size() && is_ascii_space(text[i]); ++i) {
        if (text[i] == '\n') {
            start = i + 1;
            ++first_line;
        }
    }
    std::size_t end = text.size();
    while (end > start && is_ascii_space(text[end - 1])) {
        --end;
    }
    text = text.substr(start, end - start);
}

// ---------------------------------------------------------------------------------------------
// Blocks

/// A heading or paragraph as found in the tree, before titles and levels are settled.
struct Block {
    std::string text;
    int first_line = 0;
    int last_line = 0;
    int rank = 0;               // 1-6 for h1-h6, 0 for a paragraph
    std::vector<ByteSpan> code; // as Paragraph::code
};

/// Joins `next` onto `block` when it starts on a line `block` has already reached, so that each
/// source line belongs to one block. A joined heading becomes paragraph text.
void join_blocks(Block& block, Block next)
{
    if (next.first_line < block.last_line) {
        // Out of source order (the tree builder moved it): its lines cannot be kept, its words can.
        std::replace(next.text.begin(), next.text.end(), '\n', ' ');
        next.last_line = block.last_line;
    }
    const std::size_t offset = block.text.size() + 1;
    block.text += ' ';
    block.text += next.text;
    for (const ByteSpan& span : next.code) {
        block.code.push_back({span.begin + offset, span.end + offset});
    }
    block.last_line = next.last_line;
    block.rank = 0;
}

// ---------------------------------------------------------------------------------------------
// The walk

struct Step {
    const GumboNode* node;
    bool leaving;
};

class HtmlWalker {
public:
    /// Walks the content under `root`; `whole_page` says whether it is the page's body rather
    /// than its marked main content.
    void walk(const GumboNode* root, bool whole_page)
    {
        std::vector<Step> stack{{root, false}};
        while (!stack.empty()) {
            const Step step = stack.back();
            stack.pop_back();
            const GumboNodeType type = step.node->type;
            if (type == GUMBO_NODE_TEXT || type == GUMBO_NODE_WHITESPACE || type == GUMBO_NODE_CDATA) {
                add_text(step.node->v.text);
                continue;
            }
            if (type != GUMBO_NODE_ELEMENT) {
                continue; // a <template>'s contents, a comment
            }
            const GumboElement& element = step.node->v.element;
            if (step.leaving) {
                leave(element);
                continue;
            }
            if (is_never_text(element) || is_navigation(element) || (whole_page && is_page_footer(element))) {
                continue;
            }
            enter(element);
            stack.push_back({step.node, true});
            for (unsigned i = element.children.length; i-- > 0;) {
                stack.push_back({static_cast<const GumboNode*>(element.children.data[i]), false});
            }
        }
        finish_paragraph();
    }

    std::vector<Block>& blocks() { return m_blocks; }

private:
    void enter(const GumboElement& element)
    {
        if (m_heading) {
            if (element.tag == GUMBO_TAG_BR) {
                m_heading->add_break();
            }
            if (!is_block(element) || !is_html(element)) {
                return; // phrasing content is the heading's text
            }
            // A heading holds no blocks: this one means its end tag is missing ("<h1>Title<p>").
            finish_heading();
        }
        if (const int rank = heading_rank(element)) {
            finish_paragraph();
            m_heading.emplace(TextGatherer::Whitespace::collapse);
            m_heading_rank = rank;
            m_heading_line = static_cast<int>(element.start_pos.line);
            return;
        }
        if (is_block(element) && is_html(element)) {
            finish_paragraph();
            if (keeps_whitespace(element)) {
                ++m_preformatted;
            }
            return;
        }
        if (element.tag == GUMBO_TAG_BR || element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH) {
            if (m_paragraph) {
                m_paragraph->add_break();
            }
        }
    }

    void leave(const GumboElement& element)
    {
        if (m_heading) {
            if (heading_rank(element) > 0) {
                finish_heading();
            }
            return;
        }
        if (is_block(element) && is_html(element)) {
            finish_paragraph();
            if (keeps_whitespace(element) && m_preformatted > 0) {
                --m_preformatted;
            }
        }
    }

    void add_text(const GumboText& text)
    {
        const std::string_view decoded(text.text);
        const std::string_view raw(text.original_text.data, text.original_text.length);
        const int line = static_cast<int>(text.start_pos.line);
        if (m_heading) {
            m_heading->add(decoded, raw, line);
            return;
        }
        if (!m_paragraph) {
            m_paragraph.emplace(m_preformatted > 0 ? TextGatherer::Whitespace::keep
                                                   : TextGatherer::Whitespace::collapse);
            m_paragraph_is_code = m_preformatted > 0;
        }
        m_paragraph->add(decoded, raw, line);
    }

    void finish_paragraph()
    {
        if (!m_paragraph) {
            return;
        }
        Block block;
        block.first_line = m_paragraph->first_line();
        block.text = m_paragraph->take_text();
        m_paragraph.reset();
        if (m_paragraph_is_code) {
            trim_code(block.text, block.first_line);
            block.code.push_back({0, block.text.size()});
        }
        if (block.text.empty()) {
            return;
        }
        block.last_line = block.first_line + static_cast<int>(std::count(block.text.begin(), block.text.end(), '\n'));
        push(std::move(block));
    }

    void finish_heading()
    {
        Block block;
        block.text = m_heading->take_text();
        block.rank = m_heading_rank;
        block.first_line = m_heading_line;
        block.last_line = m_heading_line;
        m_heading.reset();
        // A heading's words stay on its line in the outline; its text has no newline.
        std::replace(block.text.begin(), block.text.end(), '\n', ' ');
        if (!block.text.empty()) {
            push(std::move(block));
        }
    }

    void push(Block block)
    {
        if (!m_blocks.empty() && block.first_line <= m_blocks.back().last_line && !may_share_line(block)) {
            join_blocks(m_blocks.back(), std::move(block));
            return;
        }
        m_blocks.push_back(std::move(block));
    }

    /// Blocks may share a line where assign_sections, which goes by first lines, still puts
    /// each paragraph under the right heading: after a heading on its line, and a heading
    /// after the last line of a paragraph begun on an earlier one (DocBook writes
    /// "text.</p></div><div><h2>Next"). Other blocks sharing a line are joined.
    bool may_share_line(const Block& block) const
    {
        const Block& last = m_blocks.back();
        if (last.rank > 0) {
            return block.first_line == last.last_line;
        }
        return block.rank > 0 && block.first_line == last.last_line && last.first_line < last.last_line;
    }

    std::vector<Block> m_blocks;
    std::optional<TextGatherer> m_paragraph;
    bool m_paragraph_is_code = false;
    std::optional<TextGatherer> m_heading;
    int m_heading_rank = 0;
    int m_heading_line = 0;
    int m_preformatted = 0; // depth of open <pre>-like elements
};

// ---------------------------------------------------------------------------------------------
// Finding the parts of the page

/// The page's <title> (text and line) and the element holding its main content, if marked.
struct PageParts {
    std::string title;
    int title_line = 0;
    const GumboNode* body = nullptr;
    const GumboNode* main = nullptr;
};

PageParts find_page_parts(const GumboNode* root)
{
    PageParts parts;
    const GumboNode* first_article = nullptr;
    int articles = 0;
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type != GUMBO_NODE_ELEMENT) {
            continue;
        }
        const GumboElement& element = node->v.element;
        if (!is_html(element) || element.tag == GUMBO_TAG_SCRIPT || element.tag == GUMBO_TAG_TEMPLATE) {
            continue;
        }
        if (element.tag == GUMBO_TAG_TITLE && parts.title_line == 0) {
            TextGatherer title(TextGatherer::Whitespace::collapse);
            for (unsigned i = 0; i < element.children.length; ++i) {
                const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
                if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
                    title.add(child->v.text.text,
                              std::string_view(child->v.text.original_text.data, child->v.text.original_text.length),
                              static_cast<int>(child->v.text.start_pos.line));
                }
            }
            parts.title = title.take_text();
            std::replace(parts.title.begin(), parts.title.end(), '\n', ' ');
            parts.title_line = static_cast<int>(element.start_pos.line);
            continue;
        }
        if (element.tag == GUMBO_TAG_BODY && !parts.body) {
            parts.body = node;
        }
        if (!parts.main && (element.tag == GUMBO_TAG_MAIN || has_token_any_case(attribute(element, "role"), "main"))) {
            parts.main = node;
        }
        if (element.tag == GUMBO_TAG_ARTICLE) {
            first_article = articles++ == 0 ? node : first_article;
        }
        for (unsigned i = element.children.length; i-- > 0;) {
            stack.push_back(static_cast<const GumboNode*>(element.children.data[i]));
        }
    }
    if (!parts.main && articles == 1) {
        parts.main = first_article;
    }
    return parts;
}

/// True when `longer` is `shorter` or begins with it followed by a non-word character: the
/// title "Install - Project 2.1 documentation" extends the heading "Install".
bool extends(std::string_view longer, std::string_view shorter)
{
    if (shorter.empty() || longer.size() < shorter.size() ||
        ascii_lower(longer.substr(0, shorter.size())) != ascii_lower(shorter)) {
        return false;
    }
    if (longer.size() == shorter.size()) {
        return true;
    }
    const auto next = static_cast<unsigned char>(longer[shorter.size()]);
    const auto last = static_cast<unsigned char>(shorter.back());
    const bool next_is_word = std::isalnum(next) || next >= 0x80;
    const bool last_is_word = std::isalnum(last) || last >= 0x80;
    return !(next_is_word && last_is_word);
}

/// Settles the title and heading levels and fills `document` from the walked blocks.
void build_document(Document& document, std::vector<Block> blocks, const PageParts& parts)
{
    // The first heading is the title's level when it is an h1 and <title> is missing or says
    // the same; an h1 after other headings only lends its words to a page without <title>.
    const auto first_heading =
        std::find_if(blocks.begin(), blocks.end(), [](const Block& block) { return block.rank > 0; });
    const auto first_h1 =
        std::find_if(blocks.begin(), blocks.end(), [](const Block& block) { return block.rank == 1; });
    const bool h1_is_title =
        first_heading != blocks.end() && first_heading->rank == 1 &&
        (parts.title.empty() || extends(parts.title, first_heading->text) || extends(first_heading->text, parts.title));
    if (h1_is_title) {
        document.title = first_heading->text;
    } else if (parts.title.empty() && first_h1 != blocks.end()) {
        document.title = first_h1->text;
    } else if (!parts.title.empty()) {
        document.title = parts.title;
        // <title> sits in the head, above the body (or on its first line).
        if (blocks.empty() || parts.title_line <= blocks.front().first_line) {
            document.headings.push_back({parts.title, 1, parts.title_line});
        }
    } else {
        document.title = file_stem(document.path);
    }

    int top_rank = std::numeric_limits<int>::max();
    for (auto it = blocks.begin(); it != blocks.end(); ++it) {
        if (it->rank > 0 && !(h1_is_title && it == first_heading)) {
            top_rank = std::min(top_rank, it->rank);
        }
    }
    for (auto it = blocks.begin(); it != blocks.end(); ++it) {
        if (it->rank > 0) {
            const int level = (h1_is_title && it == first_heading) ? 1 : it->rank - top_rank + 2;
            document.headings.push_back({std::move(it->text), level, it->first_line});
            continue;
        }
        Paragraph paragraph;
        paragraph.first_line = it->first_line;
        paragraph.last_line = it->last_line;
        paragraph.text = std::move(it->text);
        paragraph.code = std::move(it->code);
        document.paragraphs.push_back(std::move(paragraph));
    }
}

/// Joins paragraphs that share a line and a heading path (the title, which is no section, came
/// between them): the passage splitter may join such paragraphs, and counts on lines going on.
void join_paragraphs_sharing_lines(std::vector<Paragraph>& paragraphs, const std::vector<Heading>& headings)
{
    // A section heading on the shared line stands between the two, even where its text repeats
    // the heading above ("Two" ... "Two"), so the paths alone cannot tell.
    std::vector<int> section_lines;
    for (const Heading& heading : headings) {
        if (heading.level > 1) {
            section_lines.push_back(heading.line);
        }
    }
    std::vector<Paragraph> joined;
    joined.reserve(paragraphs.size());
    for (Paragraph& paragraph : paragraphs) {
        if (joined.empty() || paragraph.first_line != joined.back().last_line ||
            paragraph.sections != joined.back().sections ||
            std::find(section_lines.begin(), section_lines.end(), paragraph.first_line) != section_lines.end()) {
            joined.push_back(std::move(paragraph));
            continue;
        }
        Paragraph& last = joined.back();
        const std::size_t offset = last.text.size() + 1;
        last.text += ' ';
        last.text += paragraph.text;
        for (const ByteSpan& span : paragraph.code) {
            last.code.push_back({span.begin + offset, span.end + offset});
        }
        last.last_line = paragraph.last_line;
    }
    paragraphs = std::move(joined);
}

Document plain_text_instead(std::string_view text, std::string path, std::string reason)
{
    Document document = parse_plain_text(text, std::move(path));
    document.warnings.push_back(std::move(reason));
    return document;
}

} // namespace

Document parse_html(std::string_view text, std::string path)
{
    if (too_deep_for_tree_builder(estimate_nesting(text))) {
        return plain_text_instead(text, std::move(path),
                                  "elements nested too deeply for the HTML parser: read as plain text");
    }

    const GumboParse parse(text);
    if (!parse.output() || !parse.output()->root) {
        return plain_text_instead(text, std::move(path), "the HTML parser could not read it: read as plain text");
    }

    const PageParts parts = find_page_parts(parse.output()->root);
    HtmlWalker walker;
    if (parts.main) {
        walker.walk(parts.main, false);
    } else if (parts.body) {
        walker.walk(parts.body, true);
    }

    Document document;
    document.path = std::move(path);
    build_document(document, std::move(walker.blocks()), parts);
    assign_sections(document);
    join_paragraphs_sharing_lines(document.paragraphs, document.headings);
    return document;
}

} // namespace kosh
