// Tests for the answer picker: sentence choice, score components and confidence.
#include "search/answer_confidence.h"
#include "search/answer_picker.h"
#include "search/query_builder.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace {

using kosh::AnswerContext;
using kosh::AnswerType;
using kosh::PassageHit;

PassageHit passage(int rank, double score, std::string text, int line = 1, std::string path = "doc.md")
{
    PassageHit hit;
    hit.rank = rank;
    hit.score = score;
    hit.path = std::move(path);
    hit.line = line;
    hit.text = std::move(text);
    return hit;
}

// A context built the way Searcher::ask builds it, with every stem weighing 1 unless given.
AnswerContext context_for(kosh::Analyzer& analyzer, std::string_view question,
                          std::map<std::string, double> weights = {})
{
    AnswerContext context = kosh::answer_context(question, kosh::analyze_question(analyzer, question));
    for (const auto& stem : context.stems) {
        context.stem_weight[stem] = weights.count(stem) ? weights.at(stem) : 1.0;
    }
    return context;
}

} // namespace

TEST_CASE("answer_context takes the question's analysis, not its text again", "[search]")
{
    kosh::Analyzer analyzer("english");
    const AnswerContext context =
        kosh::answer_context("When were the treaties signed, and the treaty?",
                             kosh::analyze_question(analyzer, "When were the treaties signed, and the treaty?"));
    CHECK(context.stems == std::vector<std::string>{"treati", "sign"});
    CHECK(context.ordered_stems == std::vector<std::string>{"treati", "sign", "treati"});
    CHECK(context.cue.type == kosh::AnswerType::time);
    CHECK(context.cue.question_words.count("when") == 1);
    CHECK(context.cue.question_words.count("treaties") == 1);
    CHECK(context.stem_weight.empty()); // the caller's to fill

    SECTION("a question of stopwords alone pairs no words for proximity")
    {
        const AnswerContext stopwords =
            kosh::answer_context("What is it?", kosh::analyze_question(analyzer, "What is it?"));
        CHECK(stopwords.stems == std::vector<std::string>{"what", "is", "it"});
        CHECK(stopwords.ordered_stems.empty());
    }
}

TEST_CASE("pick_answer picks the sentence covering most of the question, with its line", "[search]")
{
    kosh::Analyzer analyzer("english");
    const auto context = context_for(analyzer, "When were relations with Russia established?");
    const std::vector<PassageHit> passages = {
        passage(1, 10.0, "Nepal is in Asia.\nRelations with Russia were\nestablished in 1956. Tea is popular.", 20,
                "docs/nepal.md"),
    };
    const auto answer = kosh::pick_answer(passages, context, analyzer);
    REQUIRE(answer);
    CHECK(answer->sentence == "Relations with Russia were\nestablished in 1956.");
    CHECK(answer->path == "docs/nepal.md");
    CHECK(answer->line == 21);
    CHECK(answer->passage_rank == 1);
    CHECK(answer->score.coverage == Approx(1.0));
    CHECK(answer->asked_for == "time");
    CHECK_FALSE(answer->runner_up); // no other sentence shares a word with the question
    CHECK(answer->confidence == Approx(kosh::answer_confidence(kosh::confidence_inputs(*answer, passages))));
    CHECK(answer->highlights.empty()); // the searcher fills these in
}

TEST_CASE("pick_answer reports the winner's score components and a runner-up with other text", "[search]")
{
    kosh::Analyzer analyzer("english");
    const auto context = context_for(analyzer, "When were relations with Russia established?");
    const std::vector<PassageHit> passages = {
        passage(1, 10.0, "Relations with Russia were established in 1956. Relations with Russia grew.", 5, "a.md"),
        passage(2, 8.0, "Relations with Russia were established in 1956.", 9, "b.md"), // same text: not a runner-up
    };
    const auto answer = kosh::pick_answer(passages, context, analyzer);
    REQUIRE(answer);
    CHECK(answer->sentence == "Relations with Russia were established in 1956.");
    CHECK(answer->path == "a.md");
    const kosh::SentenceScore& score = answer->score;
    CHECK(score.total ==
          Approx((score.coverage + score.support + score.proximity + score.rank_share) * score.type_factor));
    CHECK(score.rank_share == Approx(0.25));
    REQUIRE(answer->runner_up);
    CHECK(answer->runner_up->sentence == "Relations with Russia grew.");
    CHECK(answer->runner_up->path == "a.md");
    CHECK(answer->runner_up->score.total < score.total);
    const auto inputs = kosh::confidence_inputs(*answer, passages);
    CHECK(inputs.margin == Approx((score.total - answer->runner_up->score.total) / score.total));
    CHECK(inputs.passage_gap == Approx(0.2));
    CHECK(answer->confidence == Approx(kosh::answer_confidence(inputs)));
}

