// The text format's --explain block.
#include "output/explain_text.h"

#include "parse/location.h"
#include "search/answer_confidence.h"

#include <fmt/format.h>

#include <algorithm>

namespace kosh {

namespace {

// The passage header, coverage, proximity, answer, runner-up and confidence lines leave this many
// for the words of the top passage; the rest are summed on one line.
constexpr std::size_t k_term_lines = 6;
constexpr std::size_t k_sentence_preview_bytes = 60;

std::string preview(const std::string& sentence)
{
    std::string flat;
    for (const char c : sentence) {
        const bool space = c == '\n' || c == '\t' || c == '\r';
        if (!(space && !flat.empty() && flat.back() == ' ')) {
            flat += space ? ' ' : c;
        }
    }
    if (flat.size() <= k_sentence_preview_bytes) {
        return flat;
    }
    std::size_t cut = k_sentence_preview_bytes;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) {
        --cut; // not inside a UTF-8 character
    }
    return flat.substr(0, cut) + "...";
}

std::string components(const SentenceScore& score)
{
    return fmt::format("(coverage {:.2f} + support {:.2f} + proximity {:.2f} + rank {:.2f}) x type {:.2f} = {:.3f}",
                       score.coverage, score.support, score.proximity, score.rank_share, score.type_factor,
                       score.total);
}

void add_passage(std::vector<std::string>& lines, const PassageExplanation& passage)
{
    double body = 0.0;
    double heading = 0.0;
    double title = 0.0;
    std::size_t width = 4;
    for (const auto& term : passage.terms) {
        body += term.body;
        heading += term.heading;
        title += term.title;
        width = std::max(width, term.term.size());
    }
    // Re-rank bonuses share the passage's line, so the block keeps its height.
    std::string bonuses;
    for (const auto& bonus : passage.bonuses) {
        bonuses += fmt::format(" + {} {:.3f}", bonus.name, bonus.value);
    }
    lines.push_back(fmt::format("  passage {} score {:.3f} = text {:.3f} + headings {:.3f} + title {:.3f}{}",
                                passage.rank, passage.score, body, heading, title, bonuses));
    std::vector<TermContribution> terms = passage.terms;
    std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.total() > b.total(); });
    // The "other" line, when there is one, takes a term line's place.
    const std::size_t budget = std::abs(passage.other) >= 0.0005 ? k_term_lines - 1 : k_term_lines;
    const std::size_t shown = terms.size() <= budget + 1 ? terms.size() : budget;
    for (std::size_t i = 0; i < shown; ++i) {
        lines.push_back(fmt::format("    {:<{}}  {:.3f} + {:.3f} + {:.3f} = {:.3f}", terms[i].term, width,
                                    terms[i].body, terms[i].heading, terms[i].title, terms[i].total()));
    }
    if (shown < terms.size()) {
        double rest = 0.0;
        for (std::size_t i = shown; i < terms.size(); ++i) {
            rest += terms[i].total();
        }
        lines.push_back(fmt::format("    ... {} more words = {:.3f}", terms.size() - shown, rest));
    }

    if (std::abs(passage.other) >= 0.0005) {
        lines.push_back(fmt::format("    + wildcards and other query parts {:.3f}", passage.other));
    }
}

} // namespace

std::vector<std::string> explain_lines(const QuestionResult& result, const PathForms& paths)
{
    if (!result.explanation) {
        return {};
    }
    const Explanation& explanation = *result.explanation;
    std::vector<std::string> lines{"Explain:"};
    if (explanation.terms.empty()) {
        lines.push_back("  query: " + explanation.query);
    } else {
        std::string weights;
        for (const auto& term : explanation.terms) {
            weights += fmt::format("{}{:.2f}", weights.empty() ? "" : " ", term.weight);
        }
        lines.push_back(fmt::format("  query: {} (weights {}; headings x{:g}, title x{:g})", explanation.query, weights,
                                    explanation.heading_weight, explanation.title_weight));
        lines.push_back(fmt::format("  coverage: best passage {:.2f} of the question (needs {:.2f}){}",
                                    explanation.best_coverage, explanation.min_coverage,
                                    explanation.best_coverage < explanation.min_coverage ? ": nothing shown" : ""));
    }
    if (!explanation.passages.empty()) {
        add_passage(lines, explanation.passages.front());
    }
    const Answer* answer = result.answer            ? &*result.answer
                           : result.withheld_answer ? &*result.withheld_answer
                                                    : nullptr;
    const bool bonus = !explanation.passages.empty() && !explanation.passages.front().bonuses.empty();
    if (answer) {
        lines.push_back(fmt::format("  proximity: {}; answer sentence {:.2f}",
                                    bonus ? "ranking bonus above" : "no ranking bonus", answer->score.proximity));
        lines.push_back(fmt::format("  answer ({}): {}, passage {}", answer->asked_for, components(answer->score),
                                    answer->passage_rank));
        if (answer->runner_up) {
            const RunnerUp& runner = *answer->runner_up;
            lines.push_back(fmt::format("  runner-up: {:.3f}, passage {}, {}:{} \"{}\"", runner.score.total,
                                        runner.passage_rank, paths.shown(runner.path),
                                        location_label(runner.format, runner.line, runner.page, runner.chapter),
                                        preview(runner.sentence)));
        } else {
            lines.emplace_back("  runner-up: none (no other sentence shares a word with the question)");
        }
        const ConfidenceInputs inputs = confidence_inputs(*answer, result.passages);
        lines.push_back(
            fmt::format("  confidence {:.2f}{}: coverage {:.2f}, margin over runner-up {:.2f}, passage gap {:.2f}",
                        answer->confidence, result.withheld_answer ? " (below --min-confidence)" : "", inputs.coverage,
                        inputs.margin, inputs.passage_gap));
    }
    return lines;
}

} // namespace kosh
