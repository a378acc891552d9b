// Tests for run_ordered: jobs run on workers (or inline), results are consumed in job order.
#include "util/ordered_pool.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using kosh::run_ordered;

TEST_CASE("run_ordered consumes every result in job order, whatever order the workers finish in")
{
    for (unsigned workers : {0U, 1U, 2U, 4U}) {
        std::vector<int> consumed;
        run_ordered<int>(
            50, workers, 3,
            [](std::size_t index, unsigned) {
                if (index % 7 == 0) {
                    std::this_thread::sleep_for(std::chrono::microseconds(200)); // finish late
                }
                return static_cast<int>(index) * 10;
            },
            [&](std::size_t index, int result) {
                CHECK(result == static_cast<int>(index) * 10);
                consumed.push_back(result / 10);
                return true;
            });
        REQUIRE(consumed.size() == 50);
        for (int i = 0; i < 50; ++i) {
            CHECK(consumed[static_cast<std::size_t>(i)] == i);
        }
    }
}

TEST_CASE("run_ordered with no workers runs each job on the calling thread, just before its result is consumed")
{
    const auto caller = std::this_thread::get_id();
    std::vector<std::string> trace;
    run_ordered<int>(
        3, 0, 8,
        [&](std::size_t index, unsigned worker) {
            CHECK(std::this_thread::get_id() == caller);
            CHECK(worker == 0);
            trace.push_back("work " + std::to_string(index));
            return static_cast<int>(index);
        },
        [&](std::size_t index, int) {
            trace.push_back("consume " + std::to_string(index));
            return true;
        });
    CHECK(trace == std::vector<std::string>{"work 0", "consume 0", "work 1", "consume 1", "work 2", "consume 2"});
}

TEST_CASE("run_ordered stops when consume returns false")
{
    for (unsigned workers : {0U, 2U}) {
        std::vector<std::size_t> consumed;
        run_ordered<int>(
            100, workers, 4, [](std::size_t index, unsigned) { return static_cast<int>(index); },
            [&](std::size_t index, int) {
                consumed.push_back(index);
                return index < 4;
            });
        CHECK(consumed == std::vector<std::size_t>{0, 1, 2, 3, 4});
    }
}

TEST_CASE("run_ordered rethrows a job's exception in job order, after the results before it")
{
    for (unsigned workers : {0U, 2U}) {
        std::vector<std::size_t> consumed;
        auto run = [&] {
            run_ordered<int>(
                20, workers, 4,
                [](std::size_t index, unsigned) {
                    if (index == 5) {
                        throw std::runtime_error("job 5 failed");
                    }
                    return static_cast<int>(index);
                },
                [&](std::size_t index, int) {
                    consumed.push_back(index);
                    return true;
                });
        };
        CHECK_THROWS_WITH(run(), "job 5 failed");
        CHECK(consumed == std::vector<std::size_t>{0, 1, 2, 3, 4});
    }
}

} // namespace
