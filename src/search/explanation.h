// Why a result came out as it did: the query that ran, each term's share of a passage's score,
// and the answer sentence's score against the runner-up. Filled in only when asked for (--explain).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kosh {

/// One query word's share of a passage's BM25 score, split by the field it matched in.
struct TermContribution {
    std::string term; // the stem (or, for `search`, the word) without index prefixes
    double body = 0.0;
    double heading = 0.0;
    double title = 0.0;
    [[nodiscard]] double total() const { return body + heading + title; }
};

/// A named amount added to a passage's score on top of the terms' BM25 weights.
struct ScoreBonus {
    std::string name;
    double value = 0.0;
};

/// A passage's score taken apart: score == sum of term totals + sum of bonuses + other.
struct PassageExplanation {
    int rank = 0;
    double score = 0.0;
    std::vector<TermContribution> terms; // the query words the passage matched, in query order
    std::vector<ScoreBonus> bonuses;     // what the re-ranker added: "sentence", "proximity"
    /// What the terms do not account for: wildcards, which Xapian scores as one synonym term.
    double other = 0.0;
};

/// A question word's informativeness, as coverage and the answer picker weigh it.
struct QueryTerm {
    std::string stem;
    double weight = 0.0;
};

/// Everything --explain reports beside a result.
struct Explanation {
    /// The query that ran: for `ask` its stems in question order, for `search` Xapian's
    /// description of the parsed query.
    std::string query;
    std::vector<QueryTerm> terms;             // `ask` only: the stems and their weights
    double heading_weight = 0.0;              // `ask`: a heading or title word counts this many times as
    double title_weight = 0.0;                // much as a text word in the ranking terms (schema.h)
    double best_coverage = 0.0;               // `ask`: weighted share of the question the best passage matched
    double min_coverage = 0.0;                // ... and the share it had to reach
    std::vector<PassageExplanation> passages; // in rank order
};

} // namespace kosh
