// What the subcommands share: printer options from the output flags, BM25 settings, warnings.
#include "cli/common.h"

#include "index/shards.h"
#include "output/terminal.h"
#include "search/ranking_weight.h"
#include "search/search_settings.h"
#include "util/error.h"

#include <fmt/format.h>

#include <cstdlib>
#include <stdexcept>
#include <unistd.h>

namespace kosh::cli {

PrinterOptions make_printer_options(const OutputFlags& flags)
{
    PrinterOptions options;
    const auto format = parse_output_format(flags.json ? "json" : flags.format);
    if (!format) {
        throw Fatal(fmt::format("unknown --format '{}' (use text, json, tsv or trec)", flags.format));
    }
    options.format = *format;
    try {
        options.color = decide_color(flags.color, STDOUT_FILENO);
    } catch (const std::invalid_argument&) {
        throw Fatal(fmt::format("unknown --color '{}' (use auto, always or never)", flags.color));
    }
    if (is_terminal(STDOUT_FILENO)) {
        options.width = terminal_width(STDOUT_FILENO);
    }
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
