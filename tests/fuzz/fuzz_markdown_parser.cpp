// libFuzzer target: the Markdown parser, passage splitter and outline on arbitrary bytes.
#include "fuzz_check.h"
#include "parse/markdown_parser.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    kosh::fuzz::check_document(kosh::parse_markdown(input, "docs/input.md"), input);
    // Headings go through strip_inline_markup; feed it whole lines of any shape as well.
    const std::string stripped = kosh::strip_inline_markup(input);
    KOSH_FUZZ_CHECK(stripped.size() <= input.size());
    return 0;
}
