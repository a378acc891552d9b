// What one line of plain text looks like: the measurements the plain-text reader decides from.
#include "parse/line_shape.h"

#include "parse/line_reader.h"
#include "util/ascii.h"
#include "util/utf8.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>

namespace kosh {

namespace {

/// Words of four or more letters that a title may leave lowercase ("Beyond", "Between" too).
constexpr std::array<std::string_view, 33> k_small_words = {
    "about",   "above",   "across",  "after",   "against", "along", "among",  "around", "before", "behind", "below",
    "beneath", "beside",  "between", "beyond",  "during",  "from",  "inside", "into",   "onto",   "over",   "than",
    "that",    "through", "toward",  "towards", "under",   "unto",  "upon",   "versus", "with",   "within", "without",
};

/// Section names that by convention sit directly below the title, whatever their styling.
constexpr std::array<std::string_view, 35> k_top_level_names = {
    "abstract",        "introduction",     "overview",
    "background",      "summary",          "executive summary",
    "conclusion",      "conclusions",      "concluding remarks",
    "final thoughts",  "discussion",       "references",
    "bibliography",    "works cited",      "sources",
    "further reading", "see also",         "external links",
    "notes",           "footnotes",        "acknowledgements",
    "acknowledgments", "acknowledgement",  "acknowledgment",
    "preface",         "foreword",         "prologue",
    "epilogue",        "afterword",        "glossary",
    "index",           "about the author", "credits",
    "contributors",    "authors",
};

/// First words that make "CHAPTER IV" or "Part Two" a label heading.
constexpr std::array<std::string_view, 8> k_label_words = {"chapter", "part", "book",  "section",
                                                           "volume",  "act",  "scene", "canto"};
constexpr std::array<std::string_view, 30> k_number_words = {
    "one",    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",     "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "first",  "second", "third",    "fourth",   "fifth",   "sixth",   "seventh",   "eighth",   "ninth",    "tenth",
};

/// Which ASCII characters a line holds, so tests for characters it lacks can be skipped.
class AsciiSeen {
public:
    void add(std::int32_t cp)
    {
        if (cp >= 0 && cp < 128) {
            m_bits[static_cast<std::size_t>(cp) / 64] |= std::uint64_t{1} << (static_cast<std::size_t>(cp) % 64);
        }
    }
    bool any(std::string_view characters) const
    {
        for (const char c : characters) {
            const auto index = static_cast<std::size_t>(static_cast<unsigned char>(c));
            if (index < 128 && (m_bits[index / 64] >> (index % 64) & 1U) != 0) {
                return true;
            }
        }
        return false;
    }

private:
    std::uint64_t m_bits[2] = {0, 0};
};

/// One of k_small_words; the length and first letter rule out most words before the list is read.
bool is_small_word(std::string_view word)
{
    if (word.size() < 4 || word.size() > 7 || !is_ascii_lower(word[0])) {
        return false;
    }
    constexpr std::string_view k_first_letters = "abdfiostuvw";
    if (k_first_letters.find(word[0]) == std::string_view::npos) {
        return false;
    }
    return std::find(k_small_words.begin(), k_small_words.end(), word) != k_small_words.end();
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word)
{
    return std::find(list.begin(), list.end(), word) != list.end();
}

utf8proc_category_t category_of(std::int32_t cp)
{
    // ASCII without the table lookup: nearly every character of most files.
    if (cp >= 0 && cp < 0x80) {
        const char c = static_cast<char>(cp);
        if (is_ascii_lower(c)) {
            return UTF8PROC_CATEGORY_LL;
        }
        if (is_ascii_upper(c)) {
            return UTF8PROC_CATEGORY_LU;
        }
        if (is_ascii_digit(c)) {
            return UTF8PROC_CATEGORY_ND;
        }
        return c == ' ' ? UTF8PROC_CATEGORY_ZS : UTF8PROC_CATEGORY_PO; // what matters: not a letter or digit
    }
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
bool is_blank_code_point(std::int32_t cp)
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

int indent_of(std::string_view raw)
{
    return static_cast<int>(measure_indent(raw, 8).columns);
}

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

bool is_roman_numeral(std::string_view word)
{
    return !word.empty() && word.find_first_not_of("IVXLCDM") == std::string_view::npos;
}

/// The keyword of "CHAPTER IV.", "Part Two: The Return" and the like, with its number when it is
/// written in digits; an empty keyword otherwise.
std::pair<std::string, int> label_of(std::string_view text)
{
    const std::size_t space = text.find_first_of(" \t");
    // Label words have three to seven letters: most first words are ruled out unread.
    if (space == std::string_view::npos || space < 3 || space > 7) {
        return {};
    }
    std::string keyword = ascii_lower(text.substr(0, space));
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
    if (!digits && !letter && !is_roman_numeral(number) && !contains(k_number_words, ascii_lower(number))) {
        return {};
    }
    int value = 0;
    for (std::size_t i = 0; digits && i < number.size() && is_ascii_digit(number[i]) && value < 10000; ++i) {
        value = value * 10 + (number[i] - '0');
    }
    return {std::move(keyword), value};
}

bool is_bullet(std::int32_t first, std::string_view text, std::size_t first_size)
{
    const bool marker = first == '-' || first == '*' || first == '+' || first == '>' || first == 0x2022 ||
                        first == 0x00B7 || first == 0x2013 || first == 0x2014 || first == 0x25AA;
    if (marker && first_size < text.size() && (text[first_size] == ' ' || text[first_size] == '\t')) {
        return true;
    }
    // "[1] Smith, J.", "[1]: Documentation/..." start an entry of a reference list.
    if (text.size() > 3 && text[0] == '[' && is_ascii_digit(text[1])) {
        std::size_t close = 1;
        while (close < text.size() && close < 5 && is_ascii_digit(text[close])) {
            ++close;
        }
        if (close + 1 < text.size() && text[close] == ']' &&
            (text[close + 1] == ' ' || text[close + 1] == ':' || text[close + 1] == '.')) {
            return true;
        }
    }
    // "1)" and "a)" enumerate a list; "1." is left to the section-number rules.
    std::size_t pos = 0;
    while (pos < text.size() && pos < 3 && (is_ascii_digit(text[pos]) || (pos == 0 && is_ascii_lower(text[pos])))) {
        ++pos;
    }
    return pos > 0 && pos + 1 < text.size() && text[pos] == ')' && text[pos + 1] == ' ';
}

/// Dot leaders ("Introduction ........ 3") or a page number after a wide gap: a contents line.
bool has_leader(std::string_view text)
{
    if (text.find("....") != std::string_view::npos || text.find(". . .") != std::string_view::npos) {
        return true;
    }
    std::size_t end = text.size();
    while (end > 0 && is_ascii_digit(text[end - 1])) {
        --end;
    }
    return end < text.size() && end >= 3 && text.substr(end - 3, 3) == "   ";
}

/// A run of three spaces, or two runs of two, between words: columns of a table.
bool has_columns(std::string_view text)
{
    int double_gaps = 0;
    for (std::size_t pos = text.find("  "); pos != std::string_view::npos; pos = text.find("  ", pos)) {
        std::size_t end = pos;
        while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) {
            ++end;
        }
        if (end - pos >= 3) {
            return true;
        }
        ++double_gaps;
        pos = end;
    }
    return double_gaps >= 2 || text.find('\t') != std::string_view::npos;
}

bool has_code_marks(std::string_view text)
{
    if (text.find_first_of("{};=<>$\\|") != std::string_view::npos || text.find("()") != std::string_view::npos) {
        return true;
    }
    // A command-line option: " --name".
    for (std::size_t pos = text.find(" --"); pos != std::string_view::npos; pos = text.find(" --", pos + 1)) {
        if (pos + 3 < text.size() && is_ascii_lower(text[pos + 3])) {
            return true;
        }
    }
    return false;
}

/// "2.4.0" (three numbers with dots) or "2024-11-02" (a date) anywhere in the line.
bool has_version(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_ascii_digit(text[i]) || (i > 0 && is_ascii_digit(text[i - 1]))) {
            continue;
        }
        for (const char separator : {'.', '-'}) {
            int parts = 0;
            std::size_t pos = i;
            while (pos < text.size() && is_ascii_digit(text[pos])) {
                while (pos < text.size() && is_ascii_digit(text[pos])) {
                    ++pos;
                }
                ++parts;
                if (pos + 1 < text.size() && text[pos] == separator && is_ascii_digit(text[pos + 1])) {
                    ++pos;
                } else {
                    break;
                }
            }
            if (parts >= 3) {
                return true;
            }
        }
    }
    return false;
}

