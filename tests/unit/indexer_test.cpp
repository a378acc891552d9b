// Tests for update_index and open_index: incremental runs, failures, atomicity and index metadata.
#include "index/database.h"
#include "index/indexer.h"
#include "index/length_norm.h"
#include "index/passage_record.h"
#include "index/schema.h"
#include "index/shards.h"
#include "util/error.h"

#include "spelling_words.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cctype>

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <iterator>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using kosh::IndexOptions;
using kosh::IndexSummary;
using kosh::test::ScopedCurrentDir;
using kosh::test::TempDir;

// tests/data/unit/corpus copied to a fresh folder: docs/nepal.md and docs/water.md (two passages
// each) and notes.txt (one). Indexed with "." as the input; the index names files by absolute
// path, which the checks here read below the corpus folder ("docs/nepal.md", see in_corpus).
/// `text` with every absolute path into a test corpus folder cut to the part below it.
std::string in_corpus(const std::string& text)
{
    static const std::regex corpus_folder("/[^ :]*/corpus/");
    return std::regex_replace(text, corpus_folder, "");
}

struct Corpus {
    TempDir dir;
    fs::path root = dir / "corpus";
    fs::path index = dir / "index";
    std::vector<std::string> warnings;

    Corpus() { kosh::test::copy_fixture("corpus", root); }

    IndexSummary update(const std::function<void(IndexOptions&)>& adjust = {}, kosh::IndexObserver observer = {})
    {
        IndexOptions options;
        options.request = kosh::only_these({"."});
        options.index_dir = index;
        if (adjust) {
            adjust(options);
        }
        warnings.clear();
        observer.warn = [this](const std::string& message) { warnings.push_back(in_corpus(message)); };
        ScopedCurrentDir cwd(root);
        return kosh::update_index(options, observer);
    }

    void write(const std::string& relative, std::string_view content) const
    {
        dir.write(fs::path("corpus") / relative, content);
    }

    [[nodiscard]] Xapian::Database open() const { return kosh::open_index(index); }

    /// The absolute path the index names the corpus file `relative` by.
    [[nodiscard]] std::string path(const std::string& relative) const
    {
        return (fs::absolute(root) / relative).lexically_normal().generic_string();
    }
    /// The path-filter term of the corpus file (or folder, ending in '/') `relative`.
    [[nodiscard]] std::string term(const std::string& relative) const
    {
        std::string term = "P"; // lexically_normal keeps a folder's trailing '/'
        term += path(relative);
        return term;
    }
};

void check_summary(const IndexSummary& summary, std::size_t files, std::size_t indexed, std::size_t unchanged,
                   std::size_t removed, std::size_t failed, std::size_t passages)
{
    CHECK(summary.files == files);
    CHECK(summary.indexed == indexed);
    CHECK(summary.unchanged == unchanged);
    CHECK(summary.removed == removed);
    CHECK(summary.failed == failed);
    CHECK(summary.passages == passages);
    CHECK(summary.seconds >= 0.0);
}

// The decoded records of the passages indexed under `term`, in document order.
std::vector<kosh::PassageRecord> records_with(const Xapian::Database& db, const std::string& term)
{
    std::vector<kosh::PassageRecord> records;
    for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting) {
        auto record = kosh::decode_record(db.get_document(*posting).get_data());
        REQUIRE(record);
        records.push_back(std::move(*record));
    }
    return records;
}

std::vector<std::string> paths_with(const Xapian::Database& db, const std::string& term)
{
    std::vector<std::string> paths;
    for (const auto& record : records_with(db, term)) {
        paths.push_back(in_corpus(record.path));
    }
    return paths;
}

using Strings = std::vector<std::string>;

/// Marks the database at `dir` (made if missing) as written in index format `format`.
void set_index_format(const fs::path& dir, const std::string& format)
{
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata("kosh.format", format);
    db.commit();
}

} // namespace

