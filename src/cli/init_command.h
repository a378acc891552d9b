// `kosh init`: makes a folder a project, whose index kosh finds from anywhere inside it.
#pragma once

#include <string>

namespace kosh::cli {

struct InitOptions {
    std::string folder = ".";
};

[[nodiscard]] int run_init_command(const InitOptions& options);

} // namespace kosh::cli
