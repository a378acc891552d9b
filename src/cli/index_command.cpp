// `kosh index`: bring the index up to date with files and folders.
#include "cli/index_command.h"

#include "index/indexer.h"
#include "index/skip_tally.h"
#include "index/synonym_file.h"
#include "output/progress_bar.h"
#include "output/terminal.h"
#include "util/error.h"

#include <fmt/format.h>

#include <atomic>
#include <csignal>
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

} // namespace

int run_index_command(const IndexCommandOptions& options)
{
    IndexOptions index_options;
    index_options.inputs = options.inputs.empty() ? std::vector<std::string>{"corpus"} : options.inputs;
    // A mistyped path must not empty the index: every input has to exist before anything changes.
    for (const auto& input : index_options.inputs) {
        std::error_code error;
        if (!std::filesystem::exists(input, error)) {
            throw Fatal(fmt::format("{}: no such file or folder", input));
        }
    }
    index_options.index_dir = options.index_dir;
    index_options.walk = WalkOptions{options.include, options.exclude, options.all_files};
    index_options.language = options.language;
    index_options.rebuild = options.rebuild;
    index_options.shards = options.shards;
    index_options.average_length = options.average_length;
    if (!options.synonyms.empty()) {
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

    g_interrupted = false;
    auto previous_handler = std::signal(SIGINT, on_interrupt);
    IndexSummary summary;
    try {
        summary = update_index(index_options, observer);
    } catch (...) {
        progress.clear();
        std::signal(SIGINT, previous_handler);
        throw;
    }
    std::signal(SIGINT, previous_handler);
    progress.clear();
    if (skipped.total() > 0) {
        fmt::print(stderr, "kosh: {}; --verbose to list them\n", skipped.summary());
    }
    if (!options.quiet) {
        print_left_out(summary.left_out);
        fmt::print("{}: {} indexed ({}), {} unchanged, {} removed, {} skipped in {:.2f} s\n", options.index_dir,
                   plural(summary.indexed, "file"), plural(summary.passages, "passage"), summary.unchanged,
                   summary.removed, summary.failed, summary.seconds);
    }
    return summary.files == 0 ? k_exit_not_found : k_exit_found;
}

} // namespace kosh::cli
