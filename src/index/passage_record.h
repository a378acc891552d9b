// The record stored with each passage, so results are printed without re-reading the source.
#pragma once

#include "parse/document.h"

#include <optional>
#include <string>
#include <string_view>

namespace kosh {

struct PassageRecord {
    std::string path;
    std::string title;
    Paragraph passage;           // with its code spans
    std::string format = "text"; // the reader that parsed the file (Document::format)
};

/// Length-prefixed fields: safe for any bytes in paths and text.
[[nodiscard]] std::string encode_record(const PassageRecord& record);
/// nullopt when `data` is not a record this version wrote (one of an older index format is not).
[[nodiscard]] std::optional<PassageRecord> decode_record(std::string_view data);

/// What the index remembers of each file, to skip it when it has not changed.
struct FileState {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t fingerprint = 0;
    /// The file's path, stored only when it is too long to be spelled out in the metadata key
    /// (see file_state_key in index/file_names.h); empty otherwise.
    std::string long_path;
    std::string format; // the reader that parsed it, for `kosh stats`; empty in an older index
    bool operator==(const FileState&) const = default;
};

[[nodiscard]] std::string encode_file_state(const FileState& state);
[[nodiscard]] std::optional<FileState> decode_file_state(std::string_view data);

} // namespace kosh
