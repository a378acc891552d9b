// Turns a Word document (DOCX, Office Open XML) into a Document.
#pragma once

#include "parse/document.h"
#include "util/error.h"
#include "util/zip_archive.h"

#include <string>
#include <string_view>

namespace kosh {

/// The document in a DOCX file's bytes: the body paragraphs of word/document.xml in order,
/// table cells' paragraphs and text boxes' included (a text box's after the paragraph that
/// anchors it), each one line of text (tabs and line breaks are spaces); deleted revisions are
/// left out, inserted ones kept; table-of-contents entries are left out. A paragraph is a
/// heading when its style (resolved through word/styles.xml, following w:basedOn) is named
/// "heading N" or gives an outline level, or when the paragraph itself gives one: Heading N is
/// level N+1. The first paragraph styled "Title", before any heading, is the level-1 title;
/// without one the title is docProps/core.xml's dc:title. Heading::line and Paragraph lines
/// count non-empty paragraphs (headings included) from 1.
/// Fails with a one-line reason naming the problem (not the file): "not a zip archive",
/// "damaged zip: ...", "no word/document.xml", "encrypted ...", "too large when unpacked (zip
/// bomb?)", "word/document.xml: not XML (...)". XML that breaks off is read up to the break,
/// with a warning.
[[nodiscard]] Expected<Document> parse_docx(std::string_view bytes, std::string path, ZipLimits limits = {});

} // namespace kosh
