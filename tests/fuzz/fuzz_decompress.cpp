// libFuzzer target: decompressing arbitrary bytes named as each compressed format kosh reads.
#include "fuzz_check.h"
#include "util/decompress.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    // A small cap keeps each run quick; the cap's own path is the same at any size.
    constexpr std::size_t k_cap = std::size_t{1} << 20;
    for (const std::string_view name : {"docs/input.md.gz", "input.txt.bz2", "input.txt.xz", "input.txt.zst"}) {
        const auto unpacked = kosh::unpack_by_name(name, input, k_cap);
        if (unpacked) {
            KOSH_FUZZ_CHECK(unpacked->bytes.size() <= k_cap);
            KOSH_FUZZ_CHECK(name.starts_with(unpacked->name) && unpacked->name.size() < name.size());
        } else {
            KOSH_FUZZ_CHECK(!unpacked.error().empty());
        }
    }
    return 0;
}
