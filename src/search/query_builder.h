// Turns a question or a query string into a Xapian query, using the index-time analysis.
#pragma once

#include "analyze/analyzer.h"
#include "search/score_breakdown.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// How much a match in each field counts, relative to a match in the passage text.
struct FieldWeights {
    double section = 0.6;
    double title = 0.3;
};

/// The words of a question that take part in ranking.
struct QuestionTerms {
    std::vector<std::string> words; // normalized content words, in question order
    std::vector<std::string> stems; // their stems, unique, in question order
};

/// Drops stopwords and question words, unless nothing would be left (then all words count).
[[nodiscard]] QuestionTerms analyze_question(Analyzer& analyzer, std::string_view question);

/// Each stem over the passage text, headings and title, each with its field's weight.
[[nodiscard]] std::vector<WeightedTerm> question_query_leaves(const QuestionTerms& terms, const FieldWeights& weights);

/// OR of question_query_leaves, each scaled by its weight.
[[nodiscard]] Xapian::Query build_question_query(const QuestionTerms& terms, const FieldWeights& weights);

enum class DefaultOperator { all, any };

/// The longest query `kosh search` accepts, in words.
constexpr std::size_t k_max_query_words = 1000;

/// Parses Xapian query syntax (AND/OR/NOT, "phrases", NEAR, wildcards, title:/section:/path:).
/// Throws Error with the parser's message for malformed queries, and for queries over k_max_query_words.
[[nodiscard]] Xapian::Query parse_search_query(std::string_view query, Analyzer& analyzer, const Xapian::Database& db,
                                               DefaultOperator default_operator);

/// Normalizes the words of a query as the indexer did (case, accents, NFKC), leaving operators
/// (AND, OR, NOT, XOR, NEAR, ADJ) and the values of path: filters untouched.
[[nodiscard]] std::string normalize_query_text(std::string_view query);

} // namespace kosh
