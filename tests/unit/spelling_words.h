// Test helper: an index's spelling table as word -> frequency, for exact comparisons.
#pragma once

#include <xapian.h>

#include <map>
#include <string>

inline std::map<std::string, Xapian::doccount> spellings_of(const Xapian::Database& db)
{
    std::map<std::string, Xapian::doccount> words;
    for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word) {
        words[*word] = word.get_termfreq();
    }
    return words;
}
