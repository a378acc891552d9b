// Tests for index_layout: how many shards a run writes, how files are dealt to them, and when a
// fresh build is split in parts.
#include "index/index_layout.h"

#include "index/fresh_build.h"
#include "index/shards.h"
#include "util/error.h"
#include "util/file_io.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <xapian.h>

#include <string>
#include <vector>

namespace {

kosh::IndexOptions options_for(const std::filesystem::path& index_dir, std::size_t shards)
{
    kosh::IndexOptions options;
    options.index_dir = index_dir;
    options.shards = shards;
    return options;
}

void make_single_index(const std::filesystem::path& dir)
{
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
    db.commit();
}

std::vector<std::string> paths_of(const std::vector<kosh::SourceFile>& files)
{
    std::vector<std::string> paths;
    for (const auto& file : files) {
        paths.push_back(file.path);
    }
    return paths;
}

} // namespace

TEST_CASE("shard_count: a new index has as many shards as asked for, one by default", "[index]")
{
    kosh::test::TempDir dir;
    CHECK(kosh::shard_count(options_for(dir / "index", 0)) == 1);
    CHECK(kosh::shard_count(options_for(dir / "index", 3)) == 3);
}

TEST_CASE("shard_count: an existing index decides, and --shards may only agree with it", "[index]")
{
    kosh::test::TempDir dir;
    SECTION("a single database")
    {
        make_single_index(dir / "index");
        CHECK(kosh::shard_count(options_for(dir / "index", 0)) == 1);
        CHECK(kosh::shard_count(options_for(dir / "index", 1)) == 1);
        CHECK_THROWS_WITH(kosh::shard_count(options_for(dir / "index", 2)),
                          (dir / "index").string() +
                              ": the index is not sharded; delete the folder to rebuild it with --shards 2");
    }
    SECTION("a sharded index")
    {
        dir.mkdir("index");
        kosh::write_stub(dir / "index", 2);
        CHECK(kosh::shard_count(options_for(dir / "index", 0)) == 2);
        CHECK(kosh::shard_count(options_for(dir / "index", 2)) == 2);
        CHECK_THROWS_WITH(kosh::shard_count(options_for(dir / "index", 3)),
                          (dir / "index").string() +
                              ": the index has 2 shards, not 3; delete the folder to change the number");
    }
}

TEST_CASE("split_by_shard deals each file to the shard its path hashes to, keeping their order", "[index]")
{
    std::vector<kosh::SourceFile> files;
    for (int i = 0; i < 40; ++i) {
        files.push_back(kosh::SourceFile{"", fmt::format("docs/file{}.md", i)});
    }
    const auto shards = kosh::split_by_shard(files, 3);
    REQUIRE(shards.size() == 3);
    std::size_t dealt = 0;
    for (std::size_t shard = 0; shard < shards.size(); ++shard) {
        CHECK_FALSE(shards[shard].empty());
        int previous = -1;
        for (const auto& file : shards[shard]) {
            CHECK(kosh::fingerprint(file.path) % 3 == shard);
            const int index = std::stoi(file.path.substr(std::string("docs/file").size()));
            CHECK(index > previous); // in the order given
            previous = index;
        }
        dealt += shards[shard].size();
    }
    CHECK(dealt == files.size());
    CHECK(paths_of(kosh::split_by_shard(files, 1)[0]) == paths_of(files));
}

TEST_CASE("fresh_parts splits a new index's files, and none of an index to update", "[index]")
{
    kosh::test::TempDir dir;
    std::vector<kosh::SourceFile> files;
    for (int i = 0; i < 4; ++i) {
        const std::string name = fmt::format("f{}.txt", i);
        files.push_back(kosh::SourceFile{dir.write(name, std::string(1000, 'x')), name});
    }
    const auto parts = kosh::fresh_parts(options_for(dir / "index", 0), files);
    const auto expected = kosh::split_in_parts(files, kosh::fresh_writers());
    REQUIRE(parts.size() == expected.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        CHECK(paths_of(parts[i]) == paths_of(expected[i]));
    }
    if (kosh::fresh_writers() > 1) {
        CHECK(parts.size() > 1); // four equal files: worth two writers
    }
    make_single_index(dir / "index");
    CHECK(kosh::fresh_parts(options_for(dir / "index", 0), files).empty());
}
