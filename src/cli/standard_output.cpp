// Standard output that may be a pipe whose reader has gone.
#include "cli/standard_output.h"

#include "util/error.h"

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

namespace kosh::cli {

void ignore_broken_pipes()
{
    std::signal(SIGPIPE, SIG_IGN);
}

void check_standard_output()
{
    if (!std::cout.bad() && std::ferror(stdout) == 0) {
        return;
    }
    const int error = errno;
    // errno may have moved on since the write that failed; what stdout is tells the cause apart.
    struct stat status {};
    if (::fstat(STDOUT_FILENO, &status) == 0 && (S_ISFIFO(status.st_mode) || S_ISSOCK(status.st_mode))) {
        throw OutputClosed("standard output was closed");
    }
    throw Fatal(fmt::format("cannot write to standard output: {}", std::strerror(error)));
}

} // namespace kosh::cli
