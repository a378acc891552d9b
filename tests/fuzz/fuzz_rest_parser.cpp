// libFuzzer target: the reStructuredText reader, its inline markup stripping and the .txt sniffer.
#include "fuzz_check.h"
#include "parse/rest_inline.h"
#include "parse/rest_parser.h"
#include "parse/rest_sniffer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const kosh::Document document = kosh::parse_rest(input, "docs/input.rst");
    kosh::fuzz::check_document(document, input);
    for (const kosh::Paragraph& paragraph : document.paragraphs) {
        for (const kosh::ByteSpan& span : paragraph.code) {
            KOSH_FUZZ_CHECK(span.begin <= span.end && span.end <= paragraph.text.size());
        }
    }
    // Inline stripping keeps every line break, so paragraphs keep one line per source line.
    const std::string stripped = kosh::strip_rest_inline(input);
    KOSH_FUZZ_CHECK(std::count(stripped.begin(), stripped.end(), '\n') == std::count(input.begin(), input.end(), '\n'));
    (void)kosh::looks_like_rest(input);
    return 0;
}
