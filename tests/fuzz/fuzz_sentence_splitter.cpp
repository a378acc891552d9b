// libFuzzer target: split_sentences on arbitrary bytes, checking the spans the answer picker uses.
#include "fuzz_check.h"
#include "parse/sentence_splitter.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// The splitter's own notion of whitespace: what it promises to trim from each span.
bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t previous_end = 0;
    for (const kosh::ByteSpan& span : kosh::split_sentences(text)) {
        KOSH_FUZZ_CHECK(span.begin < span.end);
        KOSH_FUZZ_CHECK(span.end <= text.size());
        KOSH_FUZZ_CHECK(previous_end <= span.begin); // sorted and disjoint
        KOSH_FUZZ_CHECK(!is_space(text[span.begin]));
        KOSH_FUZZ_CHECK(!is_space(text[span.end - 1]));
        previous_end = span.end;
    }
    return 0;
}
