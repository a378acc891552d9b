// Tests for the Markdown parser: headings, blocks, front matter, inline stripping, deep nesting.
#include "output/outline_printer.h"
#include "parse/markdown_inline.h"
#include "parse/markdown_parser.h"

#include "document_texts.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

using kosh::Document;
using kosh::parse_markdown;

TEST_CASE("ATX headings give the title and the levels below it", "[parse]")
{
    const Document document = parse_markdown("# The Tool #\n\nIntro.\n\n## Install ##\n\nRun make.\n\n"
                                             "### From source\n\nClone it.\n\n## Use\n\n#### Deep\n\nDeep text.\n",
                                             "docs/tool.md");
    CHECK(document.title == "The Tool");
    CHECK(kosh::format_outline(document) == "The Tool\n  Install\n    From source\n  Use\n      Deep\n");
    REQUIRE(document.paragraphs.size() == 4);
    CHECK(document.paragraphs[0].sections.empty());
    CHECK(document.paragraphs[2].sections == std::vector<std::string>{"Install", "From source"});
    CHECK(document.paragraphs[3].sections == std::vector<std::string>{"Use", "Deep"});
    CHECK(document.paragraphs[3].first_line == 17);
    CHECK(document.headings[2].line == 9);
}

TEST_CASE("which # lines are headings", "[parse]")
{
    struct Row {
        const char* line;
        const char* heading; // nullptr when the line is paragraph text
    };
    const Row rows[] = {
        {"## Plain", "Plain"},
        {"   ## Indented three", "Indented three"},
        {"## Closing hashes ###", "Closing hashes"},
        {"## Keeps C#", "Keeps C#"},
        {"###### Six", "Six"},
        {"####### Seven is text", nullptr},
        {"##NoSpace", nullptr},
        {"    ## Four spaces is code", nullptr},
        {"\\## Escaped", nullptr},
    };
    for (const Row& row : rows) {
        INFO(row.line);
        const Document document = parse_markdown(std::string("# Title\n\n") + row.line + "\n", "h.md");
        if (row.heading != nullptr) {
            CHECK(heading_texts(document) == std::vector<std::string>{"Title", row.heading});
            CHECK(document.paragraphs.empty());
        } else {
            CHECK(heading_texts(document) == std::vector<std::string>{"Title"});
            CHECK(paragraph_texts(document) == std::vector<std::string>{row.line});
        }
    }
}

TEST_CASE("Setext headings", "[parse]")
{
    const Document document = parse_markdown("Big Title\n=========\n\nSome text\nover two lines.\n\n"
                                             "A Section\n---\n\nMore.\n\n- item\n---\n",
                                             "s.md");
    CHECK(kosh::format_outline(document) == "Big Title\n  A Section\n");
    // "---" after a list item is a thematic break, not an underline.
    CHECK(paragraph_texts(document) == std::vector<std::string>{"Some text\nover two lines.", "More.", "- item"});
    CHECK(document.headings[1].line == 7);
}

TEST_CASE("fenced code is a paragraph and never holds headings", "[parse]")
{
    SECTION("backtick and tilde fences, closed by a fence as long or longer")
    {
        const Document document = parse_markdown("# Title\n\n````sh\n# not a heading\n```\nstill code\n`````\n\n"
                                                 "~~~\n## nor this\n~~~\n\nAfter.\n",
                                                 "f.md");
        CHECK(heading_texts(document) == std::vector<std::string>{"Title"});
        CHECK(paragraph_texts(document) ==
              std::vector<std::string>{"# not a heading\n```\nstill code", "## nor this", "After."});
        CHECK(document.paragraphs[0].first_line == 4);
        CHECK(document.paragraphs[0].last_line == 6);
    }
    SECTION("an unterminated fence runs to the end of the file")
    {
        const Document document = parse_markdown("# Title\n\n```\n# one\n\n## two\n", "u.md");
        CHECK(heading_texts(document) == std::vector<std::string>{"Title"});
        CHECK(paragraph_texts(document) == std::vector<std::string>{"# one\n\n## two"});
        CHECK(document.paragraphs[0].last_line == 6);
    }
    SECTION("an empty fence leaves no paragraph")
    {
        CHECK(parse_markdown("```\n```\n", "e.md").paragraphs.empty());
    }
}

