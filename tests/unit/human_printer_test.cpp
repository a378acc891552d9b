// Tests for the text printer: exact layout, batch headers, colour, sanitizing and wrapping.
#include "output/human_printer.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

namespace {

using namespace kosh;

#define SEP " \xE2\x80\xBA " // " › "
#define FFFD "\xEF\xBF\xBD"  // U+FFFD

// The escape codes fmt writes for the styles the printer uses.
const std::string k_reset = "\x1b[0m";
const std::string k_bold = "\x1b[1m";
const std::string k_faint = "\x1b[2m";
const std::string k_red = "\x1b[31m";
const std::string k_green = "\x1b[32m";
const std::string k_yellow = "\x1b[33m";
const std::string k_magenta = "\x1b[35m";
const std::string k_cyan = "\x1b[36m";

PassageHit make_hit(int rank, std::string path, int line, std::string title, std::vector<std::string> sections,
                    std::string text, std::vector<ByteSpan> highlights = {})
{
    PassageHit hit;
    hit.rank = rank;
    hit.score = 1.0;
    hit.path = std::move(path);
    hit.line = line;
    hit.last_line = line;
    hit.title = std::move(title);
    hit.sections = std::move(sections);
    hit.text = std::move(text);
    hit.highlights = std::move(highlights);
    return hit;
}

QuestionResult fox_result()
{
    QuestionResult result;
    result.id = "q1";
    result.question = "how do foxes hunt?";
    result.answer =
        Answer{"Foxes hunt alone.", "docs/animals.md", 12, 1, 0.82, {{0, 5}, {6, 10}}, {}, {}, {}, 0, 0, {}};
    result.passages = {
        make_hit(1, "docs/animals.md", 10, "Animals", {"Foxes", "Hunting"}, "Foxes hunt alone.\nThey eat  mice.",
                 {{0, 5}, {6, 10}}),
        make_hit(2, "notes.txt", 1, "", {}, "A fox."),
    };
    return result;
}

const std::string k_fox_text = "Answer: Foxes hunt alone.\n"
                               "        docs/animals.md:12 (confidence 0.82)\n"
                               "\n"
                               "1. Animals" SEP "Foxes" SEP "Hunting\n"
                               "   docs/animals.md:10\n"
                               "   Foxes hunt alone. They eat mice.\n"
                               "\n"
                               "2. notes.txt:1\n"
                               "   A fox.\n";

QuestionResult empty_result(std::string id, std::string question)
{
    QuestionResult result;
    result.id = std::move(id);
    result.question = std::move(question);
    return result;
}

std::string print_all(const std::vector<QuestionResult>& results, PrinterOptions options = {})
{
    std::ostringstream out;
    HumanPrinter printer(out, options);
    printer.begin();
    for (const QuestionResult& result : results) {
        printer.print(result);
    }
    printer.finish();
    return out.str();
}

} // namespace

TEST_CASE("text prints the answer, then numbered passages", "[output]")
{
    CHECK(print_all({fox_result()}) == k_fox_text);
}

TEST_CASE("text omits the answer block for search or when there is no sentence", "[output]")
{
    const std::string passages_only = "1. Animals" SEP "Foxes" SEP "Hunting\n"
                                      "   docs/animals.md:10\n"
                                      "   Foxes hunt alone. They eat mice.\n"
                                      "\n"
                                      "2. notes.txt:1\n"
                                      "   A fox.\n";
    QuestionResult result = fox_result();
    SECTION("show_answer is false")
    {
        PrinterOptions options;
        options.show_answer = false;
        CHECK(print_all({result}, options) == passages_only);
    }
    SECTION("no answer")
    {
        result.answer.reset();
        CHECK(print_all({result}) == passages_only);
    }
    SECTION("empty sentence")
    {
        result.answer->sentence.clear();
        CHECK(print_all({result}) == passages_only);
    }
}

TEST_CASE("text says so when nothing was found", "[output]")
{
    CHECK(print_all({empty_result("", "anything?")}) == "No passages found.\n");
}

TEST_CASE("text prints a batch question's error in place of its results, and one question's nowhere", "[output]")
{
    QuestionResult result = fox_result();
    result.error = "couldn't parse query: unbalanced (";
    PrinterOptions batch;
    batch.batch = true;
    CHECK(print_all({result}, batch) == "[q1] how do foxes hunt?\nerror: couldn't parse query: unbalanced (\n");
    // Standard error already has it (cli/session.cpp): printed twice, it would read as two errors.
    CHECK(print_all({result}).empty());
}

