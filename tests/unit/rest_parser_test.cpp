// Tests for the reStructuredText reader: sections by docutils' rules, the document title and
// subtitle, admonitions, code, dropped markup, tables, lists, broken adornments, deep nesting.
#include "output/outline_printer.h"
#include "parse/rest_parser.h"

#include "document_texts.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using kosh::Document;
using kosh::parse_rest;

namespace {

std::string outline_of(const std::string& text)
{
    return kosh::format_outline(parse_rest(text, "docs/page.rst"));
}

/// The paragraphs' texts of `text` parsed as reST.
std::vector<std::string> texts_of(const std::string& text)
{
    return paragraph_texts(parse_rest(text, "docs/page.rst"));
}

bool is_code(const kosh::Paragraph& paragraph)
{
    return paragraph.code.size() == 1 && paragraph.code[0].begin == 0 && paragraph.code[0].end == paragraph.text.size();
}

} // namespace

TEST_CASE("reST section levels follow the order in which adornment styles first appear", "[parse][rest]")
{
    // Two top-level sections: no document title, so they sit under the file name.
    const Document document = parse_rest("Alpha\n~~~~~\n\nText a.\n\nBeta\n####\n\nText b.\n\nGamma\n~~~~~\n\n"
                                         "Delta\n####\n\nEpsilon\n%%%%%%%\n\nText e.\n",
                                         "docs/levels.rst");
    CHECK(document.title == "levels");
    CHECK(kosh::format_outline(document) == "levels\n  Alpha\n    Beta\n  Gamma\n    Delta\n      Epsilon\n");
    REQUIRE(document.paragraphs.size() == 3);
    CHECK(document.paragraphs[1].sections == std::vector<std::string>{"Alpha", "Beta"});
    CHECK(document.paragraphs[2].sections == std::vector<std::string>{"Gamma", "Delta", "Epsilon"});
    CHECK(document.paragraphs[2].first_line == 20);
}

TEST_CASE("an overlined style differs from the same character underlined only", "[parse][rest]")
{
    CHECK(outline_of("=====\nOne\n=====\n\nA.\n\n=====\nTwo\n=====\n\nThree\n=====\n\nB.\n\n"
                     "=====\nFour\n=====\n") == "page\n  One\n  Two\n    Three\n  Four\n");
    // An inset title, overline and underline longer than it.
    CHECK(outline_of("------------\n  Inset  \n------------\n\nText.\n") == "Inset\n");
}

TEST_CASE("a lone top-level section is the document title, a lone section below it the subtitle", "[parse][rest]")
{
    const Document titled =
        parse_rest("======\n Tool\n======\n\nIntro.\n\nUsage\n=====\n\nUse it.\n\nMore\n====\n", "docs/tool.rst");
    CHECK(titled.title == "Tool");
    CHECK(kosh::format_outline(titled) == "Tool\n  Usage\n  More\n");
    CHECK(titled.headings[0].level == 1);
    CHECK(titled.headings[1].level == 2);

    // Title, then straight away a lone section: the subtitle. Its subsections rise beside it.
    const Document subtitled = parse_rest("Tool\n####\n\nA timer library\n*****************\n\nIntro.\n\n"
                                          "Install\n=======\n\nDeep\n----\n\nText.\n\nUse\n===\n",
                                          "docs/tool.rst");
    CHECK(kosh::format_outline(subtitled) == "Tool\n  A timer library\n  Install\n    Deep\n  Use\n");

    // Text between the title and its lone section: an ordinary section, not a subtitle.
    CHECK(outline_of("Tool\n####\n\nIntro.\n\nOnly child\n**********\n\nDeep\n====\n") ==
          "Tool\n  Only child\n    Deep\n");

    // Comments, targets and substitution definitions before the title do not count as text...
    CHECK(outline_of(".. SPDX-License-Identifier: GPL-2.0\n\n.. _label:\n\n.. |x| replace:: y\n\n"
                     "=====\nTitle\n=====\n\nSection\n=======\n") == "Title\n  Section\n");
    // ...nor does a badge image; a paragraph does.
    CHECK(outline_of(".. image:: badge.svg\n   :target: x\n\nTitle\n=====\n\nText.\n") == "Title\n");
    CHECK(outline_of("Some text first.\n\nTitle\n=====\n\nText.\n") == "page\n  Title\n");
    CHECK(outline_of(".. note:: At the margin, from a directive.\n\nTitle\n=====\n") == "Title\n");
    CHECK(outline_of("::\n\n  code\n\nTitle\n=====\n") == "Title\n");
    CHECK(outline_of("+---+\n| a |\n+---+\n\nTitle\n=====\n") == "page\n  Title\n");
    // Unlike docutils, text inside a directive and Sphinx's file-wide fields do not count.
    CHECK(outline_of(":orphan:\n:tocdepth: 2\n\nTitle\n=====\n") == "Title\n");
    CHECK(texts_of(":orphan:\n\nTitle\n=====\n\n:orphan: later is text\n") ==
          std::vector<std::string>{"orphan: later is text"});
    CHECK(outline_of(".. only:: html\n\n    .. note::\n\n        Download the example.\n\nTitle\n=====\n") ==
          "Title\n");
}

