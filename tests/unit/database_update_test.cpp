// Tests for update_database: one database brought up to date in one transaction, named as shown.
#include "index/database_update.h"

#include "index/schema.h"
#include "util/error.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <atomic>
#include <string>
#include <vector>

namespace {

struct Fixture {
    kosh::test::TempDir dir;
    kosh::IndexOptions options;
    kosh::RunSettings settings{options, kosh::LengthNorm(20.0)};
    kosh::DatabaseTarget target{dir / "db", "shown-name"};

    kosh::SourceFile write(const std::string& name, std::string_view content) const
    {
        return kosh::SourceFile{dir.write("src/" + name, content), name};
    }

    kosh::IndexSummary update(const std::vector<kosh::SourceFile>& files, const std::atomic<bool>* stop_early = nullptr,
                              unsigned workers = 0)
    {
        return kosh::update_database(target, files, workers, settings, {}, stop_early);
    }
};

} // namespace

TEST_CASE("update_database adds new files, drops files not listed, and stores the run's metadata", "[index]")
{
    Fixture fixture;
    const auto a = fixture.write("a.txt", "Rivers run south to the plains.\n");
    const auto b = fixture.write("b.txt", "Glaciers melt in spring.\n\nLakes fill in summer.\n");
    for (const unsigned workers : {0U, 2U}) {
        INFO(workers);
        std::filesystem::remove_all(fixture.target.dir);
        auto summary = fixture.update({a, b}, nullptr, workers);
        CHECK(summary.files == 2);
        CHECK(summary.indexed == 2);
        CHECK(summary.passages == 2); // b's short paragraphs join into one passage
        {
            const Xapian::Database db(fixture.target.dir.string());
            CHECK(db.get_doccount() == 2);
            CHECK(db.get_metadata(std::string(kosh::schema::k_meta_average_length)) == kosh::LengthNorm(20.0).encode());
            CHECK(db.get_metadata(std::string(kosh::schema::k_meta_language)) == "english");
            CHECK(db.get_metadata(std::string(kosh::schema::k_meta_format)) ==
                  std::to_string(kosh::schema::k_format_version));
        }
        summary = fixture.update({b}, nullptr, workers);
        CHECK(summary.unchanged == 1);
        CHECK(summary.removed == 1);
        const Xapian::Database db(fixture.target.dir.string());
        CHECK(db.get_termfreq("rivers") == 0);
        CHECK(db.get_termfreq("glaciers") == 1);
    }
}

TEST_CASE("update_database stopped early by a sibling leaves the database as it was, naming what is shown", "[index]")
{
    Fixture fixture;
    const auto a = fixture.write("a.txt", "Rivers run south to the plains.\n");
    (void)fixture.update({a});
    const auto b = fixture.write("b.txt", "Glaciers melt in spring.\n");
    const std::atomic<bool> stop{true};
    CHECK_THROWS_WITH(fixture.update({a, b}, &stop), "shown-name: interrupted; the index was left as it was");
    const Xapian::Database db(fixture.target.dir.string());
    CHECK(db.get_doccount() == 1);
    CHECK(db.get_termfreq("glaciers") == 0);
}

TEST_CASE("update_database refuses a database of another language, naming what is shown", "[index]")
{
    Fixture fixture;
    (void)fixture.update({fixture.write("a.txt", "Rivers run south.\n")});
    fixture.options.language = "french";
    CHECK_THROWS_WITH(fixture.update({}), "shown-name: the index was built with --language english; index with "
                                          "--language english or add --rebuild");
}
