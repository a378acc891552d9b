// Tests for LD_PRELOAD's value when `kosh index` runs itself again with jemalloc.
#include "cli/index_allocator.h"

#include <catch2/catch.hpp>

using kosh::cli::preload_with;

TEST_CASE("preload_with puts the library ahead of what is preloaded already", "[cli]")
{
    CHECK(preload_with("", "/lib/libjemalloc.so.2") == "/lib/libjemalloc.so.2");
    CHECK(preload_with("/lib/libfoo.so", "/lib/libjemalloc.so.2") == "/lib/libjemalloc.so.2:/lib/libfoo.so");
}

TEST_CASE("preload_with gives nothing when the library is listed, colon or space separated", "[cli]")
{
    CHECK(preload_with("/lib/libjemalloc.so.2", "/lib/libjemalloc.so.2").empty());
    CHECK(preload_with("/lib/libjemalloc.so.2:/lib/libfoo.so", "/lib/libjemalloc.so.2").empty());
    CHECK(preload_with("/lib/libfoo.so /lib/libjemalloc.so.2", "/lib/libjemalloc.so.2").empty());
    // A different file with a name that contains it is not the same library.
    CHECK(preload_with("/lib/libjemalloc.so.2.bak", "/lib/libjemalloc.so.2") ==
          "/lib/libjemalloc.so.2:/lib/libjemalloc.so.2.bak");
}
