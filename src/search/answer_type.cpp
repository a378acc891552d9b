// Answer types: what kind of answer a question asks for, and whether a sentence can hold one.
#include "search/answer_type.h"

#include "analyze/normalizer.h"
#include "analyze/tokenizer.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace kosh {

namespace {

constexpr auto k_months = std::to_array<std::string_view>({
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
});

constexpr auto k_number_words = std::to_array<std::string_view>({
    "dozen",    "dozens",  "eight",    "eighteen", "eighty",   "eleven",   "fifteen",   "fifty",
    "five",     "forty",   "four",     "fourteen", "half",     "hundred",  "hundreds",  "million",
    "millions", "nine",    "nineteen", "ninety",   "one",      "seven",    "seventeen", "seventy",
    "six",      "sixteen", "sixty",    "ten",      "thirteen", "thirty",   "thousand",  "thousands",
    "three",    "twelve",  "twenty",   "two",      "billion",  "billions",
});

// Nouns that make "what is the X" ask for a quantity.
constexpr auto k_quantity_nouns = std::to_array<std::string_view>({
    "amount", "area", "capacity", "cost", "depth", "distance", "height", "length", "number", "percentage", "population",
    "price",  "rate", "share",    "size", "speed", "total",    "value",  "volume", "weight", "width",
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
    "century",
    "centuries",
    "decade",
    "decades",
    "millennium",
    "bc",
    "bce",
    "ad",
});

/// A decade written as digits: "1990s", "1800s".
bool is_decade(std::string_view word)
{
    return word.size() == 5 && word.back() == 's' && is_year(word.substr(0, 4));
}

// Pronouns that open a sentence by pointing back to what the sentence before it named.
constexpr auto k_pronouns = std::to_array<std::string_view>({
    "he",
    "her",
    "his",
    "it",
    "its",
    "she",
    "that",
    "their",
    "these",
    "they",
    "this",
    "those",
});

// Words that open a definite noun phrase ("The committee", "Such rules"): a thing already named.
constexpr auto k_definite_openers = std::to_array<std::string_view>({"such", "the"});

bool starts_with_digit(std::string_view word)
{
    return !word.empty() && word[0] >= '0' && word[0] <= '9';
}

} // namespace

SentenceFacts read_sentence(std::string_view sentence, Analyzer& analyzer, const std::set<std::string>& question_words,
                            const StemInitials& wanted)
{
    SentenceFacts facts;
    std::string first_word;
    for (const auto& token : tokenize(sentence)) {
        facts.stems.push_back(analyzer.stem_among(token.term, wanted));
        if (is_year(token.term) || is_decade(token.term) || contains(k_months, token.term) ||
            contains(k_time_words, token.term)) {
            facts.has_date = true;
        } else if (starts_with_digit(token.term) || contains(k_number_words, token.term)) {
            facts.has_quantity = true;
        }
        if (token.position == 0 && contains(k_pronouns, token.term)) {
            facts.refers_back = true;
        }
        const bool capital = std::isupper(static_cast<unsigned char>(sentence[token.begin])) != 0;
        if (token.position == 0) {
            first_word = token.term;
        } else if (token.position == 1 && !capital && contains(k_definite_openers, first_word)) {
            facts.opens_definite = true;
        }
        if (token.position > 0 && capital && !question_words.count(token.term)) {
            facts.has_new_name = true;
        }
    }
    return facts;
}

namespace {

/// A sentence without the date or number asked for: both are easy to spot, so their absence counts heavily.
constexpr double k_no_date_or_number_factor = 0.6;

/// A sentence without a new name for a "who" or "where" question: names are a weaker cue.
constexpr double k_no_name_factor = 0.85;

} // namespace

double type_factor(AnswerType type, const SentenceFacts& facts)
{
    switch (type) {
    case AnswerType::time: return facts.has_date ? 1.0 : k_no_date_or_number_factor;
    case AnswerType::number: return facts.has_quantity ? 1.0 : k_no_date_or_number_factor;
    case AnswerType::person:
    case AnswerType::place: return facts.has_new_name ? 1.0 : k_no_name_factor;
    case AnswerType::any: return 1.0;
    }
    return 1.0;
}

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
    // The first question word decides: in "what did the Shah do when ...", "when" only says
    // under what circumstances, and the answer is whatever "what" asks for.
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        const std::string next = i + 1 < words.size() ? words[i + 1] : "";
        if (word == "who" || word == "whom" || word == "whose") {
            return AnswerType::person;
        }
        if (word == "when") {
            return AnswerType::time;
        }
        if (word == "where") {
            return AnswerType::place;
        }
        if (word == "how") {
            const bool amount = next == "many" || next == "much" || next == "long" || next == "old" ||
                                next == "large" || next == "big" || next == "far";
            return amount ? AnswerType::number : AnswerType::any;
        }
        if (word == "why") {
            return AnswerType::any;
        }
        if (word == "what" || word == "which") {
            // "what year ...", "what was the year ...", "what is the capacity of ..."
            for (std::size_t k = i + 1; k < words.size() && k <= i + 4; ++k) {
                if (words[k] == "year" || words[k] == "date" || words[k] == "month") {
                    return AnswerType::time;
                }
                if (contains(k_quantity_nouns, words[k])) {
                    return AnswerType::number;
                }
            }
            return AnswerType::any;
        }
    }
    return AnswerType::any;
}

AnswerCue read_answer_cue(std::string_view question, const std::vector<std::string>& words)
{
    AnswerCue cue;
    cue.type = detect_answer_type(question);
    cue.question_words.insert(words.begin(), words.end());
    return cue;
}

AnswerCue read_answer_cue(std::string_view question)
{
    std::vector<std::string> words;
    for (auto& token : tokenize(question)) {
        words.push_back(std::move(token.term));
    }
    return read_answer_cue(question, words);
}

} // namespace kosh
