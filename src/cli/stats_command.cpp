// `kosh stats`: what is in the index.
#include "cli/stats_command.h"

#include "index/database.h"
#include "index/index_stats.h"
#include "output/json_writer.h"
#include "util/error.h"

#include <fmt/format.h>

namespace kosh::cli {

int run_stats_command(const StatsOptions& options)
{
    const std::string format = options.output.json ? "json" : options.output.format;
    if (format != "text" && format != "json") {
        throw Fatal(fmt::format("unknown --format '{}' for stats (use text or json)", format));
    }
    const Xapian::Database db = open_index(options.index_dir);
    const IndexStats stats = collect_index_stats(db, options.index_dir);
    if (format == "json") {
        fmt::print("{{\"index\": {}, \"files\": {}, \"passages\": {}, \"terms\": {}, \"bytes\": {}, \"language\": {}, "
                   "\"indexed_at\": {}, \"average_length\": {:.6g}}}\n",
                   json_escape(stats.index_dir), stats.files, stats.passages, stats.terms, stats.bytes_on_disk,
                   json_escape(stats.language), json_escape(stats.indexed_at), stats.average_length);
        return k_exit_found;
    }
    fmt::print("index:        {}\n", stats.index_dir);
    fmt::print("files:        {}\n", stats.files);
    fmt::print("passages:     {}\n", stats.passages);
    fmt::print("terms:        {}\n", stats.terms);
    fmt::print("size:         {:.1f} MB ({} bytes)\n", static_cast<double>(stats.bytes_on_disk) / 1e6, stats.bytes_on_disk);
    fmt::print("language:     {}\n", stats.language);
    fmt::print("last indexed: {}\n", stats.indexed_at);
    fmt::print("avg length:   {:.6g}\n", stats.average_length);
    return k_exit_found;
}

} // namespace kosh::cli
