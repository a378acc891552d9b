// A fresh index built as parts side by side, then merged by Xapian's compactor into one database.
#include "index/fresh_build.h"

#include "index/shards.h"
#include "util/error.h"

#include <fmt/format.h>
#include <xapian.h>

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

std::vector<std::vector<SourceFile>> split_in_runs(const std::vector<SourceFile>& files, std::size_t count)
{
    if (count < 2 || files.size() < count) {
        return {};
    }
    std::vector<std::uintmax_t> sizes;
    std::uintmax_t total = 0;
    for (const auto& file : files) {
        std::error_code error;
        const auto size = fs::file_size(file.location, error);
        sizes.push_back(error ? 0 : size);
        total += sizes.back();
    }
    std::vector<std::vector<SourceFile>> runs(count);
    std::vector<std::uintmax_t> run_bytes(count);
    std::uintmax_t before = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        // A file goes to the run in which its middle byte lies.
        const std::uintmax_t middle = before + sizes[i] / 2;
        const std::size_t run = total == 0 ? i * count / files.size() : std::min<std::size_t>(count - 1, middle * count / total);
        runs[run].push_back(files[i]);
        run_bytes[run] += sizes[i];
        before += sizes[i];
    }
    for (std::size_t run = 0; run < count; ++run) {
        if (runs[run].empty() || run_bytes[run] * count * 2 < total) {
            return {};
        }
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
