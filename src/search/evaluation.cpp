// Measures how well kosh answers a list of questions: answer matching, ranking metrics, and runs
// of the whole list under one or more ranking settings.
#include "search/evaluation.h"

#include "search/doc_collapse.h"
#include "util/ascii.h"
#include "util/error.h"

#include <utf8proc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <set>

namespace kosh {

// ---- Matching

namespace {

std::string fold_case(std::string_view text)
{
    utf8proc_uint8_t* mapped = nullptr;
    const auto length = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()), &mapped,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
    if (length < 0) {
        // Invalid UTF-8: fold what can be folded byte by byte rather than give up on the text.
        return ascii_lower(text);
    }
    std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    std::free(mapped);
    return out;
}

} // namespace

std::string normalize_for_matching(std::string_view text)
{
    // NFKC has already turned no-break and other Unicode spaces into U+0020.
    return collapse_ascii_space(fold_case(text));
}

bool contains_answer(std::string_view text, const std::vector<std::string>& normalized_answers)
{
    const std::string haystack = normalize_for_matching(text);
    return std::any_of(normalized_answers.begin(), normalized_answers.end(), [&](const std::string& answer) {
        return !answer.empty() && haystack.find(answer) != std::string::npos;
    });
}

std::optional<Judgement> find_judgement(std::string_view path, const std::map<std::string, int>& judged)
{
    std::string_view without_extension = path;
    const auto slash = path.find_last_of('/');
    const auto name_start = slash == std::string_view::npos ? 0 : slash + 1;
    if (const auto dot = path.find_last_of('.'); dot != std::string_view::npos && dot > name_start) {
        without_extension = path.substr(0, dot);
    }
    for (const std::string_view candidate : {path, without_extension}) {
        std::string_view tail = candidate;
        for (;;) {
            if (const auto found = judged.find(std::string(tail)); found != judged.end()) {
                return Judgement{found->first, found->second};
            }
            const auto next = tail.find('/');
            if (next == std::string_view::npos) {
                break;
            }
            tail.remove_prefix(next + 1);
        }
    }
    return std::nullopt;
}

// ---- Metrics

std::optional<int> first_relevant_rank(const std::vector<int>& ranked_grades)
{
    for (std::size_t i = 0; i < ranked_grades.size(); ++i) {
        if (ranked_grades[i] > 0) {
            return static_cast<int>(i) + 1;
        }
    }
    return std::nullopt;
}

double reciprocal_rank(std::optional<int> first_hit, int cutoff)
{
    return first_hit && *first_hit <= cutoff ? 1.0 / *first_hit : 0.0;
}

double success_at(std::optional<int> first_hit, int k)
{
    return first_hit && *first_hit <= k ? 1.0 : 0.0;
}

double average_precision(const std::vector<int>& ranked_grades, int relevant_total)
{
    if (relevant_total <= 0) {
        return 0.0;
    }
    double sum = 0.0;
    int hits = 0;
    for (std::size_t i = 0; i < ranked_grades.size(); ++i) {
        if (ranked_grades[i] > 0) {
            ++hits;
            sum += static_cast<double>(hits) / static_cast<double>(i + 1);
        }
    }
    return sum / relevant_total;
}

double precision_at(const std::vector<int>& ranked_grades, int k)
{
    if (k <= 0) {
        return 0.0;
    }
    const auto end =
        ranked_grades.begin() + std::min<std::ptrdiff_t>(k, static_cast<std::ptrdiff_t>(ranked_grades.size()));
    return static_cast<double>(std::count_if(ranked_grades.begin(), end, [](int grade) { return grade > 0; })) / k;
}

namespace {

double dcg(const std::vector<int>& grades, int k)
{
    double sum = 0.0;
    for (std::size_t i = 0; i < grades.size() && static_cast<int>(i) < k; ++i) {
        if (grades[i] > 0) {
            sum += grades[i] / std::log2(static_cast<double>(i) + 2.0);
        }
    }
    return sum;
}

} // namespace

double ndcg_at(const std::vector<int>& ranked_grades, const std::vector<int>& judged_grades, int k)
{
    std::vector<int> ideal = judged_grades;
    std::sort(ideal.begin(), ideal.end(), std::greater<>());
    const double best = dcg(ideal, k);
    return best > 0.0 ? dcg(ranked_grades, k) / best : 0.0;
}

double median(std::vector<double> values)
{
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
}

double percentile(std::vector<double> values, double share)
{
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const double rank = std::ceil(share * static_cast<double>(values.size()));
    const auto index = static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(values.size()))) - 1;
    return values[index];
}

// ---- Scoring one question

QuestionOutcome score_answers(const EvalQuestion& question, const QuestionResult& result)
{
    QuestionOutcome outcome;
    outcome.id = question.id;
    outcome.question = question.question;
    std::vector<std::string> answers;
    for (const auto& answer : question.answers) {
        answers.push_back(normalize_for_matching(answer));
    }
    for (const auto& passage : result.passages) {
        if (contains_answer(passage.text, answers)) {
            outcome.first_hit = passage.rank;
            break;
        }
    }
    outcome.answer_hit = result.answer && contains_answer(result.answer->sentence, answers);
    return outcome;
}

