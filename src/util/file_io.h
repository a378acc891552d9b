// Reading source files whole, and cheap content fingerprints for change detection.
#pragma once

#include "util/error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace kosh {

/// Reads a whole file, or its first `max_bytes`; the failure message names neither the file nor a
/// prefix (callers add those).
[[nodiscard]] Expected<std::string> read_file(const std::filesystem::path& path,
                                              std::size_t max_bytes = static_cast<std::size_t>(-1));

/// Why a file's bytes cannot be indexed as text, or an empty string when they can.
[[nodiscard]] std::string check_text(std::string_view bytes);

/// 64-bit FNV-1a: a stable fingerprint of file contents (detects edits, not attacks).
[[nodiscard]] std::uint64_t fingerprint(std::string_view bytes);

} // namespace kosh
