// Picks the parser for a file by its format, and fills in each paragraph's heading path.
#include "parse/parser.h"

#include "parse/docx_reader.h"
#include "parse/epub_reader.h"
#include "parse/format.h"
#include "parse/html_parser.h"
#include "parse/line_reader.h"
#include "parse/man_parser.h"
#include "parse/markdown_parser.h"
#include "parse/odt_reader.h"
#include "parse/pdf_reader.h"
#include "parse/pod_parser.h"
#include "parse/rest_parser.h"
#include "parse/text_parser.h"
#include "util/text_encoding.h"

#include <utility>

namespace kosh {

namespace {

/// The document in the bytes of a file in a format read from its bytes (is_binary_format).
Expected<Document> parse_binary(std::string_view bytes, const std::string& path, Format format)
{
    switch (format) {
    case Format::epub: return parse_epub(bytes, path);
    case Format::docx: return parse_docx(bytes, path);
    case Format::odt: return parse_odt(bytes, path);
    default: break; // the PDF is the one left
    }
    return parse_pdf(bytes, path);
}

/// A file of a binary format handed over as text (read_document reads one from its bytes): what
/// can be read of it, or nothing and the reason.
Document parse_binary_or_warn(std::string_view bytes, std::string path, Format format)
{
    auto document = parse_binary(bytes, path, format);
    if (document) {
        return std::move(*document);
    }
    Document empty;
    empty.title = file_stem(path);
    empty.warnings.push_back(document.error());
    return empty;
}

} // namespace

Document parse_document(std::string_view text, std::string path, std::string_view format_path)
{
    // The reader sees the name the format goes by (the POD reader tells a .pm from a .pod by
    // it); the document keeps the real path.
    std::string name = format_path.empty() ? path : std::string(format_path);
    const Format format = detect_format(name, text);
    Document document;
    switch (format) {
    case Format::markdown: document = parse_markdown(text, std::move(name)); break;
    case Format::rest: document = parse_rest(text, std::move(name)); break;
    case Format::pod: document = parse_pod(text, std::move(name)); break;
    case Format::html: document = parse_html(text, std::move(name)); break;
    case Format::man: document = parse_man(text, std::move(name)); break;
    case Format::text: document = parse_plain_text(text, std::move(name)); break;
    case Format::pdf:
    case Format::epub:
    case Format::docx:
    case Format::odt: document = parse_binary_or_warn(text, std::move(name), format); break;
    }
    document.path = std::move(path);
    document.format = std::string(format_name(format));
    return document;
}

Expected<Document> read_document(std::string bytes, std::string path, std::string_view format_path)
{
    const std::string name(format_path.empty() ? std::string_view(path) : format_path);
    const Format format = detect_format(name, bytes);
    if (is_binary_format(format)) {
        auto document = parse_binary(bytes, name, format); // a title from the name: "guide", not "guide.pdf"
        if (document) {
            document->path = std::move(path);
            document->format = std::string(format_name(format));
        }
        return document;
    }
    auto text = to_utf8(std::move(bytes));
    if (!text) {
        return Expected<Document>::failure(text.error());
    }
    return parse_document(*text, std::move(path), format_path);
}

void assign_sections(Document& document)
{
    // Walk headings and paragraphs together in line order, keeping the open heading path as a
    // stack of (level, text): linear however deep the outline goes.
    std::vector<const Heading*> open;
    std::size_t next_heading = 0;
    for (Paragraph& paragraph : document.paragraphs) {
        while (next_heading < document.headings.size() &&
               document.headings[next_heading].line <= paragraph.first_line) {
            const Heading& heading = document.headings[next_heading++];
            while (!open.empty() && open.back()->level >= heading.level) {
                open.pop_back();
            }
            open.push_back(&heading);
        }
        paragraph.sections.clear();
        for (const Heading* heading : open) {
            if (heading->level > 1) {
                paragraph.sections.push_back(heading->text);
            }
        }
    }
}

} // namespace kosh