TEST_CASE("update_index indexes every passage with its record, terms and metadata", "[index]")
{
    Corpus corpus;
    check_summary(corpus.update(), 3, 3, 0, 0, 0, 5);
    CHECK(corpus.warnings.empty());

    const Xapian::Database db = corpus.open();
    CHECK(db.get_doccount() == 5);
    SECTION("the record of a passage")
    {
        const auto records = records_with(db, corpus.term("docs/nepal.md"));
        REQUIRE(records.size() == 2);
        CHECK(records[0].path == corpus.path("docs/nepal.md"));
        CHECK(records[0].title == "Nepal");
        CHECK(records[0].passage.sections == Strings{"Geography"});
        CHECK(records[0].passage.first_line == 5);
        CHECK(records[0].passage.last_line == 6);
        CHECK(records[0].passage.text ==
              "Nepal is a landlocked country in South Asia. Its capital is Kathmandu,\nwhich lies in a valley.");
        CHECK(records[1].passage.sections == Strings{"Relations"});
        CHECK(records[1].passage.first_line == 10);
    }
    SECTION("terms: words, stems, headings, title and path filters")
    {
        CHECK(paths_with(db, "kathmandu") == Strings{"docs/nepal.md"});
        CHECK(paths_with(db, "Zrelat") == Strings{"docs/nepal.md"});
        CHECK(paths_with(db, "ZShydropow") == Strings{"docs/water.md"});
        CHECK(paths_with(db, "Shydropower") == Strings{"docs/water.md"});
        CHECK(paths_with(db, "Twater") == Strings{"docs/water.md", "docs/water.md"});
        CHECK(paths_with(db, "Tnotes") == Strings{"notes.txt"});
        CHECK(db.get_termfreq(corpus.term("docs/")) == 4);
        CHECK(db.get_termfreq(corpus.term("notes.txt")) == 1);
        CHECK(db.get_termfreq("Kathmandu") == 0); // words are stored normalized
    }
    SECTION("the ranking term counts heading and title words, weighted")
    {
        // wdfs are scaled by the passage's length (length_norm.h): `raw` undoes that.
        const kosh::LengthNorm norm = kosh::read_length_norm(db);
        auto raw = [&](const std::string& term) {
            std::vector<Xapian::termcount> wdfs;
            for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting) {
                const double divisor = norm.divisor(db.get_doclength(*posting) / kosh::k_length_scale);
                for (Xapian::termcount frequency = 1;; ++frequency) {
                    if (kosh::LengthNorm::scaled_wdf(frequency, divisor) == posting.get_wdf()) {
                        wdfs.push_back(frequency);
                        break;
                    }
                    REQUIRE(frequency < 100);
                }
            }
            return wdfs;
        };
        // The Hydropower section's passage lacks both words in its text: each comes from a
        // heading (x2) or the title "Water" (x3), once.
        CHECK(raw("Zhydropow") == std::vector<Xapian::termcount>{kosh::schema::k_heading_wdf});
        CHECK(raw("Zwater") == std::vector<Xapian::termcount>{kosh::schema::k_title_wdf, kosh::schema::k_title_wdf});
        CHECK(paths_with(db, "Zkathmandu") == Strings{"docs/nepal.md"}); // and the text's words, once each
        CHECK(raw("Zkathmandu") == std::vector<Xapian::termcount>{1});
    }
    SECTION("every wdf is divided by the passage's length, which the document length keeps")
    {
        const kosh::LengthNorm norm = kosh::read_length_norm(db);
        double total_length = 0.0;
        for (Xapian::docid docid = 1; docid <= db.get_lastdocid(); ++docid) {
            INFO("passage " << docid);
            // The length counts each text word once, heading words twice and title words three
            // times: count them from their positions, which are never scaled.
            Xapian::termcount length = 0;
            for (auto term = db.termlist_begin(docid); term != db.termlist_end(docid); ++term) {
                const std::string name = *term;
                const Xapian::termcount occurrences = term.positionlist_count();
                if (name.starts_with("S")) {
                    length += kosh::schema::k_heading_wdf * occurrences;
                } else if (name.starts_with("T")) {
                    length += kosh::schema::k_title_wdf * occurrences;
                } else if (!std::isupper(static_cast<unsigned char>(name[0]))) {
                    length += occurrences;
                }
            }
            REQUIRE(length > 0);
            CHECK(db.get_doclength(docid) == kosh::k_length_scale * length);
            total_length += length;
            const double divisor = norm.divisor(length);
            for (auto term = db.termlist_begin(docid); term != db.termlist_end(docid); ++term) {
                if (term.positionlist_count() > 0) {
                    CHECK(term.get_wdf() == kosh::LengthNorm::scaled_wdf(term.positionlist_count(), divisor));
                }
            }
        }
        // A corpus this small is measured whole: the reference length is the true average.
        CHECK(norm.average_length() == Approx(total_length / db.get_doccount()).epsilon(1e-5));
    }
    SECTION("positions let phrases match")
    {
        Xapian::Enquire enquire(db);
        const std::vector<Xapian::Query> words{Xapian::Query("capital"), Xapian::Query("is"),
                                               Xapian::Query("kathmandu")};
        enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
        CHECK(enquire.get_mset(0, 10).size() == 1);
    }
    SECTION("index metadata")
    {
        const kosh::IndexInfo info = kosh::read_index_info(db);
        CHECK(info.language == "english");
        CHECK(std::regex_match(info.indexed_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
        CHECK(db.get_metadata("kosh.format") == std::to_string(kosh::schema::k_format_version));
    }
}

TEST_CASE("update_index skips files that have not changed", "[index]")
{
    Corpus corpus;
    corpus.update();
    SECTION("nothing touched")
    {
        check_summary(corpus.update(), 3, 0, 3, 0, 0, 0);
        CHECK(corpus.open().get_doccount() == 5);
    }
    SECTION("a newer mtime with the same bytes is recognised by the fingerprint, and remembered")
    {
        const fs::path water = corpus.root / "docs/water.md";
        fs::last_write_time(water, fs::last_write_time(water) + std::chrono::seconds(10));
        check_summary(corpus.update(), 3, 0, 3, 0, 0, 0);
        check_summary(corpus.update(), 3, 0, 3, 0, 0, 0);
        CHECK(corpus.open().get_doccount() == 5);
    }
}

TEST_CASE("update_index re-indexes a changed file and drops its old passages", "[index]")
{
    Corpus corpus;
    corpus.update();
    SECTION("new content of another size")
    {
        corpus.write(
            "docs/water.md",
            "# Water\n\n## Lakes\n\nRara is the biggest lake in Nepal and it lies far in the west of the country.\n");
        check_summary(corpus.update(), 3, 1, 2, 0, 0, 1);
        const Xapian::Database db = corpus.open();
        CHECK(db.get_doccount() == 4);
        CHECK(db.get_termfreq("glaciers") == 0);
        CHECK(db.get_termfreq("Shydropower") == 0);
        CHECK(paths_with(db, "rara") == Strings{"docs/water.md"});
    }
    SECTION("same size, new bytes and a newer mtime")
    {
        const fs::path water = corpus.root / "docs/water.md";
        const auto old_size = fs::file_size(water);
        const auto old_time = fs::last_write_time(water);
        std::ifstream in(water);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        text.replace(text.find("glaciers"), 8, "snowmelt");
        corpus.write("docs/water.md", text);
        fs::last_write_time(water, old_time + std::chrono::seconds(10));
        REQUIRE(fs::file_size(water) == old_size);
        check_summary(corpus.update(), 3, 1, 2, 0, 0, 2);
        const Xapian::Database db = corpus.open();
        CHECK(db.get_doccount() == 5);
        CHECK(db.get_termfreq("glaciers") == 0);
        CHECK(paths_with(db, "snowmelt") == Strings{"docs/water.md"});
    }
}

TEST_CASE("update_index drops files that are gone", "[index]")
{
    Corpus corpus;
    corpus.update();
    SECTION("one file deleted")
    {
        fs::remove(corpus.root / "notes.txt");
        check_summary(corpus.update(), 2, 0, 2, 1, 0, 0);
        const Xapian::Database db = corpus.open();
        CHECK(db.get_doccount() == 4);
        CHECK(db.get_termfreq(corpus.term("notes.txt")) == 0);
        CHECK(db.get_termfreq("picnic") == 0);
        CHECK(db.get_metadata("kosh.file:" + corpus.path("notes.txt")).empty());
    }
    SECTION("a folder deleted")
    {
        fs::remove_all(corpus.root / "docs");
        check_summary(corpus.update(), 1, 0, 1, 2, 0, 0);
        CHECK(corpus.open().get_doccount() == 1);
    }
    SECTION("a file renamed is dropped under the old name and indexed under the new")
    {
        fs::rename(corpus.root / "notes.txt", corpus.root / "list.txt");
        check_summary(corpus.update(), 3, 1, 2, 1, 0, 1);
        const Xapian::Database db = corpus.open();
        CHECK(paths_with(db, "picnic") == Strings{"list.txt"});
    }
}

TEST_CASE("update_index leaves out binary files and broken UTF-8 with a warning naming each", "[index]")
{
    Corpus corpus;
    corpus.write("bad.txt", "fine line\nbad \xE2\x82 cut sequence\n");
    corpus.write("bin.dat", std::string("PK\3\4\0\0binary", 12));
    corpus.write("utf16.txt", std::string("h\0i\0", 4)); // UTF-16 without a byte order mark
    check_summary(corpus.update(), 6, 3, 0, 0, 3, 5);
    CHECK(corpus.warnings == Strings{
                                 "bad.txt: skipped: invalid UTF-8 at line 2, byte 14",
                                 "bin.dat: skipped: binary file (contains NUL bytes)",
                                 "utf16.txt: skipped: binary file (contains NUL bytes)",
                             });
    const Xapian::Database db = corpus.open();
    CHECK(db.get_doccount() == 5);
    CHECK(db.get_termfreq(corpus.term("bad.txt")) == 0);
    SECTION("they fail again on the next run, not counted as unchanged")
    {
        check_summary(corpus.update(), 6, 0, 3, 0, 3, 0);
        CHECK(corpus.warnings.size() == 3);
    }
    SECTION("a fixed file is indexed")
    {
        corpus.write("bad.txt", "Now every byte of this line is valid text about the lake.\n");
        check_summary(corpus.update(), 6, 1, 3, 0, 2, 1);
    }
}

TEST_CASE("update_index indexes Latin-1 and UTF-16 files, converted", "[index][encoding]")
{
    Corpus corpus;
    corpus.write("latin1.txt", "Rivers of the world\n\nThe Rh\xF4ne crosses Gen\xE8ve on its way to the sea.\n");
    std::string utf16 = "\xFF\xFE"; // little-endian, after its byte order mark
    for (const char16_t c : std::u16string_view(u"Lakes\n\nThe lake of Z\u00FCrich is deep.\n")) {
        utf16 += static_cast<char>(c & 0xFF);
        utf16 += static_cast<char>(c >> 8);
    }
    corpus.write("utf16.txt", utf16);
    check_summary(corpus.update(), 5, 5, 0, 0, 0, 7);
    CHECK(corpus.warnings.empty());
    const Xapian::Database db = corpus.open();
    CHECK(paths_with(db, "geneve") == Strings{"latin1.txt"});
    CHECK(paths_with(db, "zurich") == Strings{"utf16.txt"});
}

// Regression: the failure paths of update_index used to skip a file without forgetting its old
// state, so the clean-up after the walk deleted its passages as if the file were gone.
TEST_CASE("update_index keeps the earlier passages of a file that turns unreadable", "[index]")
{
    Corpus corpus;
    corpus.update();
    corpus.write("notes.txt", std::string("now\0binary", 10));
    check_summary(corpus.update(), 3, 0, 2, 0, 1, 0);
    CHECK(corpus.warnings == Strings{"notes.txt: skipped: binary file (contains NUL bytes)"});
    const Xapian::Database db = corpus.open();
    CHECK(db.get_doccount() == 5);
    CHECK(paths_with(db, "picnic") == Strings{"notes.txt"});
}

// Regression: a combining mark standing alone (after a space) normalized to an empty term, and
// Xapian's "Empty termnames aren't allowed" aborted the whole run.
TEST_CASE("update_index copes with a combining accent that stands alone", "[index]")
{
    Corpus corpus;
    corpus.write("accents.txt", "The acute accent \xCC\x81 can stand alone when a font demonstrates it on its own.\n");
    check_summary(corpus.update(), 4, 4, 0, 0, 0, 6);
    CHECK(paths_with(corpus.open(), "acute") == Strings{"accents.txt"});
}

TEST_CASE("update_index indexes an empty file without passages", "[index]")
{
    Corpus corpus;
    corpus.write("empty.txt", "");
    corpus.write("blank.md", "\n\n   \n");
    check_summary(corpus.update(), 5, 5, 0, 0, 0, 5);
    check_summary(corpus.update(), 5, 0, 5, 0, 0, 0);
}

TEST_CASE("update_index with rebuild re-reads every file without duplicating passages", "[index]")
{
    Corpus corpus;
    corpus.update();
    check_summary(corpus.update([](IndexOptions& options) { options.rebuild = true; }), 3, 3, 0, 0, 0, 5);
    CHECK(corpus.open().get_doccount() == 5);
}

TEST_CASE("update_index refuses another language unless rebuilding", "[index]")
{
    Corpus corpus;
    corpus.update();
    auto use_none = [](IndexOptions& options) { options.language = "none"; };
    try {
        corpus.update(use_none);
        FAIL("no exception for a language change");
    } catch (const kosh::Fatal& error) {
        CHECK(std::string(error.what()) == corpus.index.string() +
                                               ": the index was built with --language english; index with "
                                               "--language english or add --rebuild");
    }
    CHECK(kosh::read_index_info(corpus.open()).language == "english");

    check_summary(corpus.update([&](IndexOptions& options) {
        use_none(options);
        options.rebuild = true;
    }),
                  3, 3, 0, 0, 0, 5);
    const Xapian::Database db = corpus.open();
    CHECK(kosh::read_index_info(db).language == "none");
    CHECK(db.get_doccount() == 5);
    CHECK(db.get_termfreq("Zrelations") == 1); // unstemmed now
    CHECK(db.get_termfreq("Zrelat") == 0);
}

TEST_CASE("update_index rejects an unknown language with a Fatal naming it", "[index]")
{
    Corpus corpus;
    CHECK_THROWS_WITH(corpus.update([](IndexOptions& options) { options.language = "klingon"; }),
                      Catch::StartsWith("unknown language 'klingon'"));
}

TEST_CASE("update_index abandons a cancelled run and leaves the index as it was", "[index]")
{
    Corpus corpus;
    corpus.update();
    corpus.write(
        "docs/water.md",
        "# Water\n\n## Lakes\n\nRara is the biggest lake in Nepal and it lies far in the west of the country.\n");
    std::atomic<bool> cancel{true};
    kosh::IndexObserver observer;
    observer.cancel = &cancel;
    CHECK_THROWS_WITH(corpus.update({}, observer),
                      corpus.index.string() + ": interrupted; the index was left as it was");
    {
        const Xapian::Database db = corpus.open();
        CHECK(db.get_doccount() == 5);
        CHECK(db.get_termfreq("glaciers") == 1);
        CHECK(db.get_termfreq("rara") == 0);
    }
    // The change was not recorded, so the next run still sees it.
    check_summary(corpus.update(), 3, 1, 2, 0, 0, 1);
}

TEST_CASE("update_index reports progress from 0 to the number of files", "[index]")
{
    Corpus corpus;
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    kosh::IndexObserver observer;
    observer.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
    corpus.update({}, observer);
    CHECK(calls == std::vector<std::pair<std::size_t, std::size_t>>{{0, 3}, {1, 3}, {2, 3}, {3, 3}});
}

TEST_CASE("update_index warns about a missing input and still commits", "[index]")
{
    Corpus corpus;
    check_summary(corpus.update([](IndexOptions& options) {
        options.request = kosh::only_these({"missing", "notes.txt"});
    }),
                  1, 1, 0, 0, 0, 1);
    CHECK(corpus.warnings == Strings{"missing: no such file or folder"});
    CHECK(corpus.open().get_doccount() == 1);
}

TEST_CASE("open_index explains what to do when there is no usable index", "[index]")
{
    TempDir dir;
    SECTION("an empty folder")
    {
        const fs::path empty = dir.mkdir("empty");
        CHECK_THROWS_WITH(
            kosh::open_index(empty),
            empty.string() +
                ": no index here; index files and folders with 'kosh index PATH...' first (or point --index or KOSH_INDEX at an index)");
        CHECK_THROWS_WITH(kosh::open_index(empty), Catch::Contains("kosh index"));
        CHECK_THROWS_AS(kosh::open_index(empty), kosh::Fatal);
    }
    SECTION("a folder that does not exist")
    {
        CHECK_THROWS_WITH(kosh::open_index(dir / "nowhere"),
                          Catch::Contains("no index here; index files and folders with 'kosh index PATH...' first"));
    }
    SECTION("a Xapian database kosh did not write")
    {
        set_index_format(dir / "other", "0");
        CHECK_THROWS_WITH(
            kosh::open_index(dir / "other"),
            (dir / "other").string() +
                ": index format '0' is not the format this kosh reads (6); delete the folder and run 'kosh index' again");
    }
    SECTION("an index of an older format")
    {
        set_index_format(dir / "old", "1");
        CHECK_THROWS_WITH(
            kosh::open_index(dir / "old"),
            (dir / "old").string() +
                ": index format '1' is not the format this kosh reads (6); index again with 'kosh index --rebuild PATH...'");
    }
    SECTION("a folder of junk that looks like an index")
    {
        dir.write("junk/iamglass", "not a database");
        CHECK_THROWS_WITH(kosh::open_index(dir / "junk"),
                          Catch::StartsWith((dir / "junk").string() + ": cannot open the index: "));
    }
}

TEST_CASE("update_index refuses an index of another format", "[index]")
{
    Corpus corpus;
    set_index_format(corpus.index, "99");
    CHECK_THROWS_WITH(
        corpus.update(),
        corpus.index.string() +
            ": index format 99 is not the format this kosh writes (6); delete the folder and index again");
    CHECK_THROWS_WITH(corpus.update([](IndexOptions& options) { options.rebuild = true; }),
                      Catch::Contains("delete the folder and index again")); // a newer format is not ours to replace
}

TEST_CASE("update_index --rebuild upgrades an index of an older format in place", "[index]")
{
    Corpus corpus;
    corpus.update();
    set_index_format(corpus.index, "1");
    CHECK_THROWS_WITH(
        corpus.update(),
        corpus.index.string() +
            ": index format 1 is not the format this kosh writes (6); add --rebuild --language english to index again in the new format");
    check_summary(corpus.update([](IndexOptions& options) { options.rebuild = true; }), 3, 3, 0, 0, 0, 5);
    const Xapian::Database db = corpus.open();
    CHECK(db.get_metadata("kosh.format") == std::to_string(kosh::schema::k_format_version));
    CHECK(db.get_doccount() == 5);
}

namespace {

// A passage record as index format 3 wrote it: tag "kosh1", no format and no code spans.
std::string format_3_record(const kosh::PassageRecord& record)
{
    std::string out;
    auto put = [&](const std::string& field) { out += std::to_string(field.size()) + ":" + field; };
    put("kosh1");
    put(record.path);
    put(record.title);
    put(std::to_string(record.passage.first_line));
    put(std::to_string(record.passage.last_line));
    put(std::to_string(record.passage.sections.size()));
    for (const auto& section : record.passage.sections) {
        put(section);
    }
    put(record.passage.text);
    return out;
}

/// Turns the index at `dir` into one as format 3 wrote it: its records, its file states (no
/// format), and its format number.
void downgrade_to_format_3(const fs::path& dir)
{
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_OPEN);
    for (auto posting = db.postlist_begin(""); posting != db.postlist_end(""); ++posting) {
        Xapian::Document document = db.get_document(*posting);
        const auto record = kosh::decode_record(document.get_data());
        REQUIRE(record);
        document.set_data(format_3_record(*record));
        db.replace_document(*posting, document);
    }
    const std::string prefix(kosh::schema::k_meta_file_prefix);
    std::vector<std::string> keys(db.metadata_keys_begin(prefix), db.metadata_keys_end(prefix));
    for (const auto& key : keys) {
        auto state = kosh::decode_file_state(db.get_metadata(key));
        REQUIRE(state);
        REQUIRE(!state->format.empty());
        state->format.clear();
        db.set_metadata(key, kosh::encode_file_state(*state));
    }
    db.set_metadata("kosh.format", "3");
    db.commit();
}

} // namespace

