// Runs questions and queries against an open index and assembles ranked, highlighted results.
#pragma once

#include "analyze/analyzer.h"
#include "search/coverage_gate.h"
#include "search/highlighter.h"
#include "search/passage_reranker.h"
#include "search/query_builder.h"
#include "search/ranking_weight.h"
#include "search/result.h"

#include <xapian.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// How many of the best passages `ask` picks its answer sentence from (and judges coverage on),
/// whatever the number of passages shown: the answer and its confidence do not depend on -n.
constexpr int k_answer_passages = 3;

struct SearchOptions {
    int limit = 3;   // passages to return
    int context = 0; // passages of the same file to add before and after each (passage_context.h)
    Bm25Settings bm25;
    /// The best passage must match at least this share of the question's weighted terms, or
    /// nothing is returned: a question about something absent from the corpus gets no noise.
    double min_coverage = k_default_min_coverage;
    DefaultOperator default_operator = DefaultOperator::all; // for `search`
    bool explain = false;                                    // fill QuestionResult::explanation
    /// `ask` re-ranks this many first-stage candidates by sentence coverage and proximity.
    int rerank_depth = 10;
    RerankWeights rerank{0.8, 0.4};
    /// File evidence for `ask`: each re-rank candidate gains `file_weight` times the summed scores
    /// (in units of the best) of the other passages of its file among the first `file_depth`
    /// candidates, at most `file_cap` of them. A file with several good passages is more likely
    /// about the question than one with a single good line.
    int file_depth = 100;
    double file_weight = 0.1;
    double file_cap = 2.0;
    /// Pseudo-relevance feedback for `ask`: add this many words drawn from the best
    /// `expand_passages` passages (0 = off); together they weigh `expand_weight` times the question.
    int expand_terms = 0;
    int expand_passages = 10;
    double expand_weight = 0.5;
};

class Searcher {
public:
    /// `language` must be the one the index was built with.
    Searcher(Xapian::Database db, const std::string& language);

    /// Natural-language question: ranked passages and the best answer sentence.
    [[nodiscard]] QuestionResult ask(std::string_view question, const SearchOptions& options);
    /// Xapian query syntax: ranked passages, no answer sentence. Throws Error for a bad query.
    [[nodiscard]] QuestionResult search(std::string_view query, const SearchOptions& options);

    /// Reads the index as last committed from now on (after this process has updated it).
    void reopen() { m_db.reopen(); }

private:
    QuestionResult ask_once(std::string_view question, const SearchOptions& options);
    /// One question, analyzed into `terms`, without the spelling fix: passages only when they pass
    /// the coverage gate. Fills in `terms.synonyms`.
    QuestionResult answer_question(std::string_view question, QuestionTerms& terms, const SearchOptions& options);
    /// The question with each word the index lacks replaced by its spelling suggestion; "" if none.
    std::string correct_question(std::string_view question, const std::vector<AnalyzedToken>& tokens);
    QuestionResult search_once(std::string_view query, const SearchOptions& options);
    /// Reorders the fetched candidates before they are cut to the limit; returns what it added
    /// to each score, in the new order.
    /// `file_evidence[i]` is hit i's file evidence (see SearchOptions::file_weight), in units of
    /// the best first-stage score; empty when it is off.
    using Reorder =
        std::function<std::vector<RerankBonus>(std::vector<PassageHit>&, const std::vector<double>& file_evidence)>;
    /// Runs the ladder on a search that found nothing: most words, any word, corrected spelling.
    /// `ran` becomes the query whose passages are kept; `explained`, when given, their breakdowns.
    void relax_search(QuestionResult& result, std::string_view query_text, const SearchOptions& options,
                      const MatchTerms& wildcards, Xapian::Query& ran, std::vector<PassageExplanation>* explained);
    /// Fetches up to `fetch` candidates, reorders them, keeps `options.limit`. `explained`, when
    /// given, receives each returned passage's score broken down over `leaves`.
    std::vector<PassageHit> run(const Xapian::Query& query, const SearchOptions& options, int fetch,
                                const std::function<bool(const Xapian::MSetIterator&)>& keep,
                                const MatchTerms& also_highlight, const std::vector<WeightedTerm>& leaves,
                                std::vector<PassageExplanation>* explained, const Reorder& reorder = {});
    /// Gives the Enquire `query`, and forgets the matching terms of the previous one.
    void set_query(const Xapian::Query& query);
    /// The terms of `docid` that match the current query: a read of its term list, made once per
    /// document and query however many steps (coverage test, highlights) ask.
    const std::vector<std::string>& matching_terms(Xapian::docid docid);
    double term_weight(const std::string& stem);
    Xapian::Query expand(const Xapian::Query& query, const QuestionTerms& terms, const SearchOptions& options);
    /// Drops the hits whose text a better one has (distinct_passages), with their bonuses.
    static void keep_distinct(std::vector<PassageHit>& hits, std::vector<RerankBonus>& bonuses);
    /// Each hit's file evidence: the summed scores of the other candidates in `mset` from its
    /// file, in units of the best, at most `cap`.
    [[nodiscard]] static std::vector<double> file_evidence(const Xapian::MSet& mset,
                                                           const std::vector<PassageHit>& hits, double cap);
    PassageExplanation explain_passage(const PassageHit& hit, Xapian::docid docid,
                                       const std::vector<WeightedTerm>& leaves, const RerankBonus& bonus,
                                       const SearchOptions& options) const;

    Xapian::Database m_db;
    Analyzer m_analyzer;
    Xapian::Enquire m_enquire;
    std::map<Xapian::docid, std::vector<std::string>> m_matching_terms; // see matching_terms()
};

} // namespace kosh
