// Forms of one English word that stemming cannot join: irregular verbs ("built" and "build",
// "taught" and "teach") and a few nouns that go with them ("death" and "die").
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace kosh {

class WordFamilies {
public:
    /// Families of `language`'s stems: English ("english" or "en") has a table; other languages none.
    [[nodiscard]] static const WordFamilies& of(std::string_view language);

    /// True when two different stems are forms of one word.
    [[nodiscard]] bool same_word(std::string_view a, std::string_view b) const;

    /// The number of `stem`'s family, or k_none: for callers that compare one stem against many.
    [[nodiscard]] int family_of(std::string_view stem) const;

    /// The stems of one family, sorted.
    [[nodiscard]] std::vector<std::string_view> stems_of(int family) const;
    static constexpr int k_none = -1;

    struct StemFamily {
        std::string_view stem;
        int family = k_none;
    };

private:
    constexpr explicit WordFamilies(std::span<const StemFamily> stems) : m_stems(stems) {}
    std::span<const StemFamily> m_stems; // sorted by stem
};

} // namespace kosh
