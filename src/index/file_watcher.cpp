// Watches folder trees with Linux inotify and hands out batches of the paths that changed.
#include "index/file_watcher.h"

#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace kosh {

namespace {

constexpr std::uint32_t k_watch_mask = IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE |
                                       IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;
constexpr std::chrono::milliseconds k_stop_check{100};

bool is_hidden(const std::string& name)
{
    return name.size() > 1 && name[0] == '.' && name != "..";
}

/// The absolute, lexically normal form of a path the user gave, without a trailing separator.
/// Links are left alone, so reported paths start the way the user's did.
fs::path absolute_normal(const fs::path& path)
{
    std::error_code ignored;
    fs::path result = fs::absolute(path, ignored).lexically_normal();
    if (!result.has_filename() && result.has_relative_path()) {
        result = result.parent_path();
    }
    return result;
}

/// Whether `path` is `folder` or lies below it, comparing whole path elements.
bool is_within(const fs::path& path, const fs::path& folder)
{
    auto p = path.begin();
    for (const auto& element : folder) {
        if (p == path.end() || *p != element) {
            return false;
        }
        ++p;
    }
    return true;
}

std::string read_limit(const char* file)
{
    std::ifstream in(file);
    std::string value;
    in >> value;
    return value.empty() ? "unknown" : value;
}

[[noreturn]] void throw_watch_failure(const fs::path& folder, int error)
{
    if (error == ENOSPC) {
        throw Fatal(fmt::format("{}: cannot watch: the limit of inotify watches per user ({}, "
                                "/proc/sys/fs/inotify/max_user_watches) is reached; raise it with "
                                "`sysctl fs.inotify.max_user_watches=N` or watch fewer folders",
                                folder.string(), read_limit("/proc/sys/fs/inotify/max_user_watches")));
    }
    throw Fatal(fmt::format("{}: cannot watch: {}", folder.string(), std::strerror(error)));
}

} // namespace

FileWatcher::FileWatcher(const std::vector<fs::path>& roots)
{
    m_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_fd < 0) {
        const int error = errno;
        if (error == EMFILE) {
            throw Fatal(fmt::format("cannot start watching files: the limit of inotify instances per user ({}, "
                                    "/proc/sys/fs/inotify/max_user_instances) is reached",
                                    read_limit("/proc/sys/fs/inotify/max_user_instances")));
        }
        throw Fatal(fmt::format("cannot start watching files: {}", std::strerror(error)));
    }
    try {
        for (const auto& root : roots) {
            const fs::path absolute = absolute_normal(root);
            std::error_code error;
            const auto status = fs::status(absolute, error);
            if (error || !fs::exists(status)) {
                m_missing_roots.push_back(root);
            } else if (fs::is_directory(status)) {
                m_folder_roots.push_back(absolute);
            } else {
                m_file_roots.push_back(absolute);
            }
        }
        for (const auto& root : m_folder_roots) {
            watch_tree(root, Report::nothing, true);
        }
        for (const auto& file : m_file_roots) {
            const int watch = add_watch(file.parent_path(), true);
            if (watch >= 0) {
                m_folders[watch].files.insert(file.filename().string());
            }
        }
    } catch (...) {
        ::close(m_fd);
        throw;
    }
}

FileWatcher::~FileWatcher()
{
    ::close(m_fd);
}

/// Watches one folder and records it; returns the watch, or -1 for a folder that vanished or cannot be
/// read (it is left out, as the indexer leaves it out). Running out of watches is fatal.
int FileWatcher::add_watch(const fs::path& folder, bool follow_link)
{
    const std::uint32_t mask = k_watch_mask | (follow_link ? 0 : IN_DONT_FOLLOW);
    const int watch = ::inotify_add_watch(m_fd, folder.c_str(), mask);
    if (watch < 0) {
        const int error = errno;
        if (error == ENOSPC || error == ENOMEM) {
            throw_watch_failure(folder, error);
        }
        return -1;
    }
    // The kernel gives the same watch for the same folder: a root inside another root, or a folder
    // renamed while events were lost. Keep one path per watch.
    Folder& record = m_folders[watch];
    if (!record.path.empty() && record.path != folder) {
        m_watch_by_path.erase(record.path);
    }
    record.path = folder;
    m_watch_by_path[folder] = watch;
    return watch;
}

/// Watches `root` and every folder below it that is not hidden, with an explicit stack so deep trees
/// cannot exhaust the call stack. With Report::files, the files found are reported: they may have been
/// written before the watch existed.
void FileWatcher::watch_tree(const fs::path& root, Report report, bool follow_link)
{
    std::vector<fs::path> stack{root};
    while (!stack.empty()) {
        const fs::path folder = std::move(stack.back());
        stack.pop_back();
        const int watch = add_watch(folder, follow_link && folder == root);
        if (watch < 0) {
            continue;
        }
        m_folders[watch].whole = true;
        std::error_code error;
        for (fs::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
            std::error_code type_error;
            const auto status = entry->symlink_status(type_error);
            if (fs::is_directory(status)) {
                if (!is_hidden(entry->path().filename().string())) {
                    stack.push_back(entry->path());
                }
            } else if (report == Report::files) {
                m_pending.push_back(entry->path());
            }
        }
    }
}

/// Stops watching `folder` and everything below it: once moved away, their events would carry stale paths.
void FileWatcher::forget_tree(const fs::path& folder)
{
    auto it = m_watch_by_path.lower_bound(folder);
    while (it != m_watch_by_path.end() && is_within(it->first, folder)) {
        ::inotify_rm_watch(m_fd, it->second);
        m_folders.erase(it->second);
        it = m_watch_by_path.erase(it);
    }
}

