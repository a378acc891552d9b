// Turns a plain-text file into a Document by reading its headings and paragraphs from layout.
//
// Plain text has no markup, so structure is read from how lines look and where blank lines
// fall. The rules are general layout conventions (manuals, RFC-style numbered papers, books,
// articles pasted from the web); none of them names a particular document.
//
// Lines and blocks
//  - A UTF-8 BOM is dropped; LF, CRLF and lone CR all end a line (see line_reader.h).
//  - A line with no letter or digit ("*/", "***", "-----") is junk: it is dropped and, like a
//    blank line, ends the current block. The one exception is an underline (below).
//  - A block is a run of non-blank, non-junk lines.
//  - Code is never a heading: lines between ``` or ~~~ fences, and blocks indented four or more
//    columns beyond the body text, unless they read as prose (a quotation). Code keeps its lines
//    and indentation and is marked as code.
//
// Heading candidates: a line, at most 100 code points and 12 words, with a letter, that is not
// a list item, a reference (URL, e-mail), a contents entry (dot leaders, a page number after a
// gap) or code-like (braces, '=', '$' ...), and does not end like a clause (. , ; : !), looking
// through closing quotes and brackets. A short question ("Where to put it?") may be a heading;
// a numbered or label line ("1. Source Code.", "CHAPTER IV.") may end in '.' or ':'.
// Any casing will do; casing is evidence of level, not of headingness.
//
// Where a candidate is a heading
//  - Underlined: a line followed by an underline of one repeated character (=== --- ~~~ and the
//    other reStructuredText adornments), at least 3 long and half the line's length.
//  - Alone in its block (blank lines around it), when what follows is body text; a run of three
//    or more such lines with no text between is a list (a contents page, an address).
//  - Leading its block ("a heading followed directly by its lead paragraph"): one or two
//    candidates above a prose line that does not start in lowercase. When the candidate is
//    in sentence or lower case, the prose must also be clearly longer, so that the first line
//    of a wrapped paragraph is not taken for a heading.
//  - A block made only of candidates is a list, except two opening the file: a title and its
//    subtitle or byline ("GNU GENERAL PUBLIC LICENSE" + "Version 3, 29 June 2007").
//  - After a paragraph ending in ':', a short line is what the colon introduces, not a heading
//    (unless it is underlined, numbered or set in capitals).
//  - Where most headings carry an explicit cue (an underline, a section number, or column 0 in
//    a document whose body is indented), lines without one are text.
//
// Paragraphs
//  - Body lines are normally one paragraph, joined with '\n': hard-wrapped text.
//  - When body lines are paragraphs in themselves (text pasted from the web), each line is its
//    own paragraph, and a candidate line among them set in Title Case, capitals or numbered is
//    a heading. That is decided from the non-candidate lines: their median length is over 200
//    code points (no hard-wrapped text is that wide), or over 100 with every one ending a
//    sentence.
//
// Title: the first heading, when no paragraph comes before it and it is not numbered, a label
// ("CHAPTER I" opens a body) or a conventional section name ("Introduction"). Otherwise the
// title is the file stem and no heading has level 1.
//
// Levels: see heading_levels.h. A heading's style is its underline, its label, or its casing
// (ALL CAPS, or mixed), with "+lead" when text follows it directly and "@in" when indented.
#include "parse/text_parser.h"

#include "parse/heading_levels.h"
#include "parse/line_reader.h"
#include "parse/line_shape.h"
#include "parse/parser.h"
#include "util/ascii.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>
#include <vector>

