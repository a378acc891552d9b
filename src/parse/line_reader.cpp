// Splits a file's bytes into numbered physical lines, the first step shared by both parsers.
#include "parse/line_reader.h"

#include "util/ascii.h"

#include <filesystem>

namespace kosh {

std::vector<Line> split_lines(std::string_view text)
{
    constexpr std::string_view k_bom = "\xEF\xBB\xBF";
    if (text.substr(0, k_bom.size()) == k_bom) {
        text.remove_prefix(k_bom.size());
    }

    std::vector<Line> lines;
    std::size_t start = 0;
    int number = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\n' && c != '\r') {
            continue;
        }
        lines.push_back({text.substr(start, i - start), number++});
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i; // CRLF is one terminator, not a line break followed by an empty line
        }
        start = i + 1;
    }
    if (start < text.size()) {
        lines.push_back({text.substr(start), number});
    }
    return lines;
}

std::string_view trim(std::string_view text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && is_ascii_space(text[begin])) {
        ++begin;
    }
    while (end > begin && is_ascii_space(text[end - 1])) {
        --end;
    }
    return text.substr(begin, end - begin);
}

Indent measure_indent(std::string_view line, std::size_t tab_stop)
{
    Indent indent;
    while (indent.bytes < line.size()) {
        const char c = line[indent.bytes];
        if (c == ' ') {
            ++indent.columns;
        } else if (c == '\t') {
            indent.columns += tab_stop - indent.columns % tab_stop;
        } else {
            break;
        }
        ++indent.bytes;
    }
    return indent;
}

bool is_blank(std::string_view text)
{
    return trim(text).empty();
}

std::string file_stem(std::string_view path)
{
    // filesystem::path does the separator and dot rules ("a/.profile" keeps its name) for us.
    return std::filesystem::path(std::string(path)).stem().string();
}

Paragraph paragraph_from_lines(const std::vector<Line>& lines, std::size_t first, std::size_t last)
{
    Paragraph paragraph;
    for (std::size_t i = first; i <= last; ++i) {
        if (i > first) {
            paragraph.text += '\n';
        }
        paragraph.text += lines[i].text;
    }
    paragraph.first_line = lines[first].number;
    paragraph.last_line = lines[last].number;
    return paragraph;
}

} // namespace kosh
