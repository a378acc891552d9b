// Tests for process_file and parse_passages: what became of one file, and its passages.
#include "index/file_outcome.h"

#include "index/length_norm.h"
#include "parse/parser.h"
#include "util/file_io.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using Kind = kosh::FileOutcome::Kind;

constexpr const char* k_nepal =
    "# Nepal\n\n## Geography\n\nNepal is a landlocked country in South Asia. Its capital is "
    "Kathmandu, which lies in a valley.\n";

struct Fixture {
    kosh::test::TempDir dir;
    kosh::DocumentBuilder builder{"english", kosh::LengthNorm(20.0)};

    kosh::SourceFile write(const std::string& name, std::string_view content) const
    {
        return kosh::SourceFile{dir.write(name, content), name};
    }

    kosh::FileOutcome process(const kosh::SourceFile& file, const std::optional<kosh::FileState>& known = {},
                              kosh::SampledParses* sampled = nullptr)
    {
        return kosh::process_file(file, known, builder, kosh::PassageLimits{}, sampled);
    }
};

std::string text_of(const Xapian::Document& document)
{
    const auto record = kosh::decode_record(document.get_data());
    REQUIRE(record);
    return record->passage.text;
}

} // namespace

TEST_CASE("parse_passages gives each passage of a file its path and title", "[index]")
{
    const auto passages = kosh::parse_passages(kosh::parse_document(k_nepal, "docs/nepal.md"), kosh::PassageLimits{});
    REQUIRE(passages.size() == 1);
    CHECK(passages[0].path == "docs/nepal.md");
    CHECK(passages[0].title == "Nepal");
    CHECK(passages[0].passage.sections == std::vector<std::string>{"Geography"});
    CHECK(passages[0].passage.first_line == 5);
}

TEST_CASE("process_file builds the documents of a new file and remembers its size and bytes", "[index]")
{
    Fixture fixture;
    const auto file = fixture.write("nepal.md", k_nepal);
    const auto outcome = fixture.process(file);
    CHECK(outcome.kind == Kind::indexed);
    REQUIRE(outcome.documents.size() == 1);
    CHECK(outcome.records.empty());
    CHECK(text_of(outcome.documents[0]).starts_with("Nepal is a landlocked country"));
    CHECK(outcome.spellings.at("kathmandu") == 1);
    CHECK(outcome.state.size == std::string(k_nepal).size());
    CHECK(outcome.state.fingerprint == kosh::fingerprint(k_nepal));
    CHECK(outcome.state.mtime_ns > 0);
}

TEST_CASE("process_file skips a file the index knows as it is", "[index]")
{
    Fixture fixture;
    const auto file = fixture.write("nepal.md", k_nepal);
    const kosh::FileState known = fixture.process(file).state;

    SECTION("same size and mtime: not even read")
    {
        const auto outcome = fixture.process(file, known);
        CHECK(outcome.kind == Kind::unchanged);
        CHECK(outcome.documents.empty());
    }
    SECTION("a new mtime with the same bytes: touched, with the new mtime to remember")
    {
        kosh::FileState older = known;
        older.mtime_ns -= 1'000'000'000;
        const auto outcome = fixture.process(file, older);
        CHECK(outcome.kind == Kind::touched);
        CHECK(outcome.state == known);
        CHECK(outcome.documents.empty());
    }
    SECTION("new bytes of the same size: indexed again")
    {
        kosh::FileState other = known;
        other.mtime_ns -= 1'000'000'000;
        other.fingerprint += 1;
        CHECK(fixture.process(file, other).kind == Kind::indexed);
    }
}

TEST_CASE("process_file fails a missing, binary or non-UTF-8 file with a warning naming it", "[index]")
{
    Fixture fixture;
    SECTION("missing")
    {
        const auto outcome = fixture.process(kosh::SourceFile{fixture.dir / "gone.txt", "gone.txt"});
        CHECK(outcome.kind == Kind::failed);
        CHECK(outcome.warning == "gone.txt: No such file or directory");
    }
    SECTION("binary")
    {
        const auto outcome = fixture.process(fixture.write("image.txt", std::string("GIF89a\0\0\1", 9)));
        CHECK(outcome.kind == Kind::failed);
        CHECK(outcome.warning.starts_with("image.txt: skipped: "));
        CHECK(outcome.documents.empty());
    }
    SECTION("broken UTF-8")
    {
        const auto outcome = fixture.process(fixture.write("cut.txt", "caf\xc3\xa9 \xc3 au lait\n"));
        CHECK(outcome.kind == Kind::failed);
        CHECK(outcome.warning == "cut.txt: skipped: invalid UTF-8 at line 1, byte 6");
    }
}

