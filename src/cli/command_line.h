// kosh's command line: parses argv, runs the subcommand it names, and returns the exit status.
#pragma once

#include "cli/completions.h"

namespace kosh::cli {

/// Every subcommand and option of the command line, with the values each takes, as the shell
/// completions are written from them.
[[nodiscard]] ProgramSpec describe_command_line();

/// Parses the arguments, runs the subcommand and returns its exit status (see ExitCode). Usage
/// errors and failures are reported on stderr as one "kosh: ..." line, with status 2.
[[nodiscard]] int run_command_line(int argc, char** argv);

} // namespace kosh::cli
