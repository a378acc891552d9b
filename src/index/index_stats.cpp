// Figures about an index for `kosh stats`.
#include "index/index_stats.h"

#include "index/database.h"
#include "index/file_states.h"
#include "index/index_roots.h"
#include "index/length_norm.h"
#include "index/passage_record.h"
#include "index/schema.h"
#include "util/ascii.h"

#include <xapian.h>

namespace kosh {

IndexStats count_files(const Xapian::Database& db, const std::filesystem::path& dir)
{
    IndexStats stats;
    stats.index_dir = dir.string();
    for (const auto& root : stored_roots(db)) {
        std::error_code error;
        stats.roots.push_back(RootStats{root.path, 0, !std::filesystem::exists(root.path, error)});
    }
    const std::string file_prefix(schema::k_meta_file_prefix);
    for (const auto& shard : open_shards(db, dir)) {
        for (auto key = shard.metadata_keys_begin(file_prefix); key != shard.metadata_keys_end(file_prefix); ++key) {
            ++stats.files;
            // One metadata read per file: the format is kept in its state, current through updates.
            const auto state = decode_file_state(shard.get_metadata(*key));
            ++stats.files_by_format[state && !state->format.empty() ? state->format : "unknown"];
            const std::string path = path_of_state(*key, state);
            for (auto& root : stats.roots) {
                if (is_within(path, root.path)) {
                    ++root.files;
                    break;
                }
            }
        }
    }
    return stats;
}

IndexStats collect_index_stats(const Xapian::Database& db, const std::filesystem::path& dir)
{
    IndexStats stats = count_files(db, dir);
    stats.passages = db.get_doccount();
    // Body words are case-folded and unprefixed; prefixed terms start with an upper-case letter.
    for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
        if (!is_ascii_upper((*term)[0])) {
            ++stats.terms;
        }
    }
    std::error_code error;
    for (auto entry = std::filesystem::recursive_directory_iterator(dir, error);
         !error && entry != std::filesystem::recursive_directory_iterator(); entry.increment(error)) {
        if (entry->is_regular_file(error)) {
            stats.bytes_on_disk += entry->file_size(error);
        }
    }
    const IndexInfo info = read_index_info(db);
    stats.language = info.language;
    stats.indexed_at = info.indexed_at;
    stats.average_length = read_length_norm(db).average_length();
    return stats;
}

} // namespace kosh
