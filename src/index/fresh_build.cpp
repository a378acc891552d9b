// A fresh index built as parts side by side, then merged by Xapian's compactor into one database.
#include "index/fresh_build.h"

#include "index/shards.h"
#include "util/error.h"

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>

#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kosh {

namespace {

constexpr const char* k_version_file = "iamglass"; // glass writes it last; without it there is no database

fs::path build_root(const fs::path& index_dir)
{
    return index_dir / ".kosh-build";
}

/// Makes the renames into `dir` durable before the build reports success.
void sync_folder(const fs::path& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

bool holds_no_index(const fs::path& index_dir)
{
    std::error_code ignored;
    return !fs::exists(index_dir / k_version_file, ignored) && !is_sharded(index_dir);
}

void remove_build_parts(const fs::path& index_dir)
{
    std::error_code ignored;
    fs::remove_all(build_root(index_dir), ignored);
}

void clear_unfinished_build(const fs::path& index_dir)
{
    std::error_code ignored;
    fs::remove_all(build_root(index_dir), ignored);
    if (fs::exists(index_dir / k_version_file, ignored)) {
        return; // the merge got to its end: these tables are the index
    }
    for (const auto& entry : fs::directory_iterator(index_dir, ignored)) {
        if (entry.path().extension() == ".glass") {
            fs::remove(entry.path(), ignored);
        }
    }
}

fs::path part_dir(const fs::path& index_dir, std::size_t i)
{
    return build_root(index_dir) / fmt::format("part-{}", i);
}

std::vector<double> part_shares(std::size_t writers)
{
    // Each round gives every writer one part. The first round takes 70% of the bytes, the next
    // ones two thirds of what is left and the last round the rest, so the parts shrink to about
    // 1.7% each at the end: a writer that got through its parts early takes small ones while
    // the other finishes.
    constexpr int k_rounds = 4;
    constexpr double k_first_round = 0.7;
    constexpr double k_later_round = 2.0 / 3.0; // of what is left
    std::vector<double> shares;
    double left = 1.0;
    for (int round = 0; round < k_rounds; ++round) {
        const double taken = round == 0 ? k_first_round : round + 1 == k_rounds ? left : left * k_later_round;
        shares.insert(shares.end(), writers, taken / static_cast<double>(writers));
        left -= taken;
    }
    return shares;
}

namespace {

struct Part {
    std::vector<SourceFile> files;
    std::uintmax_t bytes = 0;
};

/// Cuts `files` into consecutive parts of the given shares of `total` bytes: a file goes to the
/// part in which its middle byte lies. Empty parts are dropped.
std::vector<Part> cut(const std::vector<SourceFile>& files, const std::vector<std::uintmax_t>& sizes,
                      std::uintmax_t total, const std::vector<double>& shares)
{
    std::vector<double> ends; // where each part ends, in bytes from the start of the first file
    double sum = 0.0;
    for (const double share : shares) {
        sum += share;
        ends.push_back(sum * static_cast<double>(total));
    }
    std::vector<Part> parts(ends.size());
    std::uintmax_t before = 0;
    std::size_t part = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const double middle = static_cast<double>(before) + static_cast<double>(sizes[i]) / 2.0;
        while (part + 1 < ends.size() && middle >= ends[part]) {
            ++part;
        }
        parts[part].files.push_back(files[i]);
        parts[part].bytes += sizes[i];
        before += sizes[i];
    }
    std::erase_if(parts, [](const Part& p) { return p.files.empty(); });
    return parts;
}

/// The bytes of the busiest writer when `writers` writers take `parts` in order, each taking the
/// next as it comes free, and a byte takes as long everywhere.
std::uintmax_t busiest_writer(const std::vector<Part>& parts, std::size_t writers)
{
    std::vector<std::uintmax_t> load(writers, 0);
    for (const auto& part : parts) {
        *std::min_element(load.begin(), load.end()) += part.bytes;
    }
    return *std::max_element(load.begin(), load.end());
}

} // namespace

std::vector<std::vector<SourceFile>> split_in_parts(const std::vector<SourceFile>& files, std::size_t writers)
{
    if (writers < 2 || files.size() < 2) {
        return {};
    }
    const auto sizes = file_sizes(files);
    std::uintmax_t total = 0;
    for (const auto size : sizes) {
        total += size;
    }
    const std::uintmax_t largest = *std::max_element(sizes.begin(), sizes.end());
    if (total == 0 || largest * 4 > total * 3) {
        return {};
    }
    std::vector<Part> parts = cut(files, sizes, total, part_shares(writers));
    // A big file late in the list can leave one writer a big last part while the other idles;
    // one equal part per writer is then better. (The small parts are there for what bytes do
    // not show, so they are kept unless the even cut is clearly better by bytes alone.)
    std::vector<Part> even = cut(files, sizes, total, std::vector<double>(writers, 1.0 / static_cast<double>(writers)));
    if (busiest_writer(parts, writers) * 20 > busiest_writer(even, writers) * 21) {
        parts = std::move(even);
    }
    if (parts.size() < 2) {
        return {}; // every file's middle byte in one part: nothing to share
    }
    std::vector<std::vector<SourceFile>> runs;
    for (auto& part : parts) {
        runs.push_back(std::move(part.files));
    }
    return runs;
}

void merge_parts(const fs::path& index_dir, std::size_t count)
{
    const fs::path merged = build_root(index_dir) / "merged";
    try {
        Xapian::Database parts;
        for (std::size_t i = 0; i < count; ++i) {
            parts.add_database(Xapian::Database(part_dir(index_dir, i).string()));
        }
        // Renumbering (the default) puts each part's documents after the part before's, as one
        // writer would.
        parts.compact(merged.string());
    } catch (const Xapian::Error& error) {
        throw Fatal(fmt::format("{}: cannot merge the parts of the new index: {}", index_dir.string(),
                                error.get_description()));
    }
    try {
        for (const auto& entry : fs::directory_iterator(merged)) {
            const auto name = entry.path().filename();
            if (name != k_version_file && entry.path().extension() == ".glass") {
                fs::rename(entry.path(), index_dir / name);
            }
        }
        sync_folder(index_dir);
        fs::rename(merged / k_version_file, index_dir / k_version_file);
        sync_folder(index_dir);
    } catch (const fs::filesystem_error& error) {
        throw Fatal(
            fmt::format("{}: cannot move the new index into place: {}", index_dir.string(), error.code().message()));
    }
    std::error_code ignored; // the index is complete whether or not its parts can be removed
    fs::remove_all(build_root(index_dir), ignored);
}

} // namespace kosh
