// Tests for doc_collapse: passages to documents, each with its best passage, in rank order.
#include "search/doc_collapse.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using namespace kosh;

PassageHit hit(std::string path, double score, int line = 1)
{
    PassageHit passage;
    passage.path = std::move(path);
    passage.score = score;
    passage.line = line;
    return passage;
}

std::vector<std::string> describe(const std::vector<PassageHit>& documents)
{
    std::vector<std::string> out;
    for (const auto& document : documents) {
        out.push_back(std::to_string(document.rank) + " " + document.path + ":" + std::to_string(document.line));
    }
    return out;
}

} // namespace

TEST_CASE("collapse_to_documents keeps each file's best passage in rank order", "[search]")
{
    const std::vector<PassageHit> passages = {hit("a.md", 5.0, 1), hit("a.md", 4.0, 7), hit("b.md", 3.0, 2),
                                              hit("c.md", 3.0, 9), hit("b.md", 1.0, 4)};
    CHECK(describe(collapse_to_documents(passages, 10)) ==
          std::vector<std::string>{"1 a.md:1", "2 b.md:2", "3 c.md:9"});
    CHECK(describe(collapse_to_documents(passages, 2)) == std::vector<std::string>{"1 a.md:1", "2 b.md:2"});
    CHECK(collapse_to_documents(passages, 0).empty());
    CHECK(collapse_to_documents({}, 10).empty());
}

TEST_CASE("collapse_to_documents orders by score, equal scores in input order", "[search]")
{
    const std::vector<PassageHit> passages = {hit("low.md", 1.0), hit("high.md", 2.0, 3), hit("tie.md", 1.0),
                                              hit("high.md", 9.0, 8)};
    CHECK(describe(collapse_to_documents(passages, 10)) ==
          std::vector<std::string>{"1 high.md:8", "2 low.md:1", "3 tie.md:1"});
}

TEST_CASE("collapse_result_to_documents points the answer at its document's rank", "[search]")
{
    QuestionResult result;
    result.passages = {hit("a.md", 5.0), hit("a.md", 4.0), hit("b.md", 3.0)};
    result.answer = Answer{"An answer.", "b.md", 3, 3, 0.5, {}, {}, {}, {}, 0, 0, {}};
    collapse_result_to_documents(result, 10);
    REQUIRE(result.passages.size() == 2);
    CHECK(result.answer->passage_rank == 2);

    collapse_result_to_documents(result, 1);
    CHECK(result.answer->passage_rank == 0); // its file is no longer shown
}

TEST_CASE("collapse_result_to_documents keeps the kept passages' score breakdowns, renumbered", "[search]")
{
    QuestionResult result;
    result.passages = {hit("a.md", 5.0, 1), hit("a.md", 4.0, 7), hit("b.md", 3.0, 2)};
    kosh::Explanation explanation;
    for (const auto& passage : result.passages) {
        kosh::PassageExplanation breakdown;
        breakdown.rank = passage.rank;
        breakdown.score = passage.score;
        explanation.passages.push_back(breakdown);
    }
    result.explanation = explanation;
    collapse_result_to_documents(result, 10);
    REQUIRE(result.explanation->passages.size() == 2);
    CHECK(result.explanation->passages[0].rank == 1);
    CHECK(result.explanation->passages[0].score == 5.0);
    CHECK(result.explanation->passages[1].rank == 2);
    CHECK(result.explanation->passages[1].score == 3.0); // b.md's, not a.md's second passage
}

TEST_CASE("passages_for_documents asks for ten passages a document, at most 1000", "[search]")
{
    CHECK(passages_for_documents(1) == 10);
    CHECK(passages_for_documents(3) == 30);
    CHECK(passages_for_documents(100) == 1000);
    CHECK(passages_for_documents(150) == 1000);
    CHECK(passages_for_documents(1000) == 1000);
    CHECK(passages_for_documents(2000) == 2000); // never fewer passages than documents
}

TEST_CASE("feedback_words adds feedback when ranking documents, unless --expand says otherwise", "[search][expand]")
{
    CHECK(kosh::feedback_words(std::nullopt, true) == kosh::k_document_feedback_words);
    CHECK(kosh::feedback_words(std::nullopt, false) == 0);
    CHECK(kosh::feedback_words(0, true) == 0);
    CHECK(kosh::feedback_words(5, false) == 5);
}
