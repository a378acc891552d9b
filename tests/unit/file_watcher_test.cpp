// Tests for FileWatcher: which changes under watched roots are reported, and how they are batched.
#include "index/file_watcher.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

using kosh::FileWatcher;
using kosh::WatchBatch;
using kosh::test::TempDir;
using Paths = std::vector<fs::path>;

/// Sets `stop` after `limit` unless destroyed first, so a test whose change goes unseen fails
/// instead of waiting forever.
class Timeout {
public:
    explicit Timeout(std::chrono::milliseconds limit)
        : m_thread([this, limit] {
              std::unique_lock<std::mutex> lock(m_mutex);
              if (!m_woken.wait_for(lock, limit, [this] { return m_done; })) {
                  stop = true;
              }
          })
    {
    }
    ~Timeout()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_woken.notify_all();
        m_thread.join();
    }
    Timeout(const Timeout&) = delete;
    Timeout& operator=(const Timeout&) = delete;

    std::atomic<bool> stop{false};

private:
    std::mutex m_mutex;
    std::condition_variable m_woken;
    bool m_done = false;
    std::thread m_thread;
};

/// The next batch, with a short quiet time so tests stay fast; nullopt when none came in 3 s.
std::optional<WatchBatch> next(FileWatcher& watcher, std::chrono::milliseconds quiet = 50ms,
                               std::chrono::milliseconds longest = 1s)
{
    Timeout timeout(3s);
    return watcher.next_batch(timeout.stop, quiet, longest);
}

bool contains(const WatchBatch& batch, const fs::path& path)
{
    return std::find(batch.changed.begin(), batch.changed.end(), path) != batch.changed.end();
}

} // namespace

TEST_CASE("FileWatcher reports a new file", "[file_watcher]")
{
    TempDir dir;
    FileWatcher watcher({dir.path()});
    CHECK(watcher.missing_roots().empty());
    CHECK(watcher.watch_count() == 1);
    dir.write("a.md", "# A");
    const auto batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->changed == Paths{dir / "a.md"});
    CHECK_FALSE(batch->overflowed);
}

TEST_CASE("FileWatcher reports a write to an existing file in a subfolder", "[file_watcher]")
{
    TempDir dir;
    dir.write("sub/deeper/a.md", "old");
    FileWatcher watcher({dir.path()});
    CHECK(watcher.watch_count() == 3);
    dir.write("sub/deeper/a.md", "new");
    const auto batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->changed == Paths{dir / "sub/deeper/a.md"});
}

TEST_CASE("FileWatcher reports deleted files and folders", "[file_watcher]")
{
    TempDir dir;
    dir.write("a.md", "a");
    dir.write("sub/b.md", "b");
    FileWatcher watcher({dir.path()});
    SECTION("a file")
    {
        fs::remove(dir / "a.md");
        const auto batch = next(watcher);
        REQUIRE(batch);
        CHECK(batch->changed == Paths{dir / "a.md"});
    }
    SECTION("a folder: its path is reported, and its watch dropped")
    {
        fs::remove_all(dir / "sub");
        const auto batch = next(watcher);
        REQUIRE(batch);
        CHECK(contains(*batch, dir / "sub"));
        CHECK(watcher.watch_count() == 1);
    }
}

TEST_CASE("FileWatcher reports the target of an editor's save by rename", "[file_watcher]")
{
    TempDir dir;
    dir.write("notes.md", "old");
    FileWatcher watcher({dir.path()});
    SECTION("write a temporary file, rename it over the original")
    {
        dir.write(".notes.md.tmp", "new");
        fs::rename(dir / ".notes.md.tmp", dir / "notes.md");
    }
    SECTION("move the original to a backup, write anew, delete the backup (vim)")
    {
        fs::rename(dir / "notes.md", dir / "notes.md~");
        dir.write("notes.md", "new");
        fs::remove(dir / "notes.md~");
    }
    const auto batch = next(watcher);
    REQUIRE(batch);
    CHECK(contains(*batch, dir / "notes.md"));
    CHECK(std::is_sorted(batch->changed.begin(), batch->changed.end()));
    CHECK(std::adjacent_find(batch->changed.begin(), batch->changed.end()) == batch->changed.end());
}

