// The passages of the files read to measure the average passage length, kept so that indexing
// does not parse those files a second time.
#include "index/sampled_parses.h"

#include <utility>

namespace kosh {

void SampledParses::keep(const std::string& path, std::string content, std::vector<PassageRecord> passages)
{
    const std::lock_guard guard(m_mutex);
    m_parses.insert_or_assign(path, Parse{std::move(content), std::move(passages)});
}

std::optional<std::vector<PassageRecord>> SampledParses::take(const std::string& path, std::string_view content)
{
    const std::lock_guard guard(m_mutex);
    const auto found = m_parses.find(path);
    if (found == m_parses.end()) {
        return std::nullopt;
    }
    Parse parse = std::move(found->second);
    m_parses.erase(found);
    // The bytes compared, not a fingerprint: a file edited since the sample must be parsed again.
    if (parse.content != content) {
        return std::nullopt;
    }
    return std::move(parse.passages);
}

} // namespace kosh
