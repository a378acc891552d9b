// Tests for the TREC run printer: six columns a line, ids, docids from file names.
#include "output/trec_printer.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace kosh;

PassageHit hit(int rank, std::string path, double score)
{
    PassageHit passage;
    passage.rank = rank;
    passage.path = std::move(path);
    passage.score = score;
    return passage;
}

std::string print_all(const std::vector<QuestionResult>& results)
{
    std::ostringstream out;
    PrinterOptions options;
    options.format = OutputFormat::trec;
    auto printer = make_printer(out, options);
    printer->begin();
    for (const auto& result : results) {
        printer->print(result);
    }
    printer->finish();
    return out.str();
}

} // namespace

TEST_CASE("parse_output_format knows the TREC format", "[output]")
{
    CHECK(parse_output_format("trec") == OutputFormat::trec);
    CHECK_FALSE(parse_output_format("TREC").has_value());
}

TEST_CASE("trec_docid is the file name without its extension", "[output]")
{
    struct Row {
        std::string path;
        std::string docid;
    };
    const std::vector<Row> rows = {
        {"docs/0184.md", "0184"},      {"0184", "0184"},
        {"a/b/c.tar.gz", "c.tar"},     {"v1.2/notes", "notes"},
        {"corpus/.hidden", ".hidden"}, {"/abs/path/001.md", "001"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.path);
        CHECK(trec_docid(row.path) == row.docid);
    }
}

TEST_CASE("the TREC printer writes qid Q0 docid rank score kosh", "[output]")
{
    QuestionResult first;
    first.id = "q7";
    first.passages = {hit(1, "docs/0184.md", 12.3456789), hit(2, "docs/0029.md", 3.0)};
    QuestionResult failed;
    failed.error = "the question has no words to search for";
    QuestionResult empty;
    QuestionResult unnamed;
    unnamed.passages = {hit(1, "my docs/a b.txt", 1.0)};
    unnamed.id = "";
    CHECK(print_all({first, failed, empty, unnamed}) == "q7 Q0 0184 1 12.345679 kosh\n"
                                                        "q7 Q0 0029 2 3.000000 kosh\n"
                                                        "4 Q0 a_b 1 1.000000 kosh\n");
}

TEST_CASE("TREC qids fall back to the question's number and never hold white space", "[output]")
{
    QuestionResult spaced;
    spaced.id = "my id";
    spaced.passages = {hit(1, "x.md", 2.0)};
    QuestionResult numbered;
    numbered.passages = {hit(1, "y.md", 1.0)};
    CHECK(print_all({spaced, numbered}) == "my_id Q0 x 1 2.000000 kosh\n"
                                           "2 Q0 y 1 1.000000 kosh\n");
}
