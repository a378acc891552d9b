// An exclusive lock on an index folder for the length of one `kosh index` run.
#include "index/index_lock.h"

#include "util/error.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace kosh {

namespace {

std::string read_holder(int fd)
{
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string holder(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) {
        holder.pop_back();
    }
    return holder.empty() ? "unknown" : holder;
}

} // namespace

IndexLock::IndexLock(const std::filesystem::path& index_dir, std::chrono::milliseconds wait)
{
    std::error_code error;
    std::filesystem::create_directories(index_dir, error);
    const std::filesystem::path path = index_dir / "kosh.lock";
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) {
        throw Fatal(fmt::format("{}: cannot create the lock file: {}", path.string(), std::strerror(errno)));
    }
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const int saved = errno;
            ::close(m_fd);
            throw Fatal(fmt::format("{}: cannot lock the index: {}", index_dir.string(), std::strerror(saved)));
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            const std::string holder = read_holder(m_fd);
            ::close(m_fd);
            throw Fatal(fmt::format("{}: the index is being updated by process {}; try again later or use --wait",
                                    index_dir.string(), holder));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const std::string pid = fmt::format("{}\n", ::getpid());
    if (::ftruncate(m_fd, 0) != 0 || ::pwrite(m_fd, pid.data(), pid.size(), 0) < 0) {
        // The lock itself is held; only the courtesy note for waiting runs is missing.
    }
}

IndexLock::~IndexLock()
{
    if (m_fd >= 0) {
        ::close(m_fd); // releases the flock
    }
}

} // namespace kosh