namespace kosh {

namespace {

constexpr std::size_t k_max_heading_length = 100; // code points
constexpr int k_max_heading_words = 16;
constexpr int k_max_plain_words = 9;            // for a heading in sentence or lower case
constexpr std::size_t k_unwrapped_length = 200; // wider than any hard-wrapped line
constexpr std::size_t k_long_sentence_line = 100;
constexpr int k_code_indent = 4; // columns beyond the body text that make a block code

/// How much a heading's own look says it is one; weaker ones need more support from context.
enum class Cue {
    explicit_mark, // underlined, numbered, or outdented from an indented body
    strong,        // ALL CAPS or a label ("CHAPTER IV")
    title,         // Title Case
    weak,          // sentence or lower case: only where it stands
};

bool is_candidate(const LineShape& shape)
{
    if (!(shape.has_letter || shape.version) || shape.bullet || shape.url || shape.leader || shape.columns ||
        shape.fence || shape.bracketed || (shape.field && shape.number_depth == 0) || shape.timed || shape.caption ||
        shape.length > k_max_heading_length || shape.words > k_max_heading_words) {
        return false;
    }
    // Code-like marks rule a line out, except after a section number ("2.1 Grid.resize(w, h)")
    // or heading marker ("== Install").
    if (shape.code_marks && shape.number_depth == 0 && shape.marker_depth == 0) {
        return false;
    }
    if (!shape.label.empty()) {
        return !shape.ends_clause() || shape.last_mark == '.' || shape.last_mark == ':';
    }
    if (shape.longest_word < 3 && shape.number_depth == 0 && shape.label.empty() && !shape.version) {
        return false; // "or", "Go": a word of a sentence, not a name
    }
    if (shape.last_mark == '?') {
        // A question may name a section; a quoted one is dialogue.
        return shape.words >= 2 && shape.first_mark != '"' && shape.first_mark != 0x201C;
    }
    return !shape.ends_clause();
}

/// A numbered Title Case line alone in its block may end in '.', the style of legal texts
/// ("1. Source Code."); inside a block that would be a list item.
bool is_standalone_candidate(const LineShape& shape)
{
    if (is_candidate(shape)) {
        return true;
    }
    return shape.number_depth > 0 && shape.last_mark == '.' && shape.casing == Casing::title && !shape.url &&
           !shape.columns && shape.length <= k_max_heading_length && shape.words <= k_max_heading_words;
}

/// A line in capitals set in the middle of the page ("\t\t\tTHE GNU MP LIBRARY"): a heading,
/// where a line indented like code would be code.
bool is_centred_caps(const LineShape& shape)
{
    const int middle = shape.indent + static_cast<int>(shape.length / 2);
    return shape.casing == Casing::caps && shape.indent >= 10 && middle >= 25 && middle <= 50;
}

/// A line that says its text is a heading by its casing or numbering, not only by where it stands.
bool is_marked(const LineShape& shape)
{
    return shape.casing == Casing::title || shape.casing == Casing::caps || shape.number_depth > 0 ||
           !shape.label.empty();
}

/// Text that reads as a sentence rather than a name: what may follow a heading in its block.
/// A line starting in lowercase continues the line above, which so was not a heading, unless
/// that line is set in capitals or numbered ("SEE ALSO" above "sed(1), head(1)").
bool is_prose(const LineShape& shape, const LineShape& above)
{
    const bool continues = shape.starts_lowercase() && above.casing != Casing::caps && above.number_depth == 0;
    return !continues && !shape.bullet && (shape.words >= 4 || shape.ends_clause());
}

bool is_underlined_heading(const LineShape& text, const LineShape& underline)
{
    if (!(text.has_letter || text.version) || text.bullet || text.length > k_max_heading_length) {
        return false;
    }
    const bool clause =
        text.last_mark == '.' || text.last_mark == ',' || text.last_mark == ';' || text.last_mark == ':';
    return !clause && underline.length >= std::max<std::size_t>(3, text.length / 2);
}

/// One thing the scan found, in source order: a heading candidate or a paragraph.
struct Item {
    bool heading = false;
    HeadingCue cue; // when a heading
    Cue strength = Cue::weak;
    Cue strength_unnumbered = Cue::weak; // what its look says without its section number
    bool acronym = false;                // its text is one short word in capitals
    bool dated = false;                  // its text holds a full date
    bool uncased = false;                // its text has no cased letter (a version, a date)
    bool standalone = false;             // alone in its block
    Paragraph paragraph;                 // when a paragraph
    std::size_t line_index = 0;
};

class TextScanner {
public:
    explicit TextScanner(std::vector<Line> lines) : m_lines(std::move(lines))
    {
        m_shapes.reserve(m_lines.size());
        for (const Line& line : m_lines) {
            m_shapes.push_back(measure_line(line.text));
        }
        m_body_indent = body_indent();
        m_wrap_width = wrap_width();
    }

    void scan()
    {
        constexpr std::size_t k_none = static_cast<std::size_t>(-1);
        std::size_t block = k_none;
        const std::vector<std::size_t> closers = delimiter_closers();
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            const LineShape& shape = m_shapes[i];
            if (block == k_none && closers[i] != k_none && !is_overlined_title(i, closers[i])) {
                add_code(i + 1, closers[i]); // "----" ... "----": a delimited block of code
                i = closers[i];
                continue;
            }
            const bool underline = shape.adornment != 0 && shape.adornment != '`' && block != k_none &&
                                   i - block == 1 && !is_code_line(block, m_body_indent) &&
                                   is_underlined_heading(m_shapes[block], shape);
            if (underline) {
                const bool overlined = block > 0 && m_shapes[block - 1].adornment == shape.adornment;
                add_heading(block, block, std::string(overlined ? "o" : "u") + shape.adornment, Cue::explicit_mark,
                            true, false);
                block = k_none;
                continue;
            }
            if (shape.fence) {
                if (block != k_none) {
                    scan_block(block, i);
                    block = k_none;
                }
                i = scan_fenced_code(i);
                continue;
            }
            if (shape.has_alnum) {
                if (block == k_none) {
                    block = i;
                }
                continue;
            }
            // A one-line block over a table's rule is the table's header row: text.
            if (shape.table_rule && block != k_none && i - block == 1) {
                add_paragraph(block, block);
                block = k_none;
                continue;
            }
            // A blank or junk line ends the block; junk itself is never text.
            if (block != k_none) {
                scan_block(block, i);
                block = k_none;
            }
        }
        if (block != k_none) {
            scan_block(block, m_lines.size());
        }
    }

    std::vector<Item>& items() { return m_items; }

private:
    /// The indentation of most prose lines: headings to the left of it are marked by that.
    int body_indent() const
    {
        std::vector<int> counts(17, 0);
        for (const LineShape& shape : m_shapes) {
            if (shape.words >= 6 && !shape.fence) {
                ++counts[static_cast<std::size_t>(std::min(shape.indent, 16))];
            }
        }
        return static_cast<int>(std::max_element(counts.begin(), counts.end()) - counts.begin());
    }