TEST_CASE("text labels each question of a batch and separates them", "[output]")
{
    PrinterOptions options;
    options.batch = true;
    QuestionResult failed = empty_result("", "bad (query");
    failed.error = "couldn't parse query";

    CHECK(print_all({fox_result(), empty_result("", "anything?"), failed}, options) ==
          "[q1] how do foxes hunt?\n" + k_fox_text +
              "\n"
              "Q: anything?\n"
              "No passages found.\n"
              "\n"
              "Q: bad (query\n"
              "error: couldn't parse query\n");
}

TEST_CASE("text separates results with a blank line even outside a batch", "[output]")
{
    CHECK(print_all({empty_result("", "a"), empty_result("", "b")}) == "No passages found.\n\nNo passages found.\n");
}

TEST_CASE("text colours headings, locations and query terms when asked", "[output]")
{
    PrinterOptions options;
    options.color = Color::yes;
    options.batch = true;
    QuestionResult failed = empty_result("", "bad");
    failed.error = "oops";

    const std::string fox = k_bold + k_yellow + "Foxes" + k_reset;
    const std::string hunt = k_bold + k_yellow + "hunt" + k_reset;
    CHECK(print_all({fox_result(), failed}, options) ==
          k_bold + "[q1] how do foxes hunt?" + k_reset + "\n" + k_bold + k_green + "Answer:" + k_reset + " " + fox +
              " " + hunt + " alone.\n" + "        " + k_magenta + "docs/animals.md" + k_reset + ":" + k_green + "12" +
              k_reset + " " + k_faint + "(confidence 0.82)" + k_reset + "\n" + "\n" + "1. " + k_bold + k_cyan +
              "Animals" SEP "Foxes" SEP "Hunting" + k_reset + "\n" + "   " + k_magenta + "docs/animals.md" + k_reset +
              ":" + k_green + "10" + k_reset + "\n" + "   " + fox + " " + hunt + " alone. They eat mice.\n" + "\n" +
              "2. " + k_magenta + "notes.txt" + k_reset + ":" + k_green + "1" + k_reset + "\n" + "   A fox.\n" + "\n" +
              k_bold + "Q: bad" + k_reset + "\n" + k_bold + k_red + "error:" + k_reset + " oops\n");
}

TEST_CASE("text highlights part of a word", "[output]")
{
    PrinterOptions options;
    options.color = Color::yes;
    QuestionResult result = empty_result("", "fox");
    result.passages = {make_hit(1, "a", 1, "", {}, "foxes", {{0, 3}})};
    CHECK(print_all({result}, options) == "1. " + k_magenta + "a" + k_reset + ":" + k_green + "1" + k_reset + "\n" +
                                              "   " + k_bold + k_yellow + "fox" + k_reset + "es\n");
}

TEST_CASE("text tolerates highlight spans out of range or out of order", "[output]")
{
    QuestionResult result = empty_result("", "fox");
    result.passages = {make_hit(1, "a", 1, "", {}, "a fox", {{2, 5}, {0, 1}, {4, 99}, {50, 60}, {3, 2}})};
    CHECK(print_all({result}) == "1. a:1\n   a fox\n");
}

TEST_CASE("text without colour writes no escape codes, even from hostile documents", "[output]")
{
    // One-line fields (question, heading, path) collapse whitespace first, so "\r" there is a space.
    QuestionResult result;
    result.id = "id\x1b[2J";
    result.question = "what\x1b]0;pwned\x07?";
    result.answer = Answer{"Sentence \x1b[31mred\x1b[0m.", "p\x1b.md", 3, 1, 0.5, {}, {}, {}, {}, 0, 0, {}};
    result.passages = {make_hit(1, "dir/\x1b[1mevil.md", 4, "Title\x1b]0;title\x07", {"over\rwrite", "c1\xC2\x9B"},
                                std::string("nul\0 del\x7f bad\xFF end", 18))};
    PrinterOptions options;
    options.batch = true;
    const std::string out = print_all({result}, options);
    CHECK(out == "[id" FFFD "[2J] what" FFFD "]0;pwned" FFFD "?\n"
                 "Answer: Sentence " FFFD "[31mred" FFFD "[0m.\n"
                 "        p" FFFD ".md:3 (confidence 0.50)\n"
                 "\n"
                 "1. Title" FFFD "]0;title" FFFD SEP "over write" SEP "c1" FFFD "\n"
                 "   dir/" FFFD "[1mevil.md:4\n"
                 "   nul" FFFD " del" FFFD " bad" FFFD " end\n");
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\r') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
}

