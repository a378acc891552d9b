// libFuzzer target: the PDF reader (poppler and kosh's page rules) on arbitrary bytes.
#include "fuzz_check.h"
#include "parse/pdf_reader.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto document = kosh::parse_pdf(input, "docs/input.pdf");
    if (!document) {
        KOSH_FUZZ_CHECK(!document.error().empty());
        KOSH_FUZZ_CHECK(document.error().find('\n') == std::string::npos);
        return 0;
    }
    // Pages start in order, from line 1; no line is numbered past the text the pages hold, which
    // the reader does not expose, so the check on line numbers is their order alone.
    KOSH_FUZZ_CHECK(!document->page_starts.empty());
    KOSH_FUZZ_CHECK(document->page_starts.front() == 1);
    for (std::size_t i = 1; i < document->page_starts.size(); ++i) {
        KOSH_FUZZ_CHECK(document->page_starts[i - 1] <= document->page_starts[i]);
    }
    kosh::fuzz::check_document(*document, std::numeric_limits<int>::max());
    return 0;
}
