// A one-line progress bar on a terminal, shown only once work has taken more than a moment.
#pragma once

#include <chrono>
#include <cstdio>

namespace kosh {

class ProgressBar {
public:
    /// Draws on `stream` only when `enabled` (the caller checks that it is a terminal).
    ProgressBar(std::FILE* stream, bool enabled);
    ~ProgressBar() { clear(); }
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    /// Redraws at most ten times a second, and not before half a second has passed.
    void update(std::size_t done, std::size_t total);
    /// Erases the bar, e.g. before a warning is printed or at the end.
    void clear();

private:
    using Clock = std::chrono::steady_clock;
    std::FILE* m_stream;
    bool m_enabled;
    bool m_drawn = false;
    Clock::time_point m_started = Clock::now();
    Clock::time_point m_last_draw{};
};

} // namespace kosh
