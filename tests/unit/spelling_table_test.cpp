// Tests for spelling_table: counting, applying and taking passage words off the spelling table.
#include "index/spelling_table.h"

#include "spelling_words.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <map>
#include <string>

namespace {

using Counts = std::map<std::string, Xapian::doccount>;

} // namespace

TEST_CASE("add_word_counts adds word by word", "[index]")
{
    kosh::WordCounts total{{"river", 2}, {"lake", -1}};
    kosh::add_word_counts(total, {{"river", 3}, {"glacier", 1}, {"lake", 1}});
    CHECK(total == kosh::WordCounts{{"river", 5}, {"glacier", 1}, {"lake", 0}});
}

TEST_CASE("apply_spellings adds positive changes, removes negative ones and ignores zero", "[index]")
{
    kosh::test::TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    kosh::apply_spellings(db, {{"river", 3}, {"lake", 2}, {"glacier", 0}});
    CHECK(spellings_of(db) == Counts{{"lake", 2}, {"river", 3}});

    kosh::apply_spellings(db, {{"river", -1}, {"lake", -2}});
    CHECK(spellings_of(db) == Counts{{"river", 2}});
}

TEST_CASE("clear_spellings empties the spelling table", "[index]")
{
    kosh::test::TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    kosh::apply_spellings(db, {{"river", 3}, {"lake", 2}, {"glacier", 7}});
    kosh::clear_spellings(db);
    CHECK(spellings_of(db).empty());
}

TEST_CASE("subtract_spellings takes off each spelling word of one file's passages, once per occurrence", "[index]")
{
    kosh::test::TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    auto passage = [&](const std::string& file_term, const std::vector<std::string>& words) {
        Xapian::Document document;
        for (std::size_t i = 0; i < words.size(); ++i) {
            document.add_posting(words[i], static_cast<Xapian::termpos>(i + 1), 0);
        }
        document.add_posting("Zriver", 1, 0); // a stem: not a spelling word
        document.add_boolean_term(file_term);
        db.add_document(document);
    };
    passage("Pa.txt", {"river", "river", "lake", "42", "of"});
    passage("Pa.txt", {"river"});
    passage("Pb.txt", {"river", "glacier"}); // another file's: left alone
    db.commit();                             // as a run finds them: written by an earlier one

    kosh::WordCounts spellings{{"glacier", 1}};
    kosh::subtract_spellings(db, "Pa.txt", spellings);
    CHECK(spellings == kosh::WordCounts{{"river", -3}, {"lake", -1}, {"glacier", 1}});
}
