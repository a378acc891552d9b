// `kosh index` runs with jemalloc preloaded (see index_allocator.h).
#include "cli/index_allocator.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include <unistd.h>

namespace kosh::cli {

std::string preload_with(std::string_view existing, std::string_view library)
{
    std::size_t begin = 0;
    while (begin < existing.size()) {
        const std::size_t end = std::min(existing.find_first_of(": ", begin), existing.size());
        if (existing.substr(begin, end - begin) == library) {
            return "";
        }
        begin = end + 1;
    }
    std::string value(library);
    if (!existing.empty()) {
        value += ':';
        value += existing;
    }
    return value;
}

void reexec_index_with(const char* library, int argc, char** argv)
{
    if (argc < 2 || std::string_view(argv[1]) != "index" || access(library, R_OK) != 0) {
        return;
    }
    const char* found = std::getenv("LD_PRELOAD");
    const std::optional<std::string> existing = found ? std::optional<std::string>(found) : std::nullopt;
    const std::string value = preload_with(existing.value_or(""), library);
    if (value.empty() || setenv("LD_PRELOAD", value.c_str(), 1) != 0) {
        return; // already preloaded: this is the second run
    }
    execv("/proc/self/exe", argv);
    // No /proc, or no exec: index with the C library's malloc, and leave the environment as it was.
    if (existing) {
        setenv("LD_PRELOAD", existing->c_str(), 1);
    } else {
        unsetenv("LD_PRELOAD");
    }
}

} // namespace kosh::cli
