// "Did you mean": a correction for a word the index lacks, from the index's spelling table.
#include "search/spelling.h"

#include "analyze/stopwords.h"
#include "index/schema.h"

namespace kosh {

std::string suggest_spelling(const Xapian::Database& db, Analyzer& analyzer, const std::string& word)
{
    if (word.size() < k_min_corrected_bytes || !schema::is_spelling_word(word) || is_stopword(word)) {
        return {};
    }
    const std::string& stem = analyzer.stem(word);
    for (const auto prefix : {schema::k_body_prefix, schema::k_section_prefix, schema::k_title_prefix}) {
        if (db.term_exists(schema::stemmed_term(prefix, stem))) {
            return {};
        }
    }
    const unsigned max_edits = word.size() <= 7 ? 1 : 2;
    std::string suggestion = db.get_spelling_suggestion(word, max_edits);
    if (suggestion.empty() || suggestion == word || suggestion.front() != word.front()) {
        return {};
    }
    return suggestion;
}

} // namespace kosh
