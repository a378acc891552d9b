// Watches folder trees with Linux inotify and hands out batches of the paths that changed.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace kosh {

/// The paths that changed during one burst of activity.
/// A path that exists names a file to (re)read. A path that is gone was deleted or moved away; when it
/// was a folder, so is everything that was below it. A folder replaced within one burst (moved out, and
/// another moved in under the same name) appears as a path that is a folder: its files are listed too.
struct WatchBatch {
    std::vector<std::filesystem::path> changed; // absolute, lexically normal, sorted, unique
    bool overflowed = false;                    // the kernel dropped events: rescan everything
};

/// Watches each root: a folder recursively (every subfolder, including ones made later, but not hidden
/// ones, whose names start with '.', nor symbolic links to folders), or a single file, by watching its
/// folder and reporting only that file. Editors that save by writing a temporary file and renaming it
/// over the original show up as the original's name (and the temporary names, which callers filter).
/// Known limits: a root folder that is itself deleted or moved away is reported once and then no longer
/// watched; files changed through mmap or truncate(2) without a write-close are not seen.
class FileWatcher {
public:
    /// A root that does not exist is skipped and listed by missing_roots(). Throws Fatal when inotify
    /// cannot be set up, e.g. when the per-user watch limit (fs.inotify.max_user_watches) is reached.
    explicit FileWatcher(const std::vector<std::filesystem::path>& roots);
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    /// Waits for a change; once one arrives, keeps collecting until `quiet` passes without another (or
    /// `longest` since the first), then returns the batch. Returns nullopt once `stop` is true, which
    /// is checked at least every 100 ms. Throws Fatal when a new folder cannot be watched for lack of
    /// watches, since its changes would otherwise go unseen.
    [[nodiscard]] std::optional<WatchBatch> next_batch(const std::atomic<bool>& stop,
                                                       std::chrono::milliseconds quiet = std::chrono::milliseconds(300),
                                                       std::chrono::milliseconds longest = std::chrono::seconds(2));

    /// The roots given that did not exist, as given.
    [[nodiscard]] const std::vector<std::filesystem::path>& missing_roots() const { return m_missing_roots; }

    /// How many folders are watched (each costs one of the user's inotify watches).
    [[nodiscard]] std::size_t watch_count() const { return m_folders.size(); }

private:
    struct Folder {
        std::filesystem::path path;
        bool whole = false;          // every entry counts, and subfolders are watched too
        std::set<std::string> files; // otherwise only these names (roots that are single files)
    };
    enum class Report { files, nothing };

    int add_watch(const std::filesystem::path& folder, bool follow_link);
    void watch_tree(const std::filesystem::path& root, Report report, bool follow_link);
    void forget_tree(const std::filesystem::path& folder);
    void forget_watch(int watch);
    void rescan();
    bool read_events();
    void handle_event(int watch, std::uint32_t mask, const std::string& name);
    void report_folder(const Folder& folder);

    int m_fd = -1;
    std::vector<std::filesystem::path> m_missing_roots;
    std::vector<std::filesystem::path> m_folder_roots;    // absolute
    std::vector<std::filesystem::path> m_file_roots;      // absolute
    std::unordered_map<int, Folder> m_folders;            // by watch descriptor
    std::map<std::filesystem::path, int> m_watch_by_path; // sorted, so a subtree is one range
    std::vector<std::filesystem::path> m_pending;         // changes not yet handed out
    bool m_overflowed = false;
};

} // namespace kosh
