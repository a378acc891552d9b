// Opens an index for reading, with one-line errors that tell the user what to do.
#include "index/database.h"

#include "index/schema.h"
#include "index/shards.h"
#include "util/error.h"

#include <fmt/format.h>

namespace kosh {

Xapian::Database open_index(const std::filesystem::path& dir)
{
    std::error_code ignored;
    if (!std::filesystem::exists(dir / "iamglass", ignored) && !is_sharded(dir)) {
        throw Fatal(fmt::format("{}: no index here; run 'kosh index' first (or point --index or KOSH_INDEX at one)",
                                dir.string()));
    }
    Xapian::Database db;
    try {
        if (is_sharded(dir)) {
            for (const auto& shard : read_stub(dir)) {
                db.add_database(open_shard(shard));
            }
        } else {
            db = Xapian::Database(dir.string());
        }
    } catch (const Xapian::Error& error) {
        throw Fatal(fmt::format("{}: cannot open the index: {}", dir.string(), error.get_description()));
    }
    const std::string format = db.get_metadata(std::string(schema::k_meta_format));
    if (format != std::to_string(schema::k_format_version)) {
        const std::string language = db.get_metadata(std::string(schema::k_meta_language));
        const std::string rebuild = language.empty() ? "kosh index --rebuild" : "kosh index --rebuild --language " + language;
        throw Fatal(fmt::format("{}: index format '{}' is not the format this kosh reads ({}); {}", dir.string(), format,
                                schema::k_format_version,
                                schema::is_older_format(format) ? fmt::format("index again with '{}'", rebuild)
                                                                : "delete the folder and run 'kosh index' again"));
    }
    return db;
}

IndexInfo read_index_info(const Xapian::Database& db)
{
    return IndexInfo{db.get_metadata(std::string(schema::k_meta_language)),
                     db.get_metadata(std::string(schema::k_meta_indexed_at))};
}

std::string search_language(const Xapian::Database& db, const std::filesystem::path& dir, const std::string& requested)
{
    const std::string built_with = read_index_info(db).language;
    if (!requested.empty() && requested != built_with) {
        throw Fatal(fmt::format("{}: the index was built with --language {}, not {}; ask without --language, or "
                                "rebuild it with 'kosh index --rebuild --language {}'",
                                dir.string(), built_with, requested, requested));
    }
    return built_with;
}

std::vector<Xapian::Database> open_shards(const Xapian::Database& db, const std::filesystem::path& dir)
{
    if (!is_sharded(dir)) {
        return {db};
    }
    std::vector<Xapian::Database> shards;
    for (const auto& shard : read_stub(dir)) {
        try {
            shards.push_back(open_shard(shard));
        } catch (const Xapian::Error& error) {
            throw Fatal(fmt::format("{}: cannot open a shard: {}", dir.string(), error.get_description()));
        }
    }
    return shards;
}

} // namespace kosh