TEST_CASE("indented code, lists and blockquotes are paragraphs", "[parse]")
{
    const Document document = parse_markdown("Para line\n    lazy continuation\n\n"
                                             "    code # x\n\n    more code\n\n"
                                             "- one\n- two\n  continued\n\n  still two\n- three\n\n"
                                             "1. first\n   - nested\n     # in item\n2. second\n\n"
                                             "> quoted\n> # quoted heading\nlazy\n",
                                             "b.md");
    CHECK(document.headings.empty());
    CHECK(document.title == "b");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"Para line\n    lazy continuation",
                                                                "    code # x\n\n    more code", "- one",
                                                                "- two\n  continued\n\n  still two", "- three",
                                                                "1. first\n   - nested\n     # in item", "2. second",
                                                                "> quoted\n> # quoted heading\nlazy"});
}

TEST_CASE("fenced and indented code blocks are marked as code, with their lines and indentation", "[parse]")
{
    using kosh::ByteSpan;
    const Document document =
        parse_markdown("# Title\n\nRun this:\n\n```python title=x\ndef f():\n    return 1\n```\n\n"
                       "    indented\n      deeper\n\n- item\n\n    code in item\n\nAfter.\n",
                       "c.md");
    REQUIRE(paragraph_texts(document) == std::vector<std::string>{"Run this:", "def f():\n    return 1",
                                                                  "    indented\n      deeper",
                                                                  "- item\n\n    code in item", "After."});
    CHECK(document.paragraphs[0].code.empty());
    // The fence lines and the info string are markup: the block is its content, all code.
    CHECK(document.paragraphs[1].code == std::vector<ByteSpan>{{0, 21}});
    CHECK(document.paragraphs[1].first_line == 6);
    CHECK(document.paragraphs[1].last_line == 7);
    CHECK(document.paragraphs[2].code == std::vector<ByteSpan>{{0, 25}});
    // Code indented under a list item stays the item's text, as the reader's header says.
    CHECK(document.paragraphs[3].code.empty());
    CHECK(document.paragraphs[4].code.empty());
}

TEST_CASE("front matter is skipped", "[parse]")
{
    SECTION("closed front matter at the top")
    {
        const Document document =
            parse_markdown("---\nauthor: not this\n# comment\n---\n# Real Title\n\nBody.\n", "fm.md");
        CHECK(document.title == "Real Title");
        CHECK(document.headings[0].line == 5);
        CHECK(paragraph_texts(document) == std::vector<std::string>{"Body."});
    }
    SECTION("an unclosed --- is a thematic break")
    {
        const Document document = parse_markdown("---\nJust text.\n", "fm.md");
        CHECK(paragraph_texts(document) == std::vector<std::string>{"Just text."});
    }
}

TEST_CASE("heading text loses its inline markup", "[parse]")
{
    struct Row {
        const char* markdown;
        const char* text;
    };
    const Row rows[] = {
        {"**Bold** and *em*", "Bold and em"},
        {"`code` span", "code span"},
        {"`a*b*c` stays", "a*b*c stays"},
        {"[link text](https://x.y/z) here", "link text here"},
        {"![alt text](img.png) and text", "and text"}, // in a heading an image is decoration
        {"[ref][1] style", "ref style"},
        {"snake_case_name", "snake_case_name"},
        {"_under_ emphasis", "under emphasis"},
        {"2 * 3", "2 * 3"},
        {"\\*literal\\*", "*literal*"},
        {"~~old~~ new", "old new"},
        {"[[[[ unclosed", "[[[[ unclosed"},
        {"[outer [inner](u)", "outer inner"},
    };
    for (const Row& row : rows) {
        INFO(row.markdown);
        if (std::string_view(row.markdown).find("![") == std::string_view::npos) {
            CHECK(kosh::strip_inline_markup(row.markdown) == row.text);
        }
        const Document document = parse_markdown(std::string("## ") + row.markdown + "\n", "i.md");
        REQUIRE(document.headings.size() == 1);
        CHECK(document.headings[0].text == row.text);
    }
}