    /// The width hard-wrapped prose is filled to: the length that nine in ten lines of six words
    /// or more stay within (huge for text with one paragraph per line).
    std::size_t wrap_width() const
    {
        std::vector<std::size_t> lengths;
        for (const LineShape& shape : m_shapes) {
            if (shape.words >= 6) {
                lengths.push_back(shape.length);
            }
        }
        if (lengths.empty()) {
            return 0;
        }
        const auto at = lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() * 9 / 10);
        std::nth_element(lengths.begin(), at, lengths.end());
        return *at;
    }

    bool candidate(std::size_t i) const { return m_shapes[i].indent <= m_body_indent && is_candidate(m_shapes[i]); }

    bool is_code_line(std::size_t i, int base_indent) const
    {
        return m_shapes[i].indent >= base_indent + k_code_indent;
    }

    /// For each line that opens a delimited block (a rule of four or more of one character after
    /// a blank line, as in AsciiDoc's "----" listings), the index of the identical line that
    /// closes it; k_none elsewhere. One backward pass, so any number of rules costs linear time.
    std::vector<std::size_t> delimiter_closers() const
    {
        constexpr std::size_t k_none = static_cast<std::size_t>(-1);
        std::vector<std::size_t> closers(m_lines.size(), k_none);
        std::map<std::string_view, std::size_t> next_same; // rule text -> its next occurrence
        for (std::size_t i = m_lines.size(); i-- > 0;) {
            const LineShape& shape = m_shapes[i];
            if (shape.adornment == 0 || shape.text.size() < 4) {
                continue;
            }
            const bool opens = i == 0 || m_shapes[i - 1].text.empty();
            const auto found = next_same.find(shape.text);
            if (opens && found != next_same.end() && found->second > i + 1) {
                closers[i] = found->second;
            }
            next_same[shape.text] = i;
        }
        return closers;
    }

    /// "=====" "Title" "=====": an over- and underlined heading rather than a one-line block,
    /// when the rules cover the title (as reStructuredText requires) without running far past
    /// it, and the line is not a command or code.
    bool is_overlined_title(std::size_t open, std::size_t close) const
    {
        if (close != open + 2) {
            return false;
        }
        const LineShape& title = m_shapes[open + 1];
        const std::size_t rule = m_shapes[open].length;
        return title.first_mark != '$' && !title.code_marks && rule >= title.length && rule <= title.length + 8 &&
               is_underlined_heading(title, m_shapes[close]);
    }

    /// Lines from the fence at `open` to its closing fence (or the end): one code paragraph.
    /// Returns the index of the closing fence.
    std::size_t scan_fenced_code(std::size_t open)
    {
        std::size_t close = open + 1;
        while (close < m_lines.size() && !m_shapes[close].fence) {
            ++close;
        }
        if (close > open + 1) {
            add_code(open + 1, close);
        }
        return close;
    }

    /// Lines [first, end) of one block.
    void scan_block(std::size_t first, std::size_t end)
    {
        if (end - first == 1 && (m_items.empty() || is_centred_caps(m_shapes[first]))) {
            scan_text(first, end); // a centred title or heading in capitals, not code
            return;
        }
        // Indented runs inside the block (or all of it) that do not read as prose are code.
        const int base = std::min(m_body_indent, m_shapes[first].indent);
        std::size_t start = first;
        for (std::size_t i = first; i < end;) {
            if (!is_code_line(i, base)) {
                ++i;
                continue;
            }
            std::size_t run_end = i;
            while (run_end < end && is_code_line(run_end, base)) {
                ++run_end;
            }
            if (reads_as_prose(i, run_end)) {
                i = run_end;
                continue;
            }
            if (start < i) {
                scan_text(start, i);
            }
            add_code(i, run_end);
            start = i = run_end;
        }
        if (start < end) {
            scan_text(start, end);
        }
    }

    /// True when most lines of [first, end) are wordy and code-free: a quotation, not code.
    bool reads_as_prose(std::size_t first, std::size_t end) const
    {
        std::size_t prose = 0;
        for (std::size_t i = first; i < end; ++i) {
            const LineShape& shape = m_shapes[i];
            prose += (shape.words >= 4 && !shape.code_marks && shape.first_mark != '$') ? 1 : 0;
        }
        return prose * 2 > end - first;
    }

