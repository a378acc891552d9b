// Prints the report of `kosh eval`: a table for people or one JSON object for programs.
#pragma once

#include "search/evaluation.h"

#include <ostream>

namespace kosh {

enum class EvalFormat { text, json };

/// Writes `report`. With `misses`, also lists each run's misses: questions whose first hit is not
/// at rank 1 or, in answers mode, whose answer sentence lacks the answer.
///
/// Text: a header line, then one row per metric with a column per run and, with two runs, the
/// difference; then the questions whose first hit moved between the runs; then the misses.
///
/// JSON, one object on one line:
///   {"mode": "answers"|"qrels", "depth": int, "questions": int,
///    "unjudged": int,                         qrels mode only
///    "runs": [{"settings": str, "errors": int,
///              "metrics": {"mrr_at_10": num, "success_at_1": num, "success_at_5": num,
///                          "success_at_10": num,
///                          "answer_accuracy": num                      answers mode
///                          "map": num, "p_at_10": num, "ndcg_at_10": num},  qrels mode
///              "latency_ms": {"median": num, "p95": num},
///              "misses": [{"id": str, "question": str, "first_hit": int|null,
///                          "answer_hit": bool (answers mode)}, ...]}, ...],   with `misses` only
///    "difference": {metric key: num, ..., "latency_median_ms": num, "latency_p95_ms": num},  two runs only
///    "changes": [{"id": str, "question": str, "before": int|null, "after": int|null}, ...]} two runs only
void print_eval_report(std::ostream& out, const EvalReport& report, EvalFormat format, bool misses);

} // namespace kosh