TEST_CASE("Markdown titles and levels", "[parse]")
{
    SECTION("no level-1 heading: the stem is the title and ## stays level 2")
    {
        const Document document = parse_markdown("## First\n\ntext\n\n### Sub\n", "dir/readme.markdown");
        CHECK(document.title == "readme");
        CHECK(kosh::format_outline(document) == "readme\n  First\n    Sub\n");
        CHECK(document.paragraphs[0].sections == std::vector<std::string>{"First"});
    }
    SECTION("several # headings: the first is the title, the rest move down one level")
    {
        const Document document = parse_markdown("# Project\n\n# Install\n\n## From source\n\n# Use\n", "r.md");
        CHECK(kosh::format_outline(document) == "Project\n  Install\n    From source\n  Use\n");
    }
    SECTION("empty headings are left out")
    {
        const Document document = parse_markdown("#\n\n# Title\n", "e.md");
        CHECK(heading_texts(document) == std::vector<std::string>{"Title"});
        CHECK(document.title == "Title");
    }
}

TEST_CASE("Markdown line endings, BOM and empty input", "[parse]")
{
    const Document crlf = parse_markdown("\xEF\xBB\xBF# Title\r\n\r\nLine one\r\nline two\r\n", "c.md");
    CHECK(crlf.title == "Title");
    CHECK(paragraph_texts(crlf) == std::vector<std::string>{"Line one\nline two"});
    CHECK(crlf.paragraphs[0].first_line == 3);
    CHECK(crlf.paragraphs[0].last_line == 4);

    const Document cr = parse_markdown("# Title\r\rLine one\rline two\r", "c.md");
    CHECK(paragraph_texts(cr) == paragraph_texts(crlf));

    for (const std::string input : {"", "\n\n", "  \t \n"}) {
        const Document empty = parse_markdown(input, "empty.md");
        CHECK(empty.title == "empty");
        CHECK(empty.headings.empty());
        CHECK(empty.paragraphs.empty());
    }
}

TEST_CASE("10,000 levels of nesting parse in linear time", "[parse]")
{
    constexpr int k_depth = 10000;
    const auto start = std::chrono::steady_clock::now();

    std::string markers;
    std::string quotes;
    for (int i = 0; i < k_depth; ++i) {
        markers += "- ";
        quotes += "> ";
    }
    const Document list = parse_markdown("# T\n\n" + markers + "deep\n", "l.md");
    REQUIRE(list.paragraphs.size() == 1);
    CHECK(list.paragraphs[0].text.size() == markers.size() + 4);

    const Document quote = parse_markdown(quotes + "deep\n", "q.md");
    CHECK(quote.paragraphs.size() == 1);

    // One item per line, each indented under the one above: every line belongs to the first item.
    std::string indented;
    for (int i = 0; i < k_depth; ++i) {
        indented.append(static_cast<std::size_t>(i % 2000) * 2, ' ');
        indented += "- level\n";
    }
    const Document nested = parse_markdown(indented, "n.md");
    CHECK(nested.paragraphs.size() == 5);
    CHECK(nested.paragraphs[0].last_line == 2000);

    const std::string brackets(1'000'000, '[');
    CHECK(kosh::strip_inline_markup(brackets) == brackets);

    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count() < 10);
}

TEST_CASE("binary junk in a .md file does not crash", "[parse]")
{
    std::string junk;
    for (int i = 0; i < 100000; ++i) {
        junk += static_cast<char>((i * 31 + i / 7) % 256);
    }
    const Document document = parse_markdown(junk, "junk.md");
    CHECK(document.path == "junk.md");
}

