// The relaxation ladder of `kosh search`: when all of a query's words match nothing, most of
// them, then any one of them. Each step says how to report it.
#include "search/relaxation.h"

#include <fmt/format.h>

namespace kosh {

namespace {

std::size_t combinations(std::size_t n, std::size_t k)
{
    std::size_t count = 1;
    for (std::size_t i = 1; i <= k; ++i) {
        count = count * (n - k + i) / i;
        if (count > k_max_relaxed_combinations) {
            return count;
        }
    }
    return count;
}

/// Calls `visit` with each k-element subset of 0..n-1, as ascending indexes.
void for_each_subset(std::size_t n, std::size_t k, const std::function<void(const std::vector<std::size_t>&)>& visit)
{
    std::vector<std::size_t> chosen(k);
    for (std::size_t i = 0; i < k; ++i) {
        chosen[i] = i;
    }
    while (true) {
        visit(chosen);
        std::size_t i = k;
        while (i > 0 && chosen[i - 1] == n - k + i - 1) {
            --i;
        }
        if (i == 0) {
            return;
        }
        ++chosen[i - 1];
        for (std::size_t j = i; j < k; ++j) {
            chosen[j] = chosen[j - 1] + 1;
        }
    }
}

} // namespace

std::vector<RelaxedQuery> relaxation_steps(const QueryItems& items,
                                           const std::function<Xapian::Query(const std::string&)>& parse)
{
    std::vector<RelaxedQuery> steps;
    const std::size_t n = items.terms.size();
    if (n < 2) {
        return steps;
    }
    std::vector<Xapian::Query> parts;
    for (const auto& term : items.terms) {
        parts.push_back(parse(term));
    }
    std::vector<Xapian::Query> filters;
    for (const auto& filter : items.filters) {
        filters.push_back(parse(filter));
    }
    const std::string filter_text = fmt::format("{}", fmt::join(items.filters, " "));
    auto add_step = [&](Xapian::Query query, std::string text, Rewrite::Kind kind, std::size_t matched) {
        for (const auto& filter : filters) {
            query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
        }
        if (!filter_text.empty()) {
            text = fmt::format("({}) {}", text, filter_text);
        }
        steps.push_back(RelaxedQuery{query, Rewrite{kind, text, true, static_cast<int>(matched), static_cast<int>(n)}});
    };
    for (std::size_t k = n - 1; k >= 2; --k) {
        if (combinations(n, k) > k_max_relaxed_combinations) {
            continue;
        }
        std::vector<Xapian::Query> clauses;
        std::vector<std::string> texts;
        for_each_subset(n, k, [&](const std::vector<std::size_t>& chosen) {
            std::vector<Xapian::Query> chosen_parts;
            std::vector<std::string> chosen_texts;
            for (const std::size_t i : chosen) {
                chosen_parts.push_back(parts[i]);
                chosen_texts.push_back(items.terms[i]);
            }
            clauses.emplace_back(Xapian::Query::OP_AND, chosen_parts.begin(), chosen_parts.end());
            texts.push_back(fmt::format("({})", fmt::join(chosen_texts, " AND ")));
        });
        add_step(Xapian::Query(Xapian::Query::OP_OR, clauses.begin(), clauses.end()),
                 fmt::format("{}", fmt::join(texts, " OR ")), Rewrite::Kind::most_terms, k);
    }
    add_step(Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
             fmt::format("{}", fmt::join(items.terms, " OR ")), Rewrite::Kind::any_term, 1);
    return steps;
}

} // namespace kosh
