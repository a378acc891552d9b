// Compressed source files (.gz, .bz2, .xz, .zst): their text, and the name their format goes by.
#pragma once

#include "util/error.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace kosh {

/// Decompressing stops past this much output: a small file must not fill the memory (a bomb).
constexpr std::size_t k_max_decompressed_bytes = std::size_t{256} << 20;

/// A file's content ready for a reader, and the name that picks the reader.
struct Unpacked {
    std::string bytes;
    std::string name; // "docs/README.md" for "docs/README.md.gz"
};

/// True when `path` ends in a compression suffix kosh reads (.gz, .bz2, .xz, .zst; any case).
[[nodiscard]] bool is_compressed_name(std::string_view path);

/// The decompressed `bytes` of the file at `path` and `path` without its compression suffix;
/// `bytes` and `path` unchanged when the name has no such suffix. Fails, with a message naming
/// the problem (not the file), on data that is not what the suffix says, a damaged or truncated
/// stream, or more than `max_bytes` of output.
[[nodiscard]] Expected<Unpacked> unpack_by_name(std::string_view path, std::string bytes,
                                                std::size_t max_bytes = k_max_decompressed_bytes);

} // namespace kosh
