// `kosh completions SHELL`: print the completion script for bash, zsh or fish.
#pragma once

#include "cli/completions.h"

#include <string>

namespace kosh::cli {

struct CompletionsOptions {
    std::string shell;
};

/// Prints the completion script for options.shell, written from `program` (kosh's own command
/// line, as cli/command_line.cpp describes it). Throws Fatal for a shell it does not know.
[[nodiscard]] int run_completions_command(const CompletionsOptions& options, const ProgramSpec& program);

} // namespace kosh::cli
