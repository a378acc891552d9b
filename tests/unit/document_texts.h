// Test helper: the texts of a parsed document's paragraphs and headings, for exact comparisons.
#pragma once

#include "parse/document.h"

#include <string>
#include <vector>

inline std::vector<std::string> paragraph_texts(const kosh::Document& document)
{
    std::vector<std::string> texts;
    for (const kosh::Paragraph& paragraph : document.paragraphs) {
        texts.push_back(paragraph.text);
    }
    return texts;
}

inline std::vector<std::string> heading_texts(const kosh::Document& document)
{
    std::vector<std::string> texts;
    for (const kosh::Heading& heading : document.headings) {
        texts.push_back(heading.text);
    }
    return texts;
}