    /// Lines [first, end) of a block, code removed.
    void scan_text(std::size_t first, std::size_t end)
    {
        // Heading lines at the top of a block: the first may be set any way, further ones must be
        // marked (Title Case, capitals, numbered), or any unpunctuated line of prose would count.
        std::size_t leading = 0;
        while (first + leading < end && candidate(first + leading) &&
               (leading == 0 || is_marked(m_shapes[first + leading]))) {
            ++leading;
        }
        const bool label_pair = leading >= 2 && !m_shapes[first].label.empty();
        if (end - first == 1) {
            // A title may be centred, and so may headings in capitals; other headings sit no
            // deeper than the body text.
            const bool placed =
                m_shapes[first].indent <= m_body_indent || m_items.empty() || is_centred_caps(m_shapes[first]);
            // A title may also exclaim ("Read the Papers!"); elsewhere that is a phrase.
            const bool exclaimed_title = m_items.empty() && m_shapes[first].last_mark == '!' &&
                                         m_shapes[first].words >= 2 && m_shapes[first].has_letter;
            if (placed && (is_standalone_candidate(m_shapes[first]) || exclaimed_title)) {
                add_heading(first, first, {}, cue_of(first), true, false);
            } else {
                add_paragraph(first, first);
            }
            return;
        }
        if (first + leading == end) {
            if (leading == 2 && label_pair) {
                add_heading(first, first + 1, {}, Cue::strong, true, false);
            } else if (leading == 2 && m_items.empty()) {
                add_heading(first, first, {}, cue_of(first), true, false); // a title and its subtitle or byline
                add_paragraph(first + 1, first + 1);
            } else {
                add_paragraph(first, end - 1); // a run of short title-like lines is a list
            }
            return;
        }

        const bool rest_per_line = lines_are_paragraphs(first + leading, end);
        if (!leads_its_text(first, leading, end, rest_per_line)) {
            scan_body(first, end, lines_are_paragraphs(first, end));
            return;
        }
        const bool same_indent = m_shapes[first + leading].indent == m_shapes[first].indent;
        if (leading == 2 && label_pair) {
            add_heading(first, first + 1, {}, Cue::strong, false, same_indent);
        } else {
            for (std::size_t i = first; i < first + leading; ++i) {
                add_heading(i, i, {}, cue_of(i), false, same_indent && i + 1 == first + leading);
            }
        }
        scan_body(first + leading, end, rest_per_line);
    }

    /// Whether the `leading` candidates at the top of block [first, end) head the text below them.
    bool leads_its_text(std::size_t first, std::size_t leading, std::size_t end, bool rest_per_line) const
    {
        if (leading == 0 || !is_prose(m_shapes[first + leading], m_shapes[first + leading - 1]) ||
            (leading > 2 && !rest_per_line)) {
            return false;
        }
        const LineShape& next = m_shapes[first + leading];
        if (m_shapes[first + leading].indent > m_shapes[first].indent) {
            return true; // "NAME" above an indented body, as in manual pages
        }
        // The first line of a wrapped paragraph fills the width; a heading above its text is short.
        std::size_t widest = m_wrap_width;
        for (std::size_t i = first + leading; i < end; ++i) {
            widest = std::max(widest, m_shapes[i].length);
        }
        for (std::size_t i = first; i < first + leading; ++i) {
            if (!is_marked(m_shapes[i]) && !(rest_per_line || m_shapes[i].length * 5 <= widest * 3)) {
                return false;
            }
        }
        (void)next;
        return true;
    }

    void scan_body(std::size_t first, std::size_t end, bool per_line)
    {
        if (!per_line) {
            add_paragraph(first, end - 1);
            return;
        }
        for (std::size_t i = first; i < end; ++i) {
            if (candidate(i) && is_marked(m_shapes[i])) {
                add_heading(i, i, {}, cue_of(i), false, i + 1 < end);
            } else {
                add_paragraph(i, i);
            }
        }
    }

