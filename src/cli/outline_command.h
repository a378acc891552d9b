// `kosh outline`: print the heading tree a file parses into.
#pragma once

#include "cli/common.h"

#include <string>
#include <vector>

namespace kosh::cli {

struct OutlineOptions {
    std::vector<std::string> files;
};

CLI::App* setup_outline_command(CLI::App& app, OutlineOptions& options);
[[nodiscard]] int run_outline_command(const OutlineOptions& options);

} // namespace kosh::cli