// CommonMark's block rules at their edges: three spaces of indentation still open a construct,
// four make indented code; a tab advances to the next multiple of four columns.
TEST_CASE("block constructs at three and four columns of indentation", "[parse]")
{
    struct Row {
        const char* body; // after "# Title\n\n"
        std::vector<std::string> headings;
        std::vector<std::string> paragraphs;
    };
    const Row rows[] = {
        // A fence indented three spaces opens: the # line inside is code.
        {"   ```\n# Inside\n   ```\n", {"Title"}, {"# Inside"}},
        // Indented four, it is indented code, and the # line after it is a heading.
        {"    ```\n# After code\n", {"Title", "After code"}, {"    ```"}},
        // A closing fence may be indented three spaces, not four.
        {"```\ncode\n   ```\n# After fence\n", {"Title", "After fence"}, {"code"}},
        {"```\ncode\n    ```\n# Still code\n", {"Title"}, {"code\n    ```\n# Still code"}},
        // A setext underline indented three spaces counts; four is paragraph text.
        {"Three\n   ===\n", {"Title", "Three"}, {}},
        {"Four\n    ===\n", {"Title"}, {"Four\n    ==="}},
        // A thematic break indented three spaces is skipped; four is code.
        {"Before\n\n   ***\n\nAfter\n", {"Title"}, {"Before", "After"}},
        {"Before\n\n    ***\n\nAfter\n", {"Title"}, {"Before", "    ***", "After"}},
        // A block quote or list item indented three spaces, and the lines that belong to it.
        {"   > quoted\n# Next\n", {"Title", "Next"}, {"   > quoted"}},
        {"   - item\n\n     more\n", {"Title"}, {"   - item\n\n     more"}},
        // A tab is four columns: "\t# x" is code, not a heading.
        {"Para\n\n\t# Not a heading\n", {"Title"}, {"Para", "\t# Not a heading"}},
        // After a blank line, a line indented two columns still continues a list item.
        {"- item\n\n  continued\n", {"Title"}, {"- item\n\n  continued"}},
        {"- item\n\n continued\n", {"Title"}, {"- item", " continued"}},
        // A block quote ends before "---", which is then a thematic break, not an underline.
        {"   > quoted\n---\n", {"Title"}, {"   > quoted"}},
        // "> " four spaces in is code, which takes no lazy continuation line as a quote would.
        {"Para\n\n    > code\nlazy line\n", {"Title"}, {"Para", "    > code", "lazy line"}},
        // A "- " four spaces in is not a list item: it continues the paragraph above.
        {"Para\n    - item\n", {"Title"}, {"Para\n    - item"}},
        // After a blank line, two columns continue an item whose text starts further in.
        {"10. item\n\n  continued\n", {"Title"}, {"10. item\n\n  continued"}},
        {"10. item\n\n continued\n", {"Title"}, {"10. item", " continued"}},
        // Ordered markers from 0 to 9; a line of digits alone is text; a lone "-" is an item.
        {"0. item\n\n   more\n", {"Title"}, {"0. item\n\n   more"}},
        {"9. item\n\n   more\n", {"Title"}, {"9. item\n\n   more"}},
        {"Para\n\n2024\n", {"Title"}, {"Para", "2024"}},
        {"Para\n\n-\n\nAfter\n", {"Title"}, {"Para", "-", "After"}},
        // An ordered marker has at most nine digits.
        {"123456789. item\n\n           more\n", {"Title"}, {"123456789. item\n\n           more"}},
        {"1234567890. text\n\n           more\n", {"Title"}, {"1234567890. text", "           more"}},
    };
    for (const Row& row : rows) {
        INFO(row.body);
        const Document document = parse_markdown(std::string("# Title\n\n") + row.body, "b.md");
        CHECK(heading_texts(document) == row.headings);
        CHECK(paragraph_texts(document) == row.paragraphs);
    }
}

