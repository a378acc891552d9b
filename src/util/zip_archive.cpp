// Named members of a zip archive held in memory, read with libarchive's zip reader.
#include "util/zip_archive.h"

#include "util/ascii.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <memory>
#include <set>

namespace kosh {

namespace {

using ArchiveReader = std::unique_ptr<struct archive, int (*)(struct archive*)>;

std::string damaged(struct archive* reader)
{
    const char* message = archive_error_string(reader);
    // libarchive's message may end in a newline; the reason is one line of a warning.
    return fmt::format("damaged zip: {}", message ? collapse_ascii_space(message) : "unreadable archive");
}

/// A reader over `bytes` that knows only zip. libarchive picks its seekable zip reader, which
/// trusts the central directory, when the archive ends with one, and else reads the local
/// headers in order (a truncated download still gives its first members).
Expected<ArchiveReader> open_reader(std::string_view bytes)
{
    ArchiveReader reader(archive_read_new(), &archive_read_free);
    if (!reader) {
        return Expected<ArchiveReader>::failure("out of memory");
    }
    if (archive_read_support_format_zip(reader.get()) != ARCHIVE_OK ||
        archive_read_open_memory(reader.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
        return Expected<ArchiveReader>::failure(damaged(reader.get()));
    }
    return reader;
}

bool is_ole_file(std::string_view bytes)
{
    return bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

} // namespace

Expected<ZipArchive> ZipArchive::open(std::string_view bytes, ZipLimits limits)
{
    using Failure = Expected<ZipArchive>;
    if (is_ole_file(bytes)) {
        return Failure::failure("not a zip archive (an OLE file: a password-protected or legacy Office document)");
    }
    // Every zip starts with a local header, or with the end record when it is empty. Checking
    // first keeps any other data from reaching libarchive's zip reader at all.
    if (!bytes.starts_with("PK\x03\x04") && !bytes.starts_with("PK\x05\x06")) {
        return Failure::failure("not a zip archive");
    }
    auto reader = open_reader(bytes);
    if (!reader) {
        return Failure::failure(reader.error());
    }
    ZipArchive archive(bytes, limits);
    for (;;) {
        struct archive_entry* entry = nullptr;
        const int status = archive_read_next_header(reader->get(), &entry);
        if (status == ARCHIVE_EOF) {
            break;
        }
        if (status < ARCHIVE_WARN) {
            return Failure::failure(damaged(reader->get()));
        }
        const char* name = archive_entry_pathname(entry);
        archive.m_names.emplace_back(name ? name : "");
        // Skipping a member read in order may mean inflating it, and a damaged one fails here.
        if (archive_read_data_skip(reader->get()) < ARCHIVE_WARN) {
            return Failure::failure(damaged(reader->get()));
        }
    }
    return archive;
}

std::optional<std::string> ZipArchive::find(std::string_view name) const
{
    if (std::find(m_names.begin(), m_names.end(), name) != m_names.end()) {
        return std::string(name);
    }
    const std::string lowered = ascii_lower(name);
    for (const std::string& candidate : m_names) {
        if (candidate.size() == name.size() && ascii_lower(candidate) == lowered) {
            return candidate;
        }
    }
    return std::nullopt;
}

Expected<std::map<std::string, std::string>> ZipArchive::read(const std::vector<std::string>& names)
{
    using Members = std::map<std::string, std::string>;
    using Failure = Expected<Members>;
    std::set<std::string> wanted(names.begin(), names.end());
    Members members;
    if (wanted.empty()) {
        return members;
    }
    auto reader = open_reader(m_bytes);
    if (!reader) {
        return Failure::failure(reader.error());
    }
    std::array<char, 1 << 16> buffer{};
    while (!wanted.empty()) {
        struct archive_entry* entry = nullptr;
        const int status = archive_read_next_header(reader->get(), &entry);
        if (status == ARCHIVE_EOF) {
            break;
        }
        if (status < ARCHIVE_WARN) {
            return Failure::failure(damaged(reader->get()));
        }
        const char* raw_name = archive_entry_pathname(entry);
        const std::string name = raw_name ? raw_name : "";
        if (wanted.erase(name) == 0) {
            continue; // the next header call skips the data
        }
        if (archive_entry_is_encrypted(entry)) {
            return Failure::failure(fmt::format("encrypted zip member {}", name));
        }
        const std::size_t budget =
            std::min(m_limits.member_bytes, m_limits.total_bytes - std::min(m_limits.total_bytes, m_bytes_read));
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) >= 0 &&
            static_cast<std::size_t>(archive_entry_size(entry)) > budget) {
            return Failure::failure(std::string(k_zip_bomb_message));
        }
        std::string content;
        // The declared size may lie: the limit holds while inflating too.
        for (;;) {
            const la_ssize_t n = archive_read_data(reader->get(), buffer.data(), buffer.size());
            if (n == 0) {
                break;
            }
            if (n < 0) {
                if (archive_entry_is_encrypted(entry)) {
                    return Failure::failure(fmt::format("encrypted zip member {}", name));
                }
                return Failure::failure(damaged(reader->get()));
            }
            if (static_cast<std::size_t>(n) > budget - content.size()) {
                return Failure::failure(std::string(k_zip_bomb_message));
            }
            content.append(buffer.data(), static_cast<std::size_t>(n));
        }
        m_bytes_read += content.size();
        members.emplace(name, std::move(content));
    }
    return members;
}

} // namespace kosh
