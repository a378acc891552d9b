// The relaxation ladder of `kosh search`: when all of a query's words match nothing, most of
// them, then any one of them. Each step says how to report it.
#pragma once

#include "search/query_builder.h"
#include "search/result.h"

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

namespace kosh {

/// One looser form of a query, with the rewrite that reports it.
struct RelaxedQuery {
    Xapian::Query query;
    Rewrite rewrite;
};

/// Most-terms steps ask for n-1 of the n parts, then n-2, ... down to 2, skipping a step with
/// more than this many combinations (each is a clause of the query).
constexpr std::size_t k_max_relaxed_combinations = 64;

/// The ladder's steps for `items`, loosest last: "k of n" for k = n-1 down to 2, then "any of n".
/// `parse` turns one part (or a path: filter) into a query. Empty for fewer than two parts.
[[nodiscard]] std::vector<RelaxedQuery> relaxation_steps(const QueryItems& items,
                                                         const std::function<Xapian::Query(const std::string&)>& parse);

} // namespace kosh
