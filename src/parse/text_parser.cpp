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

#include "parse/heading_filter.h"
#include "parse/heading_levels.h"
#include "parse/line_reader.h"
#include "parse/parser.h"
#include "parse/text_scanner.h"

#include <utility>
#include <vector>

namespace kosh {

using plain_text::Item;

Document parse_plain_text(std::string_view text, std::string path)
{
    const std::vector<Line> lines = split_lines(text);
    std::vector<Item> items = plain_text::scan_items(lines);
    plain_text::filter_headings(items, lines);

    Document document;
    document.path = std::move(path);
    const std::size_t title = plain_text::title_position(items);
    const bool titled = title < items.size() && plain_text::is_title(items, title);
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
