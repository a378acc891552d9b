// `kosh outline`: print the heading tree a file parses into.
#pragma once

#include "cli/common.h"

#include <string>
#include <vector>

namespace kosh::cli {

struct OutlineOptions {
    std::vector<std::string> files;
};

[[nodiscard]] int run_outline_command(const OutlineOptions& options);

} // namespace kosh::cli