TEST_CASE("FileWatcher watches a new folder and reports files written in it at once", "[file_watcher]")
{
    TempDir dir;
    FileWatcher watcher({dir.path()});
    // Written before the watcher can have added a watch for the new folders: found by listing them.
    dir.write("new/a.md", "a");
    dir.write("new/deeper/b.md", "b");
    auto batch = next(watcher);
    REQUIRE(batch);
    CHECK(contains(*batch, dir / "new/a.md"));
    CHECK(contains(*batch, dir / "new/deeper/b.md"));
    CHECK_FALSE(contains(*batch, dir / "new"));
    // The new folders are watched from now on.
    dir.write("new/deeper/c.md", "c");
    batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->changed == Paths{dir / "new/deeper/c.md"});
}

TEST_CASE("FileWatcher watches a folder moved in and forgets one moved out", "[file_watcher]")
{
    TempDir dir;
    TempDir outside;
    dir.write("kept.md", "k");
    dir.write("leaving/x.md", "x");
    outside.write("arriving/a.md", "a");
    outside.write("arriving/sub/b.md", "b");
    FileWatcher watcher({dir.path()});
    CHECK(watcher.watch_count() == 2);

    fs::rename(outside / "arriving", dir / "arriving");
    fs::rename(dir / "leaving", outside / "leaving");
    auto batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->changed == Paths{dir / "arriving/a.md", dir / "arriving/sub/b.md", dir / "leaving"});
    CHECK(watcher.watch_count() == 3);

    // Changes in the folder that left are not reported under its old path; the one that came is watched.
    outside.write("leaving/y.md", "y");
    dir.write("arriving/sub/c.md", "c");
    batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->changed == Paths{dir / "arriving/sub/c.md"});
}

TEST_CASE("FileWatcher reports a folder renamed inside the tree under its new name", "[file_watcher]")
{
    TempDir dir;
    dir.write("old/a.md", "a");
    FileWatcher watcher({dir.path()});
    fs::rename(dir / "old", dir / "new");
    auto batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->changed == Paths{dir / "new/a.md", dir / "old"});
    dir.write("new/b.md", "b");
    batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->changed == Paths{dir / "new/b.md"});
}

TEST_CASE("FileWatcher does not descend into hidden folders or links to folders", "[file_watcher]")
{
    TempDir dir;
    TempDir outside;
    dir.mkdir(".git/objects");
    outside.mkdir("linked");
    fs::create_directory_symlink(outside / "linked", dir / "link");
    FileWatcher watcher({dir.path()});
    CHECK(watcher.watch_count() == 1);
    dir.write(".git/objects/x", "x");
    dir.write(".cache/y.md", "y"); // a hidden folder made later
    outside.write("linked/z.md", "z");
    dir.write("visible.md", "v"); // last, so the batch is known to be complete once it shows
    const auto batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->changed == Paths{dir / "visible.md"});
}

TEST_CASE("FileWatcher collects quick changes into one batch", "[file_watcher]")
{
    TempDir dir;
    dir.mkdir("sub");
    FileWatcher watcher({dir.path()});
    std::thread writer([&] {
        dir.write("a.md", "a");
        std::this_thread::sleep_for(30ms);
        dir.write("b.md", "b");
        std::this_thread::sleep_for(30ms);
        dir.write("sub/c.md", "c");
    });
    const auto batch = next(watcher, 250ms);
    writer.join();
    REQUIRE(batch);
    CHECK(batch->changed == Paths{dir / "a.md", dir / "b.md", dir / "sub/c.md"});
}

TEST_CASE("FileWatcher hands out a batch after `longest` even while changes go on", "[file_watcher]")
{
    TempDir dir;
    FileWatcher watcher({dir.path()});
    std::atomic<bool> writer_done{false};
    std::thread writer([&] {
        for (int i = 0; i < 25; ++i) {
            std::string name = "f";
            name += std::to_string(i);
            dir.write(name + ".md", "x");
            std::this_thread::sleep_for(20ms);
        }
        writer_done = true;
    });
    const auto batch = next(watcher, 100ms, 150ms);
    const bool returned_while_writing = !writer_done;
    writer.join();
    REQUIRE(batch);
    CHECK(returned_while_writing);
    CHECK_FALSE(batch->changed.empty());
    CHECK(batch->changed.size() < 25);
}

