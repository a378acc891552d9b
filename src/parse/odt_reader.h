// Turns an OpenDocument text file (ODT) into a Document.
#pragma once

#include "parse/document.h"
#include "util/error.h"
#include "util/zip_archive.h"

#include <string>
#include <string_view>

namespace kosh {

/// The document in an ODT file's bytes: content.xml's office:text in order. text:h is a heading
/// at its text:outline-level plus one (outline level 1 is level 2); text:p, list items and table
/// cells' paragraphs are paragraphs, each one line (text:s, text:tab and text:line-break are
/// spaces); notes and text boxes come after the paragraph that holds them; tracked deletions,
/// annotations and the generated table of contents are left out. The first paragraph whose
/// style is (or derives from) "Title", before any heading, is the level-1 title; without one the
/// title is meta.xml's dc:title. Heading::line and Paragraph lines count non-empty paragraphs
/// (headings included) from 1.
/// Fails with a one-line reason naming the problem (not the file): "not a zip archive",
/// "damaged zip: ...", "no content.xml", "encrypted ...", "too large when unpacked (zip bomb?)",
/// "content.xml: not XML (...)". XML that breaks off is read up to the break, with a warning.
[[nodiscard]] Expected<Document> parse_odt(std::string_view bytes, std::string path, ZipLimits limits = {});

} // namespace kosh
