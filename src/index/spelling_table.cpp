// Keeps an index's spelling table in step with the passage-text words it holds.
#include "index/spelling_table.h"

#include "index/schema.h"

#include <utility>
#include <vector>

namespace kosh {

void add_word_counts(WordCounts& total, const WordCounts& more)
{
    for (const auto& [word, count] : more) {
        total[word] += count;
    }
}

void subtract_spellings(const Xapian::Database& db, const std::string& term, WordCounts& spellings)
{
    // An unprefixed term is a passage-text word with one position per occurrence (its wdf is
    // scaled by the passage's length, see length_norm.h), so positions count the occurrences.
    for (auto doc = db.postlist_begin(term); doc != db.postlist_end(term); ++doc) {
        for (auto word = db.termlist_begin(*doc); word != db.termlist_end(*doc); ++word) {
            if (schema::is_spelling_word(*word)) {
                spellings[*word] -= word.positionlist_count();
            }
        }
    }
}

void clear_spellings(Xapian::WritableDatabase& db)
{
    // Collected first, so the table is not changed under its own iterator.
    std::vector<std::pair<std::string, Xapian::doccount>> words;
    for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word) {
        words.emplace_back(*word, word.get_termfreq());
    }
    for (const auto& [word, count] : words) {
        db.remove_spelling(word, count);
    }
}

void apply_spellings(Xapian::WritableDatabase& db, const WordCounts& spellings)
{
    for (const auto& [word, change] : spellings) {
        if (change > 0) {
            db.add_spelling(word, static_cast<Xapian::termcount>(change));
        } else if (change < 0) {
            db.remove_spelling(word, static_cast<Xapian::termcount>(-change));
        }
    }
}

} // namespace kosh
