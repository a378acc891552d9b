// Words too common to help rank: dropped from questions (never from the index).
#include "analyze/stopwords.h"

#include <algorithm>
#include <array>

namespace kosh {

namespace {

// Function words, auxiliaries and question words. Sorted, for binary search.
constexpr std::array k_stopwords = std::to_array<std::string_view>({
    "a",          "about",     "above",  "after", "again",   "against", "all",     "also",       "am",      "an",
    "and",        "any",       "are",    "as",    "at",      "be",      "because", "been",       "before",  "being",
    "below",      "between",   "both",   "but",   "by",      "can",     "could",   "did",        "do",      "does",
    "doing",      "down",      "during", "each",  "few",     "for",     "from",    "further",    "had",     "has",
    "have",       "having",    "he",     "her",   "here",    "hers",    "herself", "him",        "himself", "his",
    "how",        "i",         "if",     "in",    "into",    "is",      "it",      "it's",       "its",     "itself",
    "just",       "many",      "me",     "more",  "most",    "much",    "my",      "myself",     "no",      "nor",
    "not",        "now",       "of",     "off",   "on",      "once",    "only",    "or",         "other",   "our",
    "ours",       "ourselves", "out",    "over",  "own",     "same",    "she",     "should",     "so",      "some",
    "such",       "than",      "that",   "the",   "their",   "theirs",  "them",    "themselves", "then",    "there",
    "these",      "they",      "this",   "those", "through", "to",      "too",     "under",      "until",   "up",
    "very",       "was",       "we",     "were",  "what",    "when",    "where",   "which",      "while",   "who",
    "whom",       "whose",     "why",    "will",  "with",    "would",   "you",     "your",       "yours",   "yourself",
    "yourselves",
});

static_assert(std::is_sorted(k_stopwords.begin(), k_stopwords.end()), "k_stopwords must stay sorted");

} // namespace

bool is_stopword(std::string_view normalized_word)
{
    return std::binary_search(k_stopwords.begin(), k_stopwords.end(), normalized_word);
}

} // namespace kosh
