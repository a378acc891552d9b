// What the subcommands share: exit statuses, output flags, BM25 settings and warnings. Their
// options are declared in cli/command_line.cpp, the one file that knows CLI11.
#pragma once

#include "output/printer.h"
#include "search/searcher.h"

#include <array>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kosh::cli {

/// Exit statuses, as grep and ripgrep use them, and 3 for `ask --min-confidence`.
enum ExitCode : int {
    k_exit_found = 0,
    k_exit_not_found = 1,
    k_exit_error = 2,
    k_exit_no_confident_answer = 3, // passages were found, but no answer reached --min-confidence
};

/// The --format names of `kosh stats` and `kosh eval`, whose reports are text or JSON only.
inline constexpr std::array<std::string_view, 2> k_report_format_names = {"text", "json"};

/// "a, b or c": the values an option accepts, for its error message.
[[nodiscard]] std::string choice_list(std::span<const std::string_view> names);

/// Throws Fatal, naming `command`, when `format` is not one of k_report_format_names.
void check_report_format(std::string_view format, std::string_view command);

/// How `ask` and `search` print results, and whether they may bring them up to date first.
struct OutputFlags {
    std::string format = "text";
    bool json = false;
    std::string color = "auto";
    bool absolute = false; // print stored absolute paths as they are
    bool refresh = false;  // re-index the files of stale results, then answer again
};

/// Turns output flags into printer options for standard output. Throws Fatal on a bad value.
[[nodiscard]] PrinterOptions make_printer_options(const OutputFlags& flags);

/// Sets options.bm25 from a --bm25 value; empty leaves the defaults. Throws Fatal
/// naming the option and what is wrong with the value.
void apply_bm25_option(const std::string& bm25, SearchOptions& options);

/// Throws Fatal, naming `option`, when `options` ask for a BM25 b other than the one the index
/// was built with and the index at `index_dir` has a shard served by xapian-tcpsrv: that b needs
/// kosh's own weighting scheme (search/ranking_weight.h), which a remote shard cannot run.
void check_b_for_remote_shards(const SearchOptions& options, const std::filesystem::path& index_dir,
                               const std::string& option);

/// Prints "kosh: warning: MESSAGE" to stderr.
void warn(const std::string& message);

} // namespace kosh::cli
