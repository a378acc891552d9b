// Picks the sentence that best answers a question from the top passages.
#include "search/answer_picker.h"

#include "analyze/normalizer.h"
#include "parse/sentence_splitter.h"
#include "search/highlighter.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace kosh {

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
        if (word == "when" || (word == "what" && (next == "year" || next == "date")) || (word == "which" && next == "year")) {
            return AnswerType::time;
        }
        if (word == "how" && (next == "many" || next == "much" || next == "long" || next == "old")) {
            return AnswerType::number;
        }
        if (word == "where") {
            return AnswerType::place;
        }
    }
    return AnswerType::any;
}

namespace {

bool has_year_or_date(std::string_view sentence)
{
    static const std::regex k_date(
        R"((\b1[0-9]{3}\b|\b20[0-9]{2}\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b))");
    return std::regex_search(sentence.begin(), sentence.end(), k_date);
}

bool has_number(std::string_view sentence)
{
    static const std::regex k_number(
        R"(\b[0-9][0-9,.]*\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|hundreds|thousand|thousands|million|millions|dozen|dozens)\b)",
        std::regex::icase);
    return std::regex_search(sentence.begin(), sentence.end(), k_number);
}

// A capitalized word that is not the sentence's first word and not a question word: a name.
bool has_name_not_in_question(std::string_view sentence, const std::set<std::string>& question_words)
{
    bool first = true;
    bool found = false;
    for_each_word(sentence, [&](std::size_t begin, std::size_t end) {
        const bool capital = std::isupper(static_cast<unsigned char>(sentence[begin])) != 0;
        if (!first && capital && !question_words.count(normalize_word(sentence.substr(begin, end - begin)))) {
            found = true;
        }
        first = false;
    });
    return found;
}

bool matches_type(AnswerType type, std::string_view sentence, const std::set<std::string>& question_words)
{
    switch (type) {
    case AnswerType::time:
        return has_year_or_date(sentence);
    case AnswerType::number:
        return has_number(sentence);
    case AnswerType::person:
    case AnswerType::place:
        return has_name_not_in_question(sentence, question_words);
    case AnswerType::any:
        return false;
    }
    return false;
}

int line_of(const PassageHit& passage, std::size_t offset)
{
    return passage.line + static_cast<int>(std::count(passage.text.begin(), passage.text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

} // namespace

std::optional<Answer> pick_answer(const std::vector<PassageHit>& passages, const AnswerContext& context,
                                  Analyzer& analyzer, std::size_t max_passages)
{
    double total_weight = 0.0;
    for (const auto& stem : context.stems) {
        total_weight += context.stem_weight.count(stem) ? context.stem_weight.at(stem) : 1.0;
    }
    if (passages.empty() || total_weight <= 0.0) {
        return std::nullopt;
    }
    const AnswerType type = detect_answer_type(context.question);
    std::set<std::string> question_words;
    for_each_word(context.question, [&](std::size_t begin, std::size_t end) {
        question_words.insert(normalize_word(context.question.substr(begin, end - begin)));
    });
    const std::set<std::string> wanted(context.stems.begin(), context.stems.end());
    const double top_score = std::max(passages.front().score, 1e-9);

    std::optional<Answer> best;
    double best_score = 0.0;
    for (std::size_t p = 0; p < passages.size() && p < max_passages; ++p) {
        const PassageHit& passage = passages[p];
        for (const ByteSpan& span : split_sentences(passage.text)) {
            const std::string_view sentence = std::string_view(passage.text).substr(span.begin, span.end - span.begin);
            std::set<std::string> matched;
            for (const auto& token : tokenize(sentence)) {
                const std::string& stem = analyzer.stem(token.term);
                if (wanted.count(stem)) {
                    matched.insert(stem);
                }
            }
            if (matched.empty()) {
                continue;
            }
            double weight = 0.0;
            for (const auto& stem : matched) {
                weight += context.stem_weight.count(stem) ? context.stem_weight.at(stem) : 1.0;
            }
            const double coverage = weight / total_weight;
            const bool typed = matches_type(type, sentence, question_words);
            // Coverage decides; the passage's own rank score and a type match break near-ties.
            const double score = coverage + 0.25 * (passage.score / top_score) + (typed ? 0.15 : 0.0);
            if (score > best_score) {
                best_score = score;
                Answer answer;
                answer.sentence = std::string(sentence);
                answer.path = passage.path;
                answer.line = line_of(passage, span.begin);
                answer.passage_rank = passage.rank;
                answer.confidence = std::min(1.0, coverage * (typed || type == AnswerType::any ? 1.0 : 0.8));
                best = std::move(answer);
            }
        }
    }
    return best;
}

} // namespace kosh