TEST_CASE("text cuts highlights on the original bytes, then sanitizes each piece", "[output]")
{
    // The span covers "fox" after an escape sequence; sanitizing first would shift it.
    PrinterOptions options;
    options.color = Color::yes;
    QuestionResult result = empty_result("", "fox");
    result.passages = {make_hit(1, "a", 1, "", {}, "\x1b[31mfox", {{5, 8}})};
    CHECK(print_all({result}, options) == "1. " + k_magenta + "a" + k_reset + ":" + k_green + "1" + k_reset + "\n" +
                                              "   " FFFD "[31m" + k_bold + k_yellow + "fox" + k_reset + "\n");
}

TEST_CASE("text wraps passages at word boundaries by display width", "[output]")
{
    struct Row {
        const char* name;
        int width;
        std::string text;
        std::string expected_body; // the lines after the location line
    };
    const Row rows[] = {
        {"no wrapping", 0, "one two three four five six", "   one two three four five six\n"},
        {"fits exactly", 16, "one two three", "   one two three\n"},
        {"one over", 15, "one two three", "   one two\n   three\n"},
        {"several lines", 12, "aaa bbb ccc ddd eee", "   aaa bbb\n   ccc ddd\n   eee\n"},
        {"long word alone", 8, "a verylongword b", "   a\n   verylongword\n   b\n"},
        {"collapse whitespace", 0, "  a\n\n b\t\tc \r\n", "   a b c\n"},
        // Each CJK character takes two columns: 3 + 2*3 = 9, plus " " + 4 = 14 > 12.
        {"wide characters", 12, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E abcd",
         "   \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\n   abcd\n"},
        // "é" is one column though two bytes: "   café café" is 12 columns.
        {"accents are narrow", 12, "caf\xC3\xA9 caf\xC3\xA9", "   caf\xC3\xA9 caf\xC3\xA9\n"},
    };
    for (const Row& row : rows) {
        INFO(row.name);
        PrinterOptions options;
        options.width = row.width;
        QuestionResult result = empty_result("", "q");
        result.passages = {make_hit(1, "a", 1, "", {}, row.text)};
        CHECK(print_all({result}, options) == "1. a:1\n" + row.expected_body);
    }
}

TEST_CASE("text aligns wrapped lines under the label", "[output]")
{
    PrinterOptions options;
    options.width = 22;
    QuestionResult result = empty_result("", "q");
    result.answer = Answer{"Foxes hunt alone at dusk.", "a", 2, 10, 0.9, {}, {}, {}, {}, 0, 0, {}};
    result.passages = {make_hit(10, "a", 1, "T", {}, "one two three four five")};
    CHECK(print_all({result}, options) == "Answer: Foxes hunt\n"
                                          "        alone at dusk.\n"
                                          "        a:2\n"
                                          "        (confidence 0.90)\n"
                                          "\n"
                                          "10. T\n"
                                          "    a:1\n"
                                          "    one two three four\n"
                                          "    five\n");
}

TEST_CASE("text wraps with colour on by visible width only", "[output]")
{
    PrinterOptions options;
    options.width = 12;
    options.color = Color::yes;
    QuestionResult result = empty_result("", "q");
    result.passages = {make_hit(1, "a", 1, "", {}, "aaa bbb ccc", {{4, 7}})};
    CHECK(print_all({result}, options) == "1. " + k_magenta + "a" + k_reset + ":" + k_green + "1" + k_reset + "\n" +
                                              "   aaa " + k_bold + k_yellow + "bbb" + k_reset + "\n" + "   ccc\n");
}

TEST_CASE("text wraps heading paths after a separator or between words, never inside one", "[output]")
{
    struct Row {
        const char* name;
        int width;
        std::string title;
        std::vector<std::string> sections;
        std::string expected_heading; // the lines before the location line
    };
    const Row rows[] = {
        {"fits", 0, "Alpha", {"Beta gamma", "Delta"}, "1. Alpha" SEP "Beta gamma" SEP "Delta\n"},
        // "1. Alpha › Beta gamma ›" would be 23 columns.
        {"after a separator", 20, "Alpha", {"Beta gamma", "Delta"}, "1. Alpha" SEP "Beta\n   gamma" SEP "Delta\n"},
        {"between words", 13, "Alpha", {"Beta gamma"}, "1. Alpha" SEP "\n   Beta gamma\n"},
        {"a long word stays whole", 12, "Supercalifragilistic", {"x"}, "1. Supercalifragilistic" SEP "\n   x\n"},
        {"a separator never starts a line", 12, "abcdef", {"g"}, "1. abcdef" SEP "\n   g\n"},
    };
    for (const Row& row : rows) {
        INFO(row.name);
        PrinterOptions options;
        options.width = row.width;
        QuestionResult result = empty_result("", "q");
        result.passages = {make_hit(1, "a", 1, row.title, row.sections, "x")};
        std::string expected = row.expected_heading;
        // SEP ends in a space; a separator at the end of a line has none after it.
        for (std::size_t at = expected.find(SEP "\n"); at != std::string::npos; at = expected.find(SEP "\n")) {
            expected.erase(at + std::string(SEP).size() - 1, 1);
        }
        CHECK(print_all({result}, options) == expected + "   a:1\n   x\n");
    }
}