TEST_CASE("front matter may end its opening line with spaces, not begin it with them", "[parse]")
{
    const Document trailing = parse_markdown("---   \ntitle: Front\n---\n\nBody text here.\n", "f.md");
    CHECK(paragraph_texts(trailing) == std::vector<std::string>{"Body text here."});
    CHECK(trailing.headings.empty());
    // Indented, the first line is a thematic break and "title: Front" a setext heading.
    const Document leading = parse_markdown(" ---\ntitle: Front\n---\n\nBody text here.\n", "f.md");
    CHECK(heading_texts(leading) == std::vector<std::string>{"title: Front"});
}

TEST_CASE("a backslash escapes ASCII punctuation and nothing else", "[parse]")
{
    // Each punctuation range's first and last character, and the characters just outside them.
    CHECK(kosh::strip_inline_markup("\\!\\/\\:\\@\\[\\`\\{\\~") == "!/:@[`{~");
    CHECK(kosh::strip_inline_markup("\\ \\0\\9\\A\\Z\\a\\z") == "\\ \\0\\9\\A\\Z\\a\\z");
}

TEST_CASE("inline markup at the very start or end of the text", "[parse]")
{
    CHECK(kosh::strip_inline_markup("ends in a backslash\\") == "ends in a backslash\\");
    CHECK(kosh::strip_inline_markup("Hello!") == "Hello!");
    CHECK(kosh::strip_inline_markup("see [note]") == "see [note]");
    CHECK(kosh::strip_inline_markup("trailing_") == "trailing");
    CHECK(kosh::strip_inline_markup("~5 degrees") == "~5 degrees");
    CHECK(kosh::strip_inline_markup("_lead") == "lead");
}

TEST_CASE("underscores inside a word stay; around a word they are emphasis and go", "[parse]")
{
    // Letters, digits and non-ASCII bytes at the ends of each range count as word characters;
    // the punctuation next to those ranges does not.
    for (const char* word : {"0_9", "a_z", "A_Z", "9_0", "z_a", "Z_A", "\xC3\xA9_\xC3\xA9", "\xC3\x80_\xC3\x80"}) {
        INFO(word);
        CHECK(kosh::strip_inline_markup(word) == word);
    }
    CHECK(kosh::strip_inline_markup("/_x_:") == "/x:");
    CHECK(kosh::strip_inline_markup("@_x_[") == "@x[");
    CHECK(kosh::strip_inline_markup("{_x_~") == "{x~");
    CHECK(kosh::strip_inline_markup("`_x_`") == "_x_");
}

TEST_CASE("the front matter's title is the document title", "[parse][front-matter]")
{
    struct Row {
        const char* markdown;
        const char* title;
        const char* outline;
    };
    const Row rows[] = {
        {"---\ntitle: Install Guide\ndate: 2024-01-01\n---\n\n## Steps\n\nRun it.\n", "Install Guide",
         "Install Guide\n  Steps\n"},
        {"---\ntitle: \"Quoted: with colon\"\n---\nText.\n", "Quoted: with colon", "Quoted: with colon\n"},
        {"---\ntitle: 'It''s single'\n---\nText.\n", "It's single", "It's single\n"},
        {"---\ntitle: \"Say \\\"hi\\\"\"\n---\nText.\n", "Say \"hi\"", "Say \"hi\"\n"},
        {"---\ntitle: Plain # a comment\n...\nText.\n", "Plain", "Plain\n"},
        // A block scalar spans lines; it is not read, and the file stem stands in.
        {"---\ntitle: >\n  Folded\n---\nText.\n", "fm", "fm\n"},
        {"---\n  title: nested\n---\nText.\n", "fm", "fm\n"},
        {"+++\ntitle = \"TOML Page\"\n[params]\ntitle = \"not this\"\n+++\n\n## Part\n", "TOML Page",
         "TOML Page\n  Part\n"},
        {"+++\n[params]\ntitle = 'not the page'\n+++\nText.\n", "fm", "fm\n"},
        {"---\ntitle: \"   \"\n---\nText.\n", "fm", "fm\n"},
        {"---\ntitle: \" padded \"\n---\nText.\n", "padded", "padded\n"},
        // A first "#" heading equal to it is the same title, not a second one.
        {"---\ntitle: Guide\n---\n# Guide\n\n## Part\n", "Guide", "Guide\n  Part\n"},
        // A different "#" heading is a section under it, and so are the other "#" headings.
        {"---\ntitle: Guide\n---\n# Overview\n\n## Detail\n\n# Usage\n", "Guide",
         "Guide\n  Overview\n    Detail\n  Usage\n"},
        // No title field: the first "#" heading, as without front matter.
        {"---\nlayout: post\n---\n# Heading Title\n", "Heading Title", "Heading Title\n"},
        // Unclosed: not front matter, so no title from it.
        {"+++\ntitle = \"x\"\n", "fm", "fm\n"},
    };
    for (const Row& row : rows) {
        INFO(row.markdown);
        const Document document = parse_markdown(row.markdown, "docs/fm.md");
        CHECK(document.title == row.title);
        CHECK(kosh::format_outline(document) == row.outline);
    }
}

