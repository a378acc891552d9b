// `kosh index` runs with jemalloc preloaded; every other command keeps the C library's malloc.
//
// An index build allocates and frees millions of small Xapian term entries across threads, and
// takes about a fifth less CPU time with jemalloc. Linked in, though, jemalloc sets itself up in
// every process, which costs each one-shot `kosh ask` about 2 ms: more than a question's ranking.
// So the binary is not linked against it, and `kosh index` runs itself again with it preloaded.
#pragma once

#include <string>
#include <string_view>

namespace kosh::cli {

/// True when argv is `kosh index ...` (or `kosh --no-config index ...`).
[[nodiscard]] bool is_index_command(int argc, char** argv);

/// When argv is `kosh index ...`, `library` is readable and not yet preloaded, and this is not
/// already the second run: runs the same command again with `library` added to LD_PRELOAD, and
/// does not return. Otherwise, or when that fails, returns, and the command runs here with the
/// allocator it has.
void reexec_index_with(const char* library, int argc, char** argv);

/// LD_PRELOAD's new value: `library` ahead of the `existing` entries (separated by colons or
/// spaces), or "" when `existing` already lists it.
[[nodiscard]] std::string preload_with(std::string_view existing, std::string_view library);

} // namespace kosh::cli