TEST_CASE("reST admonitions become their label and text", "[parse][rest]")
{
    CHECK(texts_of(".. note:: Keep it short.\n") == std::vector<std::string>{"Note: Keep it short."});
    CHECK(texts_of(".. warning::\n\n   Do not *ever*\n   do this.\n\n   Second paragraph.\n\nAfter.\n") ==
          std::vector<std::string>{"Warning: Do not ever\ndo this.", "Second paragraph.", "After."});
    CHECK(texts_of(".. tip::\n   :class: wide\n\n   Use ``-j1``.\n") == std::vector<std::string>{"Tip: Use -j1."});
    CHECK(texts_of(".. seealso:: Module :mod:`os`.\n") == std::vector<std::string>{"See also: Module os."});
    CHECK(texts_of(".. admonition:: Locked files\n\n   Close the editor.\n") ==
          std::vector<std::string>{"Locked files: Close the editor."});
    CHECK(texts_of(".. versionadded:: 3.2\n   The *flag* argument.\n") ==
          std::vector<std::string>{"New in version 3.2: The flag argument."});
    CHECK(texts_of(".. versionchanged:: 3.3 Accepts paths.\n") ==
          std::vector<std::string>{"Changed in version 3.3: Accepts paths."});
    CHECK(texts_of(".. deprecated:: 3.4\n\nNext.\n") ==
          std::vector<std::string>{"Deprecated since version 3.4.", "Next."});
    for (const char* name : {"important", "caution", "danger", "error", "hint", "attention"}) {
        const std::string label = std::string(1, static_cast<char>(name[0] - 'a' + 'A')) + (name + 1);
        CHECK(texts_of(std::string(".. ") + name + ":: Text.\n") == std::vector<std::string>{label + ": Text."});
    }
    // The admonition's line is not its paragraph's: the text starts where its body does.
    const Document document = parse_rest("Intro.\n\n.. note::\n\n   Body.\n", "a.rst");
    REQUIRE(document.paragraphs.size() == 2);
    CHECK(document.paragraphs[1].first_line == 5);
}

TEST_CASE("reST literal blocks keep their lines and the paragraph keeps one colon", "[parse][rest]")
{
    const Document document = parse_rest("Use a list::\n\n    a = [1,\n        2]\n\n    b = 3\n\nAfter.\n\n"
                                         "Spaced ::\n\n   x\n\n::\n\n   y\n",
                                         "a.rst");
    REQUIRE(document.paragraphs.size() == 6);
    CHECK(document.paragraphs[0].text == "Use a list:");
    CHECK(document.paragraphs[1].text == "a = [1,\n    2]\n\nb = 3");
    CHECK(is_code(document.paragraphs[1]));
    CHECK(document.paragraphs[1].first_line == 3);
    CHECK(document.paragraphs[1].last_line == 6);
    CHECK(document.paragraphs[2].text == "After.");
    CHECK(document.paragraphs[2].code.empty());
    CHECK(document.paragraphs[3].text == "Spaced");
    CHECK(document.paragraphs[4].text == "x");
    CHECK(document.paragraphs[5].text == "y"); // a lone "::" leaves no paragraph of its own
    CHECK(is_code(document.paragraphs[5]));

    // A quoted literal block: unindented lines that all start with the same character.
    CHECK(texts_of("Mail::\n\n> quoted\n> lines\n\nText.\n") ==
          std::vector<std::string>{"Mail:", "> quoted\n> lines", "Text."});
}

