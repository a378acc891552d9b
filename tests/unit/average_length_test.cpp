// Tests for average_length: measuring the average passage length on a sample, keeping the
// sample's passages, and choosing the average a run divides by.
#include "index/average_length.h"

#include "index/database.h"
#include "util/error.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

/// `count` words, one sentence: one passage of that many words.
std::string words(int count)
{
    std::string text;
    for (int i = 0; i < count; ++i) {
        if (i > 0) {
            text += ' ';
        }
        text += "word";
        text += static_cast<char>('a' + i % 26);
    }
    text += ".\n";
    return text;
}

kosh::SourceFile write(const kosh::test::TempDir& dir, const std::string& name, std::string_view content)
{
    return kosh::SourceFile{dir.write(name, content), name};
}

} // namespace

TEST_CASE("measure_average_length averages the passages of every file of a small corpus", "[index]")
{
    kosh::test::TempDir dir;
    // Each passage also counts its title, the file's stem ("a", "b"), three times.
    const std::vector<kosh::SourceFile> files{write(dir, "a.txt", words(12)), write(dir, "b.txt", words(20))};
    CHECK(kosh::measure_average_length(files, kosh::PassageLimits{}, nullptr) == Approx((15.0 + 23.0) / 2));
}

TEST_CASE("measure_average_length passes over files it cannot read as text", "[index]")
{
    kosh::test::TempDir dir;
    const std::vector<kosh::SourceFile> files{write(dir, "a.txt", words(12)),
                                              write(dir, "b.bin", std::string("\0\1\2binary", 9)),
                                              kosh::SourceFile{dir / "gone.txt", "gone.txt"}};
    CHECK(kosh::measure_average_length(files, kosh::PassageLimits{}, nullptr) == Approx(15.0));
}

TEST_CASE("measure_average_length falls back to the default with no passages to measure", "[index]")
{
    kosh::test::TempDir dir;
    CHECK(kosh::measure_average_length({}, kosh::PassageLimits{}, nullptr) == kosh::k_default_average_length);
    const std::vector<kosh::SourceFile> empty{write(dir, "empty.txt", "")};
    CHECK(kosh::measure_average_length(empty, kosh::PassageLimits{}, nullptr) == kosh::k_default_average_length);
}

TEST_CASE("measure_average_length keeps the passages of each file it read whole", "[index]")
{
    kosh::test::TempDir dir;
    const std::string small = words(12);
    std::string big; // over the 2 MB sample: read in part, so not kept
    const std::string line = words(30);
    while (big.size() <= (2u << 20)) {
        big += line;
    }
    // Over 2 MB in all, so every second file is read: big.txt and small.txt.
    const std::vector<kosh::SourceFile> files{write(dir, "big.txt", big), write(dir, "between.txt", small),
                                              write(dir, "small.txt", small)};
    kosh::SampledParses sampled;
    (void)kosh::measure_average_length(files, kosh::PassageLimits{}, &sampled);

    const auto kept = sampled.take("small.txt", small);
    REQUIRE(kept);
    REQUIRE(kept->size() == 1);
    CHECK((*kept)[0].path == "small.txt");
    CHECK((*kept)[0].title == "small");
    CHECK((*kept)[0].passage.text == words(12).substr(0, words(12).size() - 1));
    // What was read of big.txt stood in for it, but is not the file: nothing kept under it.
    const std::string read_of_big = big.substr(0, big.rfind('\n', (2u << 20) - 1) + 1);
    CHECK_FALSE(sampled.take("big.txt", read_of_big));
    CHECK_FALSE(sampled.take("between.txt", small)); // not in the sample
}

TEST_CASE("choose_length_norm keeps an index's own average, and measures or takes one for a new index", "[index]")
{
    kosh::test::TempDir dir;
    const std::vector<kosh::SourceFile> files{write(dir, "corpus/a.txt", words(12)),
                                              write(dir, "corpus/b.txt", words(20))};
    kosh::IndexOptions options;
    options.index_dir = dir / "index";
    kosh::SampledParses sampled;

    SECTION("a new index: measured, as stored")
    {
        CHECK(kosh::choose_length_norm(options, files, sampled).encode() == kosh::LengthNorm(19.0).encode());
        CHECK(sampled.take("corpus/a.txt", words(12))); // the sample's passages kept for indexing
    }
    SECTION("a new index with an average given: that one, nothing sampled")
    {
        options.average_length = 50.0;
        CHECK(kosh::choose_length_norm(options, files, sampled).average_length() == Approx(50.0));
        CHECK_FALSE(sampled.take("corpus/a.txt", words(12)));
    }
    SECTION("an existing index: its own; another given is refused unless rebuilding")
    {
        options.request = kosh::only_these({(dir / "corpus").string()});
        options.average_length = 30.0;
        (void)kosh::update_index(options, {});
        options.average_length.reset();
        CHECK(kosh::choose_length_norm(options, files, sampled).average_length() == Approx(30.0));
        CHECK_FALSE(sampled.take("corpus/a.txt", words(12)));

        options.average_length = 31.0;
        CHECK_THROWS_AS(kosh::choose_length_norm(options, files, sampled), kosh::Fatal);
        options.rebuild = true;
        CHECK(kosh::choose_length_norm(options, files, sampled).average_length() == Approx(31.0));
        options.average_length.reset();
        CHECK(kosh::choose_length_norm(options, files, sampled).average_length() == Approx(19.0));
    }
}
