// Runs questions and queries against an open index and assembles ranked, highlighted results.
#pragma once

#include "analyze/analyzer.h"
#include "search/highlighter.h"
#include "search/query_builder.h"
#include "search/result.h"

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>

namespace kosh {

struct SearchOptions {
    int limit = 3;                  // passages to return
    FieldWeights field_weights;
    double bm25_k1 = 1.2;
    double bm25_b = 0.75;
    /// The best passage must match at least this share of the question's weighted terms, or
    /// nothing is returned: a question about something absent from the corpus gets no noise.
    double min_coverage = 0.3;
    DefaultOperator default_operator = DefaultOperator::all; // for `search`
};

class Searcher {
public:
    /// `language` must be the one the index was built with.
    Searcher(Xapian::Database db, const std::string& language);

    /// Natural-language question: ranked passages and the best answer sentence.
    [[nodiscard]] QuestionResult ask(std::string_view question, const SearchOptions& options);
    /// Xapian query syntax: ranked passages, no answer sentence. Throws Error for a bad query.
    [[nodiscard]] QuestionResult search(std::string_view query, const SearchOptions& options);

private:
    QuestionResult ask_once(std::string_view question, const SearchOptions& options);
    /// One question, without the spelling fix: passages only when they pass the coverage gate.
    QuestionResult answer_question(std::string_view question, const SearchOptions& options);
    /// The question with each word the index lacks replaced by its spelling suggestion; "" if none.
    std::string correct_question(std::string_view question);
    QuestionResult search_once(std::string_view query, const SearchOptions& options);
    /// Runs the ladder on a search that found nothing: most words, any word, corrected spelling.
    void relax_search(QuestionResult& result, std::string_view query_text, const SearchOptions& options,
                      const MatchTerms& wildcards);
    std::vector<PassageHit> run(const Xapian::Query& query, const SearchOptions& options, int fetch,
                                const std::function<bool(const Xapian::MSetIterator&)>& keep, const MatchTerms& also_highlight);
    double term_weight(const std::string& stem);

    Xapian::Database m_db;
    Analyzer m_analyzer;
    Xapian::Enquire m_enquire;
};

} // namespace kosh
