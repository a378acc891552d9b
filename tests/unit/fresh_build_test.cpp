// Tests for split_in_parts: consecutive parts sized by bytes, or none when a split would not pay.
#include "index/fresh_build.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

namespace {

using kosh::SourceFile;
using kosh::test::TempDir;

// Writes files named f00, f01, ... of the given sizes and returns them in order.
std::vector<SourceFile> files_of_sizes(const TempDir& dir, const std::vector<std::size_t>& sizes)
{
    std::vector<SourceFile> files;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const std::string name = (i < 10 ? "f0" : "f") + std::to_string(i);
        std::ofstream(dir.path() / name) << std::string(sizes[i], 'x');
        files.push_back(SourceFile{dir.path() / name, name});
    }
    return files;
}

std::vector<std::vector<std::string>> names(const std::vector<std::vector<SourceFile>>& runs)
{
    std::vector<std::vector<std::string>> result;
    for (const auto& run : runs) {
        result.emplace_back();
        for (const auto& file : run) {
            result.back().push_back(file.path);
        }
    }
    return result;
}

} // namespace

TEST_CASE("part_shares gives each writer a big part, then ever smaller ones, adding up to all", "[fresh_build]")
{
    for (const std::size_t writers : {2U, 3U}) {
        const auto shares = kosh::part_shares(writers);
        REQUIRE(shares.size() % writers == 0);
        double sum = 0.0;
        for (std::size_t i = 0; i < shares.size(); ++i) {
            sum += shares[i];
            if (i >= writers) {
                CHECK(shares[i] <= shares[i - writers]); // a later round's parts are no bigger
            }
        }
        CHECK(sum == Approx(1.0));
        CHECK(shares.front() * static_cast<double>(writers) >= 0.5); // the first round does most of the work
        CHECK(shares.back() < 0.05);                                 // the last parts are small
    }
}

TEST_CASE("split_in_parts cuts the files into consecutive parts sized by bytes", "[fresh_build]")
{
    const TempDir dir;
    using Parts = std::vector<std::vector<std::string>>;
    const auto joined = [](const Parts& parts) {
        std::vector<std::string> all;
        for (const auto& part : parts) {
            all.insert(all.end(), part.begin(), part.end());
        }
        return all;
    };
    SECTION("100 equal files: the parts follow part_shares, in order, every file once")
    {
        const auto files = files_of_sizes(dir, std::vector<std::size_t>(100, 10));
        const Parts parts = names(kosh::split_in_parts(files, 2));
        const auto shares = kosh::part_shares(2);
        REQUIRE(parts.size() == shares.size());
        for (std::size_t i = 0; i < parts.size(); ++i) {
            CHECK(std::abs(static_cast<double>(parts[i].size()) - shares[i] * 100.0) <= 1.0);
        }
        CHECK(joined(parts) == names({files}).front());
    }
    SECTION("by bytes, not by count: a big file fills a part of its own")
    {
        auto sizes = std::vector<std::size_t>(20, 1);
        sizes.push_back(100);
        sizes.push_back(100);
        const Parts parts = names(kosh::split_in_parts(files_of_sizes(dir, sizes), 2));
        REQUIRE(parts.size() == 2);
        CHECK(parts[0].size() == 21); // the small files and the first big one
        CHECK(parts[1] == std::vector<std::string>{"f21"});
    }
    SECTION("a file that cannot be measured counts as empty")
    {
        auto files = files_of_sizes(dir, {10, 10, 20});
        files.insert(files.begin() + 1, SourceFile{dir.path() / "gone", "gone"});
        CHECK(names(kosh::split_in_parts(files, 2)) == Parts{{"f00", "gone", "f01"}, {"f02"}}); // 20 bytes each
    }
    SECTION("a big file late in the list: one equal part per writer, not a big last part")
    {
        // The shares would give one writer 35 + 5 bytes and the other 35 + 25; halves give 50 each.
        auto sizes = std::vector<std::size_t>(75, 1);
        sizes.push_back(25);
        const Parts parts = names(kosh::split_in_parts(files_of_sizes(dir, sizes), 2));
        REQUIRE(parts.size() == 2);
        CHECK(parts[0].size() == 50);
        CHECK(parts[1].size() == 26);
    }
}

TEST_CASE("split_in_parts gives no parts when a split would leave a writer mostly idle", "[fresh_build]")
{
    const TempDir dir;
    CHECK(kosh::split_in_parts(files_of_sizes(dir, {10}), 2).empty());
    CHECK(kosh::split_in_parts(files_of_sizes(dir, {10, 10}), 1).empty());
    CHECK(kosh::split_in_parts(files_of_sizes(dir, {5, 100}), 2).empty());
    CHECK(kosh::split_in_parts(files_of_sizes(dir, {100, 2, 2, 2}), 2).empty());
    CHECK(kosh::split_in_parts(files_of_sizes(dir, {30, 10, 10}), 2).size() >= 2);
    CHECK(kosh::split_in_parts(files_of_sizes(dir, {75, 25}), 2).size() == 2); // three quarters: still split
    CHECK(kosh::split_in_parts(files_of_sizes(dir, {76, 24}), 2).empty());
}
