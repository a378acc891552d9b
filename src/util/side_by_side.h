// Runs a few long jobs side by side, each on its own thread, and stops the rest when one fails.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace kosh {

/// Calls `job(index, stop)` for every index in [0, count), each on its own thread, and returns
/// when all have returned. When a job throws, `stop` is set, so that the others can give up early
/// instead of finishing work that will be thrown away; after all have returned, the first
/// exception thrown (in time, so not a later "stopped" from a job that gave up) is rethrown.
template <typename Job>
void run_side_by_side(std::size_t count, Job&& job)
{
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::exception_ptr first_error;
    std::vector<std::thread> threads;
    threads.reserve(count);
    for (std::size_t index = 0; index < count; ++index) {
        threads.emplace_back([&, index] {
            try {
                job(index, static_cast<const std::atomic<bool>&>(stop));
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!first_error) {
                    first_error = std::current_exception();
                }
                stop = true;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    if (first_error) {
        std::rethrow_exception(first_error);
    }
}

} // namespace kosh
