// Splits a file's bytes into numbered physical lines, the first step shared by both parsers.
#pragma once

#include "parse/document.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// One physical line of the input, without its terminator.
struct Line {
    std::string_view text; // points into the buffer given to split_lines
    int number = 0;        // 1-based, counting every physical line after the BOM
};

/// Splits `text` into lines. A leading UTF-8 byte order mark is dropped; "\n", "\r\n" and a lone
/// "\r" each end a line, so files from old Mac editors still get one line per visual line. A
/// terminator at the very end does not start an extra empty line.
[[nodiscard]] std::vector<Line> split_lines(std::string_view text);

/// The paragraph made of lines[first..last] (inclusive), joined with '\n', with their line numbers.
[[nodiscard]] Paragraph paragraph_from_lines(const std::vector<Line>& lines, std::size_t first, std::size_t last);

/// A line's leading spaces and tabs, in columns and in bytes.
struct Indent {
    std::size_t columns = 0;
    std::size_t bytes = 0;
};

/// The indentation of `line`: a space is one column, a tab moves to the next multiple of
/// `tab_stop` (CommonMark counts tabs to 4, docutils and most plain text to 8).
[[nodiscard]] Indent measure_indent(std::string_view line, std::size_t tab_stop);

/// `text` without leading and trailing ASCII whitespace.
[[nodiscard]] std::string_view trim(std::string_view text);

/// True when the line holds nothing but ASCII whitespace.
[[nodiscard]] bool is_blank(std::string_view text);

/// The file name of `path` without its directories and last extension: "docs/a.b.txt" -> "a.b".
[[nodiscard]] std::string file_stem(std::string_view path);

} // namespace kosh
