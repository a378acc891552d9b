// Builds the Document of a PDF from its extracted pages, bookmarks and title: the part of the
// PDF reader that needs no poppler, so it can be tested on text written in the test.
#pragma once

#include "parse/document.h"
#include "parse/pdf_layout.h"
#include "parse/pdf_outline.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace kosh::pdf {

/// What the reader takes from a PDF file.
struct PdfText {
    PageLines pages;                 // each page's lines of text, in reading order
    std::vector<Bookmark> bookmarks; // the outline, depth-first
    std::string title;               // the Title metadata, as the file has it
};

/// The Document of `text`. Lines are numbered from 1 across the whole file, every extracted
/// line counted (blank lines and running headers included), and page_starts has one entry per
/// page. Running headers and footers (find_running_lines) are not text. Bookmarks, where at
/// least half of them are found on a line (place_bookmarks), are the headings, a top-level
/// bookmark at level 2; where fewer are found the document has no headings, since a partial
/// outline would file text under the wrong section. Paragraphs are the blocks between blank
/// lines, headings and running lines, split where ends_paragraph says so, within one page; line
/// ends are dehyphenated (join_hyphenated_words). The title is the cleaned Title metadata, else
/// the file's stem.
/// Whether `page` is a table of contents: at least five of its lines name a bookmark (their
/// keys are in `titles`, see heading_key) or are contents entries, and with the bare page
/// numbers beside them they make three in five of its non-blank lines.
[[nodiscard]] bool is_contents_page(const std::vector<std::string>& page,
                                    const std::unordered_set<std::string>& titles);

[[nodiscard]] Document document_from_pdf_text(const PdfText& text, std::string path);

} // namespace kosh::pdf
