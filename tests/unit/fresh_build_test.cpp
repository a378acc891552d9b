// Tests for split_in_runs: consecutive runs of about equal bytes, or none when a split would not pay.
#include "index/fresh_build.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

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

TEST_CASE("split_in_runs cuts the files into consecutive runs of about equal bytes", "[fresh_build]")
{
    const TempDir dir;
    using Runs = std::vector<std::vector<std::string>>;
    SECTION("equal files split in the middle")
    {
        CHECK(names(kosh::split_in_runs(files_of_sizes(dir, {10, 10, 10, 10}), 2)) == Runs{{"f00", "f01"}, {"f02", "f03"}});
    }
    SECTION("by bytes, not by count")
    {
        CHECK(names(kosh::split_in_runs(files_of_sizes(dir, {1, 1, 1, 1, 1, 1, 40, 30}), 2)) ==
              Runs{{"f00", "f01", "f02", "f03", "f04", "f05", "f06"}, {"f07"}});
    }
    SECTION("a file that cannot be measured counts as empty")
    {
        auto files = files_of_sizes(dir, {10, 10, 20});
        files.insert(files.begin() + 1, SourceFile{dir.path() / "gone", "gone"});
        CHECK(names(kosh::split_in_runs(files, 2)) == Runs{{"f00", "gone", "f01"}, {"f02"}});
    }
}

TEST_CASE("split_in_runs gives no runs when a split would leave a writer mostly idle", "[fresh_build]")
{
    const TempDir dir;
    CHECK(kosh::split_in_runs(files_of_sizes(dir, {10}), 2).empty());
    CHECK(kosh::split_in_runs(files_of_sizes(dir, {10, 10}), 1).empty());
    CHECK(kosh::split_in_runs(files_of_sizes(dir, {5, 100}), 2).empty());
    CHECK(kosh::split_in_runs(files_of_sizes(dir, {100, 2, 2, 2}), 2).empty());
    CHECK(kosh::split_in_runs(files_of_sizes(dir, {30, 10, 10}), 2).size() == 2);
}
