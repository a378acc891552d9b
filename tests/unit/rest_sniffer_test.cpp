// Tests for telling reStructuredText .txt files from plain text, and the format each name gets.
#include "parse/format.h"
#include "parse/parser.h"
#include "parse/rest_sniffer.h"

#include <catch2/catch.hpp>

using kosh::detect_format;
using kosh::Format;
using kosh::looks_like_rest;

TEST_CASE("a directive, target or substitution alone makes a .txt file reST", "[parse][rest]")
{
    CHECK(looks_like_rest("Some text.\n\n.. note:: Careful.\n"));
    CHECK(looks_like_rest("Some text.\n\n.. code-block:: c\n\n   int x;\n"));
    CHECK(looks_like_rest(".. _intro:\n\nIntro\n"));
    CHECK(looks_like_rest("Text |x|.\n\n.. |x| replace:: y\n"));
    CHECK(looks_like_rest("Text.\n\n.. c:function:: int f(void)\n"));
}

TEST_CASE("a .txt file needs two kinds of reST evidence without a directive", "[parse][rest]")
{
    const std::string underlined = "Project\n=======\n\nSome text.\n\nInstall\n-------\n\nRun make.\n";
    // Underlined titles alone: a plain-text README.
    CHECK_FALSE(looks_like_rest(underlined));
    CHECK_FALSE(looks_like_rest("Just prose, with a colon: here.\nAnd a line.\n"));
    CHECK_FALSE(looks_like_rest("Title\n=====\n\nSee :: and `quotes' here.\n"));
    // Titles and one more kind.
    CHECK(looks_like_rest(underlined + "Call :func:`open` first.\n"));
    CHECK(looks_like_rest(underlined + "Run ``make install``.\n"));
    CHECK(looks_like_rest(underlined + "For example::\n\n    make\n"));
    CHECK(looks_like_rest(underlined + ".. a comment\n"));
    // Two kinds without titles.
    CHECK(looks_like_rest("Use ``x`` with :option:`--all`.\n"));
    CHECK_FALSE(looks_like_rest("Use ``x`` here.\n"));
    // Only the first 8 KiB count.
    CHECK_FALSE(looks_like_rest(std::string(9000, 'a') + "\n\n.. note:: x\n"));
}

TEST_CASE("file names and content choose the reST reader", "[parse][rest]")
{
    CHECK(detect_format("docs/a.rst", "plain") == Format::rest);
    CHECK(detect_format("docs/a.REST", "plain") == Format::rest);
    CHECK(detect_format("_sources/library/os.rst.txt", "plain") == Format::rest);
    CHECK(detect_format("html/_sources/intro.txt", "plain") == Format::rest);
    CHECK(detect_format("notes.txt", "Title\n=====\n\n.. note:: x\n") == Format::rest);
    CHECK(detect_format("README.txt", "Title\n=====\n\nPlain words.\n") == Format::text);
    CHECK(detect_format("notes.md", ".. note:: x\n") == Format::markdown);
    CHECK(kosh::format_name(Format::rest) == "rest");
    CHECK(kosh::parse_document("Title\n=====\n\nText.\n", "a.rst").format == "rest");
    CHECK(kosh::parse_document("Title\n=====\n\nText.\n", "a.txt").format == "text");
}