TEST_CASE("front matter is never body text, and lines after it keep their numbers", "[parse][front-matter]")
{
    const Document document =
        parse_markdown("+++\ntitle = \"Page\"\ntags = [\"a\"]\n+++\n\nBody text.\n\n## Part\n\nMore.\n", "p.md");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"Body text.", "More."});
    CHECK(document.paragraphs[0].first_line == 6);
    CHECK(document.headings[0].line == 8);
    CHECK(document.paragraphs[1].sections == std::vector<std::string>{"Part"});
}

TEST_CASE("headings lose inline HTML, entities and images", "[parse][html]")
{
    struct Row {
        const char* markdown;
        const char* text;
    };
    const Row rows[] = {
        {"<a name=\"install\"></a>Install", "Install"},
        {"The <code>kosh</code> tool", "The kosh tool"},
        {"Fish &amp; Chips &lt;3 &#39;n&#x27; &quot;more&quot;", "Fish & Chips <3 'n' \"more\""},
        {"No&nbsp;break &copy; &eacute;t&eacute; &hellip;", "No break © été …"},
        {"Unknown &bogus; and &amp without semicolon", "Unknown &bogus; and &amp without semicolon"},
        {"Bad &#0; &#xD800; &#1114112; refs", "Bad \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD refs"},
        {"Line&#10;feed&#13;and&#x0A;back", "Line feed and back"},
        {"kosh [![CI](https://ci.example/badge.svg)](https://ci.example)", "kosh"},
        {"kosh ![logo](logo.png) [![a](b)](c) [![d][e]][f]", "kosh"},
        {"Line<br>break", "Line break"},
        {"The `<div>` element", "The <div> element"},
        {"Autolink <https://example.com> stays", "Autolink <https://example.com> stays"},
        {"a < b and c > d", "a < b and c > d"},
        {"<!-- hidden --> Shown", "Shown"},
        {"Escaped \\<b> tag", "Escaped <b> tag"},
        {"<img src=\"logo.png\" alt=\"Logo\"> Title", "Title"},
    };
    for (const Row& row : rows) {
        INFO(row.markdown);
        const Document document = parse_markdown(std::string("## ") + row.markdown + "\n", "h.md");
        REQUIRE(document.headings.size() == 1);
        CHECK(document.headings[0].text == row.text);
    }
    // A heading of nothing but images names nothing.
    CHECK(parse_markdown("# [![CI](b.svg)](u)\n\n## Real\n", "h.md").headings.size() == 1);
}

