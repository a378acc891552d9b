// What kind of answer a question asks for, and whether a sentence can hold that kind of answer:
// cues for the answer picker and for re-ranking passages.
#pragma once

#include "analyze/analyzer.h"
#include "analyze/stem_initials.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// What kind of answer a question asks for, from its question words.
enum class AnswerType { any, person, time, number, place };

[[nodiscard]] AnswerType detect_answer_type(std::string_view question);

/// "any", "person", "time", "number" or "place".
[[nodiscard]] std::string answer_type_name(AnswerType type);

/// A question's answer type and its normalized words (a name it already uses is not an answer).
struct AnswerCue {
    AnswerType type = AnswerType::any;
    std::set<std::string> question_words;
};

/// The cue of `question`, whose normalized words (tokenize's terms) are `words`.
[[nodiscard]] AnswerCue read_answer_cue(std::string_view question, const std::vector<std::string>& words);

/// read_answer_cue for a question not yet tokenized.
[[nodiscard]] AnswerCue read_answer_cue(std::string_view question);

/// What a sentence offers as an answer: its stems by position, and the kinds of answer it holds.
struct SentenceFacts {
    std::vector<std::string> stems; // by word position; empty for a word that cannot match (read_sentence)
    bool has_date = false;          // a year, decade, month name, century or era
    bool has_quantity = false;      // a number that is not a year, or a number word
    bool has_new_name = false;      // a capitalized word, not sentence-initial, absent from the question
    bool refers_back = false;       // starts with a pronoun ("It", "They", "His" ...) for something named before
    bool opens_definite = false;    // starts with "The" or "Such" and a lowercase word ("The committee
                                    // recommended"): most often something named before, too
};

/// Reads one sentence. Only the words that may stem to one of `wanted` are stemmed, when the
/// analyzer's stemmer keeps first letters: the stems are compared with the question's, and most
/// words of a passage are first met here, where stemming each costs more than all the rest.
[[nodiscard]] SentenceFacts read_sentence(std::string_view sentence, Analyzer& analyzer,
                                          const std::set<std::string>& question_words, const StemInitials& wanted);

/// 1 when the sentence holds the kind of answer asked for, less when it cannot.
/// Dates and counts are easy to recognise, so their absence counts heavily; names are a weaker cue.
[[nodiscard]] double type_factor(AnswerType type, const SentenceFacts& facts);

} // namespace kosh