/// "Last updated: 3 May 2025", "Amount: £40", "Host: lx-4 (10.2.3.4)": the text after the first
/// ": " begins with a digit or a currency sign or holds a version or address, so the line gives
/// a value rather than naming a section.
bool is_field(std::string_view text)
{
    const std::size_t colon = text.find(": ");
    if (colon == std::string_view::npos) {
        return false;
    }
    const std::string_view value = trim(text.substr(colon + 2));
    if (value.empty()) {
        return false;
    }
    return is_ascii_digit(value[0]) || value[0] == '$' || value.rfind("\xC2\xA3", 0) == 0 ||
           value.rfind("\xE2\x82\xAC", 0) == 0 || has_version(value);
}

constexpr std::array<std::string_view, 12> k_months = {"january",   "february", "march",    "april",
                                                       "may",       "june",     "july",     "august",
                                                       "september", "october",  "november", "december"};

/// A day, a month's name and a four-digit year in either order ("3 March 2025", "March 3,
/// 2025"), or an ISO date.
bool has_date(std::string_view text, bool version)
{
    if (version && text.find('-') != std::string_view::npos) {
        // has_version saw three numbers joined by '-': "2025-03-03".
        for (std::size_t i = 0; i + 10 <= text.size(); ++i) {
            if (is_ascii_digit(text[i]) && is_ascii_digit(text[i + 3]) && text[i + 4] == '-' && text[i + 7] == '-') {
                return true;
            }
        }
    }
    bool month = false;
    bool day = false;
    bool year = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && !is_ascii_digit(text[pos]) && !is_ascii_upper(text[pos]) &&
               !is_ascii_lower(text[pos])) {
            ++pos;
        }
        const std::size_t start = pos;
        while (pos < text.size() &&
               (is_ascii_digit(text[pos]) || is_ascii_upper(text[pos]) || is_ascii_lower(text[pos]))) {
            ++pos;
        }
        const std::string_view token = text.substr(start, pos - start);
        if (token.empty()) {
            break;
        }
        if (std::all_of(token.begin(), token.end(), [](char c) { return is_ascii_digit(c); })) {
            day = day || token.size() <= 2;
            year = year || token.size() == 4;
        } else if (token.size() >= 3 && token.size() <= 9 && is_ascii_upper(token[0])) {
            month = month || contains(k_months, ascii_lower(token));
        }
    }
    return month && day && year;
}