TEST_CASE("FileWatcher::next_batch returns nullopt soon after stop is set", "[file_watcher]")
{
    TempDir dir;
    FileWatcher watcher({dir.path()});
    std::atomic<bool> stop{false};
    const auto start = std::chrono::steady_clock::now();
    std::thread stopper([&] {
        std::this_thread::sleep_for(200ms);
        stop = true;
    });
    const auto batch = watcher.next_batch(stop, 50ms, 1s);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    stopper.join();
    CHECK_FALSE(batch);
    CHECK(elapsed < 1s);
}

TEST_CASE("FileWatcher watches a root that is a single file, and only that file", "[file_watcher]")
{
    TempDir dir;
    dir.write("watched.md", "old");
    dir.write("other.md", "old");
    FileWatcher watcher({dir / "watched.md"});
    SECTION("written in place")
    {
        dir.write("other.md", "new");
        dir.write("watched.md", "new");
    }
    SECTION("replaced by rename")
    {
        dir.write("other.md", "new");
        dir.write("watched.md.tmp", "new");
        fs::rename(dir / "watched.md.tmp", dir / "watched.md");
    }
    const auto batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->changed == Paths{dir / "watched.md"});
}

TEST_CASE("FileWatcher skips missing roots and makes relative roots absolute", "[file_watcher]")
{
    TempDir dir;
    dir.mkdir("notes");
    kosh::test::ScopedCurrentDir cwd(dir.path());
    FileWatcher watcher({"gone", "notes/", dir / "gone.md"});
    CHECK(watcher.missing_roots() == Paths{"gone", dir / "gone.md"});
    dir.write("notes/a.md", "a");
    const auto batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->changed == Paths{fs::current_path() / "notes/a.md"});
}

TEST_CASE("FileWatcher watches a deeply nested folder moved in without recursing", "[file_watcher]")
{
    TempDir dir;
    TempDir outside;
    fs::path deep = "top";
    for (int i = 0; i < 200; ++i) {
        deep /= "d";
    }
    outside.write(deep / "bottom.md", "b");
    FileWatcher watcher({dir.path()});
    fs::rename(outside / "top", dir / "top");
    const auto batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->changed == Paths{dir / deep / "bottom.md"});
    CHECK(watcher.watch_count() == 202);
}

TEST_CASE("FileWatcher says when the kernel dropped events and watches folders made meanwhile", "[file_watcher]")
{
    long queue_limit = 0;
    if (std::FILE* limit = std::fopen("/proc/sys/fs/inotify/max_queued_events", "r")) {
        if (std::fscanf(limit, "%ld", &queue_limit) != 1) {
            queue_limit = 0;
        }
        std::fclose(limit);
    }
    if (queue_limit <= 0 || queue_limit > 200000) {
        WARN("cannot overflow the inotify queue cheaply here (max_queued_events " << queue_limit << ")");
        return;
    }
    TempDir dir;
    FileWatcher watcher({dir.path()});
    // Each open for writing and close queues an event. The kernel merges an event equal to the one
    // before it, so alternate between two files.
    const fs::path files[] = {dir.write("a.md", "a"), dir.write("b.md", "b")};
    for (long i = 0; i <= queue_limit + 1; ++i) {
        const int fd = ::open(files[i % 2].c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) {
            FAIL("cannot open " << files[i % 2]);
        }
        ::close(fd);
    }
    dir.mkdir("made-while-full"); // its event is lost
    auto batch = next(watcher);
    REQUIRE(batch);
    CHECK(batch->overflowed);
    dir.write("made-while-full/c.md", "c");
    batch = next(watcher);
    REQUIRE(batch);
    CHECK_FALSE(batch->overflowed);
    CHECK(batch->changed == Paths{dir / "made-while-full/c.md"});
}
