// Compressed source files (.gz, .bz2, .xz, .zst): their text, and the name their format goes by.
#include "util/decompress.h"

#include "util/ascii.h"

#include <archive.h>
#include <fmt/format.h>

#include <array>
#include <memory>
#include <optional>

namespace kosh {

namespace {

struct Codec {
    std::string_view suffix;
    std::string_view name;
    int filter_code;                // what libarchive reports once it has read the stream
    int (*enable)(struct archive*); // the one filter the suffix allows
};

const std::array<Codec, 4> k_codecs{{
    {".gz", "gzip", ARCHIVE_FILTER_GZIP, &archive_read_support_filter_gzip},
    {".bz2", "bzip2", ARCHIVE_FILTER_BZIP2, &archive_read_support_filter_bzip2},
    {".xz", "xz", ARCHIVE_FILTER_XZ, &archive_read_support_filter_xz},
    {".zst", "zstd", ARCHIVE_FILTER_ZSTD, &archive_read_support_filter_zstd},
}};

std::optional<Codec> codec_of(std::string_view path)
{
    const std::string lowered = ascii_lower(path);
    for (const Codec& codec : k_codecs) {
        if (lowered.size() > codec.suffix.size() && lowered.ends_with(codec.suffix)) {
            return codec;
        }
    }
    return std::nullopt;
}

std::string size_limit(std::size_t max_bytes)
{
    constexpr std::size_t mib = std::size_t{1} << 20;
    return max_bytes % mib == 0 ? fmt::format("{} MiB", max_bytes / mib) : fmt::format("{} bytes", max_bytes);
}

std::string problem(struct archive* reader, const Codec& codec)
{
    const char* message = archive_error_string(reader);
    // libarchive's message may end in a newline; the reason is one line of a warning.
    return fmt::format("bad {} data: {}", codec.name, message ? collapse_ascii_space(message) : "unreadable stream");
}

Expected<std::string> decompress(const std::string& bytes, const Codec& codec, std::size_t max_bytes)
{
    using Failure = Expected<std::string>;
    if (bytes.empty()) {
        return Failure::failure(fmt::format("not {} data", codec.name)); // every format has a header
    }
    const std::unique_ptr<struct archive, int (*)(struct archive*)> owner(archive_read_new(), &archive_read_free);
    struct archive* reader = owner.get();
    if (!reader) {
        return Failure::failure("out of memory");
    }
    // Only the suffix's own filter, and only if built in: a fallback would run an external
    // program, and any other filter would accept data the name does not describe.
    // The raw format takes any stream with at least one byte; the empty format takes the rest.
    if (codec.enable(reader) != ARCHIVE_OK || archive_read_support_format_raw(reader) != ARCHIVE_OK ||
        archive_read_support_format_empty(reader) != ARCHIVE_OK) {
        return Failure::failure(fmt::format("{} decompression is not available", codec.name));
    }
    if (archive_read_open_memory(reader, bytes.data(), bytes.size()) != ARCHIVE_OK) {
        // The filters bid at open: data no filter takes gets "none", caught below, so this is damage.
        return Failure::failure(problem(reader, codec));
    }
    struct archive_entry* entry = nullptr;
    const int header = archive_read_next_header(reader, &entry);
    if (archive_filter_code(reader, 0) != codec.filter_code) {
        return Failure::failure(fmt::format("not {} data", codec.name));
    }
    std::string out;
    if (header == ARCHIVE_EOF) {
        return out; // a compressed empty file
    }
    if (header != ARCHIVE_OK) {
        return Failure::failure(problem(reader, codec));
    }
    // The cap holds while reading, so a bomb costs at most max_bytes and one buffer.
    std::array<char, 1 << 16> buffer{};
    for (;;) {
        const la_ssize_t n = archive_read_data(reader, buffer.data(), buffer.size());
        if (n == 0) {
            return out;
        }
        if (n < 0) {
            return Failure::failure(problem(reader, codec));
        }
        if (static_cast<std::size_t>(n) > max_bytes - out.size()) {
            return Failure::failure(fmt::format("decompressed size over {}", size_limit(max_bytes)));
        }
        out.append(buffer.data(), static_cast<std::size_t>(n));
    }
}

} // namespace

bool is_compressed_name(std::string_view path)
{
    return codec_of(path).has_value();
}

Expected<Unpacked> unpack_by_name(std::string_view path, std::string bytes, std::size_t max_bytes)
{
    const std::optional<Codec> codec = codec_of(path);
    if (!codec) {
        return Unpacked{std::move(bytes), std::string(path)};
    }
    auto text = decompress(bytes, *codec, max_bytes);
    if (!text) {
        return Expected<Unpacked>::failure(text.error());
    }
    return Unpacked{std::move(*text), std::string(path.substr(0, path.size() - codec->suffix.size()))};
}

} // namespace kosh