/// "09:15 Keynote", "9:30 Lunch": a time of day opening the line.
bool starts_with_time(std::string_view text)
{
    std::size_t digits = 0;
    while (digits < text.size() && digits < 3 && is_ascii_digit(text[digits])) {
        ++digits;
    }
    return (digits == 1 || digits == 2) && digits + 2 < text.size() && text[digits] == ':' &&
           is_ascii_digit(text[digits + 1]) && is_ascii_digit(text[digits + 2]);
}

/// "Figure 1: ...", "Fig. 2", "Table 3", "Listing 4", "Plate 5": a caption, not a section.
bool is_caption_line(std::string_view text)
{
    constexpr std::array<std::string_view, 6> k_words = {"figure", "fig.", "table", "listing", "plate", "exhibit"};
    const std::size_t space = text.find(' ');
    if (space == std::string_view::npos || space > 8) {
        return false;
    }
    const std::string word = ascii_lower(text.substr(0, space));
    return contains(k_words, word) && space + 1 < text.size() && is_ascii_digit(text[space + 1]);
}

/// Runs of '-' or '=' with spaces between them: the rule under a plain-text table's header.
bool is_table_rule(std::string_view text)
{
    if (text.size() < 5 || (text[0] != '-' && text[0] != '=')) {
        return false;
    }
    bool gap = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t') {
            gap = true;
        } else if (c != text[0]) {
            return false;
        }
    }
    return gap;
}

