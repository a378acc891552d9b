// A fresh directory under the system temp folder for one test, removed with everything in it.
#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace kosh::test {

class TempDir {
public:
    TempDir()
    {
        static std::atomic<unsigned> counter{0};
        std::random_device random;
        const auto base = std::filesystem::temp_directory_path();
        for (int attempt = 0;; ++attempt) {
            const auto name = "kosh-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                              std::to_string(random());
            m_path = base / name;
            if (std::filesystem::create_directory(m_path) || attempt > 100) {
                break;
            }
        }
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::filesystem::path& relative) const
    {
        return m_path / relative;
    }

    /// Writes `content` to `relative` (creating parent folders) and returns the full path.
    std::filesystem::path write(const std::filesystem::path& relative, std::string_view content) const
    {
        const auto full = m_path / relative;
        std::filesystem::create_directories(full.parent_path());
        std::ofstream out(full, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        return full;
    }

    /// Creates the folder `relative` (and its parents) and returns the full path.
    std::filesystem::path mkdir(const std::filesystem::path& relative) const
    {
        const auto full = m_path / relative;
        std::filesystem::create_directories(full);
        return full;
    }

private:
    std::filesystem::path m_path;
};

/// Makes `dir` the current directory until destroyed, so that relative paths name files in it.
class ScopedCurrentDir {
public:
    explicit ScopedCurrentDir(const std::filesystem::path& dir) : m_previous(std::filesystem::current_path())
    {
        std::filesystem::current_path(dir);
    }
    ~ScopedCurrentDir()
    {
        std::error_code ignored;
        std::filesystem::current_path(m_previous, ignored);
    }
    ScopedCurrentDir(const ScopedCurrentDir&) = delete;
    ScopedCurrentDir& operator=(const ScopedCurrentDir&) = delete;

private:
    std::filesystem::path m_previous;
};

/// Copies the fixture folder tests/data/unit/<name> to `destination` (which must not exist).
inline void copy_fixture(std::string_view name, const std::filesystem::path& destination)
{
    std::filesystem::copy(std::filesystem::path(KOSH_TEST_DATA_DIR) / "unit" / name, destination,
                          std::filesystem::copy_options::recursive);
}

} // namespace kosh::test
