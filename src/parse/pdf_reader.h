// Reads a PDF through poppler: its text page by page in reading order, its outline and title.
#pragma once

#include "parse/document.h"
#include "util/error.h"

#include <string>
#include <string_view>

namespace kosh {

/// The document in a PDF's bytes (see pdf_document.h for how pages become a Document). Fails,
/// with a one-line reason that names the problem (not the file), for a PDF that is encrypted
/// ("encrypted PDF (needs a password)"), damaged ("damaged PDF: ...": poppler cannot load it, or
/// it has no pages) or has no text layer ("no text in this PDF (scanned images?)"). poppler's
/// own messages never reach stderr. Safe to call from several threads at once.
[[nodiscard]] Expected<Document> parse_pdf(std::string_view bytes, std::string path);

} // namespace kosh
