// `kosh index`: bring the index up to date with files and folders.
#pragma once

#include "cli/common.h"

#include <optional>
#include <string>
#include <vector>

namespace kosh::cli {

struct IndexCommandOptions {
    std::vector<std::string> inputs;
    bool remove = false; // drop the inputs as roots, with their files
    bool only = false;   // make the inputs the only roots
    bool list = false;   // print the roots instead of indexing
    bool watch = false;  // after indexing, keep the index up to date as files change
    bool json = false;   // --list as JSON
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
