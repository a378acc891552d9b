// kosh: index a pile of documents and answer questions about them from the terminal.
// This file only starts the command line (cli/command_line.h) and ends the process.
#include "cli/command_line.h"
#include "cli/index_allocator.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define KOSH_NORMAL_EXIT 1
#endif

int main(int argc, char** argv)
{
#ifdef KOSH_JEMALLOC_PATH
    kosh::cli::reexec_index_with(KOSH_JEMALLOC_PATH, argc, argv);
#endif
    const int status = kosh::cli::run_command_line(argc, argv);
#ifndef KOSH_NORMAL_EXIT
    // The command is over: its index is closed and only output buffers remain. Ending here skips
    // the libraries' exit-time destructors, which touch pages nothing else did (about 0.15 ms of
    // a one-shot `kosh ask`). `kosh index` runs for seconds and returns normally, so jemalloc's
    // exit-time reports (MALLOC_CONF=stats_print:true) still appear; so do instrumented builds,
    // whose sanitizers check at exit (CMakeLists.txt defines KOSH_NORMAL_EXIT for them; define
    // it for coverage builds too).
    if (!kosh::cli::is_index_command(argc, argv)) {
        std::cout.flush();
        std::fflush(nullptr);
        std::_Exit(status);
    }
#endif
    return status;
}
