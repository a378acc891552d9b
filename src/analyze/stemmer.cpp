// Snowball stemming through Xapian, with a cache because corpora repeat their words.
#include "analyze/stemmer.h"

#include "util/error.h"

#include <fmt/format.h>

#include <sstream>

namespace kosh {

namespace {

Xapian::Stem make_stem(const std::string& language)
{
    if (language == "none") {
        return Xapian::Stem();
    }
    try {
        return Xapian::Stem(language);
    } catch (const Xapian::InvalidArgumentError&) {
        throw Fatal(fmt::format("unknown language '{}' (known: none {})", language, stemmer_languages()));
    }
}

} // namespace

Stemmer::Stemmer(const std::string& language)
    : m_language(language), m_enabled(language != "none"),
      m_keeps_first_letter(language == "none" || language == "english" || language == "en"), m_stem(make_stem(language))
{
}

const std::string& Stemmer::stem(const std::string& word)
{
    auto found = m_cache.find(word);
    if (found != m_cache.end()) {
        return found->second;
    }
    // Bound the cache: a pathological corpus of unique words must not grow it without limit.
    if (m_cache.size() > 500000) {
        m_cache.clear();
    }
    return m_cache.emplace(word, m_enabled ? m_stem(word) : word).first->second;
}

std::string stemmer_languages()
{
    return Xapian::Stem::get_available_languages();
}

std::vector<std::string> stemmer_language_names()
{
    std::vector<std::string> names = {"none"};
    std::istringstream languages(stemmer_languages());
    for (std::string name; languages >> name;) {
        names.push_back(name);
    }
    return names;
}

} // namespace kosh