void FileWatcher::forget_watch(int watch)
{
    const auto it = m_folders.find(watch);
    if (it == m_folders.end()) {
        return;
    }
    const auto by_path = m_watch_by_path.find(it->second.path);
    if (by_path != m_watch_by_path.end() && by_path->second == watch) {
        m_watch_by_path.erase(by_path);
    }
    m_folders.erase(it);
}

/// After the kernel dropped events, folders made meanwhile are unwatched and removed ones may linger:
/// forget folders that are gone and watch the trees again (existing watches are simply found again).
void FileWatcher::rescan()
{
    for (auto it = m_watch_by_path.begin(); it != m_watch_by_path.end();) {
        std::error_code error;
        if (fs::is_directory(fs::symlink_status(it->first, error))) {
            ++it;
            continue;
        }
        ::inotify_rm_watch(m_fd, it->second);
        m_folders.erase(it->second);
        it = m_watch_by_path.erase(it);
    }
    for (const auto& root : m_folder_roots) {
        watch_tree(root, Report::nothing, true);
    }
}

/// Reports what a vanished folder stood for: itself when watched whole, else the single-file roots in it.
void FileWatcher::report_folder(const Folder& folder)
{
    if (folder.whole) {
        m_pending.push_back(folder.path);
    }
    for (const auto& file : folder.files) {
        m_pending.push_back(folder.path / file);
    }
}

void FileWatcher::handle_event(int watch, std::uint32_t mask, const std::string& name)
{
    if ((mask & IN_Q_OVERFLOW) != 0) {
        m_overflowed = true;
        return;
    }
    const auto it = m_folders.find(watch);
    if (it == m_folders.end()) {
        return; // a watch already forgotten: its queued events carry stale paths
    }
    if ((mask & IN_IGNORED) != 0) {
        forget_watch(watch);
        return;
    }
    if ((mask & (IN_DELETE_SELF | IN_MOVE_SELF)) != 0) {
        // A subfolder's move or deletion was already seen in its parent; this matters for roots.
        const Folder gone = it->second;
        report_folder(gone);
        forget_tree(gone.path);
        return;
    }
    if (name.empty()) {
        return;
    }
    const Folder& folder = it->second;
    if (!folder.whole && folder.files.count(name) == 0) {
        return;
    }
    const fs::path path = folder.path / name;
    if ((mask & IN_ISDIR) == 0) {
        m_pending.push_back(path);
        return;
    }
    if (!folder.whole) {
        return;
    }
    if ((mask & (IN_DELETE | IN_MOVED_FROM)) != 0) {
        m_pending.push_back(path);
        forget_tree(path);
    } else if ((mask & (IN_CREATE | IN_MOVED_TO)) != 0 && !is_hidden(name)) {
        watch_tree(path, Report::files, false);
    }
}

/// Reads and handles every queued event; returns whether any of them reported a change.
bool FileWatcher::read_events()
{
    // Large enough for many events at once; aligned so the kernel's records can be read in place.
    alignas(struct inotify_event) char buffer[64 * 1024];
    const std::size_t pending_before = m_pending.size();
    const bool overflowed_before = m_overflowed;
    for (;;) {
        const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
        if (length < 0) {
            if (errno == EINTR) {
                continue;
            }
            break; // EAGAIN: the queue is empty
        }
        if (length == 0) {
            break;
        }
        for (ssize_t offset = 0; offset < length;) {
            const auto* event = reinterpret_cast<const struct inotify_event*>(buffer + offset);
            const std::string name = event->len > 0 ? std::string(event->name) : std::string();
            handle_event(event->wd, event->mask, name);
            offset += static_cast<ssize_t>(sizeof(struct inotify_event) + event->len);
        }
    }
    if (m_overflowed && !overflowed_before) {
        rescan();
    }
    return m_pending.size() != pending_before || m_overflowed != overflowed_before;
}

std::optional<WatchBatch> FileWatcher::next_batch(const std::atomic<bool>& stop, std::chrono::milliseconds quiet,
                                                  std::chrono::milliseconds longest)
{
    std::optional<Clock::time_point> first;
    Clock::time_point last;
    if (!m_pending.empty() || m_overflowed) {
        first = last = Clock::now(); // kept from a call that was stopped
    }
    while (!stop.load()) {
        const auto now = Clock::now();
        auto wait = k_stop_check;
        if (first) {
            const auto deadline = std::min(last + quiet, *first + longest);
            if (now >= deadline) {
                break;
            }
            wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(deadline - now));
        }
        pollfd descriptor{m_fd, POLLIN, 0};
        const int ready = ::poll(&descriptor, 1, static_cast<int>(wait.count()));
        if (ready < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Fatal(fmt::format("cannot wait for file changes: {}", std::strerror(errno)));
        }
        if (ready > 0 && read_events()) {
            last = Clock::now();
            if (!first) {
                first = last;
            }
        }
    }
    if (stop.load()) {
        return std::nullopt;
    }
    WatchBatch batch;
    batch.overflowed = m_overflowed;
    batch.changed = std::move(m_pending);
    std::sort(batch.changed.begin(), batch.changed.end());
    batch.changed.erase(std::unique(batch.changed.begin(), batch.changed.end()), batch.changed.end());
    m_pending.clear();
    m_overflowed = false;
    return batch;
}

} // namespace kosh
