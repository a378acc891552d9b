// Turns an e-book (EPUB 2 or 3) into a Document.
#pragma once

#include "parse/document.h"
#include "util/error.h"
#include "util/zip_archive.h"

#include <string>
#include <string_view>

namespace kosh {

/// The book in an EPUB file's bytes. META-INF/container.xml names the package document (OPF);
/// its spine lists the chapters in reading order (linear="no" items too, where they stand),
/// and each chapter's XHTML is read by the HTML reader (parse_html). The title is the OPF's
/// dc:title. A chapter's headings are shifted so that its top heading is level 2; a chapter
/// without headings takes its title from the navigation document (EPUB 3 nav, else EPUB 2
/// toc.ncx), as a level-2 heading. Heading::line and Paragraph lines count paragraphs
/// (headings included) across the book from 1; a code block takes one number per line, and
/// any other paragraph is one line. `chapter_starts[N-1]` is the first number of spine item N
/// (an empty chapter starts where the next one does).
/// Fails with a one-line reason naming the problem (not the file): "not a zip archive",
/// "damaged zip: ...", "no META-INF/container.xml", "no package document ...", "encrypted ...",
/// "too large when unpacked (zip bomb?)". A chapter missing from the zip is left empty, with
/// a warning.
[[nodiscard]] Expected<Document> parse_epub(std::string_view bytes, std::string path, ZipLimits limits = {});

} // namespace kosh
