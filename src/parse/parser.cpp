// Picks the parser for a file by its extension, and fills in each paragraph's heading path.
#include "parse/parser.h"

#include "parse/line_reader.h"
#include "parse/markdown_parser.h"
#include "parse/text_parser.h"
#include "util/ascii.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <utility>

namespace kosh {

namespace {

bool is_markdown_path(std::string_view path)
{
    constexpr std::array<std::string_view, 4> k_extensions = {".md", ".markdown", ".mdown", ".mkd"};
    const std::string extension = ascii_lower(std::filesystem::path(std::string(path)).extension().string());
    return std::find(k_extensions.begin(), k_extensions.end(), extension) != k_extensions.end();
}

} // namespace

Document parse_document(std::string_view text, std::string path)
{
    if (is_markdown_path(path)) {
        return parse_markdown(text, std::move(path));
    }
    return parse_plain_text(text, std::move(path));
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