QuestionOutcome score_documents(const EvalQuestion& question, const std::vector<PassageHit>& documents,
                                const std::map<std::string, int>& judged)
{
    QuestionOutcome outcome;
    outcome.id = question.id;
    outcome.question = question.question;
    std::vector<int> grades;
    std::set<std::string> seen; // two files with the same id (0184.md, 0184.txt) count once, as in score.py
    for (const auto& document : documents) {
        const auto judgement = find_judgement(document.path, judged);
        grades.push_back(judgement && seen.insert(judgement->docid).second ? judgement->grade : 0);
    }
    std::vector<int> judged_grades;
    for (const auto& [docid, grade] : judged) {
        judged_grades.push_back(grade);
    }
    const int relevant =
        static_cast<int>(std::count_if(judged_grades.begin(), judged_grades.end(), [](int g) { return g > 0; }));
    outcome.first_hit = first_relevant_rank(grades);
    outcome.average_precision = average_precision(grades, relevant);
    outcome.precision_10 = precision_at(grades, 10);
    outcome.ndcg_10 = ndcg_at(grades, judged_grades, 10);
    return outcome;
}

// ---- Runs

EvalSummary summarize(EvalMode mode, const std::vector<QuestionOutcome>& outcomes)
{
    EvalSummary summary;
    summary.questions = static_cast<int>(outcomes.size());
    auto mean = [&](auto&& value) {
        double sum = 0.0;
        for (const auto& outcome : outcomes) {
            sum += value(outcome);
        }
        return outcomes.empty() ? 0.0 : sum / static_cast<double>(outcomes.size());
    };
    summary.metrics = {
        {"mrr_at_10", "MRR@10", mean([](const QuestionOutcome& o) { return reciprocal_rank(o.first_hit, 10); })},
        {"success_at_1", "Success@1", mean([](const QuestionOutcome& o) { return success_at(o.first_hit, 1); })},
        {"success_at_5", "Success@5", mean([](const QuestionOutcome& o) { return success_at(o.first_hit, 5); })},
        {"success_at_10", "Success@10", mean([](const QuestionOutcome& o) { return success_at(o.first_hit, 10); })},
    };
    if (mode == EvalMode::answers) {
        summary.metrics.push_back({"answer_accuracy", "answer sentence",
                                   mean([](const QuestionOutcome& o) { return o.answer_hit ? 1.0 : 0.0; })});
    } else {
        summary.metrics.push_back({"map", "MAP", mean([](const QuestionOutcome& o) { return o.average_precision; })});
        summary.metrics.push_back({"p_at_10", "P@10", mean([](const QuestionOutcome& o) { return o.precision_10; })});
        summary.metrics.push_back({"ndcg_at_10", "nDCG@10", mean([](const QuestionOutcome& o) { return o.ndcg_10; })});
    }
    std::vector<double> latencies;
    for (const auto& outcome : outcomes) {
        if (outcome.error.empty()) {
            latencies.push_back(outcome.latency_ms);
        } else {
            ++summary.errors;
        }
    }
    summary.latency_median_ms = median(latencies);
    summary.latency_p95_ms = percentile(latencies, 0.95);
    return summary;
}

std::vector<RankChange> first_hit_changes(const std::vector<QuestionOutcome>& before,
                                          const std::vector<QuestionOutcome>& after)
{
    std::vector<RankChange> changes;
    for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
        if (before[i].first_hit != after[i].first_hit) {
            changes.push_back({before[i].id, before[i].question, before[i].first_hit, after[i].first_hit});
        }
    }
    return changes;
}

EvalReport run_evaluation(Searcher& searcher, const std::vector<EvalQuestion>& questions, const Qrels* qrels, int depth,
                          const std::vector<EvalSettings>& settings)
{
    EvalReport report;
    report.mode = qrels ? EvalMode::qrels : EvalMode::answers;
    report.depth = depth;
    for (const auto& each : settings) {
        report.columns.push_back({each.label, {}, {}});
    }
    static const std::map<std::string, int> k_nothing_judged;
    std::size_t asked = 0;
    for (const auto& question : questions) {
        const std::map<std::string, int>* judged = &k_nothing_judged;
        if (qrels) {
            const auto found = qrels->find(question.id);
            if (found != qrels->end()) {
                judged = &found->second;
            }
            // As in score.py: a question no document is relevant to cannot be scored.
            if (std::none_of(judged->begin(), judged->end(), [](const auto& entry) { return entry.second > 0; })) {
                ++report.unjudged;
                continue;
            }
        }
        // The first to ask a question warms the caches for the others: take turns going first.
        std::vector<QuestionOutcome> outcomes(settings.size());
        for (std::size_t turn = 0; turn < settings.size(); ++turn) {
            const std::size_t s = (turn + asked) % settings.size();
            SearchOptions options = settings[s].options;
            options.limit = qrels ? passages_for_documents(depth) : depth;
            QuestionOutcome outcome;
            try {
                const auto start = std::chrono::steady_clock::now();
                QuestionResult result = searcher.ask(question.question, options);
                const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
                if (qrels) {
                    outcome =
                        score_documents(question, collapse_to_documents(std::move(result.passages), depth), *judged);
                } else {
                    outcome = score_answers(question, result);
                }
                outcome.latency_ms = elapsed.count();
            } catch (const Error& error) {
                outcome = QuestionOutcome{};
                outcome.id = question.id;
                outcome.question = question.question;
                outcome.error = error.what();
            }
            outcomes[s] = std::move(outcome);
        }
        for (std::size_t s = 0; s < settings.size(); ++s) {
            report.columns[s].outcomes.push_back(std::move(outcomes[s]));
        }
        ++asked;
    }
    for (auto& column : report.columns) {
        column.summary = summarize(report.mode, column.outcomes);
    }
    if (report.columns.size() >= 2) {
        report.changes = first_hit_changes(report.columns[0].outcomes, report.columns[1].outcomes);
    }
    return report;
}

} // namespace kosh
