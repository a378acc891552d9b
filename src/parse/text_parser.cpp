// Turns a plain-text file into a Document by guessing its headings and paragraphs from layout.
//
// Plain text has no markup, so structure is inferred from how lines look. The rules are general
// layout conventions (manuals, RFC-style numbered papers, Project Gutenberg books, articles
// pasted from the web); none of them names a particular document.
//
// Lines and blocks
//  - A UTF-8 BOM is dropped; LF, CRLF and lone CR all end a line (see line_reader.h).
//  - A line with no letter or digit ("*/", "***", "-----") is junk: it is dropped and, like a
//    blank line, ends the current block. The one exception is an underline (below).
//  - A block is a run of non-blank, non-junk lines.
//
// Heading candidates: a line that
//  - has a letter, is at most 100 characters and 12 words, is not a list item ("- x") and
//    holds no URL;
//  - does not end in . ! ? ; , : (closing quotes and brackets are looked through, so
//    "(1956)" is fine and "(see above.)" is not);
//  - looks like a title: its first word is capitalised and at least 3/4 of its words of four or
//    more letters are too (short function words like "into", "with", "between" may stay
//    lowercase), or it is ALL CAPS, or it is numbered ("2.3 Getting started") with a
//    capitalised first word, or it is a label such as "CHAPTER IV." / "Part Two:" (which may
//    end in '.' or ':').
//  - Alone in its block, a numbered Title Case line may end in '.' ("1. Source Code."), the
//    style of legal texts.
//  - A line followed by an underline of one repeated character (=== --- ~~~ and the other
//    reStructuredText adornments), at least 3 long and half the line's length, is a heading
//    whatever its capitalisation, unless it ends like a clause (. , ; :). An identical line
//    above it (an overline) makes a distinct style, as in reStructuredText.
//
// Headings within blocks
//  - A candidate standing alone as a block is a heading.
//  - One or two leading candidates followed by a prose line (not a candidate, not starting in
//    lowercase, and four or more words or ending like a clause) are headings and the rest of
//    the block is body. Two label lines such as "CHAPTER I." + "Down the Rabbit-Hole" merge
//    into one heading.
//  - A block of exactly two candidates opening the file is a title and its subtitle or byline
//    ("GNU GENERAL PUBLIC LICENSE" + "Version 3, 29 June 2007"): heading, then paragraph.
//  - Any other block made only of candidates is a list (a table of contents, an address), so
//    it is body text.
//
// Paragraphs
//  - Body lines are normally one paragraph, joined with '\n': hard-wrapped text.
//  - When body lines are paragraphs in themselves (text pasted from the web, or written without
//    wrapping), each line is its own paragraph, and a candidate line among them is a heading.
//    That is decided from the non-candidate lines: their median length is over 200 characters
//    (no hard-wrapped text is that wide), or over 100 with every one ending a sentence.
//
// Title
//  - The first heading is the title (level 1) when no paragraph comes before it and it is not
//    numbered, a label ("CHAPTER I" opens a body, it does not name the book) or a conventional
//    section name ("Introduction"). Otherwise the title is the file stem and no heading has
//    level 1.
//
// Levels of the other headings, strongest signal first
//  1. Numbering: "1." is level 2, "1.2" level 3, "2.3.1" level 4, even with no "2.1" above.
//  2. Conventional top-level section names (Introduction, Conclusion, Summary, References,
//     Appendix ..., see k_top_level_names) are level 2, and close any open group.
//  3. Otherwise each heading has a style: its underline character (and overline), a label
//     keyword, ALL CAPS, or Title Case. Styles rank by strength: underlined styles first, in
//     order of first appearance as in reStructuredText, then labels, ALL CAPS, Title Case.
//     The strongest style in use is level 2, the next level 3, and so on; but a heading is
//     never more than one level below the heading it sits under, so a Title Case "Preamble"
//     before the first ALL CAPS section is still level 2.
//  4. Title Case and ALL CAPS headings can also nest within their own style, because web
//     articles mark sections and subsections alike. A heading opens a group (a parent) when the
//     next heading has the same style and more paragraphs under it than it has, and it either
//     has no paragraphs of its own or has a single introductory paragraph and a
//     "Title: Subtitle" form. Later headings of that style are its children (one level deeper)
//     until the next parent, a conventional section, or a heading of a stronger style.
#include "parse/text_parser.h"

