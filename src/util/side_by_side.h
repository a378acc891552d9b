// Runs long jobs side by side on a few threads, and stops the rest when one fails.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace kosh {

/// Calls `job(index, stop)` for every index in [0, count) on `threads` threads, each starting one
/// of the first jobs and then taking the next index as it comes free, and returns when all have
/// returned. When a job throws, `stop` is set, so that the running jobs can give up early instead
/// of finishing work that will be thrown away, and no more jobs start; after all have returned,
/// the first exception thrown (in time, so not a later "stopped" from a job that gave up) is
/// rethrown.
template <typename Job>
void run_side_by_side(std::size_t count, std::size_t threads, Job&& job)
{
    std::atomic<bool> stop{false};
    threads = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1));
    std::atomic<std::size_t> next{threads}; // the first `threads` jobs start at once, one per thread
    std::mutex mutex;
    std::exception_ptr first_error;
    std::vector<std::thread> running;
    running.reserve(threads);
    for (std::size_t first = 0; first < threads; ++first) {
        running.emplace_back([&, first] {
            for (std::size_t index = first; index < count && !stop; index = next++) {
                try {
                    job(index, static_cast<const std::atomic<bool>&>(stop));
                } catch (...) {
                    std::lock_guard lock(mutex);
                    if (!first_error) {
                        first_error = std::current_exception();
                    }
                    stop = true;
                }
            }
        });
    }
    for (auto& thread : running) {
        thread.join();
    }
    if (first_error) {
        std::rethrow_exception(first_error);
    }
}

} // namespace kosh
