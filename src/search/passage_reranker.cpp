// Second-stage ranking of a question's best candidates by sentence coverage and word proximity.
#include "search/passage_reranker.h"

#include "analyze/tokenizer.h"
#include "parse/sentence_splitter.h"
#include "search/word_forms.h"
#include "search/word_proximity.h"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <set>

namespace kosh {

namespace {

double weight_of(const std::map<std::string, double>& stem_weight, const std::string& stem)
{
    const auto found = stem_weight.find(stem);
    return found == stem_weight.end() ? 0.0 : found->second;
}

/// What measuring a passage needs of the question: worked out once, for every passage measured.
struct MeasuredQuestion {
    MeasuredQuestion(const std::vector<std::string>& question_stems, const std::map<std::string, double>& stem_weight,
                     Analyzer& analyzer)
        : wanted(question_stems.begin(), question_stems.end()), forms(wanted, WordFamilies::of(analyzer.language()))
    {
        wanted_initials.add_all(wanted);
        for (const auto& stem : wanted) {
            total += weight_of(stem_weight, stem);
        }
        for (const auto& stem : forms.stems()) {
            weight_of_stem.push_back(weight_of(stem_weight, stem));
        }
    }

    std::set<std::string> wanted;       // the question's stems
    StemInitials wanted_initials;       // their first letters, for heading_stems
    QuestionForms forms;                // the stems and their other forms, for each sentence
    double total = 0.0;                 // the question's weight
    std::vector<double> weight_of_stem; // in forms.stems() order
};

std::set<std::string> find_heading_stems(const PassageHit& hit, Analyzer& analyzer, const std::set<std::string>& among,
                                         const StemInitials& initials)
{
    std::set<std::string> stems;
    auto add = [&](std::string_view text) {
        for (const auto& token : tokenize(text)) {
            const std::string& stem = analyzer.stem_among(token.term, initials);
            if (among.count(stem)) {
                stems.insert(stem);
            }
        }
    };
    add(hit.title);
    for (const auto& section : hit.sections) {
        add(section);
    }
    return stems;
}

PassageEvidence measure(std::string_view text, const std::vector<std::string>& question_stems,
                        const std::map<std::string, double>& stem_weight, const MeasuredQuestion& measured,
                        Analyzer& analyzer, const AnswerCue& cue, const std::set<std::string>& headings)
{
    const double total = measured.total;
    PassageEvidence evidence;
    if (total <= 0.0) {
        return evidence;
    }
    // Each question stem's share in each sentence (see QuestionForms), or 1 when a heading above
    // the sentence holds it.
    const QuestionForms& question = measured.forms;
    const std::vector<double>& weight_of_stem = measured.weight_of_stem;
    std::vector<bool> under_heading;
    for (const auto& stem : question.stems()) {
        under_heading.push_back(headings.count(stem) > 0);
    }
    std::vector<std::string> stems; // of the whole passage, by word position
    for (const auto& span : split_sentences(text)) {
        SentenceFacts facts = read_sentence(text.substr(span.begin, span.end - span.begin), analyzer,
                                            cue.question_words, question.initials());
        const std::vector<double> shares = question.shares(facts.stems);
        double weight = 0.0;
        for (std::size_t i = 0; i < shares.size(); ++i) {
            weight += (under_heading[i] ? 1.0 : shares[i]) * weight_of_stem[i];
        }
        evidence.sentence_coverage =
            std::max(evidence.sentence_coverage, weight / total * type_factor(cue.type, facts));
        std::move(facts.stems.begin(), facts.stems.end(), std::back_inserter(stems));
    }
    // Each pair of neighbouring question words found close together.
    double near_weight = 0.0;
    double pair_weight = 0.0;
    for (std::size_t q = 0; q + 1 < question_stems.size(); ++q) {
        const std::string& a = question_stems[q];
        const std::string& b = question_stems[q + 1];
        if (a == b) {
            continue;
        }
        const double weight = weight_of(stem_weight, a) + weight_of(stem_weight, b);
        pair_weight += weight;
        if (stems_near(stems, a, b)) {
            near_weight += weight;
        }
    }
    evidence.proximity = pair_weight > 0.0 ? near_weight / pair_weight : 0.0;
    return evidence;
}

} // namespace

std::set<std::string> heading_stems(const PassageHit& hit, Analyzer& analyzer, const std::set<std::string>& among)
{
    StemInitials initials;
    initials.add_all(among);
    return find_heading_stems(hit, analyzer, among, initials);
}

PassageEvidence measure_passage(std::string_view text, const std::vector<std::string>& question_stems,
                                const std::map<std::string, double>& stem_weight, Analyzer& analyzer,
                                const AnswerCue& cue, const std::set<std::string>& headings)
{
    return measure(text, question_stems, stem_weight, MeasuredQuestion(question_stems, stem_weight, analyzer), analyzer,
                   cue, headings);
}

std::vector<RerankBonus> unmoved(std::size_t count)
{
    std::vector<RerankBonus> bonuses(count);
    for (std::size_t i = 0; i < count; ++i) {
        bonuses[i].from = i;
    }
    return bonuses;
}

std::vector<RerankBonus> rerank_passages(std::vector<PassageHit>& hits, std::size_t depth,
                                         const std::vector<std::string>& question_stems,
                                         const std::map<std::string, double>& stem_weight, const RerankWeights& weights,
                                         Analyzer& analyzer, const AnswerCue& cue,
                                         const std::vector<double>& file_evidence)
{
    std::vector<RerankBonus> bonuses = unmoved(hits.size());
    depth = std::min(depth, hits.size());
    const bool weigh_files = weights.file > 0.0 && file_evidence.size() == hits.size();
    if (depth < 2 || (weights.sentence == 0.0 && weights.proximity == 0.0 && !weigh_files)) {
        return bonuses;
    }
    // The bonus is in units of the best first-stage score, so candidates below `depth`, which
    // keep their score, still rank below every re-ranked one.
    const double top = std::max(hits.front().score, 1e-9);
    const MeasuredQuestion measured(question_stems, stem_weight, analyzer);
    for (std::size_t i = 0; i < depth; ++i) {
        const std::set<std::string> headings =
            find_heading_stems(hits[i], analyzer, measured.wanted, measured.wanted_initials);
        const PassageEvidence evidence =
            measure(hits[i].text, question_stems, stem_weight, measured, analyzer, cue, headings);
        bonuses[i] = RerankBonus{top * weights.sentence * evidence.sentence_coverage,
                                 top * weights.proximity * evidence.proximity,
                                 weigh_files ? top * weights.file * file_evidence[i] : 0.0, i};
        hits[i].score += bonuses[i].sentence + bonuses[i].proximity + bonuses[i].file;
    }
    std::vector<std::size_t> order(hits.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(depth),
                     [&](std::size_t a, std::size_t b) { return hits[a].score > hits[b].score; });
    std::vector<PassageHit> reordered;
    std::vector<RerankBonus> reordered_bonuses;
    reordered.reserve(hits.size());
    for (const std::size_t i : order) {
        reordered.push_back(std::move(hits[i]));
        reordered.back().rank = static_cast<int>(reordered.size());
        reordered_bonuses.push_back(bonuses[i]);
    }
    hits = std::move(reordered);
    return reordered_bonuses;
}

} // namespace kosh
