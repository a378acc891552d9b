// The passages of the files read to measure the average passage length, kept so that indexing
// does not parse those files a second time.
#pragma once

#include "index/passage_record.h"

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kosh {

/// Safe to use from several threads at once.
class SampledParses {
public:
    /// Keeps the passages parsed from `content`, the whole of the file indexed as `path`.
    void keep(const std::string& path, std::string content, std::vector<PassageRecord> passages);

    /// The passages kept for `path`, when they were parsed from exactly `content`; nullopt when
    /// none were kept or the file has changed since. Either way they are let go: each file is
    /// indexed once.
    [[nodiscard]] std::optional<std::vector<PassageRecord>> take(const std::string& path, std::string_view content);

private:
    struct Parse {
        std::string content;
        std::vector<PassageRecord> passages;
    };
    std::mutex m_mutex;
    std::unordered_map<std::string, Parse> m_parses;
};

} // namespace kosh