TEST_CASE("pick_answer returns nullopt when no sentence shares a word with the question", "[search]")
{
    kosh::Analyzer analyzer("english");
    const auto context = context_for(analyzer, "When were relations with Russia established?");
    SECTION("no passages")
    {
        CHECK_FALSE(kosh::pick_answer({}, context, analyzer));
    }
    SECTION("passages without the question's words")
    {
        CHECK_FALSE(kosh::pick_answer({passage(1, 3.0, "Tea is popular. So is coffee.")}, context, analyzer));
    }
    SECTION("a question without stems")
    {
        const AnswerContext empty;
        CHECK_FALSE(kosh::pick_answer({passage(1, 3.0, "Relations with Russia.")}, empty, analyzer));
    }
}

TEST_CASE("pick_answer looks only at the first max_passages passages", "[search]")
{
    kosh::Analyzer analyzer("english");
    const auto context = context_for(analyzer, "Where does the Koshi flow?");
    const std::vector<PassageHit> passages = {
        passage(1, 4.0, "Nothing here."),
        passage(2, 3.0, "Nothing here either."),
        passage(3, 2.0, "Still nothing."),
        passage(4, 1.0, "The Koshi flows through Bihar.", 7),
    };
    CHECK_FALSE(kosh::pick_answer(passages, context, analyzer));
    const auto answer = kosh::pick_answer(passages, context, analyzer, 4);
    REQUIRE(answer);
    CHECK(answer->sentence == "The Koshi flows through Bihar.");
    CHECK(answer->passage_rank == 4);
    CHECK(answer->line == 7);
}

TEST_CASE("pick_answer prefers a sentence of the expected answer type", "[search]")
{
    kosh::Analyzer analyzer("english");
    struct Row {
        const char* question;
        const char* expected;
        double confidence;
    };
    const char* text =
        "The bridge was built by engineers. The bridge was built by Ram Sharma. The bridge was built in 1990. "
        "The bridge was built with twelve arches. The bridge was built beside the river.";
    const Row rows[] = {
        {"When was the bridge built?", "The bridge was built in 1990.", 1.0},
        {"Who built the bridge?", "The bridge was built by Ram Sharma.", 1.0},
        {"How many arches was the bridge built with?", "The bridge was built with twelve arches.", 1.0},
        // Without a type, the first of equal sentences wins.
        {"Why was the bridge built?", "The bridge was built by engineers.", 1.0},
    };
    for (const Row& row : rows) {
        INFO("question: " << row.question);
        const auto answer = kosh::pick_answer({passage(1, 5.0, text)}, context_for(analyzer, row.question), analyzer);
        REQUIRE(answer);
        CHECK(answer->sentence == row.expected);
        CHECK(answer->score.coverage * answer->score.type_factor == Approx(row.confidence));
    }
}

TEST_CASE("pick_answer marks a sentence down when it lacks the expected type", "[search]")
{
    kosh::Analyzer analyzer("english");
    struct Row {
        const char* question;
        const char* text;
        double type_factor;
    };
    const Row rows[] = {
        {"When was the bridge built?", "The bridge was built by engineers.", 0.6},       // no date
        {"How many arches does the bridge have?", "The bridge has arches.", 0.6},        // no quantity
        {"Who built the bridge?", "The bridge was built by engineers.", 0.85},           // no name
        {"Where was the bridge built?", "The bridge was built beside the river.", 0.85}, // no name
        {"Why was the bridge built?", "The bridge was built by engineers.", 1.0},        // any type fits
    };
    for (const Row& row : rows) {
        INFO("question: " << row.question);
        const auto answer =
            kosh::pick_answer({passage(1, 5.0, row.text)}, context_for(analyzer, row.question), analyzer);
        REQUIRE(answer);
        CHECK(answer->score.type_factor == Approx(row.type_factor));
    }
}

