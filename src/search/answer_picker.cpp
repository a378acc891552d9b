// Picks the sentence that best answers a question from the top passages.
#include "search/answer_picker.h"

#include "parse/sentence_splitter.h"
#include "search/answer_confidence.h"
#include "search/highlighter.h"
#include "search/word_forms.h"
#include "search/word_proximity.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace kosh {

namespace {

/// Words next to each other in the question that stay within a few words of each other in the
/// sentence ("Soviet-built" ~ "built with Soviet") are evidence the sentence is about the same thing.
double proximity_weight(const std::vector<std::string>& question_stems, const SentenceFacts& facts,
                        const std::function<double(const std::string&)>& weight_of)
{
    double weight = 0.0;
    for (std::size_t q = 0; q + 1 < question_stems.size(); ++q) {
        const std::string& a = question_stems[q];
        const std::string& b = question_stems[q + 1];
        if (a == b) {
            continue;
        }
        if (stems_near(facts.stems, a, b)) {
            weight += weight_of(a) + weight_of(b);
        }
    }
    return weight;
}

int line_of(const PassageHit& passage, std::size_t offset)
{
    return passage.line + static_cast<int>(std::count(
                              passage.text.begin(), passage.text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

/// How much more a question word weighs among the candidate sentences the fewer of them hold it.
constexpr double k_local_rarity = 0.5;

/// Question words in a neighbouring sentence count for this much of their weight.
constexpr double k_neighbour_share = 0.3;

/// ... and from the sentence before, for one that opens with a definite noun phrase.
constexpr double k_definite_share = 0.6;

/// ... and in full from the sentence before, for one that opens with a pronoun ("It ...").
constexpr double k_pronoun_share = 1.0;

/// Weighs the question's neighbouring word pairs that stay close in the sentence (proximity_weight).
constexpr double k_proximity_weight = 0.25;

/// The most proximity adds: it breaks near-ties and never outweighs coverage.
constexpr double k_max_proximity = 0.15;

/// Weighs the passage's score against the top passage's: of two equal sentences, the better passage's wins.
constexpr double k_rank_weight = 0.25;

/// The top passage's score is at least this, so rank shares stay finite when every score is 0.
constexpr double k_min_top_score = 1e-9;

/// The question stems a sentence holds, each with the share it counts for: 1 for the stem itself,
/// another form of its word ("built" for "build") or a synonym of it; k_related_form_share for a
/// related form ("teacher" for "teach").
std::map<std::string, double> match_question(const SentenceFacts& facts, const QuestionForms& question,
                                             const std::vector<SynonymUse>& synonyms)
{
    std::set<std::string> present(facts.stems.begin(), facts.stems.end());
    if (!synonyms.empty()) {
        present = credit_synonyms(present, synonyms);
    }
    const std::vector<double> shares = question.shares(present);
    std::map<std::string, double> matched;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        if (shares[i] > 0.0) {
            matched[question.stems()[i]] = shares[i];
        }
    }
    return matched;
}

/// One sentence of the passages the answer is chosen from.
struct Candidate {
    std::size_t passage = 0; // index into the passages
    ByteSpan span;
    SentenceFacts facts;
    std::map<std::string, double> matched; // question stem -> the share it counts for
};

/// The question stems' weights for choosing among these sentences: a stem's informativeness in the
/// index, times 1 + k_local_rarity ln(sentences / sentences holding it, at least 1). The words that
/// name the topic ("Tesla" in every sentence of his biography) say little about which sentence
/// answers; the rarer ones say more.
std::map<std::string, double> weights_among(const std::vector<Candidate>& candidates,
                                            const std::set<std::string>& wanted,
                                            const std::function<double(const std::string&)>& weight_of)
{
    const double sentences = static_cast<double>(std::max<std::size_t>(candidates.size(), 1));
    std::map<std::string, double> weights;
    for (const auto& stem : wanted) {
        const auto holding = std::count_if(candidates.begin(), candidates.end(), [&](const Candidate& candidate) {
            return candidate.matched.count(stem) > 0;
        });
        const double rarity = std::log(sentences / static_cast<double>(std::max<std::ptrdiff_t>(holding, 1)));
        weights[stem] = weight_of(stem) * (1.0 + k_local_rarity * rarity);
    }
    return weights;
}

} // namespace

AnswerContext answer_context(std::string_view question, const QuestionTerms& terms)
{
    AnswerContext context;
    context.stems = terms.stems;
    // Proximity pairs content words only: a question of stopwords alone (ranked on all its words) has none.
    if (!terms.only_stopwords) {
        context.ordered_stems = terms.word_stems;
    }
    context.synonyms = terms.synonyms;
    context.cue = read_answer_cue(question, terms.all.words);
    return context;
}

std::optional<Answer> pick_answer(const std::vector<PassageHit>& passages, const AnswerContext& context,
                                  Analyzer& analyzer, std::size_t max_passages)
{
    auto weight_of = [&](const std::string& stem) {
        const auto found = context.stem_weight.find(stem);
        return found == context.stem_weight.end() ? 1.0 : found->second;
    };
    double total_weight = 0.0;
    for (const auto& stem : context.stems) {
        total_weight += weight_of(stem);
    }
    if (passages.empty() || total_weight <= 0.0) {
        return std::nullopt;
    }
    const AnswerCue& cue = context.cue;
    const std::vector<std::string>& question_stems = context.ordered_stems;
    const std::set<std::string> wanted(context.stems.begin(), context.stems.end());
    const double top_score = std::max(passages.front().score, k_min_top_score);

    // Every sentence of the passages first: a question word's weight depends on how many hold it.
    const QuestionForms question(wanted, WordFamilies::of(analyzer.language()));
    // The stems a sentence's words are compared with: the question's and their other forms, the
    // synonyms' (credit_synonyms) and those of the question's words in order (proximity_weight).
    StemInitials compared = question.initials();
    for (const auto& use : context.synonyms) {
        compared.add_all(use.original.stems);
        for (const auto& alternative : use.alternatives) {
            compared.add_all(alternative.stems);
        }
    }
    compared.add_all(question_stems);
    std::vector<Candidate> candidates;
    for (std::size_t p = 0; p < passages.size() && p < max_passages; ++p) {
        const std::string_view text = passages[p].text;
        // Code is searched and ranked like prose, but a line of it is not an answer.
        for (const ByteSpan& span : split_prose_sentences(text, passages[p].code)) {
            Candidate candidate{
                p,
                span,
                read_sentence(text.substr(span.begin, span.end - span.begin), analyzer, cue.question_words, compared),
                {}};
            candidate.matched = match_question(candidate.facts, question, context.synonyms);
            candidates.push_back(std::move(candidate));
        }
    }
    const auto local_weight = weights_among(candidates, wanted, weight_of);
    double local_total = 0.0;
    for (const auto& [stem, weight] : local_weight) {
        local_total += weight;
    }

    std::optional<Answer> best;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const Candidate& candidate = candidates[c];
        if (candidate.matched.empty()) {
            continue;
        }
        const PassageHit& passage = passages[candidate.passage];
        const ByteSpan& span = candidate.span;
        const std::string_view sentence = std::string_view(passage.text).substr(span.begin, span.end - span.begin);
        double weight = 0.0;
        for (const auto& [stem, share] : candidate.matched) {
            weight += share * local_weight.at(stem);
        }
        // Question words in the neighbouring sentences count for less: an answer often refers
        // back ("the organisation", "it") to what the sentence before it named. A sentence that
        // opens with a pronoun ("It consists of nine members") is about that very thing, so the
        // question words of the sentence before it count in full; one that opens with a definite
        // noun ("The committee recommended") most often is, so they count for more than elsewhere.
        std::map<std::string, double> nearby; // stem -> the share it counts for
        auto take_from = [&](const Candidate& neighbour, double share) {
            if (neighbour.passage != candidate.passage) {
                return;
            }
            for (const auto& [stem, form_share] : neighbour.matched) {
                if (!candidate.matched.count(stem)) {
                    nearby[stem] = std::max(nearby[stem], share * form_share);
                }
            }
        };
        if (c > 0) {
            take_from(candidates[c - 1], candidate.facts.refers_back      ? k_pronoun_share
                                         : candidate.facts.opens_definite ? k_definite_share
                                                                          : k_neighbour_share);
        }
        if (c + 1 < candidates.size()) {
            take_from(candidates[c + 1], k_neighbour_share);
        }
        double support = 0.0;
        for (const auto& [stem, share] : nearby) {
            support += share * local_weight.at(stem);
        }
        // Coverage of the question decides; context, proximity and the passage's rank break
        // near-ties, and a sentence that cannot hold the kind of answer asked for is marked down.
        SentenceScore score;
        score.coverage = weight / local_total;
        score.support = support / local_total;
        score.proximity =
            std::min(k_proximity_weight * proximity_weight(question_stems, candidate.facts, weight_of) / total_weight,
                     k_max_proximity);
        score.rank_share = k_rank_weight * (passage.score / top_score);
        score.type_factor = type_factor(cue.type, candidate.facts);
        score.total = (score.coverage + score.support + score.proximity + score.rank_share) * score.type_factor;
        const bool wins = !best || score.total > best->score.total;
        const bool same_text = best && best->sentence == sentence;
        if (wins) {
            if (best && !same_text) {
                best->runner_up = RunnerUp{best->sentence, best->path,   best->line,         best->page,
                                           best->chapter,  best->format, best->passage_rank, best->score};
            }
            Answer answer;
            answer.sentence = std::string(sentence);
            answer.path = passage.path;
            answer.line = line_of(passage, span.begin);
            answer.page = passage.page;
            answer.chapter = passage.chapter;
            answer.format = passage.format;
            answer.passage_rank = passage.rank;
            answer.score = score;
            answer.asked_for = answer_type_name(cue.type);
            if (best) {
                answer.runner_up = std::move(best->runner_up);
            }
            best = std::move(answer);
        } else if (!same_text && (!best->runner_up || score.total > best->runner_up->score.total)) {
            best->runner_up = RunnerUp{std::string(sentence),
                                       passage.path,
                                       line_of(passage, span.begin),
                                       passage.page,
                                       passage.chapter,
                                       passage.format,
                                       passage.rank,
                                       score};
        }
    }
    if (best) {
        best->confidence = answer_confidence(confidence_inputs(*best, passages));
    }
    return best;
}

} // namespace kosh
