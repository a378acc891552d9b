// Whether the files behind search results are still as they were indexed: compares each shown
// file's size and mtime with what the index remembers, so kosh can say a hit is out of date.
#pragma once

#include "index/passage_record.h"

#include <xapian.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kosh {

enum class Freshness {
    fresh,   // as indexed (or the index does not know: nothing to compare with)
    changed, // size or mtime differ from what was indexed
    deleted, // no longer on disk
};

/// Answers for one index; remembers each file's answer, so a batch stats each file once.
/// Only the files asked about are looked at: a few stats and metadata reads per result.
class FreshnessCheck {
public:
    /// Opens the index at `index_dir` on its own (when first asked), so that checks on one
    /// thread never share a database handle with searches on another.
    explicit FreshnessCheck(std::filesystem::path index_dir);

    [[nodiscard]] Freshness of(const std::string& path);

    /// Forgets every answer and the open index, after the index has changed (--refresh).
    void forget();

private:
    void open();

    std::filesystem::path m_index_dir;
    bool m_opened = false;
    bool m_checkable = true;                // false with remote shards: every file counts as fresh
    std::vector<Xapian::Database> m_shards; // a file's state is in the metadata of its own shard
    std::map<std::string, Freshness> m_known;
};

} // namespace kosh
