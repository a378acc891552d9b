// Tests for placing a PDF's bookmarks on its lines and for judging its Title metadata.
#include "parse/pdf_outline.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using namespace kosh::pdf;

namespace {

std::vector<std::string_view> views(const std::vector<std::string>& lines)
{
    return {lines.begin(), lines.end()};
}

} // namespace

TEST_CASE("heading_key drops section numbers, case and extra spaces", "[pdf]")
{
    CHECK(heading_key("2.3  Installing   Widgets") == "installing widgets");
    CHECK(heading_key("2.3. Installing widgets") == "installing widgets");
    CHECK(heading_key("Chapter 4 Installing") == "installing");
    CHECK(heading_key("Appendix B: Tables") == "tables");
    CHECK(heading_key("IV. Results") == "results");
    CHECK(heading_key("Chapter about widgets") == "chapter about widgets"); // "about" is no number
    CHECK(heading_key("Chapter 4") == "chapter 4");                         // nothing else to keep
    CHECK(heading_key("A Tour of Widgets") == "a tour of widgets");
}

TEST_CASE("bookmarks are found in order, after the previous one, table of contents skipped", "[pdf]")
{
    const std::vector<std::string> lines{
        "Contents",                        // 0
        "Installing ........ 3",           // 1: a contents line, not the heading
        "Configuring ....... 5",           // 2
        "1 Installing",                    // 3
        "Unpack the archive.",             // 4
        "Configuring is described later.", // 5
        "2 CONFIGURING",                   // 6
        "Edit the file.",                  // 7
    };
    const std::vector<Bookmark> bookmarks{{"Installing", 1}, {"Configuring", 1}, {"Missing section", 2}};
    const auto placed = place_bookmarks(bookmarks, views(lines));
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].bookmark == 0);
    CHECK(placed[0].line == 3);
    CHECK(placed[1].bookmark == 1);
    CHECK(placed[1].line == 6);
}

TEST_CASE("of two bookmarks found in the opposite order, only one is placed", "[pdf]")
{
    const std::vector<std::string> lines{"Configuring", "text", "Installing", "text"};
    const auto placed = place_bookmarks({{"Installing", 1}, {"Configuring", 1}}, views(lines));
    REQUIRE(placed.size() == 1);
}

TEST_CASE("one title found far ahead of its place costs that bookmark only", "[pdf]")
{
    // "Column" stands nowhere as a heading, but "1 column" does, late; greedy placement would
    // take it and lose every bookmark between.
    std::vector<std::string> lines{"Functions", "Intro text."};
    std::vector<Bookmark> bookmarks{{"Functions", 1}, {"Column", 2}};
    for (const char* name : {"Exp", "Log", "Sqrt", "Sin", "Cos"}) {
        lines.emplace_back(name);
        lines.emplace_back("What it computes.");
        bookmarks.push_back({name, 2});
    }
    lines.emplace_back("1 column");
    const auto placed = place_bookmarks(bookmarks, views(lines));
    REQUIRE(placed.size() == 6);
    CHECK(placed[0].bookmark == 0);
    for (std::size_t i = 1; i < placed.size(); ++i) {
        CHECK(placed[i].bookmark == i + 1); // "Column" left out
        CHECK(placed[i].line == 2 * i);
    }
}

TEST_CASE("a heading set on two lines matches its bookmark; blank lines never do", "[pdf]")
{
    const std::vector<std::string> lines{"", "Chapter 4", "Configuring widgets", "Text."};
    const auto placed = place_bookmarks({{"Chapter 4 Configuring Widgets", 1}, {"", 1}}, views(lines));
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].line == 1);
    CHECK(placed[0].span == 2);
}

TEST_CASE("the same title twice takes two successive lines", "[pdf]")
{
    const std::vector<std::string> lines{"Examples", "a", "Examples", "b"};
    const auto placed = place_bookmarks({{"Examples", 2}, {"Examples", 2}}, views(lines));
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].line == 0);
    CHECK(placed[1].line == 2);
}

TEST_CASE("clean_pdf_title keeps real titles and drops placeholders", "[pdf]")
{
    CHECK(clean_pdf_title("  The Widget\n Handbook ") == "The Widget Handbook");
    CHECK(clean_pdf_title("Microsoft Word - report.doc") == "report");
    CHECK(clean_pdf_title("Microsoft Word - Annual Report") == "Annual Report");
    CHECK(clean_pdf_title("untitled").empty());
    CHECK(clean_pdf_title("Untitled Document").empty());
    CHECK(clean_pdf_title("main.dvi").empty());
    CHECK(clean_pdf_title("").empty());
    CHECK(clean_pdf_title("Version 2.0") == "Version 2.0");
}
