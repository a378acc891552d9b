// A one-line progress bar on a terminal, shown only once work has taken more than a moment.
#include "output/progress_bar.h"

#include <fmt/format.h>

#include <string>

namespace kosh {

ProgressBar::ProgressBar(std::FILE* stream, bool enabled) : m_stream(stream), m_enabled(enabled)
{
}

void ProgressBar::update(std::size_t done, std::size_t total)
{
    if (!m_enabled || total == 0) {
        return;
    }
    const auto now = Clock::now();
    if (now - m_started < std::chrono::milliseconds(500) || now - m_last_draw < std::chrono::milliseconds(100)) {
        return;
    }
    m_last_draw = now;
    constexpr std::size_t k_width = 30;
    const std::size_t filled = k_width * done / total;
    fmt::print(m_stream, "\r[{}{}] {}/{} files", std::string(filled, '#'), std::string(k_width - filled, ' '), done,
               total);
    std::fflush(m_stream);
    m_drawn = true;
}

void ProgressBar::clear()
{
    if (m_drawn) {
        fmt::print(m_stream, "\r\x1b[K");
        std::fflush(m_stream);
        m_drawn = false;
    }
}

} // namespace kosh