/// "= Title", "== Section": one to six '=' and a space before the text.
int marker_depth_of(std::string_view text)
{
    std::size_t depth = 0;
    while (depth < text.size() && text[depth] == '=') {
        ++depth;
    }
    const bool spaced = depth < text.size() && text[depth] == ' ' && depth + 1 < text.size();
    return depth >= 1 && depth <= 6 && spaced ? static_cast<int>(depth) : 0;
}

} // namespace

bool LineShape::ends_clause() const
{
    return is_clause_end(last_mark);
}

bool LineShape::ends_sentence() const
{
    return is_sentence_end(last_mark);
}

LineShape measure_line(std::string_view raw)
{
    LineShape shape;
    shape.text = trim(raw);
    shape.indent = indent_of(raw);
    const std::string_view text = shape.text;
    if (text.empty()) {
        return shape;
    }
    shape.adornment = adornment_of(text);
    shape.marker_depth = marker_depth_of(text);
    shape.table_rule = is_table_rule(text);
    // "[preface]", "[[anchor]]", "[source,sh]": markup lines, dropped like rules.
    shape.bracketed = text.size() >= 2 && text.front() == '[' && text.back() == ']' &&
                      text.find_first_of(" \t") == std::string_view::npos;
    shape.fence = text.rfind("```", 0) == 0 || text.rfind("~~~", 0) == 0;

    int uppercase = 0;
    int lowercase = 0;
    int significant = 0; // words of 4+ letters that are not small words
    int capitalised = 0;
    int letters = 0;
    bool seen_first_word = false;
    bool first_upper = false;
    bool first_lower = false;
    int word_letters = 0;
    utf8proc_category_t word_first = UTF8PROC_CATEGORY_CN;
    char word_lower[8] = {}; // the word's first letters, lowercased: small words have at most 7
    std::size_t word_lower_size = 0;
    bool in_word = false;
    auto end_word = [&]() {
        if (!in_word) {
            return;
        }
        in_word = false;
        ++shape.words;
        shape.longest_word = std::max(shape.longest_word, word_letters);
        if (word_letters == 0) {
            return; // "(1956)" or "2.3" says nothing about capitalisation
        }
        const bool lower = word_first == UTF8PROC_CATEGORY_LL;
        if (!seen_first_word) {
            seen_first_word = true;
            first_upper = word_first == UTF8PROC_CATEGORY_LU || word_first == UTF8PROC_CATEGORY_LT;
            first_lower = lower;
        }
        if (word_letters >= 4 && !is_small_word(std::string_view(word_lower, word_lower_size))) {
            ++significant;
            capitalised += lower ? 0 : 1;
        }
    };

    std::int32_t first_cp = -2;
    std::size_t first_size = 0;
    AsciiSeen seen;
    std::int32_t before = 0;   // the code point before the previous one
    std::int32_t previous = 0; // the code point before this one
    bool double_space = false; // "  " somewhere: columns, or a gap before a page number
    bool dots = false;         // ".." or ". .": dot leaders
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint cp = decode_utf8(text, pos); // a stray byte counts as a symbol, one byte at a time
        seen.add(cp.value);
        double_space = double_space || (cp.value == ' ' && previous == ' ');
        dots = dots || (cp.value == '.' && (previous == '.' || (previous == ' ' && before == '.')));
        before = previous;
        previous = cp.value;
        if (first_cp == -2) {
            first_cp = cp.value;
            first_size = cp.size;
        }
        pos += cp.size;
        ++shape.length;
        if (is_blank_code_point(cp.value)) {
            end_word();
            continue;
        }
        if (!is_closer(cp.value)) {
            shape.last_mark = cp.value;
        }
        if (!in_word) {
            in_word = true;
            word_letters = 0;
            word_first = UTF8PROC_CATEGORY_CN;
            word_lower_size = 0;
        }
        const utf8proc_category_t category = category_of(cp.value);
        if (is_letter(category)) {
            shape.has_letter = true;
            shape.has_alnum = true;
            if (word_letters == 0) {
                word_first = category;
            }
            ++word_letters;
            ++letters;
            if (word_lower_size < sizeof word_lower && cp.value < 0x80) {
                word_lower[word_lower_size++] = ascii_lower(static_cast<char>(cp.value));
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

    shape.first_mark = first_cp;
    shape.first_lowercase = category_of(first_cp) == UTF8PROC_CATEGORY_LL;
    if (shape.bracketed) {
        shape.has_alnum = false;
    }
    shape.bullet = is_bullet(first_cp, text, first_size);
    shape.code_marks = seen.any("{};=<>$\\|(-") && has_code_marks(text);
    shape.acronym = shape.words == 1 && letters <= 4;
    if (uppercase >= 2 && lowercase == 0) {
        shape.casing = Casing::caps;
    } else if (first_lower) {
        shape.casing = Casing::lower;
    } else if (first_upper || (seen_first_word && !first_lower)) {
        shape.casing = capitalised * 4 >= significant * 3 ? Casing::title : Casing::sentence;
    }
    if (shape.length <= 100) { // what only a heading candidate needs: prose lines skip it
        // Each test runs only where the characters it looks for occur at all.
        shape.url = (seen.any(":") && text.find("://") != std::string_view::npos) || seen.any("@") ||
                    (seen.any(".") && text.find("www.") != std::string_view::npos);
        shape.leader = (dots || double_space) && has_leader(text);
        shape.field = seen.any(":") && is_field(text);
        shape.version = seen.any("0123456789") && seen.any(".-") && has_version(text);
        shape.dated = seen.any("0123456789") && has_date(text, shape.version);
        shape.timed = seen.any(":") && starts_with_time(text);
        shape.caption = is_caption_line(text);
        shape.columns = seen.any("\t") || (double_space && has_columns(text));
        shape.numbers = section_numbers(text);
        shape.number_depth = static_cast<int>(shape.numbers.size());
        auto [label, label_number] = label_of(text);
        shape.label = std::move(label);
        shape.label_number = label_number;
    }
    return shape;
}

std::vector<int> section_numbers(std::string_view text)
{
    std::vector<int> numbers;
    std::size_t pos = 0;
    // An appendix letter counts as a part only when a number follows it: "A.1", not "A. Smith".
    if (text.size() > 2 && is_ascii_upper(text[0]) && text[1] == '.' && is_ascii_digit(text[2])) {
        numbers.push_back(1001 + (text[0] - 'A'));
        pos = 2;
    }
    while (true) {
        const std::size_t start = pos;
        int value = 0;
        while (pos < text.size() && pos - start < 4 && is_ascii_digit(text[pos])) {
            value = value * 10 + (text[pos] - '0');
            ++pos;
        }
        const std::size_t digits = pos - start;
        if (digits == 0 || digits > 3) {
            return {};
        }
        numbers.push_back(value);
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            if (pos < text.size() && is_ascii_digit(text[pos])) {
                continue;
            }
        }
        break;
    }
    if (pos >= text.size() || (text[pos] != ' ' && text[pos] != '\t')) {
        return {};
    }
    return numbers;
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

} // namespace kosh