    /// True when each line of [first, end) is a paragraph of its own rather than a wrapped line.
    bool lines_are_paragraphs(std::size_t first, std::size_t end) const
    {
        std::vector<std::size_t> lengths;
        bool all_sentences = true;
        for (std::size_t i = first; i < end; ++i) {
            if (!candidate(i)) {
                lengths.push_back(m_shapes[i].length);
                all_sentences = all_sentences && m_shapes[i].ends_sentence();
            }
        }
        if (lengths.empty()) {
            return false;
        }
        const auto middle = lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() / 2);
        std::nth_element(lengths.begin(), middle, lengths.end());
        return *middle > k_unwrapped_length || (all_sentences && *middle > k_long_sentence_line);
    }

    Cue cue_of(std::size_t i) const
    {
        return m_shapes[i].number_depth > 0 || m_shapes[i].marker_depth > 0 ? Cue::explicit_mark
                                                                            : cue_without_number(i);
    }

    Cue cue_without_number(std::size_t i) const
    {
        const LineShape& shape = m_shapes[i];
        if ((m_body_indent >= 2 && shape.indent == 0) || shape.marker_depth > 0) {
            return Cue::explicit_mark;
        }
        if (shape.casing == Casing::caps || !shape.label.empty()) {
            return Cue::strong;
        }
        return shape.casing == Casing::title ? Cue::title : Cue::weak;
    }

    /// A heading from line `first` (and `second`, for a two-line label heading).
    void add_heading(std::size_t first, std::size_t second, std::string adorned_style, Cue strength, bool standalone,
                     bool lead)
    {
        const LineShape& shape = m_shapes[first];
        const bool adorned = !adorned_style.empty();
        Item item;
        item.heading = true;
        item.strength = strength;
        item.strength_unnumbered = strength == Cue::explicit_mark && !adorned ? cue_without_number(first) : strength;
        item.standalone = standalone;
        item.acronym = shape.acronym && shape.casing == Casing::caps;
        item.dated = shape.dated;
        item.uncased = shape.casing == Casing::none;
        item.line_index = first;
        HeadingCue& heading = item.cue;
        heading.text = std::string(shape.text);
        if (shape.marker_depth > 0) {
            heading.text = std::string(trim(shape.text.substr(static_cast<std::size_t>(shape.marker_depth))));
            heading.marker_depth = shape.marker_depth;
        }
        if (second != first) {
            const bool punctuated = shape.last_mark == '.' || shape.last_mark == ':';
            heading.text += punctuated ? " " : ": ";
            heading.text += m_shapes[second].text;
        }
        heading.line = m_lines[first].number;
        heading.numbers = shape.numbers;
        heading.words = shape.words;
        heading.lead = lead && !adorned;
        heading.label = !shape.label.empty();
        heading.label_number = shape.label_number;
        if (!adorned_style.empty()) {
            heading.style = std::move(adorned_style);
        } else if (heading.label) {
            heading.style = "label:" + shape.label;
        } else {
            heading.style = shape.casing == Casing::caps ? "caps" : "mixed";
        }
        if (shape.indent > 0 && shape.indent >= m_body_indent) {
            heading.style += "@in";
        }
        m_items.push_back(std::move(item));
    }

    void add_paragraph(std::size_t first, std::size_t last)
    {
        Item item;
        item.paragraph = paragraph_from_lines(m_lines, first, last);
        item.line_index = first;
        m_items.push_back(std::move(item));
    }

    /// Lines [first, end) as one code paragraph, without the indentation they share.
    void add_code(std::size_t first, std::size_t end)
    {
        int shared = m_shapes[first].indent;
        for (std::size_t i = first; i < end; ++i) {
            if (!m_shapes[i].text.empty()) {
                shared = std::min(shared, m_shapes[i].indent);
            }
        }
        while (end > first + 1 && m_shapes[end - 1].text.empty()) {
            --end;
        }
        Item item;
        item.line_index = first;
        Paragraph& paragraph = item.paragraph;
        for (std::size_t i = first; i < end; ++i) {
            if (i > first) {
                paragraph.text += '\n';
            }
            paragraph.text += without_indent(m_lines[i].text, shared);
        }
        if (paragraph.text.find_first_not_of(" \t\n") == std::string::npos) {
            return; // a fence around nothing, or blank lines: no code to keep
        }
        paragraph.first_line = m_lines[first].number;
        paragraph.last_line = m_lines[end - 1].number;
        paragraph.code.push_back({0, paragraph.text.size()});
        m_items.push_back(std::move(item));
    }

    /// `line` without its first `columns` columns of indentation (tabs expanded as in measure_line).
    static std::string without_indent(std::string_view line, int columns)
    {
        int seen = 0;
        std::size_t pos = 0;
        while (pos < line.size() && seen < columns && (line[pos] == ' ' || line[pos] == '\t')) {
            seen = line[pos] == '\t' ? (seen / 8 + 1) * 8 : seen + 1;
            ++pos;
        }
        std::string out(static_cast<std::size_t>(std::max(0, seen - columns)), ' ');
        out += line.substr(pos);
        while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
            out.pop_back();
        }
        return out;
    }

    std::vector<Line> m_lines;
    std::vector<LineShape> m_shapes;
    std::vector<Item> m_items;
    int m_body_indent = 0;
    std::size_t m_wrap_width = 0;
};

bool ends_with_colon(const Paragraph& paragraph)
{
    std::string_view text = paragraph.text;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return !text.empty() && text.back() == ':';
}

/// Turns the heading item at `i` into a one-line paragraph.
void demote(std::vector<Item>& items, std::size_t i, const std::vector<Line>& lines)
{
    Item& item = items[i];
    item.heading = false;
    item.paragraph = paragraph_from_lines(lines, item.line_index, item.line_index);
}

/// Where the title heading would be: the first item, or the first heading after one or two
/// lines of front matter that are not sentences (a tagline, "Independent Submission  R. Smith")
/// when that heading is set more prominently than plain text. items.size() when there is none.
std::size_t title_position(const std::vector<Item>& items)
{
    std::size_t first = 0;
    while (first < items.size() && first < 2 && !items[first].heading) {
        const Paragraph& front = items[first].paragraph;
        if (front.first_line != front.last_line || front.text.size() > k_max_heading_length ||
            measure_line(front.text).ends_sentence()) {
            return items.size();
        }
        ++first;
    }
    if (first == items.size() || !items[first].heading) {
        return items.size();
    }
    return first == 0 || items[first].strength != Cue::weak ? first : items.size();
}

/// Whether text follows the heading at `i`, perhaps after more headings.
bool heads_text(const std::vector<Item>& items, std::size_t i)
{
    std::size_t next = i + 1;
    while (next < items.size() && items[next].heading) {
        ++next;
    }
    return next < items.size();
}

bool is_caption_word(std::string_view text)
{
    std::string word = ascii_lower(text);
    while (!word.empty() && (word.back() == ':' || word.back() == '.')) {
        word.pop_back();
    }
    constexpr std::array<std::string_view, 12> k_captions = {"example", "for example", "output",  "input",
                                                             "result",  "sample",      "listing", "code",
                                                             "note",    "tip",         "warning", "figure"};
    return std::find(k_captions.begin(), k_captions.end(), word) != k_captions.end();
}

