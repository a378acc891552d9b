// Opens an index for reading, with one-line errors that tell the user what to do.
#include "index/database.h"

#include "index/schema.h"
#include "index/shards.h"
#include "util/error.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>

namespace kosh {

namespace {

/// What a shard says of itself: the format, language and average passage length it was written with.
struct ShardStamp {
    std::string name; // its folder, or HOST:PORT for a remote shard
    std::string format;
    std::string language;
    std::string average_length;
};

std::string shard_name(const ShardRef& shard)
{
    return shard.remote() ? fmt::format("{}:{}", shard.host, shard.port) : shard.path.string();
}

void check_same_stamp(const std::filesystem::path& dir, const ShardStamp& first, const ShardStamp& other)
{
    auto shown = [](const std::string& value) { return value.empty() ? std::string("(not recorded)") : value; };
    if (other.format != first.format) {
        throw Fatal(fmt::format("{}: shard {} has index format {} but shard {} has {}; index every shard with the "
                                "same kosh ('kosh index --rebuild' for an index kosh split into shards itself)",
                                dir.string(), other.name, shown(other.format), first.name, shown(first.format)));
    }
    if (other.language != first.language) {
        throw Fatal(fmt::format("{}: shard {} was built with --language {} but shard {} with --language {}; index "
                                "every shard with the same language ('kosh index --rebuild --language LANG' for an "
                                "index kosh split into shards itself)",
                                dir.string(), other.name, shown(other.language), first.name, shown(first.language)));
    }
    // Each shard's weights are divided by its own average (length_norm.h): shards built apart with
    // different ones would rank unlike one database, and a b other than the index's would undo
    // them all with the first shard's.
    if (other.average_length != first.average_length) {
        throw Fatal(fmt::format("{}: shard {} divides by an average passage length of {} but shard {} by {}; index "
                                "every shard with the same --average-length",
                                dir.string(), other.name, shown(other.average_length), first.name,
                                shown(first.average_length)));
    }
}

} // namespace

Xapian::Database open_index(const std::filesystem::path& dir)
{
    std::error_code ignored;
    if (!std::filesystem::exists(dir / "iamglass", ignored) && !is_sharded(dir)) {
        throw Fatal(fmt::format(
            "{}: no index here; index files and folders with 'kosh index PATH...' first (or point --index or KOSH_INDEX at an index)",
            dir.string()));
    }
    Xapian::Database db;
    try {
        if (is_sharded(dir)) {
            // Xapian reads metadata from the first shard only, so the format and language checks
            // below would pass over a shard written by another kosh or with another language.
            std::optional<ShardStamp> first;
            for (const auto& shard : read_stub(dir)) {
                Xapian::Database opened = open_shard(shard);
                ShardStamp stamp{shard_name(shard), opened.get_metadata(std::string(schema::k_meta_format)),
                                 opened.get_metadata(std::string(schema::k_meta_language)),
                                 opened.get_metadata(std::string(schema::k_meta_average_length))};
                if (!first) {
                    first = std::move(stamp);
                } else {
                    check_same_stamp(dir, *first, stamp);
                }
                db.add_database(opened);
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
        // An index from before roots were kept cannot be rebuilt from them: the paths must be named.
        const bool has_roots = !db.get_metadata(std::string(schema::k_meta_roots)).empty();
        const std::string rebuild = fmt::format(
            "kosh index --rebuild{}{}", language.empty() ? "" : " --language " + language, has_roots ? "" : " PATH...");
        throw Fatal(fmt::format("{}: index format '{}' is not the format this kosh reads ({}); {}", dir.string(),
                                format, schema::k_format_version,
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
