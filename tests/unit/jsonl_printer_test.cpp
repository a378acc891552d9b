// Tests for the JSON Lines printer: exact lines for small results, escaping and offsets.
#include "output/jsonl_printer.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

namespace {

using namespace kosh;

QuestionResult fox_result()
{
    QuestionResult result;
    result.question = "how do foxes hunt?";
    result.answer =
        Answer{"Foxes hunt alone.", "docs/animals.md", 12, 1, 0.82, {{0, 5}, {6, 10}}, {}, {}, {}, 0, 0, {}};
    PassageHit first;
    first.rank = 1;
    first.score = 12.345678;
    first.path = "docs/animals.md";
    first.line = 10;
    first.last_line = 14;
    first.title = "Animals";
    first.sections = {"Foxes", "Hunting"};
    first.text = "Foxes hunt alone.";
    first.highlights = {{0, 5}, {6, 10}};
    first.format = "markdown";
    PassageHit second;
    second.rank = 2;
    second.score = 3.0;
    second.path = "notes.txt";
    second.line = 1;
    second.last_line = 1;
    second.text = "A fox.";
    second.highlights = {{2, 5}};
    second.format = "text";
    result.passages = {first, second};
    return result;
}

std::string print_all(const std::vector<QuestionResult>& results, PrinterOptions options = {})
{
    options.format = OutputFormat::json;
    std::ostringstream out;
    JsonlPrinter printer(out, options);
    printer.begin();
    for (const QuestionResult& result : results) {
        printer.print(result);
    }
    printer.finish();
    return out.str();
}

const std::string k_fox_line =
    R"({"question":"how do foxes hunt?",)"
    R"("answer":{"sentence":"Foxes hunt alone.","path":"docs/animals.md","absolute_path":"docs/animals.md","stale":false,"line":12,"location":"12","confidence":0.82,)"
    R"("passage_rank":1,"highlights":[[0,5],[6,10]]},)"
    R"("passages":[{"rank":1,"score":12.3457,"path":"docs/animals.md","absolute_path":"docs/animals.md","stale":false,"line":10,"last_line":14,"location":"10",)"
    R"("title":"Animals","sections":["Foxes","Hunting"],"text":"Foxes hunt alone.","highlights":[[0,5],[6,10]],)"
    R"("code":[],"format":"markdown","before":[],"after":[]},)"
    R"({"rank":2,"score":3.0,"path":"notes.txt","absolute_path":"notes.txt","stale":false,"line":1,"last_line":1,"location":"1",)"
    R"("title":"","sections":[],"text":"A fox.","highlights":[[2,5]],"code":[],"format":"text","before":[],"after":[]}]})"
    "\n";

} // namespace

TEST_CASE("jsonl prints one object per question with keys in order", "[output]")
{
    CHECK(print_all({fox_result()}) == k_fox_line);
}

