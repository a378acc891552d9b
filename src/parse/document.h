// The parsed form of one source file: its heading outline and its paragraphs with line numbers.
#pragma once

#include "util/byte_span.h"

#include <string>
#include <vector>

namespace kosh {

/// A heading as the parser found it. Level 1 is the document title; sections are 2, subsections 3...
struct Heading {
    std::string text;
    int level = 1;
    int line = 0; // 1-based line in the source file
};

/// A run of body text (a paragraph, list item or code block) and where it sits in the outline.
struct Paragraph {
    std::string text;                  // as in the source, lines joined with '\n'
    int first_line = 0;                // 1-based, inclusive
    int last_line = 0;                 // 1-based, inclusive
    std::vector<std::string> sections; // heading path below the title, outermost first
    /// Byte ranges of `text` that are code (an indented or fenced block, a literal block, a POD
    /// verbatim paragraph): their lines and indentation are kept, and they are never headings
    /// or answer sentences. A code block parsed on its own spans all of `text`.
    std::vector<ByteSpan> code;
    /// Set once a passage is stored (parse/location.h), for a file with pages or chapters: the
    /// PDF page or EPUB chapter it starts in, its lines then counted from the top of that part.
    int page = 0;
    int chapter = 0;
};

/// One parsed file. `title` is the level-1 heading, or the file's stem when it has none.
struct Document {
    std::string path; // as given to the parser (relative to the indexed root)
    std::string title;
    std::string format = "text";       // which reader parsed it: see parse/format.h
    std::vector<Heading> headings;     // in source order, title first when present
    std::vector<Paragraph> paragraphs; // in source order
    /// Formats without source lines count other units in Heading::line and Paragraph's lines,
    /// and say where each page or chapter begins, so a passage can be located by it. A PDF counts
    /// the lines of its extracted text across the whole file, and `page_starts` holds the first
    /// line number of each page (so page N runs from page_starts[N-1]). An EPUB, DOCX or ODT
    /// counts paragraphs (headings and list items included) across the whole file, and an EPUB's
    /// `chapter_starts` holds the first paragraph number of each chapter (spine document). Both
    /// are empty for line-based formats.
    std::vector<int> page_starts;
    std::vector<int> chapter_starts;
    /// What the reader could not read as its format and how it read it instead (HTML nested
    /// too deeply, read as plain text): for the user, once per file.
    std::vector<std::string> warnings;
};

} // namespace kosh
