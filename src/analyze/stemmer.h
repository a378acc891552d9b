// Snowball stemming through Xapian, with a cache because corpora repeat their words.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kosh {

class Stemmer {
public:
    /// `language` is a Snowball language name ("english", "german", ...) or "none".
    /// Throws Fatal naming the language when Xapian does not know it.
    explicit Stemmer(const std::string& language);

    [[nodiscard]] const std::string& stem(const std::string& word);
    [[nodiscard]] const std::string& language() const { return m_language; }
    [[nodiscard]] bool enabled() const { return m_enabled; }

    /// True when every stem starts with its word's first letter, for words that start with a-z:
    /// so with no stemming, and with English's (Snowball's algorithm only takes off and changes
    /// endings; none of the 185,000 different words of the benchmark and test corpora breaks it).
    [[nodiscard]] bool keeps_first_letter() const { return m_keeps_first_letter; }

private:
    std::string m_language;
    bool m_enabled = false;
    bool m_keeps_first_letter = false;
    Xapian::Stem m_stem;
    std::unordered_map<std::string, std::string> m_cache; // word -> stem
};

/// The languages Xapian can stem, space-separated (for error messages and --help).
[[nodiscard]] std::string stemmer_languages();

/// Every name Stemmer accepts, one each: "none", then stemmer_languages() (Xapian also takes
/// two-letter codes such as "en", which are left out here).
[[nodiscard]] std::vector<std::string> stemmer_language_names();

} // namespace kosh
