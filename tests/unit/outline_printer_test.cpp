// Tests for format_outline: the heading tree kosh outline prints.
#include "output/outline_printer.h"

#include <catch2/catch.hpp>

using kosh::Document;

TEST_CASE("format_outline indents two spaces per level", "[output]")
{
    Document document;
    document.title = "Guide";
    document.headings = {{"Guide", 1, 1}, {"Setup", 2, 3}, {"Linux", 3, 5}, {"Deep", 5, 7}, {"Usage", 2, 9}};
    CHECK(kosh::format_outline(document) == "Guide\n  Setup\n    Linux\n        Deep\n  Usage\n");

    SECTION("without a level-1 heading the title comes first")
    {
        document.title = "guide";
        document.headings.erase(document.headings.begin());
        CHECK(kosh::format_outline(document) == "guide\n  Setup\n    Linux\n        Deep\n  Usage\n");
    }
    SECTION("an empty document prints its title")
    {
        document.headings.clear();
        CHECK(kosh::format_outline(document) == "Guide\n");
    }
    SECTION("a title from a file name with line breaks or tabs stays on one line")
    {
        document.headings.clear();
        document.title = "new\nline\r\tname";
        CHECK(kosh::format_outline(document) == "new line  name\n");
    }
}
