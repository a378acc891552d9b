// kosh's command line: parses argv, runs the subcommand it names, and returns the exit status.
#pragma once

namespace kosh::cli {

/// Parses the arguments, runs the subcommand and returns its exit status (see ExitCode). Usage
/// errors and failures are reported on stderr as one "kosh: ..." line, with status 2.
[[nodiscard]] int run_command_line(int argc, char** argv);

} // namespace kosh::cli
