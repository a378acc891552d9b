// Tests for the freshness check of results: stale hits marked, deleted files' hits dropped.
#include "cli/result_freshness.h"
#include "index/indexer.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

struct FreshnessFixture {
    kosh::test::TempDir dir;
    fs::path index = dir / "index";

    FreshnessFixture()
    {
        dir.write("docs/a.txt", "Alpha\n\nThe first file about rivers.\n");
        dir.write("docs/b.txt", "Beta\n\nThe second file about rivers.\n");
        dir.write("docs/c.txt", "Gamma\n\nThe third file about rivers.\n");
        kosh::IndexOptions options;
        options.request = kosh::only_these({(dir / "docs").string()});
        options.index_dir = index;
        (void)kosh::update_index(options, {});
    }

    [[nodiscard]] std::string path(const std::string& name) const
    {
        return fs::absolute(dir / "docs" / name).lexically_normal().string();
    }

    [[nodiscard]] kosh::PassageHit hit(int rank, const std::string& name) const
    {
        kosh::PassageHit hit;
        hit.rank = rank;
        hit.path = path(name);
        return hit;
    }
};

} // namespace

TEST_CASE("apply_freshness marks changed files' hits, drops deleted ones and closes up the ranks", "[freshness]")
{
    FreshnessFixture fixture;
    fixture.dir.write("docs/b.txt", "Beta\n\nThe second file, now about lakes and rivers.\n");
    fs::remove(fixture.dir / "docs" / "a.txt");

    kosh::QuestionResult result;
    result.passages = {fixture.hit(1, "a.txt"), fixture.hit(2, "b.txt"), fixture.hit(3, "c.txt")};
    kosh::Answer answer;
    answer.path = fixture.path("b.txt");
    answer.passage_rank = 2;
    result.answer = answer;

    kosh::FreshnessCheck check(fixture.index);
    kosh::cli::OutdatedFiles outdated;
    kosh::cli::apply_freshness(result, check, outdated);

    REQUIRE(result.passages.size() == 2);
    CHECK(result.passages[0].path == fixture.path("b.txt"));
    CHECK(result.passages[0].rank == 1);
    CHECK(result.passages[0].stale);
    CHECK(result.passages[1].rank == 2);
    CHECK_FALSE(result.passages[1].stale);
    CHECK(result.dropped_deleted == 1);
    REQUIRE(result.answer);
    CHECK(result.answer->stale);
    CHECK(result.answer->passage_rank == 1); // follows its passage
    CHECK(outdated.changed == std::set<std::string>{fixture.path("b.txt")});
    CHECK(outdated.deleted == std::set<std::string>{fixture.path("a.txt")});
}

TEST_CASE("apply_freshness leaves results of unchanged files alone, and drops an answer from a deleted file",
          "[freshness]")
{
    FreshnessFixture fixture;
    kosh::QuestionResult result;
    result.passages = {fixture.hit(1, "c.txt")};
    kosh::Answer answer;
    answer.path = fixture.path("a.txt");
    result.answer = answer;
    fs::remove(fixture.dir / "docs" / "a.txt");

    kosh::FreshnessCheck check(fixture.index);
    kosh::cli::OutdatedFiles outdated;
    kosh::cli::apply_freshness(result, check, outdated);
    CHECK_FALSE(result.answer);
    REQUIRE(result.passages.size() == 1);
    CHECK_FALSE(result.passages[0].stale);
    CHECK(outdated.changed.empty());
}

TEST_CASE("FreshnessCheck: a touched file with the same size is changed; a relative path is not checked", "[freshness]")
{
    FreshnessFixture fixture;
    const fs::path file = fixture.dir / "docs" / "c.txt";
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
    kosh::FreshnessCheck check(fixture.index);
    CHECK(check.of(fixture.path("c.txt")) == kosh::Freshness::changed);
    CHECK(check.of(fixture.path("b.txt")) == kosh::Freshness::fresh);
    CHECK(check.of("docs/gone.txt") == kosh::Freshness::fresh); // an older index's relative path
}
