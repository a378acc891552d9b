// Turns a question or a query string into a Xapian query, using the index-time analysis.
#pragma once

#include "analyze/analyzer.h"
#include "search/score_breakdown.h"
#include "search/synonyms.h"
#include "util/path_forms.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// A question analyzed once: its words with their stems, and those that take part in ranking.
/// Every later step (query, re-ranking, answer, spelling) reads these rather than the text.
struct QuestionTerms {
    std::vector<AnalyzedToken> tokens;   // every word, with its place in the question and its stem
    std::vector<std::string> words;      // normalized content words, in question order
    std::vector<std::string> word_stems; // the stem of each of `words`, repeats kept (for proximity)
    std::vector<std::string> stems;      // their stems, unique, in question order
    bool only_stopwords = false;         // no content words: `words` holds every word
    Phrase all;                          // every word, stopwords too, for matching synonym phrases
    std::vector<SynonymUse> synonyms;    // filled in by the caller, from the index (find_synonyms)
};

/// Tokenizes and stems `question`. Drops stopwords and question words from the content words,
/// unless nothing would be left (then all words count).
[[nodiscard]] QuestionTerms analyze_question(Analyzer& analyzer, std::string_view question);

/// Each stem's ranking term: the leaves --explain splits a score over. A word matched through
/// synonyms is scored by Xapian as one OP_SYNONYM term, which these leaves do not take apart.
[[nodiscard]] std::vector<WeightedTerm> question_query_leaves(const QuestionTerms& terms);

/// OR of each stem's ranking term, which counts the passage text, its headings and its title
/// (see schema.h). A word with synonyms is OP_SYNONYM of it and them (so using both does not
/// count twice), and a phrase with synonyms is OP_SYNONYM of the phrase and them, in place of its
/// words; a synonym phrase is an OP_PHRASE of the passage text's words.
[[nodiscard]] Xapian::Query build_question_query(const QuestionTerms& terms);

enum class DefaultOperator { all, any };

/// The longest query `kosh search` accepts, in words.
constexpr std::size_t k_max_query_words = 1000;

/// Parses Xapian query syntax (AND/OR/NOT, "phrases", NEAR, wildcards, title:/section:/path:).
/// Throws Error with the parser's message for malformed queries, and for queries over k_max_query_words.
[[nodiscard]] Xapian::Query parse_search_query(std::string_view query, Analyzer& analyzer, const Xapian::Database& db,
                                               DefaultOperator default_operator);

/// The query with every run of plain words (not quoted, not in a field, not a wildcard) that has
/// synonyms in `db` replaced by "(run OR synonym OR \"synonym phrase\")". `query` is normalized.
[[nodiscard]] std::string expand_query_synonyms(std::string_view query, Analyzer& analyzer, const Xapian::Database& db);

/// The query with its misspelt plain words replaced by their spelling suggestion (see
/// suggest_spelling), or "" when no word needs correcting. `query` is normalized.
[[nodiscard]] std::string correct_query_spelling(std::string_view query, Analyzer& analyzer,
                                                 const Xapian::Database& db);

/// The top-level parts of a query that relaxing may drop: words, "phrases", field:words and
/// (groups), apart from path: filters, which always apply.
struct QueryItems {
    std::vector<std::string> terms;
    std::vector<std::string> filters;
};

/// Splits a query at top-level spaces; nullopt when it uses boolean operators (AND, OR, NOT, XOR,
/// NEAR, ADJ) or +/- outside brackets, since then the user has said how its parts combine.
[[nodiscard]] std::optional<QueryItems> split_query_items(std::string_view query);

/// The query with the value of each path: filter made absolute as `forms` resolves it
/// ("path:docs/" -> "path:/home/ann/docs/"), since the index names files by absolute path.
[[nodiscard]] std::string resolve_path_filters(std::string_view query, const PathForms& forms);

/// Normalizes the words of a query as the indexer did (case, accents, NFKC), leaving operators
/// (AND, OR, NOT, XOR, NEAR, ADJ) and the values of path: filters untouched.
[[nodiscard]] std::string normalize_query_text(std::string_view query);

} // namespace kosh
