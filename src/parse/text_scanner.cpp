// Reads plain text into heading candidates and paragraphs: blocks, code, underlines, and the
// lines that may head a block (the rules are listed at the top of text_parser.cpp).
#include "parse/text_scanner.h"

#include "parse/line_shape.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

namespace kosh::plain_text {

namespace {

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

} // namespace

std::vector<Item> scan_items(const std::vector<Line>& lines)
{
    TextScanner scanner(lines);
    scanner.scan();
    return std::move(scanner.items());
}

} // namespace kosh::plain_text
