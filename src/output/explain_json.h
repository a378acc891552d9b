// The JSON Lines format's "explain" object.
#pragma once

#include "search/result.h"
#include "util/path_forms.h"

#include <string>

namespace kosh {

/// Appends the "explain" value of a result with an explanation:
///
///   {"query": str,                          the query that ran (a "rewrites" list would go beside it)
///    "terms": [{"stem": str, "weight": float}, ...],                      `ask` only
///    "field_weights": {"text": 1.0, "headings": float, "title": float},  `ask` only
///    "coverage": {"best": float, "min": float},                           `ask` only
///    "passages": [{"rank": int, "score": float,
///                  "terms": [{"term": str, "text": float, "headings": float, "title": float,
///                             "total": float}, ...],
///                  "bonuses": [{"name": str, "value": float}, ...], "other": float}, ...],
///    "answer": {"asked_for": str, "passage_rank": int, "coverage": float, "support": float,
///               "proximity": float, "rank": float, "type_factor": float, "score": float,
///               "withheld": bool,
///               "confidence": {"value": float, "coverage": float, "margin": float,
///                              "passage_gap": float},
///               "runner_up": {"sentence": str, "path": str, "line": int, "passage_rank": int,
///                             "score": float, ...the same components} | null} | null}
///
/// Each passage's score is the sum of its terms' totals, its bonuses and "other".
void append_explain(std::string& out, const QuestionResult& result, const PathForms& paths);

} // namespace kosh
