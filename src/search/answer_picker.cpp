// Picks the sentence that best answers a question from the top passages.
#include "search/answer_picker.h"

#include "analyze/normalizer.h"
#include "parse/sentence_splitter.h"
#include "analyze/stopwords.h"
#include "search/answer_confidence.h"
#include "search/highlighter.h"
#include "search/word_proximity.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <functional>
#include <set>

namespace kosh {

namespace {

constexpr auto k_months = std::to_array<std::string_view>({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
});

constexpr auto k_number_words = std::to_array<std::string_view>({
    "dozen", "dozens", "eight", "eighteen", "eighty", "eleven", "fifteen", "fifty", "five", "forty", "four",
    "fourteen", "half", "hundred", "hundreds", "million", "millions", "nine", "nineteen", "ninety", "one",
    "seven", "seventeen", "seventy", "six", "sixteen", "sixty", "ten", "thirteen", "thirty", "thousand",
    "thousands", "three", "twelve", "twenty", "two", "billion", "billions",
});

// Nouns that make "what is the X" ask for a quantity.
constexpr auto k_quantity_nouns = std::to_array<std::string_view>({
    "amount", "area", "capacity", "cost", "depth", "distance", "height", "length", "number", "percentage",
    "population", "price", "rate", "share", "size", "speed", "total", "value", "volume", "weight", "width",
});

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word)
{
    return std::find(list.begin(), list.end(), word) != list.end();
}

bool is_year(std::string_view word)
{
    return word.size() == 4 && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           (word[0] == '1' || (word[0] == '2' && word[1] == '0'));
}

// Words that name a span of time on their own: "the 20th century", "the 1990s", "in 300 BC".
constexpr auto k_time_words = std::to_array<std::string_view>({
    "century", "centuries", "decade", "decades", "millennium", "bc", "bce", "ad",
});

/// A decade written as digits: "1990s", "1800s".
bool is_decade(std::string_view word)
{
    return word.size() == 5 && word.back() == 's' && is_year(word.substr(0, 4));
}

bool starts_with_digit(std::string_view word)
{
    return !word.empty() && word[0] >= '0' && word[0] <= '9';
}

/// What a sentence offers as an answer: its stems by position, and the kinds of answer it holds.
struct SentenceFacts {
    std::vector<std::string> stems; // by word position
    bool has_date = false;          // a year or a month name
    bool has_quantity = false;      // a number that is not a year, or a number word
    bool has_new_name = false;      // a capitalized word, not sentence-initial, absent from the question
};

SentenceFacts read_sentence(std::string_view sentence, Analyzer& analyzer, const std::set<std::string>& question_words)
{
    SentenceFacts facts;
    for (const auto& token : tokenize(sentence)) {
        facts.stems.push_back(analyzer.stem(token.term));
        if (is_year(token.term) || is_decade(token.term) || contains(k_months, token.term) ||
            contains(k_time_words, token.term)) {
            facts.has_date = true;
        } else if (starts_with_digit(token.term) || contains(k_number_words, token.term)) {
            facts.has_quantity = true;
        }
        const bool capital = std::isupper(static_cast<unsigned char>(sentence[token.begin])) != 0;
        if (token.position > 0 && capital && !question_words.count(token.term)) {
            facts.has_new_name = true;
        }
    }
    return facts;
}

/// 1 when the sentence holds the kind of answer asked for, less when it cannot.
/// Dates and counts are easy to recognise, so their absence counts heavily; names are a weaker cue.
double type_factor(AnswerType type, const SentenceFacts& facts)
{
    switch (type) {
    case AnswerType::time:
        return facts.has_date ? 1.0 : 0.6;
    case AnswerType::number:
        return facts.has_quantity ? 1.0 : 0.6;
    case AnswerType::person:
    case AnswerType::place:
        return facts.has_new_name ? 1.0 : 0.85;
    case AnswerType::any:
        return 1.0;
    }
    return 1.0;
}

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

std::string answer_type_name(AnswerType type)
{
    switch (type) {
    case AnswerType::person: return "person";
    case AnswerType::time: return "time";
    case AnswerType::number: return "number";
    case AnswerType::place: return "place";
    case AnswerType::any: break;
    }
    return "any";
}

AnswerType detect_answer_type(std::string_view question)
{
    std::vector<std::string> words;
    for_each_word(question, [&](std::size_t begin, std::size_t end) {
        words.push_back(normalize_word(question.substr(begin, end - begin)));
    });
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        const std::string next = i + 1 < words.size() ? words[i + 1] : "";
        if (word == "who" || word == "whom" || word == "whose") {
            return AnswerType::person;
        }
        if (word == "when" || ((word == "what" || word == "which") && (next == "year" || next == "date" || next == "month"))) {
            return AnswerType::time;
        }
        if (word == "how" && (next == "many" || next == "much" || next == "long" || next == "old" || next == "large" ||
                              next == "big" || next == "far")) {
            return AnswerType::number;
        }
        if ((word == "what" || word == "which") && i + 3 < words.size() + 1) {
            // "what is the capacity of ...", "what was the population ..."
            for (std::size_t k = i + 1; k < words.size() && k <= i + 4; ++k) {
                if (contains(k_quantity_nouns, words[k])) {
                    return AnswerType::number;
                }
            }
        }
        if (word == "where") {
            return AnswerType::place;
        }
    }
    return AnswerType::any;
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
    const AnswerType type = detect_answer_type(context.question);
    std::set<std::string> question_words;
    std::vector<std::string> question_stems; // content words in question order, for proximity
    for (const auto& token : tokenize(context.question)) {
        question_words.insert(token.term);
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
            facts.push_back(read_sentence(sentence, analyzer, question_words));
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
            // back ("the organisation", "it") to what the sentence before it named.
            std::set<std::string> nearby;
            for (const std::size_t neighbour : {k - 1, k + 1}) {
                if (neighbour < spans.size()) {
                    nearby.insert(matched[neighbour].begin(), matched[neighbour].end());
                }
            }
            double context = 0.0;
            for (const auto& stem : nearby) {
                if (!matched[k].count(stem)) {
                    context += weight_of(stem);
                }
            }
            // Coverage of the question decides; context, proximity and the passage's rank break
            // near-ties, and a sentence that cannot hold the kind of answer asked for is marked down.
            SentenceScore score;
            score.coverage = weight / total_weight;
            score.support = 0.5 * context / total_weight;
            score.proximity = std::min(0.5 * proximity_weight(question_stems, facts[k], weight_of) / total_weight, 0.3);
            score.rank_share = 0.25 * (passage.score / top_score);
            score.type_factor = type_factor(type, facts[k]);
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
                answer.asked_for = answer_type_name(type);
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
