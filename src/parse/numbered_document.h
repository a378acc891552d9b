// Builds the Document of a format without source lines (DOCX, ODT, EPUB), where headings and
// paragraphs are numbered by their place among the file's paragraphs.
#pragma once

#include "parse/document.h"

#include <string>

namespace kosh {

/// Adds headings and paragraphs in reading order, each taking the next paragraph number
/// (from 1). Empty text takes no number: an empty paragraph is not one a reader can find.
class NumberedDocument {
public:
    NumberedDocument(std::string path, std::string format);

    /// The number the next heading or paragraph will take.
    [[nodiscard]] int next_number() const { return m_next; }

    /// The document's title as a level-1 heading when it comes before any other heading;
    /// a later title-styled paragraph is only a paragraph.
    void add_title(std::string text);
    /// A section heading: level 2 and below.
    void add_heading(std::string text, int level);
    /// A paragraph of one line.
    void add_paragraph(std::string text);
    /// A paragraph whose code spans keep their lines: it takes one number per line.
    void add_paragraph(std::string text, std::vector<ByteSpan> code);

    /// Marks where the next chapter begins (EPUB).
    void start_chapter() { m_document.chapter_starts.push_back(m_next); }
    void add_warning(std::string warning);

    /// The finished document. Its title is the title heading, else `metadata_title` (from the
    /// file's properties; it is no paragraph, so it takes no number), else the file's stem.
    [[nodiscard]] Document finish(std::string metadata_title);

private:
    Document m_document;
    int m_next = 1;
};

} // namespace kosh
