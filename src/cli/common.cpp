// What the subcommands share: printer options from the output flags, BM25 settings, warnings.
#include "cli/common.h"

#include "index/shards.h"
#include "output/terminal.h"
#include "search/ranking_weight.h"
#include "search/search_settings.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <unistd.h>

namespace kosh::cli {

std::string choice_list(std::span<const std::string_view> names)
{
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            list += i + 1 == names.size() ? " or " : ", ";
        }
        list += names[i];
    }
    return list;
}

void check_report_format(std::string_view format, std::string_view command)
{
    if (std::find(k_report_format_names.begin(), k_report_format_names.end(), format) == k_report_format_names.end()) {
        throw Fatal(
            fmt::format("unknown --format '{}' for {} (use {})", format, command, choice_list(k_report_format_names)));
    }
}

PrinterOptions make_printer_options(const OutputFlags& flags)
{
    PrinterOptions options;
    const auto format = parse_output_format(flags.json ? "json" : flags.format);
    if (!format) {
        throw Fatal(fmt::format("unknown --format '{}' (use {})", flags.format, choice_list(k_output_format_names)));
    }
    options.format = *format;
    try {
        options.color = decide_color(flags.color, STDOUT_FILENO);
    } catch (const std::invalid_argument&) {
        throw Fatal(fmt::format("unknown --color '{}' (use {})", flags.color, choice_list(k_color_modes)));
    }
    if (is_terminal(STDOUT_FILENO)) {
        options.width = terminal_width(STDOUT_FILENO);
    }
    options.paths = PathForms::of_process(flags.absolute);
    return options;
}

void apply_bm25_option(const std::string& bm25, SearchOptions& options)
{
    if (bm25.empty()) {
        return;
    }
    options.bm25 = value_or_throw<Fatal>(parse_bm25(bm25), "--bm25: ");
}

void check_b_for_remote_shards(const SearchOptions& options, const std::filesystem::path& index_dir,
                               const std::string& option)
{
    if (is_index_b(options.bm25.b) || !is_sharded(index_dir)) {
        return;
    }
    for (const auto& shard : read_stub(index_dir)) {
        if (shard.remote()) {
            throw Fatal(
                fmt::format("{}: b = {} differs from the index's {}, which needs kosh's own weighting, and shard "
                            "{}:{} is served by xapian-tcpsrv, which has only Xapian's; use b = {}",
                            option, options.bm25.b, k_index_bm25_b, shard.host, shard.port, k_index_bm25_b));
        }
    }
}

void warn(const std::string& message)
{
    fmt::print(stderr, "kosh: warning: {}\n", sanitize_line_for_terminal(message));
}

} // namespace kosh::cli
