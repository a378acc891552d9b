// Named members of a zip archive held in memory (DOCX, ODT and EPUB files are zips).
#pragma once

#include "util/decompress.h"
#include "util/error.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// How much a zip may unpack to: a few hundred bytes of deflate can declare or produce
/// gigabytes of zeros (a zip bomb), and the members are read whole into memory.
struct ZipLimits {
    std::size_t member_bytes = k_max_decompressed_bytes; // any one member
    std::size_t total_bytes = k_max_decompressed_bytes;  // all the members read, together
};

/// The member names of a zip, and the text of the members asked for. The bytes are read in
/// place: they must outlive the ZipArchive.
class ZipArchive {
public:
    /// Lists the members. Fails with "not a zip archive" (naming an OLE file, which is what a
    /// password-protected or legacy Office document is), or "damaged zip: ..." when the
    /// directory cannot be read.
    [[nodiscard]] static Expected<ZipArchive> open(std::string_view bytes, ZipLimits limits = {});

    /// Every member name in archive order, directories included.
    [[nodiscard]] const std::vector<std::string>& names() const { return m_names; }

    /// The member called `name`, or else one whose name differs only in ASCII case (zips made
    /// on Windows spell paths loosely); nullopt when there is none.
    [[nodiscard]] std::optional<std::string> find(std::string_view name) const;

    /// The content of each member in `names` that the archive holds (absent ones are left out),
    /// in one pass. Fails with "encrypted zip member NAME", "too large when unpacked (zip
    /// bomb?)" when a member declares or produces more than the limits allow (the total counts
    /// every read on this archive), or "damaged zip: ...".
    [[nodiscard]] Expected<std::map<std::string, std::string>> read(const std::vector<std::string>& names);

private:
    ZipArchive(std::string_view bytes, ZipLimits limits) : m_bytes(bytes), m_limits(limits) {}

    std::string_view m_bytes;
    ZipLimits m_limits;
    std::vector<std::string> m_names;
    std::size_t m_bytes_read = 0;
};

/// The message every reader gives for a member over the limits.
inline constexpr std::string_view k_zip_bomb_message = "too large when unpacked (zip bomb?)";

} // namespace kosh
