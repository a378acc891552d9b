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
    // Each round gives every writer one part. The first round takes 70% of the bytes and each
    // later one two thirds of what is left, so the parts shrink to about 1.7% each at the end,
    // and a writer that got through its parts early takes small ones while the other finishes.
    std::vector<double> shares;
    double left = 1.0;
    for (int round = 0; round < 4; ++round) {
        const double taken = round == 0 ? 0.7 : (round == 3 ? left : left * 2.0 / 3.0);
        shares.insert(shares.end(), writers, taken / static_cast<double>(writers));
        left -= taken;
    }
    return shares;
}

std::vector<std::vector<SourceFile>> split_in_parts(const std::vector<SourceFile>& files, std::size_t writers)
{
    if (writers < 2 || files.size() < 2) {
        return {};
    }
    std::vector<std::uintmax_t> sizes;
    std::uintmax_t total = 0;
    std::uintmax_t largest = 0;
    for (const auto& file : files) {
        std::error_code error;
        const auto size = fs::file_size(file.location, error);
        sizes.push_back(error ? 0 : size);
        total += sizes.back();
        largest = std::max(largest, sizes.back());
    }
    if (total == 0 || largest * 4 > total * 3) {
        return {};
    }
    // Where each part ends, in bytes from the start of the first file.
    std::vector<double> ends;
    double sum = 0.0;
    for (const double share : part_shares(writers)) {
        sum += share;
        ends.push_back(sum * static_cast<double>(total));
    }
    std::vector<std::vector<SourceFile>> parts(ends.size());
    std::uintmax_t before = 0;
    std::size_t part = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        // A file goes to the part in which its middle byte lies.
        const double middle = static_cast<double>(before) + static_cast<double>(sizes[i]) / 2.0;
        while (part + 1 < ends.size() && middle >= ends[part]) {
            ++part;
        }
        parts[part].push_back(files[i]);
        before += sizes[i];
    }
    std::erase_if(parts, [](const auto& files_of_part) { return files_of_part.empty(); });
    if (parts.size() < 2) {
        return {};
    }
    return parts;
}

void merge_parts(const fs::path& index_dir, std::size_t count)
{
    const fs::path merged = build_root(index_dir) / "merged";
    try {
        Xapian::Database parts;
        for (std::size_t i = 0; i < count; ++i) {
            parts.add_database(Xapian::Database(part_dir(index_dir, i).string()));
        }
        // Renumbering (the default) puts part 1's documents after part 0's, as one writer would.
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
        throw Fatal(fmt::format("{}: cannot move the new index into place: {}", index_dir.string(),
                                error.code().message()));
    }
    std::error_code ignored; // the index is complete whether or not its parts can be removed
    fs::remove_all(build_root(index_dir), ignored);
}

} // namespace kosh
