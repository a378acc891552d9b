// What one line of plain text looks like: the measurements the plain-text reader decides from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// How a line's words are capitalised.
enum class Casing {
    none,     // no cased letter (digits, CJK)
    lower,    // first word starts lowercase: "where to put it"
    sentence, // first word capitalised, most long words not: "Where to put it"
    title,    // first word and most long words capitalised: "Where to Put It"
    caps,     // two or more capitals and no lowercase letter: "WHERE TO PUT IT"
};

/// One line, measured once so that each rule of the reader is a cheap test.
struct LineShape {
    std::string_view text;  // without surrounding whitespace
    int indent = 0;         // leading columns (a tab moves to the next multiple of 8)
    std::size_t length = 0; // code points of `text`
    int words = 0;
    int longest_word = 0; // letters in its longest word: "or" is no heading
    bool has_letter = false;
    bool has_alnum = false; // false for junk like "*/" or "-----"
    Casing casing = Casing::none;
    bool acronym = false;         // a lone word of at most four capitals ("FAQ", "RENT"): caps or a name
    std::int32_t first_mark = 0;  // first visible code point
    bool first_lowercase = false; // first_mark is a lowercase letter
    std::int32_t last_mark = 0;   // last visible code point, looking through closing quotes
    bool bullet = false;          // "- item", "* item", "• item", "1) item"
    char adornment = 0;           // the character of a "=====" style line, else 0
    bool fence = false;           // "```" or "~~~": opens or closes a block of code
    std::vector<int> numbers;     // "2.3.1 Foo" -> {2, 3, 1}; "A.1 Foo" -> {1001, 1} (see section_numbers)
    int number_depth = 0;         // numbers.size()
    std::string label;            // "chapter" for "CHAPTER IV.", "Part Two"
    int label_number = 0;         // 4 for "Chapter 4", 0 when not a plain number
    bool colon = false;           // "Main Title: Subtitle"
    bool field = false;           // "Last updated: 3 May", "Price: £40": a label and its value
    bool version = false;         // holds "2.4.0" or "2024-11-02": a release, even without letters
    bool dated = false;           // holds a full date ("3 March 2025", "March 3, 2025", "2025-03-03")
    bool timed = false;           // starts with a time of day ("09:15 Keynote"): a timetable entry
    bool caption = false;         // "Figure 1: ...", "Table 2", "Fig. 3": a caption
    bool table_rule = false;      // "-----  -----": a rule under a table's header row
    bool url = false;             // holds "://", "www." or an e-mail address: a reference, not a name
    bool code_marks = false;      // holds characters that names never do: { } ; = < > $ \ |
    bool leader = false;          // ". . . ." or "...... 12": a table-of-contents entry
    int marker_depth = 0;         // "== Section" -> 2: AsciiDoc's (and others') heading marker
    bool bracketed = false;       // "[preface]", "[[anchor-id]]": markup, not words (has_alnum is false)
    bool columns = false;         // wide gaps between words: a table row ("Night   Hut   Altitude")

    [[nodiscard]] bool ends_clause() const;
    [[nodiscard]] bool ends_sentence() const;
    /// Its first visible character is a lowercase letter: it continues a sentence.
    [[nodiscard]] bool starts_lowercase() const { return first_lowercase; }
};

[[nodiscard]] LineShape measure_line(std::string_view raw);

/// The parts of a leading section number followed by a space: "2.3.1 Foo" -> {2, 3, 1}, "1. Foo"
/// -> {1}, "A.1 Scope" -> {1001, 1} (an appendix letter counts from 1001, after any chapter
/// number); empty for "1956 was" (four digits is a year) and for text without a number.
[[nodiscard]] std::vector<int> section_numbers(std::string_view text);

/// A section name that by convention sits directly below the title ("Introduction",
/// "References", "Appendix B"), looking past a number and trailing punctuation.
[[nodiscard]] bool is_top_level_name(std::string_view text);

} // namespace kosh
