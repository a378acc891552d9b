// Picks the parser for a file by its format, and fills in each paragraph's heading path.
#pragma once

#include "parse/document.h"
#include "util/error.h"

#include <string>
#include <string_view>

namespace kosh {

/// Parses `text` with the reader its format needs (see parse/format.h) and records which one.
/// The format goes by `format_path` when given (a compressed file's inner name: "a.md" for
/// "a.md.gz"), else by `path`, which the document keeps either way.
[[nodiscard]] Document parse_document(std::string_view text, std::string path, std::string_view format_path = {});

/// The document in a file's `bytes` (decompressed already; see util/decompress.h), read as
/// parse_document reads text once they are decoded to UTF-8 (util/text_encoding.h); PDF, EPUB,
/// DOCX and ODT files are read from their bytes (parse/pdf_reader.h, epub_reader.h ...). Fails with the reason a file cannot be read: binary
/// content or broken UTF-8, an encrypted, damaged or image-only PDF.
[[nodiscard]] Expected<Document> read_document(std::string bytes, std::string path, std::string_view format_path = {});

/// Fills each paragraph's `sections` with the heading path in force at its first line: the
/// headings above it, outermost first, without the level-1 title. Both parsers call this once
/// headings carry their final levels, so the rule lives in one place.
void assign_sections(Document& document);

} // namespace kosh
