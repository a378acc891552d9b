// libFuzzer target: the man page reader, passage splitter and outline on arbitrary bytes, and
// the roff escape renderer on its own.
#include "fuzz_check.h"
#include "parse/man_parser.h"
#include "parse/roff_text.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    kosh::fuzz::check_document(kosh::parse_man(input, "man1/input.1"), input);
    // Rendering escapes never adds a line break: paragraph line numbers rely on it.
    const std::string rendered = kosh::render_roff_escapes(input.substr(0, input.find('\n')), {});
    KOSH_FUZZ_CHECK(rendered.find('\n') == std::string::npos);
    return 0;
}
