// libFuzzer target: the POD reader, passage splitter and outline on arbitrary bytes, read both
// as a .pod file and as a Perl module, and the formatting-code renderer on its own.
#include "fuzz_check.h"
#include "parse/pod_formatting_codes.h"
#include "parse/pod_parser.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    kosh::fuzz::check_document(kosh::parse_pod(input, "docs/input.pod"), input);
    kosh::fuzz::check_document(kosh::parse_pod(input, "lib/Input.pm"), input);
    // Whatever the markup, rendering keeps every line break: paragraph line numbers rely on it.
    const std::string rendered = kosh::render_formatting_codes(input);
    KOSH_FUZZ_CHECK(std::count(rendered.begin(), rendered.end(), '\n') == kosh::fuzz::count_newlines(input));
    return 0;
}