TEST_CASE("a README with a logo and badges takes its title from the first real heading", "[parse][html]")
{
    const Document document = parse_markdown("<p align=\"center\">\n"
                                             "  <img src=\"docs/logo.png\" width=\"200\">\n"
                                             "</p>\n"
                                             "\n"
                                             "[![Build](https://ci/badge.svg)](https://ci) "
                                             "[![License: MIT](https://img/mit.svg)](LICENSE)\n"
                                             "![Coverage](https://cov/badge.svg)\n"
                                             "\n"
                                             "# kosh [![CI](https://ci/badge.svg)](https://ci)\n"
                                             "\n"
                                             "Search your docs.\n",
                                             "README.md");
    CHECK(document.title == "kosh");
    CHECK(heading_texts(document) == std::vector<std::string>{"kosh"});
    CHECK(paragraph_texts(document) == std::vector<std::string>{"Search your docs."});
    CHECK(document.paragraphs[0].first_line == 10);
}

TEST_CASE("HTML blocks keep their text and lines, or go when they hold none", "[parse][html]")
{
    const Document document = parse_markdown("# T\n"
                                             "\n"
                                             "<div align=\"center\">\n"
                                             "  <b>kosh</b> finds &amp; answers\n"
                                             "\n"
                                             "</div>\n"
                                             "\n"
                                             "<!-- a comment\n"
                                             "over lines -->\n"
                                             "\n"
                                             "- item &mdash; <kbd>Ctrl</kbd>\n"
                                             "\n"
                                             "Text with <em>inline</em> HTML and &lt;tags&gt;,\n"
                                             "<br>\n"
                                             "over three lines.\n"
                                             "\n"
                                             "    <b>indented code keeps its tags</b> &amp;\n",
                                             "h.md");
    CHECK(paragraph_texts(document) ==
          std::vector<std::string>{"  kosh finds & answers", "- item — Ctrl",
                                   "Text with inline HTML and <tags>,\n\nover three lines.",
                                   "    <b>indented code keeps its tags</b> &amp;"});
    REQUIRE(document.paragraphs.size() == 4);
    CHECK(document.paragraphs[0].first_line == 4);
    CHECK(document.paragraphs[0].last_line == 4);
    CHECK(document.paragraphs[2].first_line == 13);
    CHECK(document.paragraphs[2].last_line == 15);
}

TEST_CASE("image-only paragraphs are dropped, images beside words stay", "[parse][html]")
{
    const Document document = parse_markdown("Intro.\n\n"
                                             "[![A](a.svg)](x) [![B](b.svg)](y)\n\n"
                                             "<a href=\"x\"><img src=\"y.png\"></a>\n\n"
                                             "See ![diagram](d.png) below.\n",
                                             "i.md");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"Intro.", "See ![diagram](d.png) below."});
}

TEST_CASE("a character reference to a line break does not add a line", "[parse][html]")
{
    const Document document = parse_markdown("One&#10;two&#xD;three\nfour &amp; more\n", "n.md");
    REQUIRE(document.paragraphs.size() == 1);
    CHECK(document.paragraphs[0].text == "One two three\nfour & more");
    CHECK(document.paragraphs[0].last_line == 2);
}

TEST_CASE("unclosed tags, quotes and comments stay text, in linear time", "[parse][html]")
{
    CHECK(kosh::remove_html_tags("<a href=\"x>never closed") == "<a href=\"x>never closed");
    CHECK(kosh::remove_html_tags("<!-- never closed") == "<!-- never closed");
    CHECK(kosh::remove_html_tags("x <b>y</b> `<i>` ``a ` <i>`` <i>z</i>") == "x y `<i>` ``a ` <i>`` z");
    CHECK(kosh::remove_html_tags("`unclosed <b>bold</b>") == "`unclosed bold");
    std::string hostile;
    for (int i = 0; i < 50000; ++i) {
        hostile += "<a title=\"x` ``<!-- ![[";
    }
    const auto start = std::chrono::steady_clock::now();
    const Document document = parse_markdown("# " + hostile + "\n\n" + hostile + "\n", "h.md");
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 2.0);
    CHECK(document.paragraphs.size() == 1);
}
