// Finds the words and phrases of a question that have synonyms in the index, and credits a
// passage or sentence that uses a synonym with the question's words it stands for.
#include "search/synonyms.h"

#include "index/schema.h"
#include "index/synonym_file.h"

#include <algorithm>

namespace kosh {

namespace {

Phrase read_phrase(std::string_view text, Analyzer& analyzer)
{
    Phrase phrase;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto space = text.find(' ', start);
        const std::string_view word = text.substr(start, space == std::string_view::npos ? text.npos : space - start);
        if (!word.empty()) {
            phrase.words.emplace_back(word);
            phrase.stems.push_back(analyzer.stem(phrase.words.back()));
        }
        if (space == std::string_view::npos) {
            break;
        }
        start = space + 1;
    }
    return phrase;
}

} // namespace

std::vector<SynonymUse> find_synonyms(const Xapian::Database& db, Analyzer& analyzer,
                                      const std::vector<std::string>& words, const std::vector<std::string>& stems)
{
    std::vector<SynonymUse> uses;
    if (db.synonym_keys_begin() == db.synonym_keys_end()) {
        return uses;
    }
    std::size_t i = 0;
    while (i < stems.size()) {
        std::size_t length = std::min(k_max_synonym_words, stems.size() - i);
        for (; length > 0; --length) {
            const std::vector<std::string> run(stems.begin() + static_cast<std::ptrdiff_t>(i),
                                               stems.begin() + static_cast<std::ptrdiff_t>(i + length));
            const std::string key = schema::synonym_key(run);
            auto value = db.synonyms_begin(key);
            if (value == db.synonyms_end(key)) {
                continue;
            }
            SynonymUse use;
            use.first_word = i;
            use.original.words.assign(words.begin() + static_cast<std::ptrdiff_t>(i),
                                      words.begin() + static_cast<std::ptrdiff_t>(i + length));
            use.original.stems = run;
            for (; value != db.synonyms_end(key); ++value) {
                Phrase alternative = read_phrase(*value, analyzer);
                if (!alternative.words.empty() && alternative.stems != use.original.stems &&
                    std::find(use.alternatives.begin(), use.alternatives.end(), alternative) ==
                        use.alternatives.end()) {
                    use.alternatives.push_back(std::move(alternative));
                }
            }
            if (!use.alternatives.empty()) {
                uses.push_back(std::move(use));
            }
            break;
        }
        i += std::max<std::size_t>(length, 1);
    }
    return uses;
}

std::set<std::string> credit_synonyms(const std::set<std::string>& present, const std::vector<SynonymUse>& uses)
{
    std::set<std::string> credited = present;
    for (const auto& use : uses) {
        for (const auto& alternative : use.alternatives) {
            const bool all = std::all_of(alternative.stems.begin(), alternative.stems.end(),
                                         [&](const std::string& stem) { return present.count(stem) > 0; });
            if (all) {
                credited.insert(use.original.stems.begin(), use.original.stems.end());
                break;
            }
        }
    }
    return credited;
}

} // namespace kosh
