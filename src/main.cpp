// kosh: index a pile of documents and answer questions about them from the terminal.
// This file only starts the command line (cli/command_line.h).
#include "cli/command_line.h"
#include "cli/index_allocator.h"

int main(int argc, char** argv)
{
#ifdef KOSH_JEMALLOC_PATH
    kosh::cli::reexec_index_with(KOSH_JEMALLOC_PATH, argc, argv);
#endif
    return kosh::cli::run_command_line(argc, argv);
}
