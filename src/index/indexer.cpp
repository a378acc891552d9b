// Brings an index up to date with a set of source files, in one atomic commit: takes the lock,
// finds the files, chooses the length normalization and which databases to write, and writes them.
#include "index/indexer.h"

#include "analyze/analyzer.h"
#include "index/average_length.h"
#include "index/database_update.h"
#include "index/fresh_build.h"
#include "index/index_layout.h"
#include "index/index_lock.h"
#include "index/index_roots.h"
#include "index/sampled_parses.h"
#include "index/shards.h"
#include "index/side_by_side_update.h"
#include "index/worker_count.h"
#include "util/error.h"
#include "util/path_forms.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <string>

namespace kosh {

namespace {

using Clock = std::chrono::steady_clock;

/// Passes on warnings and progress that may come from several shard threads at once, one at a
/// time, with progress added up over them.
class SharedObserver {
public:
    SharedObserver(const IndexObserver& observer, std::size_t total) : m_shared(observer)
    {
        m_shared.warn = [this, &observer](const std::string& message) {
            std::lock_guard guard(m_mutex);
            observer.warn(message);
        };
        m_shared.progress = [this, &observer, total](std::size_t step, std::size_t) {
            std::lock_guard guard(m_mutex);
            m_done += step;
            observer.progress(m_done, total);
        };
    }
    SharedObserver(const SharedObserver&) = delete;
    SharedObserver& operator=(const SharedObserver&) = delete;

    [[nodiscard]] const IndexObserver& get() const { return m_shared; }

private:
    std::mutex m_mutex;
    std::size_t m_done = 0;
    IndexObserver m_shared;
};

/// The roots the index at `dir` has stored: none for a new index, or one written before roots
/// were kept, or one that cannot be opened (the update itself then says why).
std::vector<IndexRoot> read_stored_roots(const std::filesystem::path& dir)
{
    if (holds_no_index(dir)) {
        return {};
    }
    try {
        return stored_roots(is_sharded(dir) ? open_shard(read_stub(dir).front()) : Xapian::Database(dir.string()));
    } catch (const Xapian::Error&) {
        return {};
    }
}

/// `request` with its paths absolute, as roots are stored.
IndexRequest with_absolute_paths(IndexRequest request)
{
    for (auto& path : request.paths) {
        path = absolute_path(path);
    }
    return request;
}

/// The files the plan walks, each root with its own options, sorted by path without repeats.
/// The index's own folder is never one of them, even inside a walked folder.
std::vector<SourceFile> find_planned_files(const RunPlan& plan, const IndexOptions& options,
                                           const IndexObserver& observer, LeftOutTally& left_out)
{
    const std::string own_folder = absolute_path(options.index_dir.string());
    std::vector<SourceFile> files;
    for (const auto& root : plan.walk) {
        WalkOptions walk = root.walk;
        walk.skip_folder = own_folder;
        walk.shown_as = options.paths;
        auto found = find_source_files({root.path}, walk, observer.warn, &left_out);
        files.insert(files.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    if (plan.walk.size() > 1) {
        std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
        files.erase(std::unique(files.begin(), files.end(),
                                [](const SourceFile& a, const SourceFile& b) { return a.path == b.path; }),
                    files.end());
    }
    return files;
}

} // namespace

IndexRequest only_these(const std::vector<std::string>& paths, const WalkOptions& walk)
{
    return IndexRequest{IndexRequest::Mode::only, paths, walk, false};
}

IndexSummary update_index(const IndexOptions& options, const IndexObserver& observer)
{
    const auto started = Clock::now();
    const Analyzer language_check(options.language); // an unknown language fails before anything is opened
    const IndexLock lock(options.index_dir, options.wait);
    // Xapian buffers this many documents' postings before writing them out (still inside the
    // transaction). Its default of 10,000 passages cost 124 MB on an 11 MB corpus and more CPU
    // than 2,000 (71-81 MB); a user's own XAPIAN_FLUSH_THRESHOLD still wins. Set here, before any
    // writer thread starts: Xapian reads it with getenv, and setenv beside a getenv is a data race.
    ::setenv("XAPIAN_FLUSH_THRESHOLD", "2000", 0);
    // What an interrupted first build left in its parts folder goes, whatever this run does.
    remove_build_parts(options.index_dir);
    const std::size_t shards = shard_count(options);
    IndexRequest request = with_absolute_paths(options.request);
    request.rebuild = options.rebuild;
    const auto stored = read_stored_roots(options.index_dir);
    if (stored.empty() && request.mode == IndexRequest::Mode::update_all && !holds_no_index(options.index_dir)) {
        throw Fatal(fmt::format("{}: the index keeps no list of its files and folders (an older kosh wrote it); "
                                "name them: kosh index --rebuild PATH...",
                                options.index_dir.string()));
    }
    const RunPlan plan = plan_run(stored, request, [](const std::string& path) {
        std::error_code error;
        return std::filesystem::exists(path, error);
    });
    LeftOutTally left_out;
    const auto files = find_planned_files(plan, options, observer, left_out);
    SharedObserver shared(observer, files.size());

    SampledParses sampled; // the files measured for the average length, parsed once for both
    const RunSettings settings{options, choose_length_norm(options, files, sampled), &sampled, &plan};
    observer.progress(0, files.size());
    IndexSummary summary;
    if (shards > 1) {
        summary = update_shards(split_by_shard(files, shards), settings, shared.get());
    } else if (const auto parts = fresh_parts(options, files); !parts.empty()) {
        summary = build_from_parts(parts, settings, shared.get());
    } else {
        summary = update_database(DatabaseTarget{options.index_dir, options.index_dir}, files, worker_count(), settings,
                                  shared.get());
    }
    summary.left_out = left_out;
    summary.missing_roots = plan.missing;
    summary.walked = plan.walk.size();
    warn_if_average_drifted(options, settings.norm, observer);
    summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return summary;
}

} // namespace kosh