TEST_CASE("text wraps a location at the spaces of its path and keeps a long path whole", "[output]")
{
    PrinterOptions options;
    options.width = 14;
    QuestionResult result = empty_result("", "q");
    result.passages = {make_hit(1, "my docs/some file.md", 7, "", {}, "x"),
                       make_hit(2, "a/very/long/path/name.md", 3, "T", {}, "y")};
    CHECK(print_all({result}, options) == "1. my\n"
                                          "   docs/some\n"
                                          "   file.md:7\n"
                                          "   x\n"
                                          "\n"
                                          "2. T\n"
                                          "   a/very/long/path/name.md:3\n"
                                          "   y\n");
}

TEST_CASE("text moves the answer's confidence to a line of its own when it does not fit", "[output]")
{
    PrinterOptions options;
    options.width = 24;
    QuestionResult result = empty_result("", "q");
    result.answer = Answer{"Yes.", "docs/a.md", 2, 10, 0.9, {}, {}, {}, {}, 0, 0, {}};
    CHECK(print_all({result}, options) == "Answer: Yes.\n"
                                          "        docs/a.md:2\n"
                                          "        (confidence 0.90)\n"
                                          "\n"
                                          "No passages found.\n");
}

TEST_CASE("text wraps headings and locations by visible width, colouring each line", "[output]")
{
    PrinterOptions options;
    options.width = 21;
    options.color = Color::yes;
    QuestionResult result = empty_result("", "q");
    result.passages = {make_hit(1, "some dir/file.md", 4, "Alpha", {"Beta gamma", "Delta"}, "x")};
    CHECK(print_all({result}, options) == "1. " + k_bold + k_cyan + "Alpha" SEP "Beta" + k_reset + "\n   " + k_bold +
                                              k_cyan + "gamma" SEP "Delta" + k_reset + "\n   " + k_magenta +
                                              "some dir/file.md" + k_reset + ":" + k_green + "4" + k_reset +
                                              "\n   x\n");
}

TEST_CASE("text replaces a withheld answer with a note of its confidence", "[output]")
{
    QuestionResult result = fox_result();
    result.withheld_answer = std::move(result.answer);
    result.answer.reset();
    const std::string text = print_all({result});
    CHECK(text.rfind("No confident answer (best sentence: confidence 0.82).\n\n1. Animals", 0) == 0);
    CHECK(text.find("Answer:") == std::string::npos);
}

TEST_CASE("text prints the explain block after the passages, sanitized", "[output]")
{
    QuestionResult result = fox_result();
    Explanation explanation;
    explanation.query = "Query(fox\x1b[31m)";
    result.explanation = explanation;
    const std::string text = print_all({result});
    CHECK(text.rfind(
              k_fox_text +
                  "\nExplain:\n  query: Query(fox\xEF\xBF\xBD[31m)\n  proximity: no ranking bonus; answer sentence ",
              0) == 0);
}

