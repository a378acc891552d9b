// Picks the sentence that best answers a question from the top passages.
#include "search/answer_picker.h"

#include "parse/sentence_splitter.h"
#include "analyze/stopwords.h"
#include "search/answer_confidence.h"
#include "search/highlighter.h"
#include "search/word_proximity.h"

#include <algorithm>
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
    return passage.line + static_cast<int>(std::count(passage.text.begin(), passage.text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

} // namespace

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
    const AnswerCue cue = read_answer_cue(context.question);
    std::vector<std::string> question_stems; // content words in question order, for proximity
    for (const auto& token : tokenize(context.question)) {
        if (!is_stopword(token.term)) {
            question_stems.push_back(analyzer.stem(token.term));
        }
    }
    const std::set<std::string> wanted(context.stems.begin(), context.stems.end());
    const double top_score = std::max(passages.front().score, 1e-9);

    std::optional<Answer> best;
    for (std::size_t p = 0; p < passages.size() && p < max_passages; ++p) {
        const PassageHit& passage = passages[p];
        const auto spans = split_sentences(passage.text);
        std::vector<SentenceFacts> facts;
        std::vector<std::set<std::string>> matched(spans.size());
        for (std::size_t k = 0; k < spans.size(); ++k) {
            const auto sentence = std::string_view(passage.text).substr(spans[k].begin, spans[k].end - spans[k].begin);
            facts.push_back(read_sentence(sentence, analyzer, cue.question_words));
            std::set<std::string> present(facts.back().stems.begin(), facts.back().stems.end());
            if (!context.synonyms.empty()) {
                present = credit_synonyms(present, context.synonyms);
            }
            for (const auto& stem : present) {
                if (wanted.count(stem)) {
                    matched[k].insert(stem);
                }
            }
        }
        for (std::size_t k = 0; k < spans.size(); ++k) {
            if (matched[k].empty()) {
                continue;
            }
            const ByteSpan& span = spans[k];
            const std::string_view sentence = std::string_view(passage.text).substr(span.begin, span.end - span.begin);
            double weight = 0.0;
            for (const auto& stem : matched[k]) {
                weight += weight_of(stem);
            }
            // Question words in the neighbouring sentences count for half: an answer often refers
            // back ("the organisation", "it") to what the sentence before it named. A sentence that
            // opens with a pronoun ("It consists of nine members") is about that very thing, so the
            // question words of the sentence before it count in full.
            std::map<std::string, double> nearby; // stem -> the share it counts for
            for (const std::size_t neighbour : {k - 1, k + 1}) {
                if (neighbour >= spans.size()) {
                    continue;
                }
                const double share = neighbour + 1 == k && facts[k].refers_back ? 1.0 : 0.5;
                for (const auto& stem : matched[neighbour]) {
                    if (!matched[k].count(stem)) {
                        nearby[stem] = std::max(nearby[stem], share);
                    }
                }
            }
            double context = 0.0;
            for (const auto& [stem, share] : nearby) {
                context += share * weight_of(stem);
            }
            // Coverage of the question decides; context, proximity and the passage's rank break
            // near-ties, and a sentence that cannot hold the kind of answer asked for is marked down.
            SentenceScore score;
            score.coverage = weight / total_weight;
            score.support = context / total_weight;
            score.proximity = std::min(0.5 * proximity_weight(question_stems, facts[k], weight_of) / total_weight, 0.3);
            score.rank_share = 0.25 * (passage.score / top_score);
            score.type_factor = type_factor(cue.type, facts[k]);
            score.total = (score.coverage + score.support + score.proximity + score.rank_share) * score.type_factor;
            const bool wins = !best || score.total > best->score.total;
            const bool same_text = best && best->sentence == sentence;
            if (wins) {
                if (best && !same_text) {
                    best->runner_up = RunnerUp{best->sentence, best->path, best->line, best->passage_rank, best->score};
                }
                Answer answer;
                answer.sentence = std::string(sentence);
                answer.path = passage.path;
                answer.line = line_of(passage, span.begin);
                answer.passage_rank = passage.rank;
                answer.score = score;
                answer.asked_for = answer_type_name(cue.type);
                if (best) {
                    answer.runner_up = std::move(best->runner_up);
                }
                best = std::move(answer);
            } else if (!same_text && (!best->runner_up || score.total > best->runner_up->score.total)) {
                best->runner_up = RunnerUp{std::string(sentence), passage.path, line_of(passage, span.begin), passage.rank, score};
            }
        }
    }
    if (best) {
        best->confidence = answer_confidence(confidence_inputs(*best, passages));
    }
    return best;
}

} // namespace kosh
