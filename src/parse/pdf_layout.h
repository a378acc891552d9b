// The page-level rules of the PDF reader, on lines of extracted text: which lines are running
// headers and footers, where a paragraph ends, and how a word hyphenated at a line end is joined.
// They take plain lines, not poppler objects, so they can be tested on their own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kosh::pdf {

/// The extracted text of a PDF: for each page, its lines, without terminators.
using PageLines = std::vector<std::vector<std::string>>;

/// The lines of `pages` that are running headers, footers or page numbers: result[p][i] is true
/// for line i of page p. A line is one when it is among the first or last three non-blank lines
/// of its page and the same text, with digits ignored ("Page 12 of 40", "- 7 -"), stands there
/// on at least three pages and on more than half of all pages, or of the odd or the even pages
/// (books alternate their headers), or on two in five pages from its first page to its last (a
/// chapter's own header, on every other page of that chapter) when it holds a word. Documents
/// under four pages have none: "most pages" would say nothing there.
[[nodiscard]] std::vector<std::vector<bool>> find_running_lines(const PageLines& pages);

/// Whether `line` is a table-of-contents entry: a title, a dot leader (". . . ." or "....") and
/// a page number, in Arabic or lower-case Roman numerals. The contents pages say again what the
/// bookmarks and the text say, and their leaders would be passages of dots.
[[nodiscard]] bool is_contents_entry(std::string_view line);

/// The comparison key of a line for running-line detection: white space collapsed, ASCII
/// lower-cased, each run of digits as one '#'.
[[nodiscard]] std::string running_line_key(std::string_view line);

/// Whether `line`, followed by `next` in the same block of text, is the last line of a
/// paragraph: a line of justified text that stops well short of the block's full line length
/// (`full`, in characters) on a sentence end, before a line that opens with a capital letter or
/// a list bullet. Extracted text gives no indentation, so this is the sign left.
[[nodiscard]] bool ends_paragraph(std::string_view line, std::string_view next, std::size_t full);

/// Length of `text` in UTF-8 characters.
[[nodiscard]] std::size_t count_characters(std::string_view text);

/// The words of a document, lower-cased, as they are spelt with their inner hyphens: the
/// evidence for whether a word broken at a hyphen is one word or a compound.
class WordSet {
public:
    void add_words(std::string_view line);
    [[nodiscard]] bool contains(const std::string& word) const { return m_words.count(word) != 0; }

private:
    std::unordered_set<std::string> m_words;
};

/// Joins the words a line end hyphenates, in one paragraph's lines (poppler's reading-order text
/// joins most itself, by making one line of the two; this catches the rest): "docu-" then "ment is" give
/// "document" then "is". The joined word stays on the first line, so each line keeps its place
/// and the paragraph keeps one line per source line (a line left empty stays, empty).
/// A break is joined only where a lower-case letter comes before the hyphen and starts the next
/// line; the hyphen is kept ("well-" "known" -> "well-known") when the document spells the word
/// with a hyphen elsewhere and never without one. A capital, a digit or anything else after the
/// break keeps the lines as they are.
void join_hyphenated_words(std::vector<std::string>& lines, const WordSet& words);

} // namespace kosh::pdf