TEST_CASE("pick_answer takes centuries, decades and eras as dates", "[search]")
{
    kosh::Analyzer analyzer("english");
    for (const char* text :
         {"The bridge was built in the 12th century.", "The bridge was built in the 1990s.",
          "The bridge was built around 300 BC.", "The bridge was built in March.", "The bridge was built in 1963."}) {
        INFO("sentence: " << text);
        const auto answer =
            kosh::pick_answer({passage(1, 5.0, text)}, context_for(analyzer, "When was the bridge built?"), analyzer);
        REQUIRE(answer);
        CHECK(answer->score.type_factor == Approx(1.0));
    }
    // A number that is neither a year nor a decade is no date.
    const auto answer = kosh::pick_answer({passage(1, 5.0, "The bridge was built by 1990 workers in 3 shifts.")},
                                          context_for(analyzer, "When was the bridge built?"), analyzer);
    REQUIRE(answer);
    CHECK(answer->score.type_factor == Approx(1.0)); // 1990 reads as a year: digits alone cannot tell
    const auto no_date = kosh::pick_answer({passage(1, 5.0, "The bridge was built by 200 workers in 3 shifts.")},
                                           context_for(analyzer, "When was the bridge built?"), analyzer);
    REQUIRE(no_date);
    CHECK(no_date->score.type_factor == Approx(0.6));
}

TEST_CASE("pick_answer weighs question words by informativeness", "[search]")
{
    kosh::Analyzer analyzer("english");
    // "koshi" is rare (weight 3), "river" common (weight 1).
    const auto context = context_for(analyzer, "koshi river", {{"koshi", 3.0}, {"river", 1.0}});
    const std::vector<PassageHit> passages = {passage(1, 5.0, "Every river floods. The Koshi is wide.")};
    const auto answer = kosh::pick_answer(passages, context, analyzer);
    REQUIRE(answer);
    CHECK(answer->sentence == "The Koshi is wide.");
    CHECK(answer->score.coverage * answer->score.type_factor == Approx(0.75));
}

TEST_CASE("pick_answer weighs a question word less when most of the sentences hold it", "[search]")
{
    kosh::Analyzer analyzer("english");
    // Each word weighs 1 in the index. Among the four sentences "tesla" is in three, "reach" in
    // two and "colorado" in one, so the last sentence covers more of the question than the first,
    // which would otherwise tie with it and win as the earlier one.
    const auto context = context_for(analyzer, "When did Tesla reach Colorado?");
    const std::vector<PassageHit> passages = {
        passage(1, 5.0, "Tesla reached Paris in 1882. Tesla worked in 1884. Tesla lectured in 1886.", 1, "first.md"),
        passage(2, 5.0, "Engineers reached Colorado in 1899.", 1, "second.md"),
    };
    const auto answer = kosh::pick_answer(passages, context, analyzer);
    REQUIRE(answer);
    CHECK(answer->sentence == "Engineers reached Colorado in 1899.");
    const double tesla = 1.0 + 0.5 * std::log(4.0 / 3.0);
    const double reach = 1.0 + 0.5 * std::log(4.0 / 2.0);
    const double colorado = 1.0 + 0.5 * std::log(4.0 / 1.0);
    CHECK(answer->score.coverage == Approx((reach + colorado) / (tesla + reach + colorado)));
    REQUIRE(answer->runner_up);
    CHECK(answer->runner_up->sentence == "Tesla reached Paris in 1882.");
    CHECK(answer->runner_up->score.coverage == Approx((tesla + reach) / (tesla + reach + colorado)));
}

TEST_CASE("pick_answer counts another form of a question word: a related form for half", "[search]")
{
    kosh::Analyzer analyzer("english");
    SECTION("one stem begins with the other: teach and teacher")
    {
        const auto answer = kosh::pick_answer({passage(1, 5.0, "He was a teacher of physics in 1920.")},
                                              context_for(analyzer, "When did he teach physics?"), analyzer);
        REQUIRE(answer);
        CHECK(answer->score.coverage == Approx(0.75));
    }
    SECTION("an irregular form counts in full: built for build")
    {
        const auto answer = kosh::pick_answer({passage(1, 5.0, "Engineers built the dam in 1963.")},
                                              context_for(analyzer, "When did they build the dam?"), analyzer);
        REQUIRE(answer);
        CHECK(answer->score.coverage == Approx(1.0));
    }
    SECTION("stems shorter than five letters are not taken for forms of longer ones")
    {
        const auto answer = kosh::pick_answer({passage(1, 5.0, "The artist signed the museum's guide.")},
                                              context_for(analyzer, "Which art does the museum hold?"), analyzer);
        REQUIRE(answer);
        CHECK(answer->score.coverage == Approx(1.0 / 3.0)); // museum only: art, museum, hold
    }
}