TEST_CASE("process_file converts Latin-1 and UTF-16 text to UTF-8 before parsing", "[index][encoding]")
{
    Fixture fixture;
    const auto latin1 = fixture.process(fixture.write("latin1.txt", "Caf\xe9s\n\nThe caf\xe9 au lait costs 3 \x80.\n"));
    REQUIRE(latin1.kind == Kind::indexed);
    REQUIRE(latin1.documents.size() == 1);
    CHECK(text_of(latin1.documents[0]) == "The caf\xc3\xa9 au lait costs 3 \xe2\x82\xac.");
    CHECK(kosh::decode_record(latin1.documents[0].get_data())->title == "Caf\xc3\xa9s");
    const auto utf16 = fixture.process(fixture.write("utf16.txt", std::string("\xFE\xFF\0h\0i\0\n\0\n\0\xe9\0!", 14)));
    REQUIRE(utf16.kind == Kind::indexed);
    REQUIRE(utf16.documents.size() == 1);
    CHECK(text_of(utf16.documents[0]) == "hi\n\n\xc3\xa9!");
    // The fingerprint is of the bytes on disk, so an unchanged file is still recognised.
    CHECK(utf16.state.fingerprint == kosh::fingerprint(std::string("\xFE\xFF\0h\0i\0\n\0\n\0\xe9\0!", 14)));
}

TEST_CASE("process_file hands a big file's passages to the writer instead of building them", "[index]")
{
    Fixture fixture;
    std::string content;
    while (content.size() <= (4u << 20)) {
        content += "Glaciers feed the rivers of Nepal all year, and the rivers feed the plains below them.\n\n";
    }
    const auto outcome = fixture.process(fixture.write("big.txt", content));
    CHECK(outcome.kind == Kind::indexed);
    CHECK(outcome.documents.empty());
    CHECK(outcome.spellings.empty()); // counted by the writer as it builds them
    CHECK_FALSE(outcome.records.empty());
    CHECK(outcome.records[0].passage.text.starts_with("Glaciers feed the rivers"));
}

TEST_CASE("process_file takes a sampled file's passages instead of parsing it again", "[index]")
{
    Fixture fixture;
    const auto file = fixture.write("nepal.md", k_nepal);
    // Passages no parse of the file would give: only a taken sample yields them.
    const std::vector<kosh::PassageRecord> kept{
        kosh::PassageRecord{"nepal.md", "Nepal", kosh::Paragraph{"Kept from the sample.", 1, 1, {}, {}}}};
    kosh::SampledParses sampled;

    SECTION("the same bytes: the sample's passages")
    {
        sampled.keep("nepal.md", k_nepal, kept);
        const auto outcome = fixture.process(file, {}, &sampled);
        REQUIRE(outcome.documents.size() == 1);
        CHECK(text_of(outcome.documents[0]) == "Kept from the sample.");
        CHECK_FALSE(sampled.take("nepal.md", k_nepal)); // taken
    }
    SECTION("the file changed since it was sampled: parsed again")
    {
        sampled.keep("nepal.md", "# Nepal\n\nAn older text.\n", kept);
        const auto outcome = fixture.process(file, {}, &sampled);
        REQUIRE(outcome.documents.size() == 1);
        CHECK(text_of(outcome.documents[0]).starts_with("Nepal is a landlocked country"));
    }
}

TEST_CASE("process_file reads a compressed file by its inner name and keeps its real path", "[index]")
{
    // `printf '# Title\n\nSome text.\n' | gzip -9 -n -c`, via xxd -i.
    constexpr unsigned char k_gzip[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03,
                                        0x53, 0x56, 0x08, 0xc9, 0x2c, 0xc9, 0x49, 0xe5, 0xe2, 0x0a,
                                        0xce, 0xcf, 0x4d, 0x55, 0x28, 0x49, 0xad, 0x28, 0xd1, 0xe3,
                                        0x02, 0x00, 0x20, 0xae, 0xb1, 0x29, 0x14, 0x00, 0x00, 0x00};
    const std::string bytes(std::begin(k_gzip), std::end(k_gzip));
    Fixture fixture;
    const auto outcome = fixture.process(fixture.write("title.md.gz", bytes));
    CHECK(outcome.kind == Kind::indexed);
    CHECK(outcome.state.format == "markdown");
    CHECK(outcome.state.fingerprint == kosh::fingerprint(bytes)); // the bytes on disk
    REQUIRE(outcome.documents.size() == 1);
    const auto record = kosh::decode_record(outcome.documents[0].get_data());
    REQUIRE(record);
    CHECK(record->path == "title.md.gz");
    CHECK(record->title == "Title");
    CHECK(record->format == "markdown");
    CHECK(record->passage.text == "Some text.");
    CHECK(record->passage.first_line == 3);

    const auto broken = fixture.process(fixture.write("broken.md.gz", "# Title\n"));
    CHECK(broken.kind == Kind::failed);
    CHECK(broken.warning == "broken.md.gz: skipped: not gzip data");
}