TEST_CASE("jsonl prints id only when set and error only when set", "[output]")
{
    QuestionResult empty;
    empty.id = "q2";
    empty.question = "anything?";
    QuestionResult failed;
    failed.id = "q3";
    failed.question = "bad (query";
    failed.error = "couldn't parse query: unbalanced (";

    CHECK(print_all({fox_result(), empty, failed}) ==
          k_fox_line + R"({"id":"q2","question":"anything?","answer":null,"passages":[]})"
                       "\n"
                       R"({"id":"q3","question":"bad (query","answer":null,"passages":[],)"
                       R"("error":"couldn't parse query: unbalanced ("})"
                       "\n");
}

TEST_CASE("jsonl writes a null answer when the command picks none", "[output]")
{
    QuestionResult result = fox_result();
    result.passages.clear();

    SECTION("show_answer is false")
    {
        PrinterOptions options;
        options.show_answer = false;
        CHECK(print_all({result}, options) == R"({"question":"how do foxes hunt?","answer":null,"passages":[]})"
                                              "\n");
    }
    SECTION("the sentence is empty")
    {
        result.answer->sentence.clear();
        CHECK(print_all({result}) == R"({"question":"how do foxes hunt?","answer":null,"passages":[]})"
                                     "\n");
    }
}

TEST_CASE("jsonl escapes document text and never writes colour", "[output]")
{
    QuestionResult result;
    result.id = "tab\tid";
    result.question = "\"quoted\" \\ question";
    PassageHit hit;
    hit.rank = 1;
    hit.score = 1.0;
    hit.path = "dir/\x1b[31mevil.md";
    hit.line = 2;
    hit.last_line = 3;
    hit.title = "T\x1b]0;title\x07";
    hit.sections = {"line\nbreak", "cr\r"};
    hit.text = std::string("nul\0 and del\x7f", 13);
    result.passages = {hit};

    PrinterOptions options;
    options.color = Color::yes; // ignored: JSON never has colour
    const std::string out = print_all({result}, options);
    CHECK(
        out ==
        R"({"id":"tab\tid","question":"\"quoted\" \\ question","answer":null,)"
        R"("passages":[{"rank":1,"score":1.0,"path":"dir/\u001b[31mevil.md","absolute_path":"dir/\u001b[31mevil.md","stale":false,"line":2,"last_line":3,"location":"2",)"
        R"("title":"T\u001b]0;title\u0007","sections":["line\nbreak","cr\r"],)"
        R"("text":"nul\u0000 and del\u007f","highlights":[],"code":[],"format":"","before":[],"after":[]}]})"
        "\n");
    CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("jsonl keeps highlights on the same characters when invalid UTF-8 is replaced", "[output]")
{
    QuestionResult result;
    result.question = "fox";
    PassageHit hit;
    hit.rank = 1;
    hit.text = "\xFF"
               "fox \xC3\xA9 fox"; // bad byte, then "fox é fox"
    hit.highlights = {{1, 4}, {8, 11}};
    result.passages = {hit};

    // U+FFFD takes three bytes where the bad byte took one, so both spans move by two.
    CHECK(
        print_all({result}) ==
        R"({"question":"fox","answer":null,"passages":[{"rank":1,"score":0.0,"path":"","absolute_path":"","stale":false,"line":0,)"
        R"("last_line":0,"location":"0","title":"","sections":[],"text":"\ufffdfox )"
        "\xC3\xA9"
        R"( fox",)"
        R"("highlights":[[3,6],[10,13]],"code":[],"format":"","before":[],"after":[]}]})"
        "\n");
}

TEST_CASE("jsonl writes a withheld answer as null with its confidence beside it", "[output]")
{
    QuestionResult result = fox_result();
    result.withheld_answer = std::move(result.answer);
    result.answer.reset();
    const std::string line = print_all({result});
    CHECK(line.find(R"("answer":null,"answer_confidence":0.82,"passages":[)") != std::string::npos);
    CHECK(line.find("Foxes hunt alone.\",\"path\"") == std::string::npos); // the sentence is not printed as an answer
}

TEST_CASE("jsonl writes an explain object after the passages", "[output]")
{
    QuestionResult result = fox_result();
    Explanation explanation;
    explanation.query = "fox hunt";
    explanation.terms = {{"fox", 1.5}, {"hunt", 2.0}};
    explanation.heading_weight = 2;
    explanation.title_weight = 3;
    explanation.best_coverage = 1.0;
    explanation.min_coverage = 0.3;
    PassageExplanation passage;
    passage.rank = 1;
    passage.score = 3.0;
    passage.terms = {{"fox", 1.0, 0.5, 0.0}, {"hunt", 1.5, 0.0, 0.0}};
    explanation.passages = {passage};
    result.explanation = explanation;
    result.answer->asked_for = "any";
    result.answer->score = {1.0, 0.0, 0.25, 0.25, 1.0, 1.5};
    const std::string line = print_all({result});
    const std::string expected =
        R"(,"explain":{"query":"fox hunt","terms":[{"stem":"fox","weight":1.5},{"stem":"hunt","weight":2.0}],)"
        R"("field_weights":{"text":1.0,"headings":2.0,"title":3.0},"coverage":{"best":1.0,"min":0.3},)"
        R"("passages":[{"rank":1,"score":3.0,"terms":[{"term":"fox","text":1.0,"headings":0.5,"title":0.0,"total":1.5},)"
        R"({"term":"hunt","text":1.5,"headings":0.0,"title":0.0,"total":1.5}],"bonuses":[],"other":0.0}],)"
        R"("answer":{"asked_for":"any","passage_rank":1,"coverage":1.0,"support":0.0,"proximity":0.25,"rank":0.25,)"
        R"("type_factor":1.0,"score":1.5,"withheld":false,"confidence":{"value":0.82,"coverage":1.0,"margin":1.0,)"
        R"("passage_gap":0.757},"runner_up":null}}})"
        "\n";
    REQUIRE(line.size() > expected.size());
    CHECK(line.substr(line.size() - expected.size()) == expected);
}