TEST_CASE("an index written by format 3 is refused with advice, and --rebuild upgrades it", "[index]")
{
    Corpus corpus;
    corpus.write("docs/code.md", "# Code\n\nRun the build like this:\n\n```sh\nmake all\nmake install\n```\n");
    corpus.update();
    downgrade_to_format_3(corpus.index);
    CHECK_THROWS_WITH(corpus.open(), corpus.index.string() +
                                         ": index format '3' is not the format this kosh reads (6); "
                                         "index again with 'kosh index --rebuild --language english'");
    CHECK_THROWS_WITH(corpus.update(), Catch::Contains("index format 3 is not the format this kosh writes (6); "
                                                       "add --rebuild --language english"));
    // The file states of format 3 still decode, so the state of a file gone since then is dropped.
    fs::remove(corpus.root / "notes.txt");
    const IndexSummary summary = corpus.update([](IndexOptions& options) { options.rebuild = true; });
    CHECK(summary.indexed == 3);
    const Xapian::Database db = corpus.open();
    const auto records = records_with(db, corpus.term("docs/code.md"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].format == "markdown");
    // Three line breaks: the opening fence's line is between the two.
    CHECK(records[0].passage.text == "Run the build like this:\n\n\nmake all\nmake install");
    CHECK(records[0].passage.code == std::vector<kosh::ByteSpan>{{27, 48}});
    const std::string prefix(kosh::schema::k_meta_file_prefix);
    std::map<std::string, std::string> formats;
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        const auto state = kosh::decode_file_state(db.get_metadata(*key));
        REQUIRE(state);
        formats[in_corpus((*key).substr(prefix.size()))] = state->format;
    }
    CHECK(formats == std::map<std::string, std::string>{
                         {"docs/code.md", "markdown"}, {"docs/nepal.md", "markdown"}, {"docs/water.md", "markdown"}});
}