/// The words of `text`, lowercased, split at spaces (punctuation stays on the words).
std::vector<std::string> lower_words(std::string_view text)
{
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && text[pos] == ' ') {
            ++pos;
        }
        const std::size_t start = pos;
        while (pos < text.size() && text[pos] != ' ') {
            ++pos;
        }
        if (pos > start) {
            words.push_back(ascii_lower(text.substr(start, pos - start)));
        }
    }
    return words;
}

/// A line in mixed case that is a sentence without its full stop, a credit or a field rather
/// than a name: "Do not remove anything stuck in a wound", "Spa treatments must be booked a
/// day ahead", "Designed by Hanne Lowther", "Judge: Mrs Justice Okafor", "Held: non-use alone".
bool reads_as_statement(std::string_view text)
{
    const std::vector<std::string> words = lower_words(text);
    if (words.size() < 2) {
        return false;
    }
    constexpr std::array<std::string_view, 7> k_questions = {"why", "how", "what", "when", "where", "who", "which"};
    if (std::find(k_questions.begin(), k_questions.end(), words[0]) != k_questions.end()) {
        return false; // "Why you should care" names a section
    }
    // A modal or a negation makes a sentence.
    constexpr std::array<std::string_view, 12> k_sentence_words = {
        "must", "should", "shall", "will", "cannot", "can't", "don't", "do", "never", "always", "please", "won't"};
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool modal =
            std::find(k_sentence_words.begin(), k_sentence_words.end(), words[i]) != k_sentence_words.end();
        if (modal && (words[i] != "do" || (i + 1 < words.size() && words[i + 1] == "not"))) {
            return true;
        }
    }
    // "Produced by ...", "Printed in Banff": a credit.
    const std::string& first = words[0];
    if (first.size() > 3 && first.ends_with("ed") && (words[1] == "by" || words[1] == "in")) {
        return true;
    }
    // One word before ": " and a value that is not a subtitle: lowercase, a list, a person.
    const std::size_t colon = text.find(": ");
    if (colon != std::string_view::npos && text.substr(0, colon).find(' ') == std::string_view::npos) {
        const std::string_view value = text.substr(colon + 2);
        const bool lowercase = !value.empty() && is_ascii_lower(value[0]);
        const bool listed = value.find(", ") != std::string_view::npos;
        const bool honorific = value.starts_with("Dr") || value.starts_with("Mr") || value.starts_with("Ms") ||
                               value.starts_with("Prof") || value.starts_with("Sir ");
        return lowercase || listed || honorific;
    }
    return false;
}

/// Title Case or sentence case: how a line in mixed case looks tells little about its rank.
bool is_unmarked(Cue strength)
{
    return strength == Cue::title || strength == Cue::weak;
}

/// "2.1" somewhere: a version or a section, which a release heading ("Version 2.1, 3 May 2020")
/// holds and a dateline does not.
bool has_point_number(std::string_view text)
{
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] == '.' && is_ascii_digit(text[i - 1]) && is_ascii_digit(text[i + 1])) {
            return true;
        }
    }
    return false;
}

bool is_contents_label(std::string_view text)
{
    std::string name = ascii_lower(text);
    while (!name.empty() && name.back() == ':') {
        name.pop_back();
    }
    return name == "contents" || name == "table of contents";
}

/// Where section numbers do not follow on from each other (years, versions), they are text.
void drop_inconsistent_numbers(std::vector<Item>& items, const std::vector<Line>& lines)
{
    std::vector<HeadingCue> numbered;
    for (const Item& item : items) {
        if (item.heading && !item.cue.numbers.empty()) {
            numbered.push_back(item.cue);
        }
    }
    if (numbered.empty()) {
        return;
    }
    if (numbering_is_consistent(numbered)) {
        // A number that does not follow on from the one before ("412 residents responded...")
        // opens a line of text, not a section.
        const std::vector<int>* previous = nullptr;
        std::vector<int> chapter; // "Chapter 3" numbers what follows it as 3.1, 3.2...
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].heading && items[i].cue.label && items[i].cue.label_number > 0) {
                chapter = {items[i].cue.label_number};
                previous = &chapter;
                continue;
            }
            if (!items[i].heading || items[i].cue.numbers.empty()) {
                continue;
            }
            const std::vector<int>& numbers = items[i].cue.numbers;
            // An appendix ("A.1") starts its own sequence.
            const bool appendix_starts = numbers.front() > 1000 && previous != nullptr &&
                                         numbers.front() != previous->front() &&
                                         std::all_of(numbers.begin() + 1, numbers.end(), [](int n) { return n <= 1; });
            // Under a chapter the numbers may also start again at 1.
            const bool restarts =
                previous == &chapter && std::all_of(numbers.begin(), numbers.end(), [](int n) { return n <= 1; });
            if (previous != nullptr && !appendix_starts && !restarts && !follows_on(*previous, numbers)) {
                demote(items, i, lines);
                continue;
            }
            previous = &items[i].cue.numbers;
        }
        return;
    }
    for (Item& item : items) {
        if (item.heading && !item.cue.numbers.empty()) {
            item.cue.numbers.clear();
            item.strength = item.strength_unnumbered;
        }
    }
}

