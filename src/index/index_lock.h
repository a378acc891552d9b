// An exclusive lock on an index folder for the length of one `kosh index` run.
#pragma once

#include <chrono>
#include <filesystem>

namespace kosh {

/// Holds `<index>/kosh.lock` with flock(2). The kernel releases the lock when the process dies
/// however it dies, so a killed run never leaves a stale lock behind. The file holds the
/// holder's process id, so a waiting run can say who it is waiting for.
class IndexLock {
public:
    /// Waits up to `wait` for the lock; throws Fatal naming the holding process when it times out.
    IndexLock(const std::filesystem::path& index_dir, std::chrono::milliseconds wait);
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

private:
    int m_fd = -1;
};

} // namespace kosh
