// Whether the files behind search results are still as they were indexed.
#include "index/file_freshness.h"

#include "index/file_names.h"
#include "index/file_outcome.h"
#include "index/shards.h"

#include <algorithm>
#include <cerrno>

namespace kosh {

namespace {

/// The state the index keeps for `path`, from whichever shard holds it.
std::optional<FileState> indexed_state(const std::vector<Xapian::Database>& shards, const std::string& path)
{
    const std::string key = file_state_key(path);
    for (const auto& shard : shards) {
        if (const std::string data = shard.get_metadata(key); !data.empty()) {
            return decode_file_state(data);
        }
    }
    return std::nullopt;
}

Freshness compare_with_disk(const std::optional<FileState>& indexed, const std::string& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        // Only a file that is really gone is "deleted": an unreadable folder or a passing I/O error
        // says nothing about the file.
        return errno == ENOENT || errno == ENOTDIR ? Freshness::deleted : Freshness::fresh;
    }
    if (!indexed) {
        return Freshness::fresh;
    }
    const bool same = indexed->size == static_cast<std::uint64_t>(info.st_size) && indexed->mtime_ns == mtime_ns(info);
    return same ? Freshness::fresh : Freshness::changed;
}

} // namespace

FreshnessCheck::FreshnessCheck(std::filesystem::path index_dir) : m_index_dir(std::move(index_dir))
{
}

void FreshnessCheck::open()
{
    m_opened = true;
    if (!is_sharded(m_index_dir)) {
        m_shards = {Xapian::Database(m_index_dir.string())};
        return;
    }
    // A remote shard's files are on its own machine, where this one cannot look.
    const auto shards = read_stub(m_index_dir);
    m_checkable = std::none_of(shards.begin(), shards.end(), [](const ShardRef& shard) { return shard.remote(); });
    for (const auto& shard : shards) {
        if (m_checkable) {
            m_shards.push_back(open_shard(shard));
        }
    }
}

void FreshnessCheck::forget()
{
    m_known.clear();
    m_shards.clear();
    m_opened = false;
    m_checkable = true;
}

Freshness FreshnessCheck::of(const std::string& path)
{
    if (const auto known = m_known.find(path); known != m_known.end()) {
        return known->second;
    }
    if (!m_opened) {
        open();
    }
    // A relative path comes from an index that named files relative to where it was built: it
    // cannot be checked from here.
    const Freshness freshness = m_checkable && path.starts_with('/')
                                    ? compare_with_disk(indexed_state(m_shards, path), path)
                                    : Freshness::fresh;
    m_known.emplace(path, freshness);
    return freshness;
}

} // namespace kosh
