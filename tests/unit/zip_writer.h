// Builds zip archives in memory for the DOCX, ODT and EPUB reader tests, with libarchive's
// writer, so the fixtures are made from XML the tests spell out and need no outside tool.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kosh::test {

struct ZipMember {
    std::string name;
    std::string content;
    /// When set, the member is this many zero bytes instead of `content`, written without
    /// holding them all: a zip bomb's payload.
    std::size_t zeros = 0;
};

enum class ZipCompression { deflate, store };

inline std::string make_zip(const std::vector<ZipMember>& members, ZipCompression compression = ZipCompression::deflate)
{
    std::string out;
    const std::unique_ptr<struct archive, int (*)(struct archive*)> writer(archive_write_new(), &archive_write_free);
    archive_write_set_format_zip(writer.get());
    if (compression == ZipCompression::deflate) {
        archive_write_zip_set_compression_deflate(writer.get());
    } else {
        archive_write_zip_set_compression_store(writer.get());
    }
    archive_write_set_bytes_in_last_block(writer.get(), 1); // no padding after the archive
    auto append = [](struct archive*, void* sink, const void* data, std::size_t size) -> la_ssize_t {
        static_cast<std::string*>(sink)->append(static_cast<const char*>(data), size);
        return static_cast<la_ssize_t>(size);
    };
    if (archive_write_open(writer.get(), &out, nullptr, append, nullptr) != ARCHIVE_OK) {
        throw std::runtime_error("cannot open the zip writer");
    }
    const std::string zeros(std::size_t{1} << 20, '\0');
    for (const ZipMember& member : members) {
        const std::unique_ptr<struct archive_entry, void (*)(struct archive_entry*)> entry(archive_entry_new(),
                                                                                           &archive_entry_free);
        const std::size_t size = member.zeros > 0 ? member.zeros : member.content.size();
        archive_entry_set_pathname(entry.get(), member.name.c_str());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_size(entry.get(), static_cast<la_int64_t>(size));
        archive_write_header(writer.get(), entry.get());
        for (std::size_t at = 0; at < size; at += zeros.size()) {
            const std::size_t slice = std::min(zeros.size(), size - at);
            archive_write_data(writer.get(), member.zeros > 0 ? zeros.data() : member.content.data() + at, slice);
        }
    }
    archive_write_close(writer.get());
    return out;
}

} // namespace kosh::test
