// Tests for the TSV printer: header, one row per passage, and field escaping.
#include "output/tsv_printer.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

namespace {

using namespace kosh;

const std::string k_header =
    "id\tquestion\trank\tscore\tpath\tlocation\ttitle\tsections\ttext\tanswer\tabsolute_path\tstale\n";

PassageHit make_hit(int rank, double score, std::string path, int line, std::string title,
                    std::vector<std::string> sections, std::string text)
{
    PassageHit hit;
    hit.rank = rank;
    hit.score = score;
    hit.path = std::move(path);
    hit.line = line;
    hit.last_line = line + 1;
    hit.title = std::move(title);
    hit.sections = std::move(sections);
    hit.text = std::move(text);
    return hit;
}

QuestionResult fox_result()
{
    QuestionResult result;
    result.id = "q1";
    result.question = "how do foxes hunt?";
    result.answer = Answer{"Foxes hunt alone.", "docs/animals.md", 12, 1, 0.82, {{0, 5}}, {}, {}, {}, 0, 0, {}};
    result.passages = {
        make_hit(1, 12.345678, "docs/animals.md", 10, "Animals", {"Foxes", "Hunting"}, "Foxes hunt alone."),
        make_hit(2, 3.0, "notes.txt", 1, "", {}, "A fox."),
    };
    return result;
}

std::string print_all(const std::vector<QuestionResult>& results, PrinterOptions options = {})
{
    options.format = OutputFormat::tsv;
    std::ostringstream out;
    TsvPrinter printer(out, options);
    printer.begin();
    for (const QuestionResult& result : results) {
        printer.print(result);
    }
    printer.finish();
    return out.str();
}

} // namespace

TEST_CASE("tsv_escape escapes separators and control characters", "[output]")
{
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {"", ""},
        {"plain text", "plain text"},
        {"a\tb", "a\\tb"},
        {"a\nb", "a\\nb"},
        {"a\r\nb", "a\\r\\nb"},
        {"back\\slash", "back\\\\slash"},
        {"\\t is not a tab", "\\\\t is not a tab"},
        {std::string("nul\0", 4), "nul\\x00"},
        {"\x1b[31mred", "\\x1b[31mred"},
        {"\x1b]0;title\x07", "\\x1b]0;title\\x07"},
        {"\x01\x1f\x7f", "\\x01\\x1f\\x7f"},
        {"caf\xC3\xA9 \xE6\x97\xA5 \xE2\x80\xBA", "caf\xC3\xA9 \xE6\x97\xA5 \xE2\x80\xBA"},
        {"bad\xFF"
         "byte",
         "bad\xEF\xBF\xBD"
         "byte"},
        {"\"quotes\" stay", "\"quotes\" stay"},
    };
    for (const Row& row : rows) {
        INFO("input: " << row.input);
        CHECK(kosh::tsv_escape(row.input) == row.expected);
    }
}

TEST_CASE("tsv prints a header and one row per passage", "[output]")
{
    CHECK(print_all({fox_result()}) ==
          k_header + "q1\thow do foxes hunt?\t1\t12.3457\tdocs/animals.md\t10\tAnimals\tFoxes \xE2\x80\xBA Hunting"
                     "\tFoxes hunt alone.\tFoxes hunt alone.\tdocs/animals.md\tfalse\n"
                     "q1\thow do foxes hunt?\t2\t3.0000\tnotes.txt\t1\t\t\tA fox.\t\tnotes.txt\tfalse\n");
}

TEST_CASE("tsv prints the header even with no questions", "[output]")
{
    CHECK(print_all({}) == k_header);
}

TEST_CASE("tsv gives a question without passages one row", "[output]")
{
    QuestionResult empty;
    empty.question = "anything?";
    QuestionResult failed;
    failed.id = "q3";
    failed.question = "bad (query";
    failed.error = "couldn't parse query";

    CHECK(print_all({empty, fox_result(), failed}) ==
          k_header + "\tanything?\t\t\t\t\t\t\t\t\t\t\n" +
              "q1\thow do foxes hunt?\t1\t12.3457\tdocs/animals.md\t10\tAnimals\tFoxes \xE2\x80\xBA Hunting"
              "\tFoxes hunt alone.\tFoxes hunt alone.\tdocs/animals.md\tfalse\n"
              "q1\thow do foxes hunt?\t2\t3.0000\tnotes.txt\t1\t\t\tA fox.\t\tnotes.txt\tfalse\n"
              "q3\tbad (query\t\t\t\t\t\t\t\t\t\t\n");
}

TEST_CASE("tsv leaves the answer column empty when the command picks no answer", "[output]")
{
    PrinterOptions options;
    options.show_answer = false;
    QuestionResult result = fox_result();
    result.passages.pop_back();
    CHECK(print_all({result}, options) ==
          k_header + "q1\thow do foxes hunt?\t1\t12.3457\tdocs/animals.md\t10\tAnimals\tFoxes \xE2\x80\xBA Hunting"
                     "\tFoxes hunt alone.\t\tdocs/animals.md\tfalse\n");
}

TEST_CASE("tsv escapes every field so each row keeps twelve columns", "[output]")
{
    QuestionResult result;
    result.id = "id\twith tab";
    result.question = "multi\nline?";
    result.answer = Answer{"Answer\twith\ttabs.", "p", 1, 1, 0.5, {}, {}, {}, {}, 0, 0, {}};
    result.passages = {make_hit(1, 1.0, "dir\\file.md", 4, "Title\r", {"A\tB", "C"}, "Para\none\x1b[0m.")};

    PrinterOptions options;
    options.color = Color::yes; // ignored: TSV never has colour
    const std::string out = print_all({result}, options);
    CHECK(out == k_header + "id\\twith tab\tmulti\\nline?\t1\t1.0000\tdir\\\\file.md\t4\tTitle\\r\tA\\tB \xE2\x80\xBA C"
                            "\tPara\\none\\x1b[0m.\tAnswer\\twith\\ttabs.\tdir\\\\file.md\tfalse\n");
    CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("tsv shows paths in the printer's forms, keeps the stored one, and marks stale hits", "[output]")
{
    PrinterOptions options;
    options.paths = kosh::PathForms{"/home/ann/work", "/home/ann", false};
    QuestionResult result;
    result.question = "q";
    result.passages = {make_hit(1, 1.0, "/home/ann/notes/a.md", 4, "A", {}, "Text."),
                       make_hit(2, 0.5, "/home/ann/work/b.md", 2, "B", {}, "More.")};
    result.passages[1].stale = true;
    CHECK(print_all({result}, options) ==
          k_header + "\tq\t1\t1.0000\t~/notes/a.md\t4\tA\t\tText.\t\t/home/ann/notes/a.md\tfalse\n"
                     "\tq\t2\t0.5000\tb.md\t2\tB\t\tMore.\t\t/home/ann/work/b.md\ttrue\n");
}
