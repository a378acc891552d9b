// `kosh index` runs with jemalloc preloaded (see index_allocator.h).
#include "cli/index_allocator.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include <sys/auxv.h>
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

namespace {

// Set for the second run: LD_PRELOAD alone cannot tell, as the loader drops it for setuid programs.
constexpr const char* k_second_run = "KOSH_INDEX_PRELOADED";

} // namespace

bool is_index_command(int argc, char** argv)
{
    // `kosh --no-config index` too: --no-config is the one option allowed before the command.
    const int first = argc >= 2 && std::string_view(argv[1]) == "--no-config" ? 2 : 1;
    return argc > first && std::string_view(argv[first]) == "index";
}

void reexec_index_with(const char* library, int argc, char** argv)
{
    if (std::getenv(k_second_run)) {
        unsetenv(k_second_run);
        return;
    }
    // A setuid or setgid kosh would have LD_PRELOAD ignored, so there is nothing to gain.
    if (!is_index_command(argc, argv) || getauxval(AT_SECURE) != 0 || access(library, R_OK) != 0) {
        return;
    }
    const char* found = std::getenv("LD_PRELOAD");
    const std::optional<std::string> existing = found ? std::optional<std::string>(found) : std::nullopt;
    const std::string value = preload_with(existing.value_or(""), library);
    if (value.empty() || setenv("LD_PRELOAD", value.c_str(), 1) != 0 || setenv(k_second_run, "1", 1) != 0) {
        return; // already preloaded (by the user), or no room in the environment
    }
    execv("/proc/self/exe", argv);
    // No /proc, or no exec: index with the C library's malloc, and leave the environment as it was.
    unsetenv(k_second_run);
    if (existing) {
        setenv("LD_PRELOAD", existing->c_str(), 1);
    } else {
        unsetenv("LD_PRELOAD");
    }
}

} // namespace kosh::cli