namespace {

std::vector<std::string> synonyms_of(const Xapian::Database& db, const std::string& key)
{
    return {db.synonyms_begin(key), db.synonyms_end(key)};
}

} // namespace

TEST_CASE("update_index counts passage words in the spelling table and takes them off again", "[index]")
{
    Corpus corpus;
    corpus.write("extra.txt", "Zanzibar zanzibar spices.\n\nMore zanzibar and 1956.\n");
    corpus.update();
    auto words = spellings_of(corpus.open());
    CHECK(words["zanzibar"] == 3);
    CHECK(words["spices"] == 1);
    CHECK(words.count("1956") == 0); // numbers are not spelling targets
    CHECK(words.count("nepal") == 1);

    corpus.write("extra.txt", "Zanzibar only once.\n");
    corpus.update();
    words = spellings_of(corpus.open());
    CHECK(words["zanzibar"] == 1);
    CHECK(words.count("spices") == 0);

    fs::remove(corpus.root / "extra.txt");
    corpus.update();
    words = spellings_of(corpus.open());
    CHECK(words.count("zanzibar") == 0);
    CHECK(words.count("nepal") == 1);

    const auto before = spellings_of(corpus.open());
    corpus.update([](IndexOptions& options) { options.rebuild = true; });
    CHECK(spellings_of(corpus.open()) == before);
}