#include "parse/line_reader.h"
#include "parse/parser.h"
#include "util/ascii.h"
#include "util/utf8.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace kosh {

namespace {

constexpr std::size_t k_max_heading_length = 100; // code points
constexpr int k_max_heading_words = 12;
constexpr std::size_t k_unwrapped_length = 200; // wider than any hard-wrapped line
constexpr std::size_t k_long_sentence_line = 100;

/// Words of four or more letters that a title may leave lowercase ("Beyond", "Between" too).
constexpr std::array<std::string_view, 33> k_small_words = {
    "about",   "above",   "across",  "after",   "against", "along", "among",  "around", "before", "behind", "below",
    "beneath", "beside",  "between", "beyond",  "during",  "from",  "inside", "into",   "onto",   "over",   "than",
    "that",    "through", "toward",  "towards", "under",   "unto",  "upon",   "versus", "with",   "within", "without",
};

/// Section names that by convention sit directly below the title, whatever their styling.
constexpr std::array<std::string_view, 34> k_top_level_names = {
    "abstract",
    "introduction",
    "overview",
    "background",
    "summary",
    "executive summary",
    "conclusion",
    "conclusions",
    "concluding remarks",
    "final thoughts",
    "discussion",
    "references",
    "bibliography",
    "works cited",
    "sources",
    "further reading",
    "see also",
    "external links",
    "notes",
    "footnotes",
    "acknowledgements",
    "acknowledgments",
    "acknowledgement",
    "acknowledgment",
    "preface",
    "foreword",
    "prologue",
    "epilogue",
    "afterword",
    "contents",
    "table of contents",
    "glossary",
    "index",
    "about the author",
};

/// First words that make "CHAPTER IV" or "Part Two" a label heading.
constexpr std::array<std::string_view, 8> k_label_words = {"chapter", "part", "book",  "section",
                                                           "volume",  "act",  "scene", "canto"};
constexpr std::array<std::string_view, 30> k_number_words = {
    "one",    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",     "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "first",  "second", "third",    "fourth",   "fifth",   "sixth",   "seventh",   "eighth",   "ninth",    "tenth",
};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word)
{
    return std::find(list.begin(), list.end(), word) != list.end();
}

utf8proc_category_t category_of(std::int32_t cp)
{
    return cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
}

