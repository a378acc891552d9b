// Which words could stem to one of a few stems, judged by first letters alone.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace kosh {

/// The first letters of some stems. With a stemmer that keeps a word's first letter
/// (Stemmer::keeps_first_letter), a word that starts with another letter cannot stem to any of
/// them and need not be stemmed: most words of the passages a question's answer is sought in.
class StemInitials {
public:
    void add(std::string_view stem)
    {
        if (stem.empty()) {
            // Callers give a word ruled out an empty stem, which must then match nothing wanted.
            m_any = true;
        } else if (stem[0] >= 'a' && stem[0] <= 'z') {
            m_letters[static_cast<std::size_t>(stem[0] - 'a')] = true;
        }
        // A stem starting with anything else ("1956", "москв") cannot be that of a word starting
        // with a-z, and words that do not start with a-z are never ruled out.
    }

    template <typename Stems>
    void add_all(const Stems& stems)
    {
        for (const auto& stem : stems) {
            add(stem);
        }
    }

    /// False only for a word that starts with a-z and with none of the letters added.
    [[nodiscard]] bool may_stem_to_one(std::string_view word) const
    {
        if (m_any || word.empty() || word[0] < 'a' || word[0] > 'z') {
            return true;
        }
        return m_letters[static_cast<std::size_t>(word[0] - 'a')];
    }

private:
    std::array<bool, 26> m_letters{};
    bool m_any = false;
};

} // namespace kosh