TEST_CASE("reST code directives and doctest blocks are code", "[parse][rest]")
{
    const Document document =
        parse_rest(".. code-block:: python\n   :linenos:\n\n   def f():\n       return 1\n\n.. code:: c\n\n\tint x;\n\n"
                   ".. sourcecode:: sh\n\n   make\n\n.. literalinclude:: example.py\n   :lines: 1-3\n\n"
                   ">>> 1 + 1\n2\n\nText.\n",
                   "a.rst");
    REQUIRE(document.paragraphs.size() == 5);
    CHECK(document.paragraphs[0].text == "def f():\n    return 1");
    CHECK(document.paragraphs[0].first_line == 4);
    CHECK(document.paragraphs[1].text == "int x;");
    CHECK(document.paragraphs[2].text == "make");
    CHECK(document.paragraphs[3].text == ">>> 1 + 1\n2");
    for (int i = 0; i < 4; ++i) {
        CHECK(is_code(document.paragraphs[i]));
    }
    CHECK(document.paragraphs[4].code.empty());
}

TEST_CASE("reST comments, targets and markup-only directives leave no text", "[parse][rest]")
{
    CHECK(texts_of(".. SPDX-License-Identifier: GPL-2.0\n\n.. This is a comment\n   over two lines.\n\n"
                   "..\n   A comment block.\n\n.. _label:\n\n.. _python: https://python.org\n\n"
                   "__ https://example.org\n\n.. |name| replace:: kosh\n\n.. toctree::\n   :maxdepth: 2\n\n   intro\n\n"
                   ".. index:: pair: a; b\n\n.. kernel-doc:: drivers/x.c\n   :export:\n\n.. include:: other.rst\n\n"
                   ".. raw:: html\n\n   <hr>\n\n.. image:: a.png\n\n.. contents::\n\n.. sectnum::\n\n"
                   ".. highlight:: c\n\n.. default-role:: code\n\n.. meta::\n   :keywords: a\n\n"
                   ".. autofunction:: os.open\n\n.. module:: os\n   :synopsis: OS things.\n\nOnly this.\n") ==
          std::vector<std::string>{"Only this."});
    // An empty comment ends what came before and owns nothing after a blank line.
    CHECK(texts_of("- item\n\n..\n\n   A block quote.\n") == std::vector<std::string>{"- item", "A block quote."});
}

TEST_CASE("reST directives whose body is text keep it", "[parse][rest]")
{
    CHECK(texts_of(".. only:: html\n\n   Shown in HTML.\n\n.. figure:: a.png\n   :alt: A\n\n   The caption.\n\n"
                   ".. container:: wide\n\n   Inside.\n\n.. rubric:: Footnotes\n\n.. [1] The note.\n") ==
          std::vector<std::string>{"Shown in HTML.", "The caption.", "Inside.", "Footnotes", "The note."});
    // A Sphinx object description: the signature is code, the body text.
    const Document document =
        parse_rest(".. function:: open(file, mode='r')\n              open(fd)\n   :noindex:\n\n   Open *file*.\n\n"
                   ".. c:function:: int widget_read(struct widget *w)\n\n   Reads it.\n",
                   "a.rst");
    REQUIRE(document.paragraphs.size() == 4);
    CHECK(document.paragraphs[0].text == "open(file, mode='r')\nopen(fd)");
    CHECK(is_code(document.paragraphs[0]));
    CHECK(document.paragraphs[1].text == "Open file.");
    CHECK(document.paragraphs[2].text == "int widget_read(struct widget *w)");
    CHECK(document.paragraphs[3].text == "Reads it.");
}

