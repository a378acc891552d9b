// Tests for unpack_by_name: compressed files' text and inner names, and the ways a stream fails.
#include "util/decompress.h"

#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>

namespace {

// Made here with `printf 'line one\nline two\n' | gzip -n -c` (and bzip2, xz, zstd), via xxd -i.
std::string bytes(std::initializer_list<unsigned char> values)
{
    return std::string(values.begin(), values.end());
}

const std::string k_text = "line one\nline two\n";

const std::string k_gzip =
    bytes({0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0xc9, 0xcc, 0x4b, 0x55, 0xc8, 0xcf, 0x4b,
           0xe5, 0xca, 0x01, 0x31, 0x4a, 0xca, 0xf3, 0xb9, 0x00, 0x8b, 0xd7, 0xf4, 0x75, 0x12, 0x00, 0x00, 0x00});

const std::string k_bzip2 =
    bytes({0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x8c, 0x77, 0xbf, 0xde, 0x00, 0x00, 0x04, 0xd1,
           0x80, 0x00, 0x10, 0x40, 0x00, 0x02, 0x25, 0x84, 0x80, 0x20, 0x00, 0x31, 0x06, 0x4c, 0x40, 0xc8, 0x69, 0xa6,
           0x8f, 0x0b, 0x2c, 0x20, 0x98, 0x9c, 0x27, 0x8b, 0xb9, 0x22, 0x9c, 0x28, 0x48, 0x46, 0x3b, 0xdf, 0xef, 0x00});

const std::string k_xz = bytes(
    {0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6, 0xb4, 0x46, 0x02, 0x00, 0x21, 0x01, 0x16, 0x00, 0x00,
     0x00, 0x74, 0x2f, 0xe5, 0xa3, 0x01, 0x00, 0x11, 0x6c, 0x69, 0x6e, 0x65, 0x20, 0x6f, 0x6e, 0x65, 0x0a, 0x6c, 0x69,
     0x6e, 0x65, 0x20, 0x74, 0x77, 0x6f, 0x0a, 0x00, 0x00, 0x00, 0xb4, 0xe9, 0x1e, 0x44, 0xe1, 0x9a, 0x9b, 0xf1, 0x00,
     0x01, 0x2a, 0x12, 0x4b, 0x08, 0x54, 0xbc, 0x1f, 0xb6, 0xf3, 0x7d, 0x01, 0x00, 0x00, 0x00, 0x00, 0x04, 0x59, 0x5a});

const std::string k_zstd =
    bytes({0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x58, 0x91, 0x00, 0x00, 0x6c, 0x69, 0x6e, 0x65, 0x20, 0x6f, 0x6e,
           0x65, 0x0a, 0x6c, 0x69, 0x6e, 0x65, 0x20, 0x74, 0x77, 0x6f, 0x0a, 0x2b, 0x8c, 0xb7, 0xee});

} // namespace

TEST_CASE("unpack_by_name decompresses each format its suffix names and drops the suffix", "[decompress]")
{
    const auto [path, data, inner] = GENERATE(table<std::string, std::string, std::string>({
        {"docs/guide.md.gz", k_gzip, "docs/guide.md"},
        {"NEWS.bz2", k_bzip2, "NEWS"},
        {"faq.txt.xz", k_xz, "faq.txt"},
        {"man/ls.1.zst", k_zstd, "man/ls.1"},
        {"README.MD.GZ", k_gzip, "README.MD"},
    }));
    CAPTURE(path);
    const auto unpacked = kosh::unpack_by_name(path, data);
    REQUIRE(unpacked);
    CHECK(unpacked->bytes == k_text);
    CHECK(unpacked->name == inner);
}

TEST_CASE("unpack_by_name leaves a file without a compression suffix as it is", "[decompress]")
{
    CHECK_FALSE(kosh::is_compressed_name("notes.txt"));
    CHECK_FALSE(kosh::is_compressed_name("archive.tgz"));
    CHECK_FALSE(kosh::is_compressed_name(".gz"));
    const auto unpacked = kosh::unpack_by_name("docs/guide.md", k_gzip);
    REQUIRE(unpacked);
    CHECK(unpacked->bytes == k_gzip);
    CHECK(unpacked->name == "docs/guide.md");
}

TEST_CASE("unpack_by_name refuses data that is not what the suffix says", "[decompress]")
{
    const auto text = kosh::unpack_by_name("notes.txt.gz", "just some text\n");
    REQUIRE_FALSE(text);
    CHECK(text.error() == "not gzip data");
    // Another compression than the name says is refused too: the name decides.
    const auto xz_named_gzip = kosh::unpack_by_name("notes.txt.gz", k_xz);
    REQUIRE_FALSE(xz_named_gzip);
    CHECK(xz_named_gzip.error() == "not gzip data");
    const auto empty = kosh::unpack_by_name("notes.txt.bz2", "");
    REQUIRE_FALSE(empty);
    CHECK(empty.error() == "not bzip2 data");
}

TEST_CASE("unpack_by_name names a truncated or damaged stream", "[decompress]")
{
    for (const std::size_t keep : {std::size_t{12}, std::size_t{20}, k_gzip.size() - 8}) {
        CAPTURE(keep);
        const auto truncated = kosh::unpack_by_name("notes.txt.gz", k_gzip.substr(0, keep));
        REQUIRE_FALSE(truncated);
        CHECK(truncated.error().starts_with("bad gzip data: "));
    }
    std::string damaged = k_xz;
    damaged[30] = static_cast<char>(damaged[30] ^ 0x55); // inside the compressed text: the check fails
    const auto xz = kosh::unpack_by_name("notes.txt.xz", damaged);
    REQUIRE_FALSE(xz);
    CHECK(xz.error().starts_with("bad xz data: "));
}

TEST_CASE("unpack_by_name stops at the size cap", "[decompress]")
{
    const auto capped = kosh::unpack_by_name("notes.txt.gz", k_gzip, 10);
    REQUIRE_FALSE(capped);
    CHECK(capped.error() == "decompressed size over 10 bytes");
    const auto fits = kosh::unpack_by_name("notes.txt.gz", k_gzip, k_text.size());
    REQUIRE(fits);
    CHECK(fits->bytes == k_text);
    CHECK(kosh::k_max_decompressed_bytes == std::size_t{256} << 20);
}

TEST_CASE("unpack_by_name gives a compressed empty file as empty text, and a cut one as damaged", "[decompress]")
{
    // `printf '' | gzip -n -c` and `printf '' | xz -c`: whole streams holding nothing.
    const std::string empty_gzip = bytes({0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
                                          0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
    const std::string empty_xz =
        bytes({0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6, 0xb4, 0x46, 0x00, 0x00, 0x00, 0x00,
               0x1c, 0xdf, 0x44, 0x21, 0x1f, 0xb6, 0xf3, 0x7d, 0x01, 0x00, 0x00, 0x00, 0x00, 0x04, 0x59, 0x5a});
    for (const auto& [path, data] : {std::pair{"empty.1.gz", empty_gzip}, std::pair{"empty.txt.xz", empty_xz}}) {
        CAPTURE(path);
        const auto unpacked = kosh::unpack_by_name(path, data);
        REQUIRE(unpacked);
        CHECK(unpacked->bytes.empty());
    }
    // Cut before its end, the same empty stream is damage, not an empty file.
    CHECK_FALSE(kosh::unpack_by_name("empty.1.gz", empty_gzip.substr(0, 12)));
}
