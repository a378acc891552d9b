// libFuzzer target: the HTML reader, passage splitter and outline on arbitrary bytes.
//
// The HTML reader lets headings share a line with each other, with the paragraph after them and
// with a paragraph's last line (generated pages run blocks together on one line), so its
// Document is checked here rather than by check_document, which wants one block per line.
#include "fuzz_check.h"
#include "parse/html_parser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void check_html_document(const kosh::Document& document, std::string_view input)
{
    const int max_line = kosh::fuzz::count_lines(input);
    KOSH_FUZZ_CHECK(!document.title.empty());
    int previous_line = 0;
    for (std::size_t i = 0; i < document.headings.size(); ++i) {
        const kosh::Heading& heading = document.headings[i];
        KOSH_FUZZ_CHECK(1 <= heading.line && previous_line <= heading.line && heading.line <= max_line);
        KOSH_FUZZ_CHECK(!heading.text.empty());
        KOSH_FUZZ_CHECK(heading.text.find('\n') == std::string::npos);
        KOSH_FUZZ_CHECK(heading.level >= (i == 0 ? 1 : 2));
        if (heading.level == 1) {
            KOSH_FUZZ_CHECK(heading.text == document.title);
        }
        previous_line = heading.line;
    }

    // Paragraphs share a line only with a heading between them; no section heading sits
    // strictly inside a paragraph.
    int previous_last = 0;
    std::size_t next_heading = 0;
    for (const kosh::Paragraph& paragraph : document.paragraphs) {
        KOSH_FUZZ_CHECK(1 <= paragraph.first_line);
        KOSH_FUZZ_CHECK(paragraph.first_line <= paragraph.last_line);
        KOSH_FUZZ_CHECK(paragraph.last_line <= max_line);
        KOSH_FUZZ_CHECK(previous_last <= paragraph.first_line);
        KOSH_FUZZ_CHECK(!paragraph.text.empty());
        KOSH_FUZZ_CHECK(kosh::fuzz::count_newlines(paragraph.text) == paragraph.last_line - paragraph.first_line);
        bool heading_on_first_line = false;
        while (next_heading < document.headings.size() &&
               document.headings[next_heading].line <= paragraph.first_line) {
            heading_on_first_line =
                heading_on_first_line || document.headings[next_heading].line == paragraph.first_line;
            ++next_heading;
        }
        KOSH_FUZZ_CHECK(previous_last < paragraph.first_line || heading_on_first_line);
        // The title is no section, so it may sit inside one: then it was joined into it.
        while (next_heading < document.headings.size() && document.headings[next_heading].level == 1) {
            ++next_heading;
        }
        KOSH_FUZZ_CHECK(next_heading == document.headings.size() ||
                        document.headings[next_heading].line >= paragraph.last_line);
        std::size_t previous_end = 0;
        for (const kosh::ByteSpan& span : paragraph.code) {
            KOSH_FUZZ_CHECK(previous_end <= span.begin && span.begin < span.end && span.end <= paragraph.text.size());
            previous_end = span.end;
        }
        previous_last = paragraph.last_line;
    }

    kosh::fuzz::check_passages(kosh::split_passages(document), max_line);
    kosh::fuzz::check_passages(kosh::split_passages(document, kosh::PassageLimits{8, 3}), max_line);
    const std::string outline = kosh::format_outline(document);
    const bool has_title_heading = !document.headings.empty() && document.headings.front().level == 1;
    KOSH_FUZZ_CHECK(kosh::fuzz::count_newlines(outline) ==
                    static_cast<int>(document.headings.size()) + (has_title_heading ? 0 : 1));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check_html_document(kosh::parse_html(input, "docs/input.html"), input);
    return 0;
}
