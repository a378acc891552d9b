// Invariant checks shared by the fuzz targets: what must hold of a parsed Document for any input.
#pragma once

#include "output/outline_printer.h"
#include "parse/document.h"
#include "parse/passage_splitter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <string_view>

/// Stops the run with a crash that libFuzzer records. An exception or assert() would not do:
/// release builds drop asserts, and a thrown exception reads as a different bug.
#define KOSH_FUZZ_CHECK(condition)                                                                                     \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            fmt::print(stderr, "fuzz invariant failed: {} ({}:{})\n", #condition, __FILE__, __LINE__);                 \
            std::fflush(stderr);                                                                                       \
            __builtin_trap();                                                                                          \
        }                                                                                                              \
    } while (0)

namespace kosh::fuzz {

/// Physical lines in `text` counted independently of line_reader: "\n", "\r\n" and lone "\r"
/// each end one. A final unterminated line counts, so this is the largest line number a parser
/// may report.
inline int count_lines(std::string_view text)
{
    int lines = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
            ++lines;
        }
    }
    return lines;
}

inline int count_newlines(std::string_view text)
{
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

/// Code spans lie in their text, in order, and apart.
inline void check_code_spans(const Paragraph& paragraph)
{
    std::size_t previous_end = 0;
    for (const ByteSpan& span : paragraph.code) {
        KOSH_FUZZ_CHECK(previous_end <= span.begin);
        KOSH_FUZZ_CHECK(span.begin < span.end);
        KOSH_FUZZ_CHECK(span.end <= paragraph.text.size());
        previous_end = span.end;
    }
}

/// Passages keep line ranges exact: the splitter joins pieces with as many '\n' as separate them
/// in the source, so the answer's file:line can be found from a byte offset.
inline void check_passages(const std::vector<Paragraph>& passages, int max_line)
{
    int previous_first = 1;
    for (const Paragraph& passage : passages) {
        KOSH_FUZZ_CHECK(1 <= passage.first_line);
        KOSH_FUZZ_CHECK(passage.first_line <= passage.last_line);
        KOSH_FUZZ_CHECK(passage.last_line <= max_line);
        KOSH_FUZZ_CHECK(previous_first <= passage.first_line);
        KOSH_FUZZ_CHECK(!passage.text.empty());
        KOSH_FUZZ_CHECK(count_newlines(passage.text) == passage.last_line - passage.first_line);
        check_code_spans(passage);
        previous_first = passage.first_line;
    }
}

inline void check_document_up_to(const Document& document, int max_line);

/// Checks a parser's output against `input`, then runs the rest of the parse stage on it
/// (passages at two sizes, the outline) and checks those too.

inline void check_document(const Document& document, std::string_view input)
{
    check_document_up_to(document, count_lines(input));
}

/// The checks of check_document for a document whose numbers count something other than the
/// input's lines (the paragraphs of a DOCX, ODT or EPUB): none is above `max_line`.
inline void check_document_up_to(const Document& document, int max_line)
{

    KOSH_FUZZ_CHECK(!document.title.empty());
    int previous_line = 0;
    for (std::size_t i = 0; i < document.headings.size(); ++i) {
        const Heading& heading = document.headings[i];
        KOSH_FUZZ_CHECK(previous_line < heading.line);
        KOSH_FUZZ_CHECK(heading.line <= max_line);
        KOSH_FUZZ_CHECK(!heading.text.empty());
        KOSH_FUZZ_CHECK(heading.text.find('\n') == std::string::npos);
        // Only the title is level 1, and it comes first.
        KOSH_FUZZ_CHECK(heading.level >= (i == 0 ? 1 : 2));
        if (heading.level == 1) {
            KOSH_FUZZ_CHECK(heading.text == document.title);
        }
        previous_line = heading.line;
    }

    int previous_last = 0;
    std::size_t next_heading = 0;
    for (const Paragraph& paragraph : document.paragraphs) {
        KOSH_FUZZ_CHECK(1 <= paragraph.first_line);
        KOSH_FUZZ_CHECK(paragraph.first_line <= paragraph.last_line);
        KOSH_FUZZ_CHECK(paragraph.last_line <= max_line);
        KOSH_FUZZ_CHECK(previous_last < paragraph.first_line); // in source order, never overlapping
        // A paragraph is its source lines joined with '\n', so its line count is its range.
        KOSH_FUZZ_CHECK(count_newlines(paragraph.text) == paragraph.last_line - paragraph.first_line);
        // No heading line sits inside a paragraph.
        while (next_heading < document.headings.size() && document.headings[next_heading].line < paragraph.first_line) {
            ++next_heading;
        }
        KOSH_FUZZ_CHECK(next_heading == document.headings.size() ||
                        document.headings[next_heading].line > paragraph.last_line);
        KOSH_FUZZ_CHECK(paragraph.sections.size() <= document.headings.size());
        check_code_spans(paragraph);
        previous_last = paragraph.last_line;
    }

    check_passages(split_passages(document), max_line);
    check_passages(split_passages(document, PassageLimits{8, 3}), max_line); // split_long gets exercised

    const std::string outline = format_outline(document);
    const bool has_title_heading = !document.headings.empty() && document.headings.front().level == 1;
    KOSH_FUZZ_CHECK(count_newlines(outline) ==
                    static_cast<int>(document.headings.size()) + (has_title_heading ? 0 : 1));
}

} // namespace kosh::fuzz
