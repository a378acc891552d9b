// Tests for QuestionReader: ids, comments, blank lines, BOM, CRLF and invalid lines in a batch.
#include "cli/question_reader.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

using kosh::cli::QuestionLine;
using kosh::cli::QuestionReader;

using namespace std::string_literals;

struct Expected {
    std::string id;
    std::string question;
    int line;
    std::string error;
};

std::vector<QuestionLine> read_all(const std::string& input)
{
    std::istringstream in(input);
    QuestionReader reader(in);
    std::vector<QuestionLine> lines;
    while (auto line = reader.next()) {
        lines.push_back(std::move(*line));
    }
    CHECK_FALSE(reader.next()); // stays at the end
    return lines;
}

void check_lines(const std::string& input, const std::vector<Expected>& expected)
{
    const auto lines = read_all(input);
    REQUIRE(lines.size() == expected.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO("entry " << i);
        CHECK(lines[i].id == expected[i].id);
        CHECK(lines[i].question == expected[i].question);
        CHECK(lines[i].line == expected[i].line);
        CHECK(lines[i].error == expected[i].error);
    }
}

} // namespace

TEST_CASE("QuestionReader reads one question a line with its line number", "[cli]")
{
    check_lines("What is Nepal?\nWho founded it?\n", {{"", "What is Nepal?", 1, ""}, {"", "Who founded it?", 2, ""}});
    check_lines("No newline at the end", {{"", "No newline at the end", 1, ""}});
    check_lines("  padded question  \n", {{"", "padded question", 1, ""}});
    check_lines("", {});
}

TEST_CASE("QuestionReader takes the text before the first tab as the id", "[cli]")
{
    check_lines("q1\tWhat is Nepal?\n", {{"q1", "What is Nepal?", 1, ""}});
    check_lines("  q7 \t  Where?  \n", {{"q7", "Where?", 1, ""}});
    check_lines("a\tb\tc\n", {{"a", "b\tc", 1, ""}});
    check_lines("\tNo id\n", {{"", "No id", 1, ""}});
    check_lines("q 1\tSpaces are part of the id\n", {{"q 1", "Spaces are part of the id", 1, ""}});
}

TEST_CASE("QuestionReader skips comments and blank lines but counts them", "[cli]")
{
    check_lines("# heading comment\n\nq1\tFirst?\n   \n\t\n  # indented comment\nSecond? # not a comment\n",
                {{"q1", "First?", 3, ""}, {"", "Second? # not a comment", 7, ""}});
    check_lines("#\n#\n\n", {});
}

TEST_CASE("QuestionReader drops a byte order mark on the first line only", "[cli]")
{
    check_lines("\xEF\xBB\xBFq1\tHello?\n", {{"q1", "Hello?", 1, ""}});
    check_lines("\xEF\xBB\xBF# comment\nQuestion?\n", {{"", "Question?", 2, ""}});
    check_lines("\xEF\xBB\xBF\nQuestion?\n", {{"", "Question?", 2, ""}});
    check_lines("First?\n\xEF\xBB\xBFSecond?\n", {{"", "First?", 1, ""}, {"", "\xEF\xBB\xBFSecond?", 2, ""}});
}

TEST_CASE("QuestionReader accepts CRLF line ends", "[cli]")
{
    check_lines("One?\r\nq2\tTwo?\r\n\r\n# c\r\nThree?\r\n",
                {{"", "One?", 1, ""}, {"q2", "Two?", 2, ""}, {"", "Three?", 5, ""}});
}

TEST_CASE("QuestionReader reports a line it cannot use and goes on to the next", "[cli]")
{
    SECTION("invalid UTF-8")
    {
        check_lines("ok?\nbad \xFF line\nq3\tnext?\n",
                    {{"", "ok?", 1, ""}, {"", "", 2, "line 2: invalid UTF-8"}, {"q3", "next?", 3, ""}});
    }
    SECTION("an id with no question")
    {
        check_lines("q1\t\nq2\tWhat?\n",
                    {{"q1", "", 1, "line 1: no question after the id 'q1'"}, {"q2", "What?", 2, ""}});
    }
    SECTION("invalid UTF-8 in the id keeps the id")
    {
        check_lines("\n\nq\xC3\tWhat?\n", {{"q\xC3", "", 3, "line 3: invalid UTF-8"}});
    }
    SECTION("a truncated sequence at the end of the input")
    {
        check_lines("Caf\xC3", {{"", "", 1, "line 1: invalid UTF-8"}});
    }
    SECTION("a NUL byte")
    {
        check_lines("a\0b\nfine\n"s, {{"", "", 1, "line 1: binary file (contains NUL bytes)"}, {"", "fine", 2, ""}});
    }
    SECTION("valid UTF-8 of any script is fine")
    {
        check_lines("\xE0\xA4\xA8\xE0\xA5\x87\xE0\xA4\xAA\xE0\xA4\xBE\xE0\xA4\xB2?\n",
                    {{"", "\xE0\xA4\xA8\xE0\xA5\x87\xE0\xA4\xAA\xE0\xA4\xBE\xE0\xA4\xB2?", 1, ""}});
    }
}