TEST_CASE("jsonl writes rewrites only when there are some, each with its kind", "[output]")
{
    QuestionResult result;
    result.question = "zebra fox owl";
    result.rewrites = {Rewrite{Rewrite::Kind::most_terms, "(zebra AND fox) OR (fox AND owl)", true, 2, 3},
                       Rewrite{Rewrite::Kind::spelling, "zebra \"fox\" owl", false, 0, 0}};
    CHECK(print_all({result}) ==
          R"j({"question":"zebra fox owl","answer":null,"passages":[],"rewrites":[)j"
          R"j({"kind":"most_terms","query":"(zebra AND fox) OR (fox AND owl)","applied":true,"matched":2,"of":3},)j"
          R"j({"kind":"spelling","query":"zebra \"fox\" owl","applied":false}]})j"
          "\n");
    result.rewrites.clear();
    CHECK(print_all({result}).find("rewrites") == std::string::npos);
}

TEST_CASE("jsonl keeps a passage's line breaks and gives its code spans as decoded offsets", "[output]")
{
    QuestionResult result;
    result.question = "q";
    PassageHit hit;
    hit.rank = 1;
    hit.path = "a.md";
    hit.format = "markdown";
    // A byte of invalid UTF-8 before the code becomes U+FFFD (three bytes) for a JSON reader.
    hit.text = "Run \xFF:\n\n  make\n  ls";
    hit.code = {{8, 19}};
    result.passages = {hit};
    const std::string line = print_all({result});
    CHECK(
        line.find(
            R"("text":"Run \ufffd:\n\n  make\n  ls","highlights":[],"code":[[10,21]],"format":"markdown","before":[],"after":[]})") !=
        std::string::npos);
}

TEST_CASE("jsonl gives a PDF passage its page and an EPUB passage its chapter", "[output]")
{
    QuestionResult result;
    result.question = "install";
    PassageHit pdf;
    pdf.rank = 1;
    pdf.path = "m.pdf";
    pdf.line = 3;
    pdf.last_line = 4;
    pdf.page = 12;
    pdf.format = "pdf";
    PassageHit epub = pdf;
    epub.rank = 2;
    epub.path = "b.epub";
    epub.page = 0;
    epub.chapter = 2;
    epub.format = "epub";
    result.passages = {pdf, epub};
    const std::string out = print_all({result});
    CHECK(
        out.find(
            R"("path":"m.pdf","absolute_path":"m.pdf","stale":false,"line":3,"last_line":4,"page":12,"location":"p12","title")") !=
        std::string::npos);
    CHECK(
        out.find(
            R"("path":"b.epub","absolute_path":"b.epub","stale":false,"line":3,"last_line":4,"chapter":2,"location":"ch2:para3","title")") !=
        std::string::npos);
}

TEST_CASE("jsonl prints the path as shown, the stored absolute path, and whether the file is stale", "[output]")
{
    PrinterOptions options;
    options.paths = kosh::PathForms{"/home/ann/work", "/home/ann", false};
    QuestionResult result;
    result.question = "q";
    kosh::PassageHit hit;
    hit.rank = 1;
    hit.path = "/home/ann/notes/a.md";
    hit.stale = true;
    result.passages = {hit};
    const std::string out = print_all({result}, options);
    CHECK(out.find(R"("path":"~/notes/a.md","absolute_path":"/home/ann/notes/a.md","stale":true,)") !=
          std::string::npos);
    options.paths.absolute = true;
    CHECK(print_all({result}, options).find(R"("path":"/home/ann/notes/a.md","absolute_path")") != std::string::npos);
}