TEST_CASE("pick_answer breaks coverage ties by passage score", "[search]")
{
    kosh::Analyzer analyzer("english");
    const auto context = context_for(analyzer, "koshi floods");
    SECTION("the higher-scored passage wins")
    {
        const std::vector<PassageHit> passages = {
            passage(1, 10.0, "Koshi floods in summer.", 1, "first.md"),
            passage(2, 5.0, "Koshi floods every year.", 1, "second.md"),
        };
        const auto answer = kosh::pick_answer(passages, context, analyzer);
        REQUIRE(answer);
        CHECK(answer->path == "first.md");
        CHECK(answer->passage_rank == 1);
    }
    SECTION("better coverage beats a better passage score")
    {
        const std::vector<PassageHit> passages = {
            passage(1, 10.0, "Koshi is a river.", 1, "first.md"),
            passage(2, 5.0, "Koshi floods every year.", 1, "second.md"),
        };
        const auto answer = kosh::pick_answer(passages, context, analyzer);
        REQUIRE(answer);
        CHECK(answer->path == "second.md");
        CHECK(answer->passage_rank == 2);
        CHECK(answer->score.coverage * answer->score.type_factor == Approx(1.0));
    }
}

TEST_CASE("pick_answer uses neighbouring sentences and word proximity to break ties", "[search]")
{
    kosh::Analyzer analyzer("english");
    SECTION("a sentence that refers back to its neighbour can win")
    {
        // "It was built in 1963." has only "built", but its neighbour names the barrage and it holds the date.
        const auto answer = kosh::pick_answer({passage(1, 5.0, "The Koshi barrage is in Nepal. It was built in 1963.")},
                                              context_for(analyzer, "When was the Koshi barrage built?"), analyzer);
        REQUIRE(answer);
        CHECK(answer->sentence == "It was built in 1963.");
        CHECK(answer->score.coverage * answer->score.type_factor == Approx(1.0 / 3.0));
    }
    SECTION("question words close together beat the same words far apart")
    {
        const auto answer = kosh::pick_answer(
            {passage(1, 5.0,
                     "Soviet leaders met in a hall where nothing was ever built. Soviet engineers later built a dam.")},
            context_for(analyzer, "What is Soviet built?"), analyzer);
        REQUIRE(answer);
        CHECK(answer->sentence == "Soviet engineers later built a dam.");
        CHECK(answer->score.coverage * answer->score.type_factor == Approx(1.0));
    }
}

TEST_CASE("pick_answer counts the question words before a sentence that opens with a pronoun in full", "[search]")
{
    kosh::Analyzer analyzer("english");
    // Stems member, sit, judici, council, each weighing 1 in the index. The first sentence matches
    // three of them but holds no number; the second matches "members", and the sentence before it
    // names the council. Among these two sentences "members" is in both, so it weighs 1, and the
    // others are in one or none, so they weigh 1 + 0.5 ln 2.
    const auto context = context_for(analyzer, "How many members sit on the Judicial Council?");
    const double rare = 1.0 + 0.5 * std::log(2.0);
    const double total = 1.0 + 3.0 * rare;
    const std::string first = "The Judicial Council is the highest court and its members meet in spring.";
    const auto pronoun = kosh::pick_answer({passage(1, 10.0, first + " It seats nine members.")}, context, analyzer);
    REQUIRE(pronoun);
    CHECK(pronoun->sentence == "It seats nine members.");
    CHECK(pronoun->score.coverage == Approx(1.0 / total));
    CHECK(pronoun->score.support == Approx(2.0 * rare / total)); // judici and council, in full
    // Opened otherwise, the sentence before counts for 0.3, and the first sentence wins.
    const auto plain = kosh::pick_answer({passage(1, 10.0, first + " Each seats nine members.")}, context, analyzer);
    REQUIRE(plain);
    CHECK(plain->sentence == first);
    REQUIRE(plain->runner_up);
    CHECK(plain->runner_up->score.support == Approx(0.3 * 2.0 * rare / total));
    CHECK(plain->runner_up->score.total < plain->score.total);
    // Opened by a definite noun phrase, the sentence before counts for 0.6, and this one wins.
    const auto definite =
        kosh::pick_answer({passage(1, 10.0, first + " The court seats nine members.")}, context, analyzer);
    REQUIRE(definite);
    CHECK(definite->sentence == "The court seats nine members.");
    CHECK(definite->score.support == Approx(0.6 * 2.0 * rare / total));
    // A sentence takes nothing from the last sentence of the passage before its own.
    const auto apart =
        kosh::pick_answer({passage(1, 10.0, first), passage(2, 10.0, "It seats nine members.")}, context, analyzer);
    REQUIRE(apart);
    CHECK(apart->sentence == first);
    REQUIRE(apart->runner_up);
    CHECK(apart->runner_up->sentence == "It seats nine members.");
    CHECK(apart->runner_up->score.support == 0.0);
}

