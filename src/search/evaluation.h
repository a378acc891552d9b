// Measures how well kosh answers a list of questions: answer matching, ranking metrics, and runs
// of the whole list under one or more ranking settings.
#pragma once

#include "search/eval_input.h"
#include "search/result.h"
#include "search/searcher.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

// ---- Matching answers and documents

/// The form in which answers and texts are compared: NFKC, case-folded, every run of white
/// space one space, no space at either end.
[[nodiscard]] std::string normalize_for_matching(std::string_view text);

/// True when `text`, normalized, contains one of `normalized_answers` (already normalized).
[[nodiscard]] bool contains_answer(std::string_view text, const std::vector<std::string>& normalized_answers);

struct Judgement {
    std::string docid; // the judged id that matched
    int grade = 0;
};

/// The judgement of the file at `path`. Tried as ids, in this order: the path and each tail of it
/// after a '/', then the same without the file's extension; so "docs/0184.md" is found under
/// "docs/0184.md", "0184.md", "docs/0184" or "0184". nullopt when none is judged.
[[nodiscard]] std::optional<Judgement> find_judgement(std::string_view path, const std::map<std::string, int>& judged);

// ---- Metrics of one question's ranking
// A ranking is given as the grades of the retrieved documents, best first, 0 for unjudged ones;
// a document is relevant when its grade is above 0. Ranks are 1-based. These are the definitions
// of the shared score.py, so the two agree on the same ranking.

/// Rank of the first relevant document, or nullopt.
[[nodiscard]] std::optional<int> first_relevant_rank(const std::vector<int>& ranked_grades);
/// 1/rank when the first hit is within `cutoff`, else 0.
[[nodiscard]] double reciprocal_rank(std::optional<int> first_hit, int cutoff);
/// 1 when the first hit is within the top `k`, else 0.
[[nodiscard]] double success_at(std::optional<int> first_hit, int k);
/// Sum of precision at each relevant document retrieved, over `relevant_total`; 0 when that is 0.
[[nodiscard]] double average_precision(const std::vector<int>& ranked_grades, int relevant_total);
/// Relevant documents in the top `k`, over k (a shorter ranking counts its missing places as misses).
[[nodiscard]] double precision_at(const std::vector<int>& ranked_grades, int k);
/// DCG of the top `k` (gain = grade, log2(rank + 1) discount) over the DCG of the best ordering
/// of `judged_grades`; 0 when nothing judged is relevant.
[[nodiscard]] double ndcg_at(const std::vector<int>& ranked_grades, const std::vector<int>& judged_grades, int k);

/// The middle value (mean of the two middle ones for an even count); 0 for none.
[[nodiscard]] double median(std::vector<double> values);
/// The nearest-rank percentile: the smallest value with at least `share` of the values at or below it; 0 for none.
[[nodiscard]] double percentile(std::vector<double> values, double share);

// ---- Scoring one question

/// What one question scored.
struct QuestionOutcome {
    std::string id;
    std::string question;
    std::optional<int> first_hit;   // rank of the first passage holding an answer / first relevant document
    bool answer_hit = false;        // the answer sentence holds an answer (answers mode)
    double average_precision = 0.0; // qrels mode, over the retrieved documents
    double precision_10 = 0.0;      // qrels mode
    double ndcg_10 = 0.0;           // qrels mode
    double latency_ms = 0.0;        // time spent in Searcher::ask
    std::string error;              // the question failed; it scores 0 everywhere
};

/// Answers mode: a passage hits when its text holds one of the question's answers.
[[nodiscard]] QuestionOutcome score_answers(const EvalQuestion& question, const QuestionResult& result);
/// Qrels mode: `documents` is the result collapsed to one entry per file, best first.
[[nodiscard]] QuestionOutcome score_documents(const EvalQuestion& question, const std::vector<PassageHit>& documents,
                                              const std::map<std::string, int>& judged);

// ---- Runs of a whole list

enum class EvalMode { answers, qrels };

struct Metric {
    std::string key;   // for JSON: "mrr_at_10"
    std::string label; // for people: "MRR@10"
    double value = 0.0;
};

struct EvalSummary {
    int questions = 0;
    int errors = 0;
    std::vector<Metric> metrics; // means over the questions, in a fixed order per mode
    double latency_median_ms = 0.0;
    double latency_p95_ms = 0.0;
};

/// Means of the outcomes: MRR@10, Success@1/@5/@10, then answer accuracy (answers mode) or MAP,
/// P@10 and nDCG@10 (qrels mode). Latencies are of the questions that did not fail.
[[nodiscard]] EvalSummary summarize(EvalMode mode, const std::vector<QuestionOutcome>& outcomes);

/// One set of ranking settings to run the list with.
struct EvalSettings {
    std::string label; // "default", or the overrides as given
    SearchOptions options;
};

struct EvalColumn {
    std::string label;
    EvalSummary summary;
    std::vector<QuestionOutcome> outcomes; // in question order
};

/// A question whose first hit moved between the first two columns.
struct RankChange {
    std::string id;
    std::string question;
    std::optional<int> before;
    std::optional<int> after;
};

struct EvalReport {
    EvalMode mode = EvalMode::answers;
    int depth = 10;                  // passages (answers mode) or documents (qrels mode) per question
    int unjudged = 0;                // qrels mode: questions skipped for lack of a relevant judgement
    std::vector<EvalColumn> columns; // one per settings
    std::vector<RankChange> changes; // with two columns
};

/// Questions whose first hit differs between `before` and `after` (same questions, same order).
[[nodiscard]] std::vector<RankChange> first_hit_changes(const std::vector<QuestionOutcome>& before,
                                                        const std::vector<QuestionOutcome>& after);

/// Asks every question once per settings, interleaved (question 1 with each settings, then
/// question 2, ...) and taking turns at going first, so that caches and a busy machine treat
/// the settings alike. `qrels` selects
/// qrels mode, where only questions with a relevant judgement are asked. `depth` is passages per
/// question in answers mode and documents in qrels mode. A question that fails is recorded in
/// its outcome, not thrown.
[[nodiscard]] EvalReport run_evaluation(Searcher& searcher, const std::vector<EvalQuestion>& questions,
                                        const Qrels* qrels, int depth, const std::vector<EvalSettings>& settings);

} // namespace kosh
