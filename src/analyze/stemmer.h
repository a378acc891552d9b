// Snowball stemming through Xapian, with a cache because corpora repeat their words.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace kosh {

class Stemmer {
public:
    /// `language` is a Snowball language name ("english", "german", ...) or "none".
    /// Throws Fatal naming the language when Xapian does not know it.
    explicit Stemmer(const std::string& language);

    [[nodiscard]] const std::string& stem(const std::string& word);
    [[nodiscard]] const std::string& language() const { return m_language; }
    [[nodiscard]] bool enabled() const { return m_enabled; }

private:
    std::string m_language;
    bool m_enabled = false;
    Xapian::Stem m_stem;
    std::unordered_map<std::string, std::string> m_cache; // word -> stem
};

/// The languages Xapian can stem, space-separated (for error messages and --help).
[[nodiscard]] std::string stemmer_languages();

} // namespace kosh