bool is_letter(utf8proc_category_t category)
{
    return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

bool is_number(utf8proc_category_t category)
{
    return category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO;
}

/// White space within a line, Unicode's included: unlike is_ascii_space, no line breaks.
bool is_blank(std::int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || category_of(cp) == UTF8PROC_CATEGORY_ZS;
}

/// Closing quotes and brackets, looked through when asking how a line ends.
bool is_closer(std::int32_t cp)
{
    return cp == ')' || cp == ']' || cp == '}' || cp == '"' || cp == '\'' || cp == 0x2019 || cp == 0x201D ||
           cp == 0xBB || cp == 0x203A;
}

bool is_clause_end(std::int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == ',' || cp == ':' || cp == 0x2026 || cp == 0x3002 ||
           cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0xFF0C || cp == 0xFF1A;
}

bool is_sentence_end(std::int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

/// What one line looks like, measured once so that each rule below is a cheap test.
struct LineShape {
    std::string_view text;  // without surrounding whitespace
    std::size_t length = 0; // in code points
    int words = 0;
    bool has_letter = false;
    bool has_alnum = false;  // false for junk like "*/" or "-----"
    bool all_caps = false;   // two or more capitals and no lowercase letter
    bool title_case = false; // first word and most long words capitalised
    bool first_capitalised = false;
    std::int32_t last_mark = 0;    // last visible code point, looking through closing quotes
    bool bullet = false;           // "- item", "* item", "• item"
    char adornment = 0;            // the character of a "=====" style line, else 0
    int number_depth = 0;          // "2.3.1 Foo" -> 3
    std::string label;             // "chapter" for "CHAPTER IV."
    bool colon = false;            // "Main Title: Subtitle"
    bool url = false;              // holds "://" or "www.": a reference, not a name
    bool starts_lowercase = false; // "continues a sentence from the line above"

    bool ends_clause() const { return is_clause_end(last_mark); }
    bool ends_sentence() const { return is_sentence_end(last_mark); }
};

/// Per-word facts gathered while scanning a line.
struct WordState {
    int letters = 0;
    utf8proc_category_t first_letter = UTF8PROC_CATEGORY_CN;
    std::string lower; // ASCII letters, lowercased, kept only while short
};

char adornment_of(std::string_view text)
{
    constexpr std::string_view k_adornments = "=-~^*+#\"'`:._<>";
    if (text.size() < 3 || k_adornments.find(text[0]) == std::string_view::npos) {
        return 0;
    }
    for (const char c : text) {
        if (c != text[0]) {
            return 0;
        }
    }
    return text[0];
}

/// Depth of a leading section number: "1. Intro" -> 1, "2.3.1 Details" -> 3, "1956 Was" -> 0.
int number_depth_of(std::string_view text)
{
    std::size_t pos = 0;
    int depth = 0;
    while (true) {
        const std::size_t start = pos;
        while (pos < text.size() && pos - start < 4 && text[pos] >= '0' && text[pos] <= '9') {
            ++pos;
        }
        const std::size_t digits = pos - start;
        if (digits == 0 || digits > 3) {
            return 0; // four digits is a year, not a section number
        }
        ++depth;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            if (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                continue;
            }
        }
        break;
    }
    if (pos >= text.size() || (text[pos] != ' ' && text[pos] != '\t')) {
        return 0;
    }
    return depth;
}

bool is_roman_numeral(std::string_view word)
{
    return !word.empty() && word.find_first_not_of("IVXLCDM") == std::string_view::npos;
}

/// "chapter" for "CHAPTER IV.", "Part Two: The Return" and the like; empty otherwise.
std::string label_of(std::string_view text)
{
    const std::size_t space = text.find_first_of(" \t");
    if (space == std::string_view::npos) {
        return {};
    }
    const std::string keyword = ascii_lower(text.substr(0, space));
    if (!contains(k_label_words, keyword)) {
        return {};
    }
    std::string_view rest = trim(text.substr(space));
    std::string_view number = rest.substr(0, std::min(rest.find_first_of(" \t"), rest.size()));
    while (!number.empty() && (number.back() == '.' || number.back() == ':')) {
        number.remove_suffix(1);
    }
    const bool digits = !number.empty() && number.find_first_not_of("0123456789.") == std::string_view::npos;
    const bool letter = number.size() == 1 && is_ascii_upper(number[0]);
    if (digits || letter || is_roman_numeral(number) || contains(k_number_words, ascii_lower(number))) {
        return keyword;
    }
    return {};
}

bool is_bullet(std::int32_t first, std::string_view text, std::size_t first_size)
{
    const bool marker = first == '-' || first == '*' || first == '+' || first == '>' || first == 0x2022 ||
                        first == 0x00B7 || first == 0x2013 || first == 0x2014 || first == 0x25AA;
    return marker && first_size < text.size() && (text[first_size] == ' ' || text[first_size] == '\t');
}

LineShape measure(std::string_view raw)
{
    LineShape shape;
    shape.text = trim(raw);
    const std::string_view text = shape.text;
    if (text.empty()) {
        return shape;
    }
    shape.adornment = adornment_of(text);

    int uppercase = 0;
    int lowercase = 0;
    int significant = 0; // words of 4+ letters that are not small words
    int capitalised = 0;
    bool seen_first_word = false;
    bool first_word_ok = false;
    WordState word;
    bool in_word = false;
    auto end_word = [&]() {
        if (!in_word) {
            return;
        }
        in_word = false;
        ++shape.words;
        if (word.letters == 0) {
            return; // "(1956)" or "2.3" says nothing about capitalisation
        }
        const bool upper = word.first_letter != UTF8PROC_CATEGORY_LL; // uncased scripts pass
        if (!seen_first_word) {
            seen_first_word = true;
            first_word_ok = upper;
        }
        const bool small = word.letters < 4 || contains(k_small_words, word.lower);
        if (!small) {
            ++significant;
            capitalised += upper ? 1 : 0;
        }
    };

    std::int32_t first_cp = -2;
    std::size_t first_size = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint cp = decode_utf8(text, pos); // a stray byte counts as a symbol, one byte at a time
        if (first_cp == -2) {
            first_cp = cp.value;
            first_size = cp.size;
        }
        pos += cp.size;
        ++shape.length;
        if (is_blank(cp.value)) {
            end_word();
            continue;
        }
        if (!is_closer(cp.value)) {
            shape.last_mark = cp.value;
        }
        if (!in_word) {
            in_word = true;
            word = WordState{};
        }
        const utf8proc_category_t category = category_of(cp.value);
        if (is_letter(category)) {
            shape.has_letter = true;
            shape.has_alnum = true;
            if (word.letters == 0) {
                word.first_letter = category;
            }
            ++word.letters;
            if (word.lower.size() < 12 && cp.value < 0x80) {
                word.lower += ascii_lower(static_cast<char>(cp.value));
            }
            uppercase += (category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT) ? 1 : 0;
            lowercase += category == UTF8PROC_CATEGORY_LL ? 1 : 0;
        } else if (is_number(category)) {
            shape.has_alnum = true;
        } else if (cp.value == ':' && pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) {
            shape.colon = true;
        }
    }
    end_word();

    shape.bullet = is_bullet(first_cp, text, first_size);
    shape.starts_lowercase = category_of(first_cp) == UTF8PROC_CATEGORY_LL;
    shape.url = text.find("://") != std::string_view::npos || text.find("www.") != std::string_view::npos;
    shape.all_caps = uppercase >= 2 && lowercase == 0;
    shape.first_capitalised = first_word_ok;
    shape.title_case = first_word_ok && capitalised * 4 >= significant * 3;
    if (shape.length <= k_max_heading_length) {
        shape.number_depth = number_depth_of(text);
        shape.label = label_of(text);
    }
    return shape;
}

