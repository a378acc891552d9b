// Tests for file_states: storing, loading and forgetting what the index remembers of each file.
#include "index/file_states.h"

#include "index/file_names.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <map>
#include <string>

TEST_CASE("file states are stored, loaded by path and forgotten", "[index]")
{
    kosh::test::TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    const kosh::FileState nepal{120, 1'700'000'000'000'000'001, 0xabcdef, {}, "markdown"};
    const kosh::FileState notes{7, 42, 9, {}, "text"};
    kosh::store_file_state(db, "docs/nepal.md", nepal);
    kosh::store_file_state(db, "notes.txt", notes);
    db.set_metadata("kosh.format", "3"); // other metadata is not a file state
    CHECK(kosh::load_file_states(db) ==
          std::map<std::string, kosh::FileState>{{"docs/nepal.md", nepal}, {"notes.txt", notes}});

    kosh::erase_file_state(db, "notes.txt");
    CHECK(kosh::load_file_states(db) == std::map<std::string, kosh::FileState>{{"docs/nepal.md", nepal}});
}

TEST_CASE("a file state under a hashed key carries its path and loads under it", "[index]")
{
    kosh::test::TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    const std::string path = std::string(130, 'f') + "/" + std::string(130, 'g') + ".txt";
    const kosh::FileState state{5, 6, 7, {}, "markdown"};
    kosh::store_file_state(db, path, state);
    db.commit();

    const auto stored = kosh::decode_file_state(db.get_metadata(kosh::file_state_key(path)));
    REQUIRE(stored);
    CHECK(stored->long_path == path);
    // Loaded by its real path, with the path not kept twice.
    CHECK(kosh::load_file_states(db) == std::map<std::string, kosh::FileState>{{path, state}});

    kosh::erase_file_state(db, path);
    CHECK(kosh::load_file_states(db).empty());
}