TEST_CASE("update_index stores synonym groups both ways, replaces them, and keeps them when none are given", "[index]")
{
    Corpus corpus;
    corpus.update([](IndexOptions& options) {
        options.synonyms = std::vector<kosh::SynonymGroup>{{{"ussr"}, {"soviet", "union"}}};
    });
    auto db = corpus.open();
    CHECK(synonyms_of(db, "Zussr") == std::vector<std::string>{"soviet union"});
    CHECK(synonyms_of(db, "Zsoviet union") == std::vector<std::string>{"ussr"});

    corpus.update(); // no --synonyms: the stored groups stay
    db = corpus.open();
    CHECK(synonyms_of(db, "Zussr") == std::vector<std::string>{"soviet union"});

    corpus.update([](IndexOptions& options) {
        options.synonyms = std::vector<kosh::SynonymGroup>{{{"hydropower"}, {"hydroelectricity"}}};
    });
    db = corpus.open();
    CHECK(synonyms_of(db, "Zussr").empty());
    CHECK(synonyms_of(db, "Zhydropow") == std::vector<std::string>{"hydroelectricity"});
}

TEST_CASE("update_index writes the synonym table into every shard", "[index]")
{
    Corpus corpus;
    corpus.update([](IndexOptions& options) {
        options.shards = 2;
        options.synonyms = std::vector<kosh::SynonymGroup>{{{"ussr"}, {"soviet", "union"}}};
    });
    for (std::size_t i = 0; i < 2; ++i) {
        const Xapian::Database shard(kosh::shard_dir(corpus.index, i).string());
        CHECK(synonyms_of(shard, "Zussr") == std::vector<std::string>{"soviet union"});
    }
}