TEST_CASE("reST inline markup in paragraphs and titles becomes its text", "[parse][rest]")
{
    const Document document =
        parse_rest(":func:`os.open` --- low level\n=============================\n\n"
                   "Call :func:`open`, see :ref:`the guide <guide>` and :doc:`intro`, with ``literal`` and *em* and\n"
                   "**strong**, a `link <https://x.org>`_, `name`_, name_ and anonymous__ links, a note [1]_, |sub|,\n"
                   "|undefined| and \\*escaped\\* stars; :meth:`~io.Base.read` and :class:`!Plain`.\n\n"
                   ".. |sub| replace:: the *substituted* text\n",
                   "a.rst");
    CHECK(document.title == "os.open --- low level");
    REQUIRE(document.paragraphs.size() == 1);
    CHECK(document.paragraphs[0].text ==
          "Call open, see the guide and intro, with literal and em and\n"
          "strong, a link, name, name and anonymous links, a note, the substituted text,\n"
          "undefined and *escaped* stars; read and Plain.");
    // Markup that cannot be markup stays: arithmetic, snake_case, dunder names, a lone backtick.
    CHECK(texts_of("2 * 3 * 4, my_var, __init__, a ` b and (*) here.\n") ==
          std::vector<std::string>{"2 * 3 * 4, my_var, __init__, a ` b and (*) here."});
    // A reference split over two lines keeps both lines.
    const Document split = parse_rest("See `the long\ntitle <https://x.org>`_ now.\n", "a.rst");
    CHECK(split.paragraphs[0].text == "See the long\ntitle now.");
    CHECK(split.paragraphs[0].last_line == 2);
}

TEST_CASE("reST field lists are text, never headings", "[parse][rest]")
{
    const Document document = parse_rest(
        "Title\n=====\n\n:Author: Rusty Russell\n:Date: 2001\n:Abstract:\n   A long\n   abstract.\n\nBody.\n", "a.rst");
    CHECK(heading_texts(document) == std::vector<std::string>{"Title"});
    CHECK(paragraph_texts(document) ==
          std::vector<std::string>{"Author: Rusty Russell", "Date: 2001", "Abstract:\nA long\nabstract.", "Body."});
    // A role at the start of a line is not a field.
    CHECK(texts_of(":func:`open` opens.\n") == std::vector<std::string>{"open opens."});
}

TEST_CASE("reST tables are text, never headings", "[parse][rest]")
{
    const Document simple = parse_rest("Title\n=====\n\n=====  ========\nName   Meaning\n=====  ========\n"
                                       "``a``  First\nb      Second\n=====  ========\n\nAfter.\n",
                                       "a.rst");
    CHECK(heading_texts(simple) == std::vector<std::string>{"Title"});
    CHECK(paragraph_texts(simple) == std::vector<std::string>{"Name Meaning", "a First\nb Second", "After."});
    CHECK(simple.paragraphs[1].first_line == 7);

    const Document grid = parse_rest("Title\n=====\n\n+------+---------+\n| Code | Meaning |\n+======+=========+\n"
                                     "| 0    | fine    |\n| 1    | a|b     |\n+------+---------+\n\nAfter.\n",
                                     "a.rst");
    CHECK(heading_texts(grid) == std::vector<std::string>{"Title"});
    CHECK(paragraph_texts(grid) == std::vector<std::string>{"Code Meaning", "0 fine\n1 a|b", "After."});

    // A simple table with no bottom border: its top line goes, the rest reads as usual.
    CHECK(outline_of("Title\n=====\n\n=====  =====\na      b\n\nSection\n-------\n") == "Title\n  Section\n");
}

TEST_CASE("reST lists are paragraphs with their text", "[parse][rest]")
{
    CHECK(texts_of("- one\n- two\n  continued\n\n  Second paragraph.\n\n1. first\n2. second\n\n"
                   "term\n   Its definition.\n\n| line one\n| line two\n") ==
          std::vector<std::string>{"- one", "- two\ncontinued", "Second paragraph.", "1. first", "2. second",
                                   "term\nIts definition.", "line one\nline two"});
    // "2001. A year" followed by text is a paragraph, and may be a title.
    CHECK(outline_of("1. Introduction\n===============\n\nText.\n") == "1. Introduction\n");
    // A bullet line over a rule of dashes is a list item, not a title.
    CHECK(outline_of("- item\n------\n") == "page\n");
}

