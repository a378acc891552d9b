// Tests for eval_input: question lists with and without answers, TREC qrels, and exact errors.
#include "search/eval_input.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

namespace {

using namespace kosh;

Expected<std::vector<EvalQuestion>> read_questions(const std::string& text, QuestionFields fields)
{
    std::istringstream in(text);
    return read_eval_questions(in, "q.tsv", fields);
}

Expected<Qrels> read_judgements(const std::string& text)
{
    std::istringstream in(text);
    return read_qrels(in, "qrels.txt");
}

} // namespace

TEST_CASE("read_eval_questions reads ids, questions and answers", "[evaluation]")
{
    const auto questions = read_questions("\xEF\xBB\xBFq1\tWho?\tAnna\tAnn\n"
                                          "# a comment\n"
                                          "\n"
                                          " q2 \t When? \t 1956 \r\n",
                                          QuestionFields::with_answers);
    REQUIRE(questions);
    REQUIRE(questions->size() == 2);
    CHECK((*questions)[0].id == "q1");
    CHECK((*questions)[0].question == "Who?");
    CHECK((*questions)[0].answers == std::vector<std::string>{"Anna", "Ann"});
    CHECK((*questions)[0].line == 1);
    CHECK((*questions)[1].id == "q2");
    CHECK((*questions)[1].question == "When?");
    CHECK((*questions)[1].answers == std::vector<std::string>{"1956"});
    CHECK((*questions)[1].line == 4);

    const auto plain = read_questions("1\theat flow in slabs\n", QuestionFields::question_only);
    REQUIRE(plain);
    CHECK((*plain)[0].answers.empty());
}

TEST_CASE("read_eval_questions names the file and line of a bad line", "[evaluation]")
{
    struct Row {
        std::string text;
        QuestionFields fields;
        std::string error;
    };
    const std::vector<Row> rows = {
        {"q1\tWho?\tAnna\nq2\tWhen?\n", QuestionFields::with_answers,
         "q.tsv:2: expected id<TAB>question<TAB>answer[<TAB>answer...], found 2 fields"},
        {"just a question\n", QuestionFields::question_only, "q.tsv:1: expected id<TAB>question, found 1 field"},
        {"1\tq\textra\n", QuestionFields::question_only, "q.tsv:1: expected id<TAB>question, found 3 fields"},
        {"q1\tWho?\t\n", QuestionFields::with_answers,
         "q.tsv:1: field 3 is empty (expected id<TAB>question<TAB>answer[<TAB>answer...])"},
        {"\tWho?\n", QuestionFields::question_only, "q.tsv:1: field 1 is empty (expected id<TAB>question)"},
        {"q1\tWho?\nq1\tWhen?\n", QuestionFields::question_only, "q.tsv:2: id 'q1' appears twice"},
        {"q1\tWho?\nq2\tWh\xFFo?\n", QuestionFields::question_only, "q.tsv:2: invalid UTF-8"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        const auto result = read_questions(row.text, row.fields);
        REQUIRE_FALSE(result);
        CHECK(result.error() == row.error);
    }
}

TEST_CASE("read_qrels reads TREC judgements", "[evaluation]")
{
    const auto qrels = read_judgements("1 0 0184 2\n"
                                       "1 0 0029 -1 \n"
                                       "\n"
                                       "2\t0\t001:3\t1.0\r\n"
                                       "1 0 0184 3\n"
                                       "3 0 big 1000000\n"
                                       "3 0 small -1e6\n");
    REQUIRE(qrels);
    REQUIRE(qrels->size() == 3);
    CHECK(qrels->at("3").at("big") == 1000000); // the largest grade taken
    CHECK(qrels->at("3").at("small") == -1000000);
    CHECK(qrels->at("1").at("0184") == 3); // the last grade wins
    CHECK(qrels->at("1").at("0029") == -1);
    CHECK(qrels->at("2").at("001:3") == 1);
}

TEST_CASE("read_qrels names the file and line of a bad line", "[evaluation]")
{
    struct Row {
        std::string text;
        std::string error;
    };
    const std::vector<Row> rows = {
        {"1 0 0184 2\n1 0 0029\n", "qrels.txt:2: expected 'qid iteration docid grade', found 3 columns"},
        {"1 0 0184 2 extra\n", "qrels.txt:1: expected 'qid iteration docid grade', found 5 columns"},
        {"1 0 0184 high\n", "qrels.txt:1: grade 'high' is not a number"},
        {"1 0 0184 nan\n", "qrels.txt:1: grade 'nan' is not a number"},
        {"1 0 0184 1e300\n", "qrels.txt:1: grade '1e300' is out of range"},
        {"1 0 0184 1000001\n", "qrels.txt:1: grade '1000001' is out of range"},
        {"1 0 \xC3 1\n", "qrels.txt:1: invalid UTF-8"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        const auto result = read_judgements(row.text);
        REQUIRE_FALSE(result);
        CHECK(result.error() == row.error);
    }
}