/// A lone short word in capitals ("FAQ", "RENT") is set in capitals only where longer headings
/// are too; elsewhere it is a name, set like the document's other headings. A line with no
/// cased letter at all is set in capitals where other headings are.
void settle_acronyms(std::vector<Item>& items)
{
    const bool caps_headings = std::any_of(items.begin(), items.end(), [](const Item& item) {
        return item.heading && !item.acronym && item.cue.style.rfind("caps", 0) == 0;
    });
    for (Item& item : items) {
        if (!item.heading) {
            continue;
        }
        if (!caps_headings && item.acronym && item.cue.style.rfind("caps", 0) == 0) {
            item.cue.style.replace(0, 4, "mixed");
            item.strength = item.strength == Cue::strong ? Cue::title : item.strength;
        } else if (caps_headings && item.uncased && item.cue.style.rfind("mixed", 0) == 0) {
            // A line without cased letters ("[2.4.0] - 2024-11-02") fits the capitals around it.
            item.cue.style.replace(0, 5, "caps");
        }
    }
}

/// Section numbers on most headings, with subsections numbered too or few lines without a
/// number: then an unnumbered line is text, unless it names a conventional section or is a
/// short heading of the front or back matter ("Status of This Memo", "Credits"), before the
/// first numbered heading or after the last.
bool is_numbered_document(const std::vector<Item>& items)
{
    std::size_t numbered = 0;
    std::size_t unnumbered = 0;
    std::size_t deepest = 0;
    for (std::size_t i = 1; i < items.size(); ++i) {
        if (!items[i].heading) {
            continue;
        }
        const std::size_t depth = items[i].cue.numbers.size();
        (depth > 0 ? numbered : unnumbered) += 1;
        deepest = std::max(deepest, depth);
    }
    return numbered >= 3 && (deepest >= 2 || numbered >= 2 * unnumbered);
}

/// Lines that begin with the same label ("INTERVIEWER: ...", "Q: ...") are turns of a
/// conversation or fields of a form, not sections.
void demote_repeated_labels(std::vector<Item>& items, const std::vector<Line>& lines)
{
    std::map<std::string, int> uses;
    auto label_of = [](const Item& item) {
        const std::size_t colon = item.cue.text.find(": ");
        return colon == std::string::npos || !item.cue.numbers.empty() ? std::string()
                                                                       : ascii_lower(item.cue.text.substr(0, colon));
    };
    for (const Item& item : items) {
        if (item.heading) {
            ++uses[label_of(item)];
        }
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].heading && items[i].strength != Cue::explicit_mark) {
            const std::string label = label_of(items[i]);
            if (!label.empty() && uses[label] >= 2) {
                demote(items, i, lines);
            }
        }
    }
}

