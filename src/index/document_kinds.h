// Which files are not documents: source code, data, minified bundles, lock files, logs,
// patches, images and other binary files (archives, fonts, media, compiled objects), which a
// documentation search leaves out unless asked for them.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace kosh {

enum class LeftOutReason { source_code, data, minified, lock_file, log, patch, image, binary };

inline constexpr std::size_t k_left_out_reasons = 8;

/// "source code", "data", "minified", "lock file", "log", "patch", "image", "binary".
[[nodiscard]] std::string_view reason_name(LeftOutReason reason);

/// How many first bytes of a file `left_out` looks at when its name does not decide.
inline constexpr std::size_t k_sniff_bytes = 4096;

/// Whether `left_out` needs the file's first bytes: only when the name says nothing (no known
/// extension or name), since reading every file of a large tree twice would cost.
[[nodiscard]] bool needs_first_bytes(std::string_view path);

/// Why the file called `path`, starting with `first_bytes`, is not a document, or nullopt when it
/// is one. The name decides first: what kosh has a reader for (.md .txt .rst .pod .pm .pl .html ...)
/// is a document; known source, data, lock, log and patch names are not. A file whose name says
/// nothing is left out only when its content does: a "#!" script, or a minified bundle (a long
/// first line with hardly any spaces). Everything else, README, NEWS, changelog, is kept.
[[nodiscard]] std::optional<LeftOutReason> left_out(std::string_view path, std::string_view first_bytes);

/// Files left out, counted by reason.
class LeftOutTally {
public:
    void add(LeftOutReason reason) { ++m_counts[static_cast<std::size_t>(reason)]; }
    [[nodiscard]] std::size_t total() const;
    /// The reasons with a count, largest first (ties in the enum's order).
    [[nodiscard]] std::vector<std::pair<LeftOutReason, std::size_t>> by_count() const;

private:
    std::array<std::size_t, k_left_out_reasons> m_counts{};
};

} // namespace kosh