TEST_CASE("reST underlines: docutils' leniency, and broken adornments are text", "[parse][rest]")
{
    // Shorter than the title but four or more characters: docutils warns and takes it.
    CHECK(outline_of("A rather long title\n====\n\nText.\n") == "A rather long title\n");
    // Shorter than the title and under four: text.
    CHECK(texts_of("Long title\n===\n") == std::vector<std::string>{"Long title\n==="});
    // As long as the title in display columns: wide characters count two.
    CHECK(outline_of("\xE6\x97\xA5\xE6\x9C\xAC\n====\n") == "\xE6\x97\xA5\xE6\x9C\xAC\n");
    CHECK(outline_of("Ab\n--\n") == "Ab\n");
    // An overline with no matching underline: the title text stays as a paragraph.
    const Document unmatched = parse_rest("=======\nTitle\n-------\n\nText.\n", "a.rst");
    CHECK(unmatched.headings.empty());
    CHECK(paragraph_texts(unmatched) == std::vector<std::string>{"Title", "Text."});
    CHECK(paragraph_texts(parse_rest("=======\nTitle\nbody text\n", "a.rst")) ==
          std::vector<std::string>{"Title", "body text"});
    // A new style two levels down is inconsistent: docutils refuses it, its text stays.
    const Document inconsistent = parse_rest("Top\n===\n\nOne\n---\n\nA\n===\n\nBad\n~~~\n\nText.\n", "a.rst");
    CHECK(heading_texts(inconsistent) == std::vector<std::string>{"Top", "One", "A"});
    CHECK(paragraph_texts(inconsistent) == std::vector<std::string>{"Bad", "Text."});
    // A transition is no heading and no text.
    CHECK(texts_of("Before.\n\n----------\n\nAfter.\n") == std::vector<std::string>{"Before.", "After."});
    // A multi-line paragraph over a rule is one paragraph.
    CHECK(outline_of("Line one\nline two\n========\n") == "page\n");
    // Titles inside a directive's body are not sections.
    const Document nested = parse_rest(".. only:: html\n\n   Indices\n   =======\n\n   Text.\n", "a.rst");
    CHECK(nested.headings.empty());
    CHECK(paragraph_texts(nested) == std::vector<std::string>{"Indices", "Text."});
}

TEST_CASE("reST paragraphs carry their first and last source lines", "[parse][rest]")
{
    const Document document = parse_rest(".. comment\n\nTitle\n=====\n\nFirst line\nsecond line.\n\n\n"
                                         "- item\n  more\n\n.. note::\n\n   Noted.\n",
                                         "a.rst");
    REQUIRE(document.paragraphs.size() == 3);
    CHECK(document.headings[0].line == 3);
    CHECK(document.paragraphs[0].first_line == 6);
    CHECK(document.paragraphs[0].last_line == 7);
    CHECK(document.paragraphs[1].first_line == 10);
    CHECK(document.paragraphs[1].last_line == 11);
    CHECK(document.paragraphs[2].first_line == 15);
    CHECK(document.paragraphs[2].last_line == 15);
}

TEST_CASE("deeply nested reST parses in linear time without recursion", "[parse][rest]")
{
    std::string deep;
    for (int depth = 0; depth < 10000; ++depth) {
        deep += std::string(static_cast<std::size_t>(depth), ' ') + "- item\n\n";
    }
    std::string quotes;
    for (int depth = 0; depth < 10000; ++depth) {
        quotes += std::string(static_cast<std::size_t>(depth), ' ') + ".. note::\n\n";
    }
    const std::string stars = "x " + std::string(200000, '*');
    const std::string ticks = "x " + std::string(200000, '`');
    std::string mixed;
    for (int i = 0; i < 50000; ++i) {
        mixed += " *a :x:`b |c _d [e]";
    }
    const auto start = std::chrono::steady_clock::now();
    CHECK(parse_rest(deep, "a.rst").paragraphs.size() == 10000);
    CHECK(parse_rest(quotes, "a.rst").paragraphs.empty());
    CHECK(parse_rest(stars, "a.rst").paragraphs.size() == 1);
    CHECK(parse_rest(ticks, "a.rst").paragraphs.size() == 1);
    CHECK(parse_rest(mixed, "a.rst").paragraphs.size() == 1);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 5.0);
}