bool is_heading_candidate(const LineShape& shape)
{
    if (!shape.has_letter || shape.bullet || shape.url || shape.length > k_max_heading_length ||
        shape.words > k_max_heading_words) {
        return false;
    }
    if (!shape.label.empty()) {
        return !shape.ends_clause() || shape.last_mark == '.' || shape.last_mark == ':';
    }
    if (shape.ends_clause()) {
        return false;
    }
    if (shape.number_depth > 0) {
        return shape.first_capitalised;
    }
    return shape.title_case || shape.all_caps;
}

/// A line alone in its block may also be a numbered Title Case heading ending in '.', the
/// style of legal texts ("1. Source Code."); inside a block that would be a list item.
bool is_standalone_heading(const LineShape& shape)
{
    if (is_heading_candidate(shape)) {
        return true;
    }
    return shape.number_depth > 0 && shape.last_mark == '.' && shape.title_case && !shape.url &&
           shape.length <= k_max_heading_length && shape.words <= k_max_heading_words;
}

/// Text that reads as a sentence rather than a name: what may follow a heading in its block.
/// A line starting in lowercase continues the line above, which so was not a heading.
bool is_prose(const LineShape& shape)
{
    return !is_heading_candidate(shape) && !shape.starts_lowercase && (shape.words >= 4 || shape.ends_clause());
}

bool is_underlined_heading(const LineShape& text, const LineShape& underline)
{
    if (!text.has_letter || text.bullet || text.length > k_max_heading_length) {
        return false;
    }
    const bool clause =
        text.last_mark == '.' || text.last_mark == ',' || text.last_mark == ';' || text.last_mark == ':';
    return !clause && underline.length >= std::max<std::size_t>(3, text.length / 2);
}

bool is_top_level_name(std::string_view text)
{
    // Look past a number ("1. Introduction") and trailing punctuation ("Summary:").
    const std::size_t start = text.find_first_not_of("0123456789. \t");
    if (start == std::string_view::npos) {
        return false;
    }
    std::string name = ascii_lower(text.substr(start));
    while (!name.empty() && (name.back() == '.' || name.back() == ':')) {
        name.pop_back();
    }
    return contains(k_top_level_names, name) || name.rfind("appendix", 0) == 0;
}

/// A heading as found, before its level is known.
struct FoundHeading {
    std::string text;
    int line = 0;
    std::string style; // "u=" underlined, "o=" over- and underlined, "label:chapter", "caps", "title"
    int number_depth = 0;
    bool colon = false;
    bool top_level_name = false;
    bool label = false;
    bool before_body = false; // no paragraph comes before it
    int paragraphs_after = 0; // paragraphs between it and the next heading
};

class TextScanner {
public:
    explicit TextScanner(std::vector<Line> lines) : m_lines(std::move(lines))
    {
        m_shapes.reserve(m_lines.size());
        for (const Line& line : m_lines) {
            m_shapes.push_back(measure(line.text));
        }
    }

