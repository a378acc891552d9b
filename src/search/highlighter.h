// Finds the words of a text that a query matched, as byte spans for printers to mark up.
#pragma once

#include "analyze/analyzer.h"
#include "search/result.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// What to highlight: exact (normalized) words and stems.
struct MatchTerms {
    std::set<std::string> words;
    std::set<std::string> stems;
    std::set<std::string> prefixes; // from wildcards: Xapian does not report what "hydro*" expanded to

    /// Adds the Xapian terms a document matched, undoing the schema's prefixes (see schema.h).
    void add_index_term(const std::string& term);
    /// Adds the prefix of each `word*` wildcard in a (normalized) query string.
    void add_wildcards(std::string_view query);
    [[nodiscard]] bool empty() const { return words.empty() && stems.empty() && prefixes.empty(); }
};

/// Spans of the tokens of `text` whose word or stem is in `terms`, in order.
[[nodiscard]] std::vector<ByteSpan> find_highlights(std::string_view text, const MatchTerms& terms, Analyzer& analyzer);

} // namespace kosh
