// Takes a passage's BM25 score apart into each query term's share, field by field.
#pragma once

#include "search/explanation.h"
#include "search/ranking_weight.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace kosh {

/// One leaf of a query: an index term and the OP_SCALE_WEIGHT factor above it.
struct WeightedTerm {
    std::string term;
    double factor = 1.0;
};

/// What each leaf adds to the weight of document `docid` as the match computes it (leaf_score,
/// with the length division `db` was built with), grouped by word (first appearance first) and field (from the
/// term's prefix, see schema.h; a ranking term's weight is shared by the fields its wdf came
/// from, in proportion). A leaf listed twice counts twice, as Xapian counts it; path terms are
/// boolean filters and add nothing. Words the document does not match are left out.
[[nodiscard]] std::vector<TermContribution> bm25_contributions(const Xapian::Database& db, Xapian::docid docid,
                                                               const std::vector<WeightedTerm>& leaves,
                                                               const Bm25Settings& settings);

/// The leaves of a parsed `search` query: each term once per query position, factor 1.
[[nodiscard]] std::vector<WeightedTerm> parsed_query_leaves(const Xapian::Query& query);

} // namespace kosh
