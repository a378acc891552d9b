// Tests for answer types: what a question asks for, and what a sentence can answer.
#include "search/answer_type.h"

#include <catch2/catch.hpp>

#include <string>

using kosh::AnswerType;

TEST_CASE("detect_answer_type reads the question words", "[search]")
{
    struct Row {
        const char* question;
        AnswerType type;
    };
    const Row rows[] = {
        {"Who founded Kathmandu?", AnswerType::person},
        // "what" looks up to four words ahead for the thing asked for
        {"What was the exact date of the treaty?", AnswerType::time},
        {"What did the committee finally decide that year?", AnswerType::any},
        {"WHO founded it", AnswerType::person},
        {"Whose idea was it?", AnswerType::person},
        {"To whom was it given?", AnswerType::person},
        {"When did relations start?", AnswerType::time},
        {"What year was it built?", AnswerType::time},
        {"In what year was it built?", AnswerType::time},
        {"What date is the festival?", AnswerType::time},
        {"Which year saw the flood?", AnswerType::time},
        {"How many rivers are there?", AnswerType::number},
        {"How much rain falls?", AnswerType::number},
        {"How long is the Koshi?", AnswerType::number},
        {"How old is the temple?", AnswerType::number},
        {"How far is Pokhara?", AnswerType::number},
        {"How large is the lake?", AnswerType::number},
        {"How big is it?", AnswerType::number},
        {"What is the population of Nepal?", AnswerType::number},
        {"Which was the total cost?", AnswerType::number},
        {"What month is the monsoon?", AnswerType::time},
        {"Which date was chosen?", AnswerType::time},
        {"Where is the Koshi?", AnswerType::place},
        {"Where was he when it happened?", AnswerType::place}, // the first question word decides
        {"When and where?", AnswerType::time},
        {"What did the Shah do when faced with defeat?", AnswerType::any},
        {"What was the year when Tesla went back?", AnswerType::time},
        {"How old was Chopin when he moved?", AnswerType::number},
        {"How did it end when the war began?", AnswerType::any},
        {"Why did it fail when it rained?", AnswerType::any},
        {"In what city was he born, and when?", AnswerType::any},
        {"What is the capital of Nepal?", AnswerType::any},
        {"How does hydropower work?", AnswerType::any},
        {"Which river floods?", AnswerType::any},
        {"What years?", AnswerType::any},
        {"The whole story", AnswerType::any},
        {"", AnswerType::any},
    };
    for (const Row& row : rows) {
        INFO("question: " << row.question);
        CHECK(kosh::answer_type_name(kosh::detect_answer_type(row.question)) == kosh::answer_type_name(row.type));
    }
}

TEST_CASE("read_answer_cue keeps the question's type and normalized words", "[search]")
{
    const kosh::AnswerCue cue = kosh::read_answer_cue("When did Nepal open an embassy in Moscow?");
    CHECK(cue.type == AnswerType::time);
    CHECK(cue.question_words.count("nepal") == 1);
    CHECK(cue.question_words.count("moscow") == 1);
    CHECK(cue.question_words.count("Moscow") == 0);
}

TEST_CASE("read_sentence finds dates, quantities and names the question lacks", "[search]")
{
    kosh::Analyzer analyzer("english");
    const std::set<std::string> question{"nepal", "moscow"};
    auto read_sentence = [&](std::string_view sentence, const std::set<std::string>& words) {
        kosh::StemInitials every_letter;
        for (char letter = 'a'; letter <= 'z'; ++letter) {
            every_letter.add(std::string(1, letter));
        }
        return kosh::read_sentence(sentence, analyzer, words, every_letter);
    };
    const auto dated = read_sentence("The embassy opened in 1956 in Moscow.", question);
    CHECK(dated.has_date);
    CHECK_FALSE(dated.has_quantity);
    CHECK_FALSE(dated.has_new_name); // Moscow is in the question
    CHECK(dated.stems.size() == 7);
    const auto counted = read_sentence("It had twelve rooms and 40 staff.", question);
    CHECK(counted.has_quantity);
    CHECK_FALSE(counted.has_date);
    // A word starting with any digit, 0 and 9 included, is a quantity.
    CHECK(read_sentence("It had 0 staff.", question).has_quantity);
    CHECK(read_sentence("It had 9 staff.", question).has_quantity);
    CHECK_FALSE(read_sentence("It had some staff.", question).has_quantity);
    const auto named = read_sentence("It was built by Sherpa masons.", question);
    CHECK(named.has_new_name);
    const auto initial = read_sentence("Builders came from the valley.", question);
    CHECK_FALSE(initial.has_new_name); // a sentence's first word is capitalized anyway
    CHECK_FALSE(initial.refers_back);
    CHECK(read_sentence("It had twelve rooms.", question).refers_back);
    CHECK(read_sentence("Their staff came later.", question).refers_back);
    CHECK_FALSE(read_sentence("Later it had twelve rooms.", question).refers_back);
    CHECK(read_sentence("The committee met twice.", question).opens_definite);
    CHECK(read_sentence("Such rules came later.", question).opens_definite);
    CHECK(read_sentence("That committee met twice.", question).refers_back);       // as "This"
    CHECK_FALSE(read_sentence("The Council met twice.", question).opens_definite); // a name
    CHECK_FALSE(read_sentence("A committee met twice.", question).opens_definite);
    CHECK_FALSE(initial.opens_definite);

    CHECK(kosh::type_factor(AnswerType::time, dated) == 1.0);
    CHECK(kosh::type_factor(AnswerType::time, counted) == Approx(0.6));
    CHECK(kosh::type_factor(AnswerType::number, counted) == 1.0);
    CHECK(kosh::type_factor(AnswerType::person, named) == 1.0);
    CHECK(kosh::type_factor(AnswerType::person, initial) == Approx(0.85));
    CHECK(kosh::type_factor(AnswerType::any, initial) == 1.0);
}

TEST_CASE("read_sentence stems only the words that may match, where first letters allow it", "[search]")
{
    kosh::StemInitials wanted;
    wanted.add("treati"); // "treaties"
    wanted.add("moscow");
    const std::set<std::string> question{"treaties", "moscow"};
    kosh::Analyzer english("english");
    const auto facts = kosh::read_sentence("Treaties were signed in Moscow in 1956.", english, question, wanted);
    REQUIRE(facts.stems.size() == 7);
    CHECK(facts.stems[0] == "treati");
    CHECK(facts.stems[1].empty()); // "were": no wanted stem starts with w
    CHECK(facts.stems[2].empty());
    CHECK(facts.stems[4] == "moscow");
    CHECK(facts.stems[6] == "1956"); // not a-z: always stemmed
    CHECK(facts.has_date);           // the facts do not depend on stems

    // German's stemmer is not known to keep first letters: every word is stemmed.
    kosh::Analyzer german("german");
    const auto all = kosh::read_sentence("Verträge wurden in Moskau unterzeichnet.", german, {}, wanted);
    CHECK(std::none_of(all.stems.begin(), all.stems.end(), [](const std::string& stem) { return stem.empty(); }));
}
