// Passes on the warnings of several groups of files indexed at once, in group order.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace kosh {

/// Group 0's warnings go out as they come; each later group's are held until every group before
/// it has finished, so files are warned about in the order one writer would have met them.
class OrderedWarnings {
public:
    OrderedWarnings(std::size_t groups, std::function<void(const std::string&)> out)
        : m_out(std::move(out)), m_held(groups), m_finished(groups, false)
    {
    }

    void warn(std::size_t group, const std::string& message)
    {
        const std::lock_guard guard(m_mutex);
        if (group == m_live) {
            m_out(message);
        } else {
            m_held[group].push_back(message);
        }
    }

    /// Call for each group when it stops, normally or not, or never starts; again is harmless.
    void finished(std::size_t group)
    {
        const std::lock_guard guard(m_mutex);
        m_finished[group] = true;
        while (m_live < m_finished.size() && m_finished[m_live]) {
            ++m_live;
            if (m_live < m_held.size()) {
                for (const auto& message : m_held[m_live]) {
                    m_out(message);
                }
                m_held[m_live].clear();
            }
        }
    }

private:
    std::function<void(const std::string&)> m_out;
    std::mutex m_mutex;
    std::size_t m_live = 0; // the group whose warnings go out at once
    std::vector<std::vector<std::string>> m_held;
    std::vector<bool> m_finished;
};

} // namespace kosh
