// `kosh stats`: what is in the index.
#pragma once

#include "cli/common.h"

namespace kosh::cli {

struct StatsOptions {
    std::string index_dir;
    OutputFlags output;
};

[[nodiscard]] int run_stats_command(const StatsOptions& options);

} // namespace kosh::cli