TEST_CASE("pick_answer credits a synonym that starts with a letter no question word has", "[search]")
{
    kosh::Analyzer analyzer("english");
    auto context = context_for(analyzer, "When did the Soviet Union open an embassy in Kathmandu?");
    kosh::SynonymUse use;
    use.original = kosh::Phrase{{"soviet", "union"}, {"soviet", "union"}};
    use.alternatives = {kosh::Phrase{{"moscow"}, {"moscow"}}};
    use.first_word = 3;
    context.synonyms = {use};
    // Without the synonym both sentences hold "open", "embassy" and "Kathmandu", and the first
    // passage's would win on rank; "Moscow" stands for "Soviet Union" in the second.
    const std::vector<PassageHit> passages = {
        passage(1, 10.0, "An embassy opened in Kathmandu in 1960."),
        passage(2, 9.0, "Moscow opened an embassy in Kathmandu in 1959."),
    };
    const auto answer = kosh::pick_answer(passages, context, analyzer);
    REQUIRE(answer);
    CHECK(answer->sentence == "Moscow opened an embassy in Kathmandu in 1959.");
    CHECK(answer->score.coverage == Approx(1.0));
}

TEST_CASE("pick_answer weighs a stem the context gives no weight as 1, and none at all as no question", "[search]")
{
    kosh::Analyzer analyzer("english");
    const std::vector<PassageHit> passages = {
        passage(1, 10.0, "The treaty was signed in Moscow. Talks about a treaty went on for years."),
    };
    const auto weighed = context_for(analyzer, "Where was the treaty signed?", {{"treati", 3.0}, {"sign", 1.0}});
    auto unweighed = weighed;
    unweighed.stem_weight.erase("sign");
    const auto given = kosh::pick_answer(passages, weighed, analyzer);
    const auto defaulted = kosh::pick_answer(passages, unweighed, analyzer);
    REQUIRE(given);
    REQUIRE(defaulted);
    CHECK(defaulted->score.coverage == given->score.coverage);
    CHECK(defaulted->score.total == given->score.total);

    auto weightless = weighed;
    for (auto& [stem, weight] : weightless.stem_weight) {
        weight = 0.0;
    }
    CHECK_FALSE(kosh::pick_answer(passages, weightless, analyzer));
}

TEST_CASE("pick_answer keeps the first of two runners-up that score alike", "[search]")
{
    kosh::Analyzer analyzer("english");
    const auto context = context_for(analyzer, "Where was the treaty signed?");
    const std::vector<PassageHit> passages = {
        passage(1, 10.0, "The treaty was signed in Moscow.", 1, "a.md"),
        passage(2, 5.0, "Treaty talks came.", 1, "b.md"),
        passage(3, 5.0, "Treaty talks went.", 1, "c.md"),
    };
    const auto answer = kosh::pick_answer(passages, context, analyzer);
    REQUIRE(answer);
    REQUIRE(answer->runner_up);
    CHECK(answer->runner_up->path == "b.md");
}

TEST_CASE("pick_answer never picks a line of code, though the code holds the question's words", "[search]")
{
    kosh::Analyzer analyzer("english");
    const auto context = context_for(analyzer, "How do I install kosh with make?");
    // The code line holds every question word; the prose sentence only some of them.
    const std::string text = "To build it, run these commands.\n\nmake install kosh\nmake check\n\nThen install kosh.";
    PassageHit hit = passage(1, 10.0, text, 40, "docs/build.md");
    const std::size_t code_begin = text.find("make install");
    const std::size_t code_end = text.find("\n\nThen");
    SECTION("without the code span the code line wins")
    {
        const auto answer = kosh::pick_answer({hit}, context, analyzer);
        REQUIRE(answer);
        CHECK(answer->sentence.find("make install kosh") != std::string::npos);
    }
    SECTION("with it, the answer is prose and on the prose's line")
    {
        hit.code = {{code_begin, code_end}};
        const auto answer = kosh::pick_answer({hit}, context, analyzer);
        REQUIRE(answer);
        CHECK(answer->sentence == "Then install kosh.");
        CHECK(answer->line == 45);
        if (answer->runner_up) {
            CHECK(answer->runner_up->sentence.find("make") == std::string::npos);
        }
    }
    SECTION("a passage that is all code gives no answer")
    {
        PassageHit code_only = passage(1, 10.0, "make install kosh\nmake check", 3, "docs/build.md");
        code_only.code = {{0, code_only.text.size()}};
        CHECK_FALSE(kosh::pick_answer({code_only}, context, analyzer));
    }
}
