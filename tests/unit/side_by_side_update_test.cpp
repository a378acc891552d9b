// Tests for update_shards and build_from_parts: several databases of one index written at once.
#include "index/side_by_side_update.h"

#include "index/fresh_build.h"
#include "index/passage_record.h"
#include "index/shards.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <xapian.h>

#include <string>
#include <vector>

namespace {

using Groups = std::vector<std::vector<kosh::SourceFile>>;

/// Files f0.txt .. f{count-1}.txt, one passage each naming its file.
std::vector<kosh::SourceFile> write_files(const kosh::test::TempDir& dir, int count)
{
    std::vector<kosh::SourceFile> files;
    for (int i = 0; i < count; ++i) {
        const std::string name = fmt::format("f{}.txt", i);
        files.push_back(
            kosh::SourceFile{dir.write("src/" + name, fmt::format("Passage of file number {}.\n", i)), name});
    }
    return files;
}

/// The paths of the passages of `db`, in document order.
std::vector<std::string> paths_in(const Xapian::Database& db)
{
    std::vector<std::string> paths;
    for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc) {
        const auto record = kosh::decode_record(db.get_document(*doc).get_data());
        REQUIRE(record);
        paths.push_back(record->path);
    }
    return paths;
}

} // namespace

TEST_CASE("build_from_parts merges the parts into one database numbered as one writer would", "[index]")
{
    kosh::test::TempDir dir;
    const auto files = write_files(dir, 5);
    kosh::IndexOptions options;
    options.index_dir = dir / "index";
    const kosh::RunSettings settings{options, kosh::LengthNorm(20.0)};
    const Groups parts{{files[0], files[1]}, {files[2]}, {files[3], files[4]}};

    const auto summary = kosh::build_from_parts(parts, settings, {});
    CHECK(summary.files == 5);
    CHECK(summary.indexed == 5);
    CHECK(summary.passages == 5);
    CHECK(paths_in(Xapian::Database(options.index_dir.string())) ==
          std::vector<std::string>{"f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt"});
    CHECK_FALSE(kosh::holds_no_index(options.index_dir));
    CHECK_FALSE(std::filesystem::exists(kosh::part_dir(options.index_dir, 0)));
}

TEST_CASE("update_shards writes each group into its shard and lists the shards in a stub", "[index]")
{
    kosh::test::TempDir dir;
    const auto files = write_files(dir, 3);
    kosh::IndexOptions options;
    options.index_dir = dir / "index";
    const kosh::RunSettings settings{options, kosh::LengthNorm(20.0)};

    const auto summary = kosh::update_shards(Groups{{files[0], files[2]}, {files[1]}}, settings, {});
    CHECK(summary.files == 3);
    CHECK(summary.indexed == 3);
    REQUIRE(kosh::is_sharded(options.index_dir));
    CHECK(kosh::read_stub(options.index_dir).size() == 2);
    CHECK(paths_in(Xapian::Database(kosh::shard_dir(options.index_dir, 0).string())) ==
          std::vector<std::string>{"f0.txt", "f2.txt"});
    CHECK(paths_in(Xapian::Database(kosh::shard_dir(options.index_dir, 1).string())) ==
          std::vector<std::string>{"f1.txt"});
}
