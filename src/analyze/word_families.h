// Forms of one English word that stemming cannot join: irregular verbs ("built" and "build",
// "taught" and "teach") and a few nouns that go with them ("death" and "die").
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace kosh {

class WordFamilies {
public:
    /// Families of `language`'s stems: English ("english" or "en") has a table; other languages none.
    [[nodiscard]] static const WordFamilies& of(std::string_view language);

    /// True when two different stems are forms of one word.
    [[nodiscard]] bool same_word(const std::string& a, const std::string& b) const;

    /// The number of `stem`'s family, or k_none: for callers that compare one stem against many.
    [[nodiscard]] int family_of(const std::string& stem) const;
    static constexpr int k_none = -1;

private:
    WordFamilies() = default;
    std::unordered_map<std::string, int> m_family; // stem -> its family's number
};

} // namespace kosh