/// Applies the context rules: candidates that their surroundings show to be text are demoted.
void filter_headings(std::vector<Item>& items, const std::vector<Line>& lines)
{
    drop_inconsistent_numbers(items, lines);
    settle_acronyms(items);
    std::size_t explicit_count = 0;
    std::size_t other_count = 0;
    for (std::size_t i = 1; i < items.size(); ++i) { // the first may be a title, set any way
        if (items[i].heading) {
            const bool marked = items[i].strength == Cue::explicit_mark && items[i].cue.numbers.empty();
            (marked ? explicit_count : other_count) += 1;
        }
    }
    // Underlines or outdents on most headings: lines without one are text. (Numbered documents
    // keep unnumbered sections such as "Troubleshooting" or "References".)
    const bool explicit_document = explicit_count >= 3 || (explicit_count == 2 && other_count <= 2);
    const bool numbered_document = is_numbered_document(items);
    std::size_t first_numbered = items.size();
    std::size_t last_numbered = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].heading && !items[i].cue.numbers.empty()) {
            first_numbered = std::min(first_numbered, i);
            last_numbered = i;
        }
    }
    demote_repeated_labels(items, lines);

    // A tagline above the title ("A novel in five chapters") is not the title: the title under
    // it opens straight into the first section (a first section would have text).
    // A title over- and underlined in a style no section uses, under an unadorned line, is the
    // title whatever follows.
    const bool opens_section =
        items.size() >= 3 && items[2].heading && items[0].strength == Cue::weak && items[1].strength != Cue::weak;
    const bool overlined_below =
        items.size() >= 2 && items[0].strength != Cue::explicit_mark && items[1].cue.style[0] == 'o' &&
        std::none_of(items.begin() + 2, items.end(),
                     [&](const Item& item) { return item.heading && item.cue.style == items[1].cue.style; });
    if (items.size() >= 2 && items[0].heading && items[1].heading && items[0].standalone && items[1].standalone &&
        items[1].cue.numbers.empty() && items[1].cue.marker_depth == 0 && (opens_section || overlined_below)) {
        demote(items, 0, lines);
    }
    const std::size_t title = title_position(items);
    // A byline under the title ("by A. N. Author") above the first marked heading is text.
    if (title + 2 < items.size() && items[title + 1].heading && items[title + 1].standalone &&
        items[title + 1].strength == Cue::weak && items[title + 2].heading && items[title + 2].strength != Cue::weak) {
        demote(items, title + 1, lines);
    }

    // Runs of standalone unmarked candidates with no text between them are lists.
    for (std::size_t i = 0; i < items.size();) {
        std::size_t end = i;
        while (end < items.size() && items[end].heading && items[end].standalone && items[end].strength == Cue::weak) {
            ++end;
        }
        if (end - i >= 3) {
            for (std::size_t j = i; j < end; ++j) {
                demote(items, j, lines);
            }
        }
        i = std::max(end, i + 1);
    }

    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].heading) {
            continue;
        }
        const Item& item = items[i];
        if (is_contents_label(item.cue.text)) {
            demote(items, i, lines); // names the list below it, not a section
            continue;
        }
        if (i == title && !(item.standalone && item.strength == Cue::weak && !heads_text(items, i))) {
            continue; // the title may be set any way
        }
        const bool unmarked = item.strength == Cue::title || item.strength == Cue::weak;
        // Below the title, sentence case past nine words reads as a sentence without its stop.
        if (item.strength == Cue::weak && item.cue.words > k_max_plain_words && item.cue.text.back() != '?') {
            demote(items, i, lines);
            continue;
        }
        const bool top_name = is_top_level_name(item.cue.text);
        const bool front_or_back = numbered_document && item.standalone && item.cue.words <= 4 &&
                                   (i < first_numbered || i > last_numbered) && heads_text(items, i);
        if ((explicit_document || (numbered_document && !front_or_back)) && unmarked && !top_name &&
            item.cue.numbers.empty()) {
            demote(items, i, lines);
            continue;
        }
        if (!unmarked) {
            continue;
        }
        if (i > 0 && !items[i - 1].heading && ends_with_colon(items[i - 1].paragraph)) {
            demote(items, i, lines);
            continue;
        }
        // An unmarked line alone must head something: text must follow, perhaps after more headings.
        if (item.standalone && item.strength == Cue::weak && !heads_text(items, i)) {
            demote(items, i, lines);
            continue;
        }
        // A short line between a heading and a more marked heading is the first one's text
        // ("Week 7: Spring break" / "No classes" / "Weeks 8-10: ..."), and a label word over
        // code ("Example", "Output") captions it.
        const bool between = i > 0 && items[i - 1].heading && i + 1 < items.size() && items[i + 1].heading &&
                             item.strength == Cue::weak && items[i + 1].strength != Cue::weak;
        // A line that closes its section (a signature, an author under a poem) has text before
        // it and, after it, a heading in capitals, numbered or underlined while it is in mixed
        // case, so it can head nothing; nor can a
        // line set apart just before a heading that runs into its text (a section of the same
        // rank). And an unmarked line holding a date is a dateline.
        const bool next_heading = i + 1 < items.size() && items[i + 1].heading;
        const bool closes = item.standalone && !item.uncased && !top_name && !item.cue.label && i > 0 &&
                            !items[i - 1].heading && next_heading &&
                            ((is_unmarked(item.strength) && !is_unmarked(items[i + 1].strength)) ||
                             (items[i + 1].cue.lead && !item.cue.lead && items[i + 1].strength == item.strength));
        const bool dateline =
            item.dated && item.cue.numbers.empty() && !item.uncased && !has_point_number(item.cue.text);
        const bool statement = is_unmarked(item.strength) && reads_as_statement(item.cue.text);
        const bool caption = item.standalone && i + 1 < items.size() && !items[i + 1].heading &&
                             !items[i + 1].paragraph.code.empty() && is_caption_word(item.cue.text);
        if (between || caption || closes || dateline || statement) {
            demote(items, i, lines);
        }
    }

    // A heading directly followed by another opens it; one followed by a paragraph has text.
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
        items[i].cue.opens = items[i].heading && items[i + 1].heading;
        items[i].cue.has_text = items[i].heading && !items[i + 1].heading;
    }
}

/// Whether the first heading, items[title], names the document. A label ("Chapter 6: Soups")
/// does when no other heading has its keyword: a chapter printed on its own, not a book.
bool is_title(const std::vector<Item>& items, std::size_t title)
{
    const HeadingCue& heading = items[title].cue;
    if (!heading.numbers.empty() || heading.marker_depth > 1 || is_top_level_name(heading.text)) {
        return false;
    }
    if (!heading.label) {
        return true;
    }
    const std::string keyword = heading.style;
    return std::none_of(items.begin() + static_cast<std::ptrdiff_t>(title) + 1, items.end(),
                        [&keyword](const Item& item) { return item.heading && item.cue.style == keyword; });
}

} // namespace

Document parse_plain_text(std::string_view text, std::string path)
{
    const std::vector<Line> lines = split_lines(text);
    TextScanner scanner(lines);
    scanner.scan();
    std::vector<Item>& items = scanner.items();
    filter_headings(items, lines);

    Document document;
    document.path = std::move(path);
    const std::size_t title = title_position(items);
    const bool titled = title < items.size() && is_title(items, title);
    document.title = titled ? items[title].cue.text : file_stem(document.path);
    std::vector<HeadingCue> found;
    for (Item& item : items) {
        if (item.heading) {
            found.push_back(std::move(item.cue));
        } else {
            document.paragraphs.push_back(std::move(item.paragraph));
        }
    }

    const std::vector<int> levels = heading_levels(found, titled ? 1 : 0);
    for (std::size_t i = 0; i < found.size(); ++i) {
        document.headings.push_back({std::move(found[i].text), levels[i], found[i].line});
    }
    assign_sections(document);
    return document;
}

} // namespace kosh
