// How many threads an index run keeps busy.
#pragma once

#include <thread>

namespace kosh {

/// One per core; 2 where the number of cores cannot be told.
[[nodiscard]] inline unsigned worker_count()
{
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 2 : cores;
}

} // namespace kosh