    void scan()
    {
        constexpr std::size_t k_none = static_cast<std::size_t>(-1);
        std::size_t block = k_none;
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            const LineShape& shape = m_shapes[i];
            if (shape.has_alnum) {
                if (block == k_none) {
                    block = i;
                }
                continue;
            }
            if (shape.adornment != 0 && block != k_none && i - block == 1 &&
                is_underlined_heading(m_shapes[block], shape)) {
                const bool overlined = block > 0 && m_shapes[block - 1].adornment == shape.adornment;
                add_heading(block, block, std::string(overlined ? "o" : "u") + shape.adornment);
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

    std::vector<FoundHeading>& headings() { return m_headings; }
    std::vector<Paragraph>& paragraphs() { return m_paragraphs; }

private:
    bool candidate(std::size_t i) const { return is_heading_candidate(m_shapes[i]); }

    /// Lines [first, end) of one block.
    void scan_block(std::size_t first, std::size_t end)
    {
        std::size_t leading = 0;
        while (first + leading < end && candidate(first + leading)) {
            ++leading;
        }
        const bool label_pair = leading >= 2 && !m_shapes[first].label.empty();
        if (end - first == 1 && is_standalone_heading(m_shapes[first])) {
            add_heading(first, first, {});
            return;
        }
        if (first + leading == end) {
            if (leading == 2 && label_pair) {
                add_heading(first, first + 1, {});
            } else if (leading == 2 && m_headings.empty() && m_paragraphs.empty()) {
                add_heading(first, first, {}); // a title and its subtitle or byline
                add_paragraph(first + 1, first + 1);
            } else {
                add_paragraph(first, end - 1); // a run of short title-like lines is a list
            }
            return;
        }

        const bool rest_per_line = lines_are_paragraphs(first + leading, end);
        const bool leading_headings =
            leading > 0 && is_prose(m_shapes[first + leading]) && (leading <= 2 || rest_per_line);
        if (!leading_headings) {
            scan_body(first, end, lines_are_paragraphs(first, end));
            return;
        }
        if (leading == 2 && label_pair) {
            add_heading(first, first + 1, {});
        } else {
            for (std::size_t i = first; i < first + leading; ++i) {
                add_heading(i, i, {});
            }
        }
        scan_body(first + leading, end, rest_per_line);
    }

    void scan_body(std::size_t first, std::size_t end, bool per_line)
    {
        if (!per_line) {
            add_paragraph(first, end - 1);
            return;
        }
        for (std::size_t i = first; i < end; ++i) {
            if (candidate(i)) {
                add_heading(i, i, {});
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

    /// A heading from line `first` (and `second`, for a two-line label heading).
    void add_heading(std::size_t first, std::size_t second, std::string adorned_style)
    {
        const LineShape& shape = m_shapes[first];
        FoundHeading heading;
        heading.text = std::string(shape.text);
        if (second != first) {
            const bool punctuated = shape.last_mark == '.' || shape.last_mark == ':';
            heading.text += punctuated ? " " : ": ";
            heading.text += m_shapes[second].text;
        }
        heading.line = m_lines[first].number;
        heading.number_depth = shape.number_depth;
        heading.label = !shape.label.empty();
        heading.colon = shape.colon;
        heading.top_level_name = is_top_level_name(shape.text);
        heading.before_body = m_paragraphs.empty();
        if (!adorned_style.empty()) {
            heading.style = std::move(adorned_style);
        } else if (heading.label) {
            heading.style = "label:" + shape.label;
        } else {
            heading.style = shape.all_caps ? "caps" : "title";
        }
        m_headings.push_back(std::move(heading));
    }

    void add_paragraph(std::size_t first, std::size_t last)
    {
        m_paragraphs.push_back(paragraph_from_lines(m_lines, first, last));
        if (!m_headings.empty()) {
            ++m_headings.back().paragraphs_after;
        }
    }

    std::vector<Line> m_lines;
    std::vector<LineShape> m_shapes;
    std::vector<FoundHeading> m_headings;
    std::vector<Paragraph> m_paragraphs;
};

bool is_title(const FoundHeading& heading)
{
    return heading.before_body && heading.number_depth == 0 && !heading.label && !heading.top_level_name;
}

/// Styles whose headings may nest within themselves (rule 4 at the top of this file).
bool can_nest(const FoundHeading& heading)
{
    return heading.number_depth == 0 && !heading.top_level_name &&
           (heading.style == "title" || heading.style == "caps");
}

/// How strongly a style marks a section, for ranking: explicit underlines first (in order of
/// appearance, as reStructuredText does), then labels ("CHAPTER I"), ALL CAPS, Title Case.
int style_strength(const std::string& style)
{
    if (style == "title") {
        return 3;
    }
    if (style == "caps") {
        return 2;
    }
    return style.rfind("label:", 0) == 0 ? 1 : 0;
}

/// Levels for headings[first..], following the rules at the top of this file.
std::vector<int> assign_levels(const std::vector<FoundHeading>& headings, std::size_t first)
{
    const std::size_t n = headings.size();
    std::vector<bool> parent(n, false);
    for (std::size_t i = first; i + 1 < n; ++i) {
        const FoundHeading& here = headings[i];
        const FoundHeading& next = headings[i + 1];
        if (!can_nest(here) || !can_nest(next) || here.style != next.style ||
            next.paragraphs_after <= here.paragraphs_after) {
            continue;
        }
        parent[i] = here.paragraphs_after == 0 || (here.paragraphs_after == 1 && here.colon);
    }

    // Rank the styles in use; a style with parents spans two levels.
    struct StyleRank {
        std::string style;
        int base = 2;
        bool nests = false;
        bool group_open = false;
    };
    std::vector<StyleRank> ranks;
    auto rank_of = [&ranks](const std::string& style) -> StyleRank* {
        for (StyleRank& rank : ranks) {
            if (rank.style == style) {
                return &rank;
            }
        }
        return nullptr;
    };
    for (std::size_t i = first; i < n; ++i) {
        if (headings[i].number_depth > 0 || headings[i].top_level_name) {
            continue;
        }
        StyleRank* rank = rank_of(headings[i].style);
        if (rank == nullptr) {
            ranks.push_back({headings[i].style});
            rank = &ranks.back();
        }
        rank->nests = rank->nests || parent[i];
    }
    std::stable_sort(ranks.begin(), ranks.end(), [](const StyleRank& a, const StyleRank& b) {
        return style_strength(a.style) < style_strength(b.style);
    });
    int next_base = 2;
    for (StyleRank& rank : ranks) {
        rank.base = next_base;
        next_base += rank.nests ? 2 : 1;
    }

    std::vector<int> levels(n, 1);
    std::vector<int> open; // levels of the headings enclosing the current position
    for (std::size_t i = first; i < n; ++i) {
        const FoundHeading& heading = headings[i];
        StyleRank* own = nullptr;
        int level = 2;
        if (heading.number_depth > 0) {
            level = 1 + heading.number_depth; // the number says the depth; trust it
        } else if (!heading.top_level_name) {
            own = rank_of(heading.style);
            const bool child = own->nests && own->group_open && !parent[i];
            level = own->base + (child ? 1 : 0);
            // A rank only orders styles; a Title Case "Preface" before the first ALL CAPS
            // section still sits directly below the title, not two levels down.
            while (!open.empty() && open.back() >= level) {
                open.pop_back();
            }
            level = std::min(level, (open.empty() ? 1 : open.back()) + 1);
        }
        while (!open.empty() && open.back() >= level) {
            open.pop_back();
        }
        open.push_back(level);
        levels[i] = level;

        // A heading closes the groups of every style ranked at or below its level.
        for (StyleRank& rank : ranks) {
            if (&rank != own && rank.base >= level) {
                rank.group_open = false;
            }
        }
        if (own != nullptr && parent[i]) {
            own->group_open = true;
        }
    }
    return levels;
}

} // namespace

Document parse_plain_text(std::string_view text, std::string path)
{
    TextScanner scanner(split_lines(text));
    scanner.scan();
    std::vector<FoundHeading>& found = scanner.headings();

    Document document;
    document.path = std::move(path);
    const bool titled = !found.empty() && is_title(found.front());
    document.title = titled ? found.front().text : file_stem(document.path);

    const std::vector<int> levels = assign_levels(found, titled ? 1 : 0);
    for (std::size_t i = 0; i < found.size(); ++i) {
        document.headings.push_back({std::move(found[i].text), levels[i], found[i].line});
    }
    document.paragraphs = std::move(scanner.paragraphs());
    assign_sections(document);
    return document;
}

} // namespace kosh