TEST_CASE("text notes a rewrite before the results and a suggestion after them", "[output]")
{
    QuestionResult relaxed = fox_result();
    relaxed.answer.reset();
    relaxed.passages.resize(1);
    relaxed.rewrites = {
        Rewrite{Rewrite::Kind::most_terms, "(fox AND hunt) OR (fox AND owl) OR (hunt AND owl)", true, 2, 3},
        Rewrite{Rewrite::Kind::spelling, "fox hunt owl", false, 0, 0}};
    CHECK(print_all({relaxed}) == "relaxed: matched 2 of 3 words\n"
                                  "\n"
                                  "1. Animals" SEP "Foxes" SEP "Hunting\n"
                                  "   docs/animals.md:10\n"
                                  "   Foxes hunt alone. They eat mice.\n"
                                  "\n"
                                  "did you mean: fox hunt owl\n");

    QuestionResult any = empty_result("", "zebra fox");
    any.rewrites = {Rewrite{Rewrite::Kind::any_term, "zebra OR fox", true, 1, 2}};
    CHECK(print_all({any}).starts_with("relaxed: matched any of 2 words\n"));

    QuestionResult corrected = empty_result("", "foxs");
    corrected.rewrites = {Rewrite{Rewrite::Kind::spelling, "foxes", true, 0, 0}};
    CHECK(print_all({corrected}).starts_with("spelling: showing results for: foxes\n"));

    QuestionResult suggested = empty_result("", "sputnk orbit");
    suggested.rewrites = {Rewrite{Rewrite::Kind::spelling, "sputnik orbit", false, 0, 0}};
    CHECK(print_all({suggested}) == "No passages found.\n\ndid you mean: sputnik orbit\n");
}

TEST_CASE("text prints a passage's code as a block of lines under the prose, which still wraps", "[output]")
{
    PrinterOptions options;
    options.width = 20;
    QuestionResult result = empty_result("", "build");
    // Prose, an indented block (its shared indentation replaced, its inner indentation kept, a
    // blank line inside it kept, the blank lines around it dropped), then prose again.
    const std::string text = "Build the tool with these two commands:\n\n"
                             "    make all   # first\n\n      make install\t# then\n\n"
                             "and it is done.";
    const std::size_t code_begin = text.find("    make all");
    const std::size_t code_end = text.find("\n\nand");
    result.passages = {make_hit(1, "docs/b.md", 3, "B", {}, text)};
    result.passages[0].code = {{code_begin, code_end}};
    CHECK(print_all({result}, options) == "1. B\n"
                                          "   docs/b.md:3\n"
                                          "   Build the tool\n"
                                          "   with these two\n"
                                          "   commands:\n"
                                          "       make all   # first\n"
                                          "\n"
                                          "         make install  # then\n"
                                          "   and it is done.\n");

    SECTION("a passage that is all code, with a query term lit inside a line")
    {
        options.color = Color::yes;
        const std::string code = "x = fox(1)\n  y = 2";
        result.passages = {make_hit(1, "a", 1, "", {}, code, {{4, 7}})};
        result.passages[0].code = {{0, code.size()}};
        CHECK(print_all({result}, options) == "1. " + k_magenta + "a" + k_reset + ":" + k_green + "1" + k_reset + "\n" +
                                                  "       x = " + k_bold + k_yellow + "fox" + k_reset + "(1)\n" +
                                                  "         y = 2\n");
    }
    SECTION("control characters in code are sanitized like the rest")
    {
        result.passages = {make_hit(1, "a", 1, "", {}, "ok\x1b[2J")};
        result.passages[0].code = {{0, 6}};
        CHECK(print_all({result}) == "1. a:1\n       ok" FFFD "[2J\n");
    }
    SECTION("code spans out of range or overlapping are tolerated")
    {
        result.passages = {make_hit(1, "a", 1, "", {}, "a b\nc")};
        result.passages[0].code = {{4, 99}, {2, 1}, {4, 5}};
        CHECK(print_all({result}) == "1. a:1\n   a b\n       c\n");
    }
}

TEST_CASE("text shows a PDF's page, a DOCX paragraph and an EPUB chapter where a line would be", "[output]")
{
    QuestionResult result;
    result.question = "how do I install it?";
    result.answer = Answer{"Run the installer.", "manual.pdf", 3, 1, 0.7, {}, {}, {}, {}, 0, 0, {}};
    result.answer->page = 12;
    result.answer->format = "pdf";
    auto pdf = make_hit(1, "manual.pdf", 3, "Manual", {"Install"}, "Run the installer.");
    pdf.page = 12;
    pdf.format = "pdf";
    auto docx = make_hit(2, "report.docx", 7, "", {}, "Install it first.");
    docx.format = "docx";
    auto epub = make_hit(3, "book.epub", 4, "", {}, "Installing is easy.");
    epub.chapter = 3;
    epub.format = "epub";
    result.passages = {pdf, docx, epub};
    const std::string out = print_all({result});
    CHECK(out.find("manual.pdf:p12 (confidence 0.70)") != std::string::npos);
    CHECK(out.find("   manual.pdf:p12\n") != std::string::npos);
    CHECK(out.find("2. report.docx:para7\n") != std::string::npos);
    CHECK(out.find("3. book.epub:ch3:para4\n") != std::string::npos);
}
