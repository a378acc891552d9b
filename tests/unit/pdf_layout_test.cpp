// Tests for the PDF reader's page rules: running headers, paragraph ends, line-end hyphens.
#include "parse/pdf_layout.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kosh::pdf;

namespace {

const char* const k_animals[] = {"okapi", "quokka", "walrus", "marmoset", "tapir", "ibex", "lemur", "dingo"};

/// A page with a header, three body lines that differ from page to page, and a footer.
std::vector<std::string> page(int number, const std::string& header = "GNU Widget Manual")
{
    const std::string animal = k_animals[number % 8];
    return {header,
            "",
            "The " + animal + " is the subject of this page.",
            "A second line on the " + animal + ".",
            "Closing thought: " + animal + "s are rare",
            "",
            "Page " + std::to_string(number) + " of 40"};
}

} // namespace

TEST_CASE("running_line_key ignores digits, case and spacing", "[pdf]")
{
    CHECK(running_line_key("Page 12 of 40") == running_line_key("page  3 of 40"));
    CHECK(running_line_key("GNU Octave Manual   345") == "gnu octave manual #");
    CHECK(running_line_key("Intro") != running_line_key("Outro"));
}

TEST_CASE("headers and footers that recur on most pages are running lines", "[pdf]")
{
    PageLines pages;
    for (int p = 1; p <= 6; ++p) {
        pages.push_back(page(p));
    }
    const auto running = find_running_lines(pages);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        CHECK(running[p][0]); // header
        CHECK(running[p][6]); // "Page N of 40"
        CHECK_FALSE(running[p][2]);
        CHECK_FALSE(running[p][3]);
        CHECK_FALSE(running[p][4]);
    }
}

TEST_CASE("a line on one page in three is not a running line, nor lines deep inside a page", "[pdf]")
{
    PageLines pages;
    for (int p = 1; p <= 6; ++p) {
        pages.push_back(page(p, p % 3 == 0 ? "Warning" : "Header " + std::string(1, static_cast<char>('a' + p))));
    }
    // The same sentence in the middle of every page is text, not a header.
    for (auto& lines : pages) {
        lines.insert(lines.begin() + 3, "Keep the lid closed.");
        lines.insert(lines.begin() + 3, "Filler line above.");
        lines.insert(lines.begin() + 3, "Another filler line.");
    }
    const auto running = find_running_lines(pages);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        CHECK_FALSE(running[p][0]);
        CHECK_FALSE(running[p][5]); // "Keep the lid closed." is the fourth non-blank line
        CHECK(running[p].back());   // the page footer still is one
    }
}

TEST_CASE("alternating headers on odd and even pages are running lines", "[pdf]")
{
    PageLines pages;
    for (int p = 1; p <= 8; ++p) {
        pages.push_back(page(p, p % 2 == 1 ? "Chapter title" : "Book title"));
    }
    const auto running = find_running_lines(pages);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        CHECK(running[p][0]);
    }
}

TEST_CASE("a chapter's own header on every other page of that chapter is a running line", "[pdf]")
{
    // Eighteen pages: the book's title heads the odd pages; the even pages carry their chapter's
    // name, which changes every six pages, so none stands on more than half of the even pages.
    PageLines pages;
    for (int p = 1; p <= 18; ++p) {
        const std::string chapter = "Chapter " + std::to_string((p - 1) / 6 + 1) + ": " + k_animals[(p - 1) / 6];
        pages.push_back(page(p, p % 2 == 1 ? "Widget Handbook" : chapter));
    }
    // One line of text that happens to open three pages far apart stays text.
    pages[1].insert(pages[1].begin() + 1, "See the table below.");
    pages[9].insert(pages[9].begin() + 1, "See the table below.");
    pages[15].insert(pages[15].begin() + 1, "See the table below.");
    const auto running = find_running_lines(pages);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        INFO("page " << p + 1);
        CHECK(running[p][0]);
    }
    CHECK_FALSE(running[1][1]);
    CHECK_FALSE(running[9][1]);
}

TEST_CASE("a contents line is a title, a dot leader and a page number", "[pdf]")
{
    CHECK(is_contents_entry("2.3.2 Static linking with COBOL programs . . . . . . . . . . 12"));
    CHECK(is_contents_entry("Introduction.................................... 3"));
    CHECK(is_contents_entry("  Preface . . . . . . . . xiv"));
    CHECK(is_contents_entry("Build target. . . . . . . . . . 2"));
    CHECK_FALSE(is_contents_entry("The value is 3."));
    CHECK_FALSE(is_contents_entry("Wait... 10 minutes later it was done"));
    CHECK_FALSE(is_contents_entry(". . . . 12")); // no title before the leader
    CHECK_FALSE(is_contents_entry("Chapter 4 ... 12"));
    CHECK_FALSE(is_contents_entry("a topic"));
}

TEST_CASE("documents under four pages have no running lines", "[pdf]")
{
    const PageLines pages{page(1), page(2), page(3)};
    for (const auto& lines : find_running_lines(pages)) {
        for (bool running : lines) {
            CHECK_FALSE(running);
        }
    }
}

TEST_CASE("a short line on a sentence end before a capital ends a paragraph", "[pdf]")
{
    CHECK(ends_paragraph("the end of it.", "Next paragraph", 60));
    CHECK(ends_paragraph("a list follows:", "\u2022 first item", 60));
    CHECK(ends_paragraph("he said \"stop.\"", "Then", 60));
    CHECK_FALSE(ends_paragraph("the end of it.", "and more", 60));                     // lower case goes on
    CHECK_FALSE(ends_paragraph("a full line that ends a sentence here.", "Next", 40)); // not short
    CHECK_FALSE(ends_paragraph("no sentence end", "Next", 60));
}

TEST_CASE("a word hyphenated at a line end is joined on the first line", "[pdf]")
{
    WordSet words;
    std::vector<std::string> lines{"the docu-", "ment is long, and", "well-", "known."};
    words.add_words("a well-known fact about a document");
    join_hyphenated_words(lines, words);
    CHECK(lines == std::vector<std::string>{"the document", "is long, and", "well-known.", ""});
}

TEST_CASE("a hyphen before a capital, a digit or a compound's word stays", "[pdf]")
{
    WordSet words;
    std::vector<std::string> lines{"the Anglo-", "Saxon era, in 1990-", "2000 a semi-", "detached house"};
    words.add_words("semi-detached houses");
    join_hyphenated_words(lines, words);
    CHECK(lines[0] == "the Anglo-");
    CHECK(lines[1] == "Saxon era, in 1990-");
    CHECK(lines[2] == "2000 a semi-detached");
    CHECK(lines[3] == "house");
}
