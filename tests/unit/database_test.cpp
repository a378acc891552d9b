// Tests for open_index on sharded indexes: every shard must share the format, language and
// average passage length.
#include "index/database.h"

#include "index/schema.h"
#include "temp_dir.h"
#include "util/error.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>

namespace {

using kosh::test::TempDir;

/// A one-document shard stamped with `format`, `language` and `average_length`, as `kosh index`
/// stamps an index.
void write_shard(const std::filesystem::path& dir, const std::string& format, const std::string& language,
                 const std::string& average_length = "57.5")
{
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
    Xapian::Document document;
    document.add_term("Zglacier");
    db.add_document(document);
    db.set_metadata(std::string(kosh::schema::k_meta_format), format);
    db.set_metadata(std::string(kosh::schema::k_meta_language), language);
    db.set_metadata(std::string(kosh::schema::k_meta_average_length), average_length);
    db.commit();
}

void write_stub(const std::filesystem::path& index, const std::string& text)
{
    std::filesystem::create_directories(index);
    std::ofstream(index / "XAPIANDB") << text;
}

std::string error_opening(const std::filesystem::path& index)
{
    try {
        (void)kosh::open_index(index);
    } catch (const kosh::Fatal& error) {
        return error.what();
    }
    return "";
}

const std::string k_format = std::to_string(kosh::schema::k_format_version);

TEST_CASE("open_index opens shards that share their format and language as one database", "[index]")
{
    const TempDir temp;
    write_shard(temp.path() / "a", k_format, "english");
    write_shard(temp.path() / "b", k_format, "english");
    write_stub(temp.path() / "index", "auto ../a\nauto ../b\n");
    CHECK(error_opening(temp.path() / "index").empty());
    CHECK(kosh::open_index(temp.path() / "index").get_doccount() == 2);
}

TEST_CASE("open_index refuses a shard built with another language, naming both shards", "[index]")
{
    const TempDir temp;
    write_shard(temp.path() / "a", k_format, "english");
    write_shard(temp.path() / "b", k_format, "none");
    write_stub(temp.path() / "index", "auto ../a\nauto ../b\n");
    const std::string error = error_opening(temp.path() / "index");
    CHECK(error.find("--language none") != std::string::npos);
    CHECK(error.find("--language english") != std::string::npos);
    // Shards are named by the path the stub gives, read from the stub's folder.
    CHECK(error.find((temp.path() / "index" / ".." / "b").string()) != std::string::npos);
    CHECK(error.find((temp.path() / "index" / ".." / "a").string()) != std::string::npos);
}

TEST_CASE("open_index refuses a shard in another index format, even when it is not the first", "[index]")
{
    const TempDir temp;
    write_shard(temp.path() / "a", k_format, "english");
    write_shard(temp.path() / "b", "1", "english");
    write_stub(temp.path() / "index", "auto ../a\nauto ../b\n");
    const std::string error = error_opening(temp.path() / "index");
    CHECK(error.find("index format 1 but shard") != std::string::npos);
    CHECK(error.find("has " + k_format + ";") != std::string::npos);
}

} // namespace

TEST_CASE("open_index refuses shards that divide by different average passage lengths", "[index]")
{
    const TempDir temp;
    write_shard(temp.path() / "a", k_format, "english", "57.5");
    write_shard(temp.path() / "b", k_format, "english", "61.25");
    write_stub(temp.path() / "index", "auto ../a\nauto ../b\n");
    const std::string error = error_opening(temp.path() / "index");
    CHECK(error.find("divides by an average passage length of 61.25 but shard") != std::string::npos);
    CHECK(error.find("by 57.5; index every shard with the same --average-length") != std::string::npos);
}
