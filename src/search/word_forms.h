// Forms of one word that the stemmer leaves apart: shared by the answer picker and the passage
// re-ranker, so both credit "built" for "build" and "teacher" for "teach" alike.
#pragma once

#include "analyze/stem_initials.h"
#include "analyze/word_families.h"

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// A related form counts for this much of the question word it stands for.
constexpr double k_related_form_share = 0.5;

/// True when one stem begins with the other and both have at least five letters: "teach"/"teacher",
/// "south"/"southern", "victoria"/"victorian". Names are its false friends ("india"/"indiana",
/// "georg"/"georgia", "paris"/"parish"); counting half, measured on squad-dev, it gains more than
/// they cost.
inline bool related_forms(std::string_view a, std::string_view b)
{
    constexpr std::size_t k_min_length = 5;
    if (a.size() < k_min_length || b.size() < k_min_length) {
        return false;
    }
    return a.size() < b.size() ? b.substr(0, a.size()) == a : a.substr(0, b.size()) == b;
}

/// A question's stems, ready to be looked for in one sentence after another.
class QuestionForms {
public:
    QuestionForms(const std::set<std::string>& stems, const WordFamilies& families)
        : m_families(families), m_stems(stems.begin(), stems.end())
    {
        for (const auto& stem : m_stems) {
            m_family.push_back(families.family_of(stem));
            m_initials.add(stem);
            if (m_family.back() != WordFamilies::k_none) {
                m_initials.add_all(families.stems_of(m_family.back()));
            }
        }
        m_any_family = std::any_of(m_family.begin(), m_family.end(), [](int f) { return f != WordFamilies::k_none; });
    }

    /// The first letters of the stems, and of their other forms, that shares() can credit: with a
    /// stemmer that keeps first letters, a word starting with another letter gets no share.
    [[nodiscard]] const StemInitials& initials() const { return m_initials; }

    /// The question's stems, in order (that of the set they came from).
    [[nodiscard]] const std::vector<std::string>& stems() const { return m_stems; }

    /// How much of each of stems() `words` (stems) hold, in that order: 1 for the stem itself or
    /// another form of its word (word_families.h), k_related_form_share for a related form only,
    /// else 0.
    template <typename Words>
    [[nodiscard]] std::vector<double> shares(const Words& words) const
    {
        std::vector<double> share(m_stems.size(), 0.0);
        for (const std::string& word : words) {
            const int word_family = m_any_family ? m_families.family_of(word) : WordFamilies::k_none;
            for (std::size_t i = 0; i < m_stems.size(); ++i) {
                if (share[i] == 1.0) {
                    continue;
                }
                if (word == m_stems[i] || (word_family != WordFamilies::k_none && word_family == m_family[i])) {
                    share[i] = 1.0;
                } else if (related_forms(m_stems[i], word)) {
                    share[i] = k_related_form_share;
                }
            }
        }
        return share;
    }

private:
    const WordFamilies& m_families;
    std::vector<std::string> m_stems;
    std::vector<int> m_family; // of each of m_stems, looked up once
    bool m_any_family = false; // when none has one, words need no look-up either
    StemInitials m_initials;
};

} // namespace kosh
