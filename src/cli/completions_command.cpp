// `kosh completions SHELL`: print the completion script for bash, zsh or fish.
#include "cli/completions_command.h"

#include "cli/common.h"
#include "util/error.h"

#include <fmt/format.h>

namespace kosh::cli {

int run_completions_command(const CompletionsOptions& options, const ProgramSpec& program)
{
    const auto shell = parse_shell(options.shell);
    if (!shell) {
        throw Fatal(fmt::format("unknown shell '{}' (use {})", options.shell, choice_list(k_shell_names)));
    }
    fmt::print("{}", completion_script(program, *shell));
    return k_exit_found;
}

} // namespace kosh::cli
