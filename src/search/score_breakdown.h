// Takes a passage's BM25 score apart into each query term's share, field by field.
#pragma once

#include "search/explanation.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace kosh {

/// BM25Weight's floor on a document's length relative to the average (Xapian's default);
/// the searcher ranks with it, and the breakdown must use the same.
constexpr double k_bm25_min_normlen = 0.5;

/// One leaf of a query: an index term and the OP_SCALE_WEIGHT factor above it.
struct WeightedTerm {
    std::string term;
    double factor = 1.0;
};

struct Bm25Settings {
    double k1 = 1.2;
    double b = 0.75;
};

/// What each leaf adds to the weight of document `docid` under BM25Weight(k1, 0, 1, b,
/// k_bm25_min_normlen), computed as Xapian 1.4 does it, and grouped by word (first appearance
/// first) and field (from the term's prefix, see schema.h; a ranking term's weight is shared by
/// the fields its wdf came from, in proportion). A leaf listed twice counts twice, as
/// Xapian counts it; path terms are boolean filters and add nothing. Words the document does not
/// match are left out.
[[nodiscard]] std::vector<TermContribution> bm25_contributions(const Xapian::Database& db, Xapian::docid docid,
                                                               const std::vector<WeightedTerm>& leaves,
                                                               const Bm25Settings& settings);

/// The leaves of a parsed `search` query: each term once per query position, factor 1.
[[nodiscard]] std::vector<WeightedTerm> parsed_query_leaves(const Xapian::Query& query);

} // namespace kosh
