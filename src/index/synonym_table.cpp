// Writes synonym groups into an index's synonym table, keyed the way the searcher looks them up.
#include "index/synonym_table.h"

#include "analyze/analyzer.h"
#include "index/schema.h"

#include <fmt/format.h>

namespace kosh {

namespace {

std::string join_words(const SynonymEntry& entry)
{
    return fmt::format("{}", fmt::join(entry, " "));
}

} // namespace

std::string format_synonyms(const std::vector<SynonymGroup>& groups)
{
    std::string text;
    for (const auto& group : groups) {
        for (std::size_t i = 0; i < group.size(); ++i) {
            text += i == 0 ? "" : i == 1 ? " = " : ", ";
            text += join_words(group[i]);
        }
        text += '\n';
    }
    return text;
}

void store_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymGroup>& groups, const std::string& language)
{
    std::vector<std::string> old_keys;
    for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
        old_keys.push_back(*key);
    }
    for (const auto& key : old_keys) {
        db.clear_synonyms(key);
    }
    Analyzer analyzer(language);
    for (const auto& group : groups) {
        for (const auto& entry : group) {
            std::vector<std::string> stems;
            for (const auto& word : entry) {
                stems.push_back(analyzer.stem(word));
            }
            const std::string key = schema::synonym_key(stems);
            for (const auto& other : group) {
                if (&other != &entry) {
                    db.add_synonym(key, join_words(other));
                }
            }
        }
    }
    db.set_metadata(std::string(schema::k_meta_synonyms), format_synonyms(groups));
}

std::vector<SynonymGroup> stored_synonyms(const Xapian::Database& db)
{
    const std::string text = db.get_metadata(std::string(schema::k_meta_synonyms));
    auto groups = parse_synonyms(text, "stored synonyms");
    return groups ? std::move(*groups) : std::vector<SynonymGroup>{};
}

} // namespace kosh
