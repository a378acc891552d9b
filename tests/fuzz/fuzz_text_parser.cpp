// libFuzzer target: the plain-text parser, passage splitter and outline on arbitrary bytes.
#include "fuzz_check.h"
#include "parse/text_parser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    kosh::fuzz::check_document(kosh::parse_plain_text(input, "docs/input.txt"), input);
    return 0;
}
