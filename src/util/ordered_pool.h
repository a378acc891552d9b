// Runs independent jobs on worker threads and hands their results back in job order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kosh {

/// Calls `work(index, worker)` for every index in [0, count) on `workers` threads, and
/// `consume(index, result)` on the calling thread in index order, so results are written in a
/// reproducible order while the expensive part runs in parallel. At most `window` results wait
/// to be consumed at once, which bounds memory. `consume` returns false to stop early; an
/// exception thrown by `work` is rethrown from here, in order, as if `consume` had thrown it.
/// With `workers` = 0 both run on the calling thread, one job after the other: for callers that
/// already keep every core busy, where a hand-off would only add a thread to the queue.
template <typename Result, typename Work, typename Consume>
void run_ordered(std::size_t count, unsigned workers, std::size_t window, Work&& work, Consume&& consume)
{
    if (workers == 0) {
        for (std::size_t index = 0; index < count; ++index) {
            if (!consume(index, work(index, 0U))) {
                return;
            }
        }
        return;
    }
    struct Slot {
        std::optional<Result> result;
        std::exception_ptr error;
        bool done = false;
    };
    std::vector<Slot> slots(count);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next = 0;     // next index to hand out
    std::size_t consumed = 0; // results already taken by consume
    bool stopping = false;

    auto worker_loop = [&](unsigned worker) {
        for (;;) {
            std::size_t index = 0;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stopping || next >= count || next < consumed + window; });
                if (stopping || next >= count) {
                    return;
                }
                index = next++;
            }
            Slot done;
            try {
                done.result.emplace(work(index, worker));
            } catch (...) {
                done.error = std::current_exception();
            }
            done.done = true;
            {
                std::lock_guard lock(mutex);
                slots[index] = std::move(done);
            }
            changed.notify_all();
        }
    };

    std::vector<std::thread> threads;
    for (unsigned worker = 0; worker < workers; ++worker) {
        threads.emplace_back(worker_loop, worker);
    }
    auto stop = [&] {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        changed.notify_all();
        for (auto& thread : threads) {
            thread.join();
        }
    };
    try {
        for (std::size_t index = 0; index < count; ++index) {
            Slot slot;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return slots[index].done; });
                slot = std::move(slots[index]);
                consumed = index + 1;
            }
            changed.notify_all();
            if (slot.error) {
                std::rethrow_exception(slot.error);
            }
            if (!consume(index, std::move(*slot.result))) {
                break;
            }
        }
    } catch (...) {
        stop();
        throw;
    }
    stop();
}

} // namespace kosh
