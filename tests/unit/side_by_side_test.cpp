// Tests for run_side_by_side: jobs on a few threads; the first failure stops the others and is rethrown.
#include "util/side_by_side.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using kosh::run_side_by_side;

/// Waits until `flag` is set, for at most 10 s; true when it was set.
bool wait_for(const std::atomic<bool>& flag)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!flag.load()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

TEST_CASE("run_side_by_side runs every job, each on a thread of its own")
{
    std::vector<std::thread::id> ran_on(3);
    run_side_by_side(3, 3, [&](std::size_t index, const std::atomic<bool>& stop) {
        CHECK_FALSE(stop.load());
        ran_on[index] = std::this_thread::get_id();
    });
    const std::set<std::thread::id> distinct(ran_on.begin(), ran_on.end());
    CHECK(distinct.size() == 3);
    CHECK(distinct.count(std::this_thread::get_id()) == 0);
}

TEST_CASE("run_side_by_side stops the other jobs when one fails, and rethrows that failure, not theirs")
{
    // Job 0 would run forever but gives up when told to, with an error of its own ("stopped");
    // job 1 fails as soon as job 0 is running. The caller must see job 1's error, though job 0
    // comes first. Job 1 waits for job 0 to start because a job that has not started when the
    // failure comes is never started at all, and then there would be nothing to stop.
    std::atomic<bool> job0_started{false};
    bool job0_was_stopped = false;
    auto run = [&] {
        run_side_by_side(2, 2, [&](std::size_t index, const std::atomic<bool>& stop) {
            if (index == 1) {
                wait_for(job0_started);
                throw std::runtime_error("disk full");
            }
            job0_started = true;
            job0_was_stopped = wait_for(stop);
            throw std::runtime_error("stopped");
        });
    };
    CHECK_THROWS_WITH(run(), "disk full");
    CHECK(job0_was_stopped);
}

TEST_CASE("run_side_by_side lets the other jobs finish when none fails")
{
    std::vector<int> done(4, 0);
    run_side_by_side(4, 4, [&](std::size_t index, const std::atomic<bool>&) { done[index] = 1; });
    CHECK(done == std::vector<int>{1, 1, 1, 1});
}

TEST_CASE("run_side_by_side on fewer threads than jobs runs each job once, never more at once than threads")
{
    std::mutex mutex;
    std::vector<int> runs(6, 0);
    std::atomic<int> running{0};
    int most_at_once = 0;
    run_side_by_side(6, 2, [&](std::size_t index, const std::atomic<bool>&) {
        {
            const std::lock_guard guard(mutex);
            ++runs[index];
            most_at_once = std::max(most_at_once, ++running);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5)); // long enough for jobs to overlap
        --running;
    });
    CHECK(runs == std::vector<int>{1, 1, 1, 1, 1, 1});
    CHECK(most_at_once == 2);
}

TEST_CASE("run_side_by_side starts no more jobs once one has failed")
{
    // One thread: job 1 fails, so jobs 2 and 3 must not start.
    std::vector<int> started(4, 0);
    auto run = [&] {
        run_side_by_side(4, 1, [&](std::size_t index, const std::atomic<bool>&) {
            started[index] = 1;
            if (index == 1) {
                throw std::runtime_error("disk full");
            }
        });
    };
    CHECK_THROWS_WITH(run(), "disk full");
    CHECK(started == std::vector<int>{1, 1, 0, 0});
}

} // namespace
