// libFuzzer target: split_sentences on arbitrary bytes, checking the spans the answer picker uses.
#include "fuzz_check.h"
#include "parse/sentence_splitter.h"
#include "util/ascii.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t previous_end = 0;
    for (const kosh::ByteSpan& span : kosh::split_sentences(text)) {
        KOSH_FUZZ_CHECK(span.begin < span.end);
        KOSH_FUZZ_CHECK(span.end <= text.size());
        KOSH_FUZZ_CHECK(previous_end <= span.begin); // sorted and disjoint
        // The splitter trims is_ascii_space from each span.
        KOSH_FUZZ_CHECK(!kosh::is_ascii_space(text[span.begin]));
        KOSH_FUZZ_CHECK(!kosh::is_ascii_space(text[span.end - 1]));
        previous_end = span.end;
    }
    return 0;
}
