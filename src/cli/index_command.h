// `kosh index`: bring the index up to date with files and folders.
#pragma once

#include "cli/common.h"

#include <optional>
#include <string>
#include <vector>

namespace kosh::cli {

struct IndexCommandOptions {
    std::vector<std::string> inputs;
    std::string index_dir;
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    bool all_files = false; // take source code, data, logs... too
    std::string language = "english";
    bool rebuild = false;
    std::size_t shards = 0;
    std::optional<double> average_length;
    std::string synonyms; // a synonyms file; empty keeps the index's groups
    bool quiet = false;
    bool verbose = false; // every warning, even with quiet
    double wait_seconds = 5.0;
};

[[nodiscard]] int run_index_command(const IndexCommandOptions& options);

} // namespace kosh::cli
