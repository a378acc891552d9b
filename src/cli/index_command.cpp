// `kosh index`: bring the index up to date with files and folders.
#include "cli/index_command.h"

#include "cli/index_watch.h"

#include "index/database.h"
#include "index/index_stats.h"
#include "index/indexer.h"
#include "index/skip_tally.h"
#include "index/synonym_file.h"
#include "output/progress_bar.h"
#include "output/stats_printer.h"
#include "output/terminal.h"
#include "util/error.h"
#include "util/path_forms.h"

#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace kosh::cli {

namespace {

std::atomic<bool> g_interrupted{false};

// The first Ctrl-C asks the indexer to stop between files and abandon its transaction; a second
// one ends the process at once (the uncommitted transaction still leaves the old index intact).
extern "C" void on_interrupt(int)
{
    if (g_interrupted.exchange(true)) {
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
    }
}

std::string plural(std::size_t count, const char* word)
{
    return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

/// One line for all the files left out as not documents, largest reason first, or none.
void print_left_out(const LeftOutTally& left_out)
{
    if (left_out.total() == 0) {
        return;
    }
    std::string reasons;
    for (const auto& [reason, count] : left_out.by_count()) {
        reasons += fmt::format("{}{} {}", reasons.empty() ? "" : ", ", count, reason_name(reason));
    }
    fmt::print(stderr, "kosh: {} left out as not documents: {}; --include GLOB or --all-files takes them\n",
               plural(left_out.total(), "file"), reasons);
}

/// What the command line asks of the index's roots.
IndexRequest make_request(const IndexCommandOptions& options)
{
    using Mode = IndexRequest::Mode;
    IndexRequest request;
    request.mode = options.remove           ? Mode::remove
                   : options.only           ? Mode::only
                   : options.inputs.empty() ? Mode::update_all
                                            : Mode::add;
    if ((options.remove || options.only) && options.inputs.empty()) {
        throw Fatal(fmt::format("{} needs the files or folders to act on", options.remove ? "--remove" : "--only"));
    }
    // A mistyped path must not empty the index: every path to index has to exist before anything
    // changes. A root to remove may be gone already (an unplugged disk).
    for (const auto& input : options.inputs) {
        std::error_code error;
        if (!options.remove && !std::filesystem::exists(input, error)) {
            throw Fatal(fmt::format("{}: no such file or folder", input));
        }
        request.paths.push_back(input); // made absolute by update_index, as roots are stored
    }
    if (!options.include.empty() || !options.exclude.empty() || options.all_files) {
        WalkOptions walk;
        walk.include = options.include;
        walk.exclude = options.exclude;
        walk.all_files = options.all_files;
        request.walk = walk;
    }
    return request;
}

/// `kosh index --list`: the roots, with their file counts.
int list_roots(const IndexCommandOptions& options)
{
    const Xapian::Database db = open_index(options.index_dir);
    const IndexStats stats = count_files(db, options.index_dir);
    const PathForms paths = PathForms::of_process();
    fmt::print("{}", options.json ? format_roots_json(stats.roots, paths) : format_roots_text(stats.roots, paths));
    return stats.roots.empty() ? k_exit_not_found : k_exit_found;
}

/// One update of the index for `request`, with the command's progress, warnings and summary.
/// Throws Fatal as update_index does.
IndexSummary run_update(const IndexCommandOptions& options, const IndexRequest& request, bool first_run)
{
    IndexOptions index_options;
    index_options.request = request;
    index_options.index_dir = options.index_dir;
    index_options.paths = PathForms::of_process();
    index_options.language = options.language;
    index_options.rebuild = first_run && options.rebuild;
    index_options.shards = options.shards;
    index_options.average_length = options.average_length;
    if (first_run && !options.synonyms.empty()) {
        // Read before anything is opened: a bad line must leave the index as it was.
        index_options.synonyms = value_or_throw<Fatal>(read_synonyms(options.synonyms));
    }
    index_options.wait = std::chrono::milliseconds(static_cast<long long>(options.wait_seconds * 1000));

    ProgressBar progress(stderr, !options.quiet && is_terminal(STDERR_FILENO));
    IndexObserver observer;
    // With -q the warnings about single files are counted, not printed, and one line sums them
    // up; a warning about the index itself is always printed.
    SkipTally skipped;
    const std::string about_index = options.index_dir + ": ";
    observer.warn = [&](const std::string& message) {
        if (options.quiet && !options.verbose && !message.starts_with(about_index)) {
            skipped.add(message);
            return;
        }
        progress.clear();
        warn(message);
    };
    observer.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
    observer.cancel = &g_interrupted;
    IndexSummary summary;
    try {
        summary = update_index(index_options, observer);
    } catch (...) {
        progress.clear();
        throw;
    }
    progress.clear();
    if (skipped.total() > 0) {
        fmt::print(stderr, "kosh: {}; --verbose to list them\n", skipped.summary());
    }
    const PathForms& paths = index_options.paths;
    for (const auto& root : summary.missing_roots) {
        warn(fmt::format("{}: root not found, so its files were kept; 'kosh index --remove {}' drops them",
                         paths.shown(root), paths.shown(root)));
    }
    if (!options.quiet) {
        print_left_out(summary.left_out);
        fmt::print("{}: {} indexed ({}), {} unchanged, {} removed, {} skipped in {:.2f} s\n",
                   paths.shown(absolute_path(options.index_dir)), plural(summary.indexed, "file"),
                   plural(summary.passages, "passage"), summary.unchanged, summary.removed, summary.failed,
                   summary.seconds);
        std::fflush(stdout); // a watching run's lines are read as they come
    }
    return summary;
}

/// Restores the previous SIGINT handler when the command ends, however it ends.
class InterruptHandler {
public:
    InterruptHandler() : m_previous(std::signal(SIGINT, on_interrupt)) { g_interrupted = false; }
    ~InterruptHandler() { std::signal(SIGINT, m_previous); }
    InterruptHandler(const InterruptHandler&) = delete;
    InterruptHandler& operator=(const InterruptHandler&) = delete;

private:
    void (*m_previous)(int);
};

} // namespace

int run_index_command(const IndexCommandOptions& options)
{
    if (options.list) {
        return list_roots(options);
    }
    const IndexRequest request = make_request(options);
    const InterruptHandler interrupts;
    const IndexSummary summary = run_update(options, request, true);
    if (options.watch) {
        return watch_index(options, g_interrupted,
                           [&](const IndexRequest& changes) { (void)run_update(options, changes, false); });
    }
    // Like grep: 1 when the paths walked held nothing to index.
    return summary.walked > 0 && summary.files == 0 ? k_exit_not_found : k_exit_found;
}

} // namespace kosh::cli
