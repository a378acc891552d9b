// Where a passage sits in its file, in units a reader of that file can find: lines for text, the
// page for a PDF, paragraphs for DOCX and ODT, the chapter and its paragraphs for an EPUB.
#pragma once

#include "parse/document.h"

#include <string>
#include <string_view>

namespace kosh {

/// Turns `passage`'s lines, which count the whole file's units (see Document::page_starts), into
/// the place a reader looks for: for a PDF, `page` and the lines counted from the top of that
/// page; for an EPUB, `chapter` and the paragraphs counted from the start of that chapter.
/// Nothing changes for a document without pages or chapters.
void locate_passage(const Document& document, Paragraph& passage);

/// How a place is shown after the file name: "12" (line 12), "p12" (PDF page 12), "para12"
/// (DOCX or ODT paragraph 12), "ch3:para4" (EPUB chapter 3, paragraph 4). `format` is the
/// reader's name (Document::format); `line` is the first line or paragraph.
[[nodiscard]] std::string location_label(std::string_view format, int line, int page, int chapter);

} // namespace kosh
