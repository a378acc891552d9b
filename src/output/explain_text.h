// The text format's --explain block: the query, the top passage's score taken apart, and why the
// answer sentence won, in at most k_explain_max_lines lines.
#pragma once

#include "search/result.h"
#include "util/path_forms.h"

#include <string>
#include <vector>

namespace kosh {

/// The block's longest form, heading included, when no passage has score bonuses or wildcard terms.
constexpr std::size_t k_explain_max_lines = 15;

/// The lines of the block, without newlines or colour (document text is not sanitized here).
/// Empty when the result has no explanation. In order:
///   Explain:
///     query: STEMS (weights W ...; headings xH, title xT)     `search`: Xapian's parsed query
///     coverage: best passage C of the question (needs M)
///     passage 1 score S = text A + headings B + title C
///       STEM  text + headings + title = total                 one line per matched word
///     proximity: ...
///     answer: (coverage + support + proximity + rank) x type = total, passage N
///     runner-up: ...
///     confidence: ...
/// A query line for rewrites (the query that actually ran) belongs right after "query:".
[[nodiscard]] std::vector<std::string> explain_lines(const QuestionResult& result, const PathForms& paths);

} // namespace kosh
