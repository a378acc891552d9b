// Reading source files whole, and cheap content fingerprints for change detection.
#include "util/file_io.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace kosh {

Expected<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) {
        return Expected<std::string>::failure(std::strerror(errno));
    }
    std::string content;
    char buffer[1 << 16];
    std::size_t n = 0;
    while (content.size() < max_bytes &&
           (n = std::fread(buffer, 1, std::min(sizeof buffer, max_bytes - content.size()), file.get())) > 0) {
        content.append(buffer, n);
    }
    if (std::ferror(file.get())) {
        return Expected<std::string>::failure(std::strerror(errno));
    }
    return content;
}

namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 when it is malformed.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    std::uint32_t min = 0;
    std::uint32_t cp = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, min = 0x80, cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, min = 0x800, cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, min = 0x10000, cp = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > s.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return length;
}

} // namespace

std::string check_text(std::string_view bytes)
{
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        return "UTF-16 text is not supported (convert it to UTF-8)";
    }
    if (bytes.find('\0') != std::string_view::npos) {
        return "binary file (contains NUL bytes)";
    }
    for (std::size_t i = 0; i < bytes.size();) {
        // ASCII, nearly every byte of most files, needs no decoding: skip it eight bytes at a time.
        std::uint64_t word = 0;
        if (i + sizeof word <= bytes.size()) {
            std::memcpy(&word, bytes.data() + i, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += sizeof word;
                continue;
            }
        }
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = utf8_sequence_length(bytes, i);
        if (length == 0) {
            // Lines are counted only here, for the message: the common valid file never needs them.
            const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(i), '\n');
            return fmt::format("invalid UTF-8 at line {}, byte {}", line, i);
        }
        i += length;
    }
    return {};
}

std::uint64_t fingerprint(std::string_view bytes)
{
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

} // namespace kosh