TEST_CASE("update_index keeps files whose path is too long for a metadata key", "[index]")
{
    Corpus corpus;
    // Two folder levels of 120 bytes each: a path of about 260 bytes, over Xapian's key limit.
    const std::string folder(120, 'f');
    const std::string relative = folder + "/" + folder + "/long.txt";
    corpus.write(relative, "The glacier above the long path melts in spring.\n");
    check_summary(corpus.update(), 4, 4, 0, 0, 0, 6);
    {
        const Xapian::Database db = corpus.open();
        CHECK(paths_with(db, "glacier") == Strings{relative});
        CHECK(db.get_metadata("kosh.file:" + corpus.path(relative)).empty()); // hashed, not spelled out
    }
    // Known on the next run: unchanged, then changed, then dropped when it is gone.
    check_summary(corpus.update(), 4, 0, 4, 0, 0, 0);
    corpus.write(relative, "The glacier retreats.\n");
    check_summary(corpus.update(), 4, 1, 3, 0, 0, 1);
    fs::remove_all(corpus.root / folder);
    check_summary(corpus.update(), 3, 0, 3, 1, 0, 0);
    CHECK(corpus.open().get_termfreq("glacier") == 0);
}

TEST_CASE("update_index warns when the passages have grown far from the average length it divides by", "[index]")
{
    Corpus corpus;
    (void)corpus.update(); // five passages of the fixture: the average is measured on them
    CHECK(corpus.warnings.empty());
    const double measured = kosh::read_length_norm(corpus.open()).average_length();
    // A hundred files of one long paragraph each: far longer passages than the fixture's.
    std::string paragraph;
    for (int i = 0; i < 150; ++i) {
        paragraph += "glacier" + std::to_string(i % 37) + " ";
    }
    for (int i = 0; i < 100; ++i) {
        corpus.write("long/file" + std::to_string(i) + ".txt", paragraph + "\n");
    }
    (void)corpus.update();
    CHECK(kosh::read_length_norm(corpus.open()).average_length() == measured); // updates divide alike
    REQUIRE(corpus.warnings.size() == 1);
    CHECK(corpus.warnings[0].find("but the index divides by") != std::string::npos);
    CHECK(corpus.warnings[0].find("'kosh index --rebuild' measures again") != std::string::npos);
    (void)corpus.update([](IndexOptions& options) { options.rebuild = true; });
    CHECK(corpus.warnings.empty());
    CHECK(kosh::read_length_norm(corpus.open()).average_length() > 2 * measured);
}
