// Builds the Document of a format without source lines, numbering its paragraphs.
#include "parse/numbered_document.h"

#include "parse/line_reader.h"
#include "parse/parser.h"

#include <algorithm>

namespace kosh {

NumberedDocument::NumberedDocument(std::string path, std::string format)
{
    m_document.path = std::move(path);
    m_document.format = std::move(format);
}

void NumberedDocument::add_title(std::string text)
{
    if (!m_document.headings.empty()) {
        add_paragraph(std::move(text));
        return;
    }
    if (text.empty()) {
        return;
    }
    m_document.title = text;
    m_document.headings.push_back({std::move(text), 1, m_next++});
}

void NumberedDocument::add_heading(std::string text, int level)
{
    if (text.empty()) {
        return;
    }
    m_document.headings.push_back({std::move(text), std::max(2, level), m_next++});
}

void NumberedDocument::add_paragraph(std::string text)
{
    add_paragraph(std::move(text), {});
}

void NumberedDocument::add_paragraph(std::string text, std::vector<ByteSpan> code)
{
    if (text.empty()) {
        return;
    }
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    Paragraph paragraph;
    paragraph.text = std::move(text);
    paragraph.code = std::move(code);
    paragraph.first_line = m_next;
    paragraph.last_line = m_next + lines;
    m_next = paragraph.last_line + 1;
    m_document.paragraphs.push_back(std::move(paragraph));
}

void NumberedDocument::add_warning(std::string warning)
{
    if (std::find(m_document.warnings.begin(), m_document.warnings.end(), warning) == m_document.warnings.end()) {
        m_document.warnings.push_back(std::move(warning));
    }
}

Document NumberedDocument::finish(std::string metadata_title)
{
    if (m_document.title.empty()) {
        m_document.title = !metadata_title.empty() ? std::move(metadata_title) : file_stem(m_document.path);
    }
    if (m_document.title.empty()) {
        m_document.title = m_document.path;
    }
    assign_sections(m_document);
    return std::move(m_document);
}

} // namespace kosh
