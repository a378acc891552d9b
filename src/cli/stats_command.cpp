// `kosh stats`: what is in the index.
#include "cli/stats_command.h"

#include "index/database.h"
#include "index/index_stats.h"
#include "output/stats_printer.h"
#include "util/error.h"

#include <fmt/format.h>

namespace kosh::cli {

int run_stats_command(const StatsOptions& options)
{
    const std::string format = options.output.json ? "json" : options.output.format;
    check_report_format(format, "stats");
    const Xapian::Database db = open_index(options.index_dir);
    const IndexStats stats = collect_index_stats(db, options.index_dir);
    const PathForms paths = PathForms::of_process();
    fmt::print("{}", format == "json" ? format_stats_json(stats, paths) : format_stats_text(stats, paths));
    return k_exit_found;
}

} // namespace kosh::cli
