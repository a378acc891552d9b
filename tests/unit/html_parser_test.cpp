// Tests for the HTML reader: title, outline, main content, text, code, line numbers, bad markup.
#include "parse/html_nesting.h"
#include "parse/html_parser.h"
#include "parse/parser.h"

#include "output/outline_printer.h"

#include "document_texts.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using kosh::Document;
using kosh::parse_html;

namespace {

std::string page(const std::string& head, const std::string& body)
{
    return "<!DOCTYPE html>\n<html>\n<head>" + head + "</head>\n<body>\n" + body + "</body>\n</html>\n";
}

} // namespace

TEST_CASE("html: .html, .htm and .xhtml in any case go to the HTML reader", "[parse][html]")
{
    const std::string input = "<h1>Heading One</h1>\n<p>Body.</p>\n";
    for (const char* path : {"a.html", "b.HTM", "docs/c.xhtml", "d.Html"}) {
        INFO(path);
        const Document document = kosh::parse_document(input, path);
        CHECK(document.format == "html");
        CHECK(document.title == "Heading One");
    }
    for (const char* path : {"a.html.txt", "b.md", "c.xml", "html"}) {
        INFO(path);
        CHECK(kosh::parse_document(input, path).format != "html");
    }
}

TEST_CASE("html: the title is <title>, else the first h1, else the file stem", "[parse][html]")
{
    SECTION("<title> differing from the h1: the h1 becomes a section")
    {
        const Document document =
            parse_html(page("<title>Kosh Manual</title>", "<h1>Install</h1>\n<h2>Debian</h2>\n"), "a.html");
        CHECK(document.title == "Kosh Manual");
        CHECK(kosh::format_outline(document) == "Kosh Manual\n  Install\n    Debian\n");
        CHECK(document.headings.front().line == 3);
    }
    SECTION("<title> extending the h1 (Sphinx): the h1 is the title, no duplicate level")
    {
        const Document document = parse_html(page("<title>Install \xE2\x80\x94 Project 2.1 documentation</title>",
                                                  "<h1>Install</h1>\n<h2>Debian</h2>\n"),
                                             "a.html");
        CHECK(document.title == "Install");
        CHECK(kosh::format_outline(document) == "Install\n  Debian\n");
        CHECK(document.headings.front().line == 5);
    }
    SECTION("the h1 extending <title> (asciidoc), or the same words in another case")
    {
        CHECK(kosh::format_outline(parse_html(
                  page("<title>git-add(1)</title>", "<h1>git-add(1) Manual Page</h1>\n<h2>NAME</h2>\n"), "a.html")) ==
              "git-add(1) Manual Page\n  NAME\n");
        CHECK(kosh::format_outline(parse_html(page("<title>USAGE</title>", "<h1>Usage</h1>\n<h2>Flags</h2>\n"),
                                              "a.html")) == "Usage\n  Flags\n");
    }
    SECTION("a title that only starts with the h1's letters is not an extension of it")
    {
        const Document document = parse_html(page("<title>Installation</title>", "<h1>Install</h1>\n"), "a.html");
        CHECK(kosh::format_outline(document) == "Installation\n  Install\n");
    }
    SECTION("no <title>: the first h1")
    {
        const Document document = parse_html(page("", "<h1>Guide</h1>\n<p>Text.</p>\n<h1>Second</h1>\n"), "a.html");
        CHECK(document.title == "Guide");
        CHECK(kosh::format_outline(document) == "Guide\n  Second\n");
    }
    SECTION("no <title>, no h1: the stem, and h2 sections at level 2")
    {
        const Document document = parse_html(page("", "<h2>One</h2>\n<h3>Two</h3>\n"), "docs/my-page.html");
        CHECK(document.title == "my-page");
        CHECK(kosh::format_outline(document) == "my-page\n  One\n    Two\n");
    }
    SECTION("an empty <title> counts as none")
    {
        CHECK(parse_html(page("<title>  </title>", "<h1>Real</h1>\n"), "a.html").title == "Real");
    }
}

TEST_CASE("html: heading text is clean and the tree follows h1-h6", "[parse][html]")
{
    const Document document = parse_html(
        page("<title>T</title>",
             "<h1>Intro <code>kosh</code>&nbsp;&amp; co<a class=\"headerlink\" href=\"#i\">\xC2\xB6</a></h1>\n"
             "<h2>Set\n   up</h2>\n<p>Text one.</p>\n<h3>Deep <em>er</em></h3>\n<p>Text two.</p>\n"
             "<h2>Use</h2>\n<p>Text three.</p>\n"),
        "a.html");
    CHECK(heading_texts(document) == std::vector<std::string>{"T", "Intro kosh & co", "Set up", "Deep er", "Use"});
    CHECK(kosh::format_outline(document) == "T\n  Intro kosh & co\n    Set up\n      Deep er\n    Use\n");
    REQUIRE(document.paragraphs.size() == 3);
    CHECK(document.paragraphs[1].sections == std::vector<std::string>{"Intro kosh & co", "Set up", "Deep er"});
    CHECK(document.paragraphs[2].sections == std::vector<std::string>{"Intro kosh & co", "Use"});
}

TEST_CASE("html: script, style, template and navigation are never text; main content wins", "[parse][html]")
{
    const std::string body = "<header><h1>Site Name</h1><p>Tagline here.</p></header>\n"
                             "<nav><ul><li>Home</li><li>Blog</li></ul></nav>\n"
                             "<main>\n<h1>Article</h1>\n<script>var secret = 1;</script>\n"
                             "<style>.x { color: red }</style>\n<template><p>Hidden template</p></template>\n"
                             "<noscript>Enable scripts</noscript>\n<p>The real text.</p>\n"
                             "<aside>Related links</aside>\n</main>\n"
                             "<aside>Sidebar words</aside>\n<footer>Copyright words</footer>\n";
    const Document document = parse_html(page("<title>Article</title><script>var head = 2;</script>", body), "a.html");
    CHECK(document.title == "Article");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"The real text."});
    CHECK(heading_texts(document) == std::vector<std::string>{"Article"});

    SECTION("role=main counts as main (Sphinx)")
    {
        const Document sphinx =
            parse_html(page("", "<div class=\"related\" role=\"navigation\">Index Next</div>\n"
                                "<div class=\"document\"><div class=\"body\" role=\"main\">\n"
                                "<p>Body text.</p></div></div>\n<div class=\"footer\">Built with</div>\n"),
                       "a.html");
        CHECK(paragraph_texts(sphinx) == std::vector<std::string>{"Body text."});
    }
    SECTION("without main content the header stays, and navigation and the footer go")
    {
        const Document plain =
            parse_html(page("", "<div id=\"header\"><h1>Tool</h1><p>Intro.</p></div>\n"
                                "<nav>Menu</nav>\n<div role=\"search\">Search box</div>\n"
                                "<div id=\"content\"><p>Content.</p></div>\n<div id=\"footer\">Last updated</div>\n"),
                       "a.html");
        CHECK(plain.title == "Tool");
        CHECK(paragraph_texts(plain) == std::vector<std::string>{"Intro.", "Content."});
    }
}

TEST_CASE("html: entities, non-breaking spaces and inline joins", "[parse][html]")
{
    const Document document = parse_html(
        "<p>foo<b>bar</b> and&nbsp;&lt;tag&gt; &amp;&#x41;&eacute; <i>x</i> <span>y</span></p>\n"
        "<p>a<br>b</p>\n<table>\n<tr><td>one</td><td>two</td></tr>\n<tr><th>three</th><td>four</td></tr>\n</table>\n"
        "<ul><li>item <a href=\"x\">link</a>.</li></ul>\n",
        "a.html");
    CHECK(paragraph_texts(document) ==
          std::vector<std::string>{"foobar and <tag> &A\xC3\xA9 x y", "a b", "one two", "three four", "item link."});
}

TEST_CASE("html: pre keeps its lines and indentation and is code", "[parse][html]")
{
    const Document document = parse_html(
        "<p>Run:</p>\n<pre>\n$ make &amp;&amp; \\\n    make <b>install</b>\n\n  done\n</pre>\n<p>After.</p>\n",
        "a.html");
    REQUIRE(document.paragraphs.size() == 3);
    const kosh::Paragraph& code = document.paragraphs[1];
    CHECK(code.text == "$ make && \\\n    make install\n\n  done");
    CHECK(code.first_line == 3);
    CHECK(code.last_line == 6);
    CHECK(code.code == std::vector<kosh::ByteSpan>{{0, code.text.size()}});
    CHECK(document.paragraphs[0].code.empty());
    CHECK(document.paragraphs[2].first_line == 8);

    SECTION("an indented first line keeps its indentation")
    {
        const Document indented = parse_html("<pre>\n\n    x = 1\n  y\n   </pre>", "a.html");
        REQUIRE(indented.paragraphs.size() == 1);
        CHECK(indented.paragraphs[0].text == "    x = 1\n  y");
        CHECK(indented.paragraphs[0].first_line == 3);
        CHECK(indented.paragraphs[0].last_line == 4);
    }
}

TEST_CASE("html: paragraphs carry the source lines of their first and last words", "[parse][html]")
{
    const Document document = parse_html("<html><body>\n"                 // 1
                                         "<p>\n"                          // 2
                                         "  First line\n"                 // 3
                                         "  second &amp; line\n"          // 4
                                         "</p>\n"                         // 5
                                         "<div>Loose\n"                   // 6
                                         "text</div><p>Next</p>\n"        // 7
                                         "<h2>Head</h2><p>Under it</p>\n" // 8
                                         "<p>Ends&#10;here</p>\n",        // 9
                                         "a.html");
    REQUIRE(document.paragraphs.size() == 4);
    CHECK(document.paragraphs[0].text == "First line\nsecond & line");
    CHECK(document.paragraphs[0].first_line == 3);
    CHECK(document.paragraphs[0].last_line == 4);
    // A line belongs to one paragraph: blocks sharing one are joined.
    CHECK(document.paragraphs[1].text == "Loose\ntext Next");
    CHECK(document.paragraphs[1].first_line == 6);
    CHECK(document.paragraphs[1].last_line == 7);
    // What follows a heading on its line is under the heading.
    CHECK(document.headings.back().line == 8);
    CHECK(document.paragraphs[2].text == "Under it");
    CHECK(document.paragraphs[2].first_line == 8);
    CHECK(document.paragraphs[2].sections == std::vector<std::string>{"Head"});
    // A newline written as a character reference is no line of the source.
    CHECK(document.paragraphs[3].text == "Ends here");
    CHECK(document.paragraphs[3].last_line == 9);
}

TEST_CASE("html: a heading after a one-line paragraph on its line joins the text", "[parse][html]")
{
    const Document document = parse_html("<p>Intro</p><h2>Late</h2><p>More</p>\n<h2>Own line</h2>\n", "a.html");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"Intro Late More"});
    CHECK(heading_texts(document) == std::vector<std::string>{"Own line"});
}

TEST_CASE("html: a heading on the last line of a longer paragraph stays a heading (DocBook)", "[parse][html]")
{
    const Document document = parse_html("<h1>Book</h1>\n<p>First\nsection ends.</p></div><div><h2>Next</h2><p>Its\n"
                                         "text.</p><h2>Third</h2>\n",
                                         "a.html");
    CHECK(kosh::format_outline(document) == "Book\n  Next\n  Third\n");
    REQUIRE(document.paragraphs.size() == 2);
    CHECK(document.paragraphs[0].sections.empty());
    CHECK(document.paragraphs[1].first_line == 3);
    CHECK(document.paragraphs[1].sections == std::vector<std::string>{"Next"});
}

TEST_CASE("html: malformed markup still gives its text", "[parse][html]")
{
    const Document document = parse_html("<title>Broken\n<h1>Never closed\n<p>One <b>bold <i>both</b> italic\n"
                                         "<p>Two <div>in div\n<li>stray item\n</span></table>&bogus; &amp\n<p",
                                         "bad.html");
    // An unclosed <title> runs to the end as raw text, as a browser reads it.
    CHECK(document.title.rfind("Broken", 0) == 0);
    const Document open_tags =
        parse_html("<h1>Never closed\n<p>One <b>bold <i>both</b> italic\n<p>Two &amp\n<ul><li>a\n<li>b\n", "bad.html");
    CHECK(open_tags.title == "Never closed");
    CHECK(paragraph_texts(open_tags) == std::vector<std::string>{"One bold both italic", "Two &", "a", "b"});
    REQUIRE(open_tags.paragraphs.size() == 4);
    CHECK(open_tags.paragraphs[3].first_line == 5);
    CHECK(open_tags.warnings.empty());
}

TEST_CASE("html: 10,000-deep nesting is parsed without recursion", "[parse][html]")
{
    for (const char* tag : {"div", "span", "blockquote", "b"}) {
        INFO(tag);
        std::string input = "<title>Deep</title><p>Start</p>\n";
        for (int i = 0; i < 10'000; ++i) {
            input += std::string("<") + tag + ">";
        }
        input += "\nbottom words\n";
        const auto start = std::chrono::steady_clock::now();
        const Document document = parse_html(input, "deep.html");
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        CHECK(document.warnings.empty());
        CHECK(paragraph_texts(document).back() == "bottom words");
    }
}

TEST_CASE("html: nesting the tree builder cannot take in linear time is read as plain text", "[parse][html]")
{
    std::string input = "<p>Top words</p>\n";
    for (int i = 0; i < 60'000; ++i) {
        input += "<div>";
    }
    input += "\nbottom words\n";
    CHECK(kosh::too_deep_for_tree_builder(kosh::estimate_nesting(input)));
    const auto start = std::chrono::steady_clock::now();
    const Document document = parse_html(input, "deep.html");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    REQUIRE(document.warnings.size() == 1);
    CHECK(document.warnings[0].find("plain text") != std::string::npos);
    CHECK(document.paragraphs.size() >= 1);
}

TEST_CASE("html: the nesting estimate counts only elements that nest", "[parse][html]")
{
    std::string flat;
    for (int i = 0; i < 100'000; ++i) {
        flat += "<p>para<br><img src=x><li>item</li><!-- <div><div> --><script>'<div>'</script>\n";
    }
    const kosh::NestingEstimate estimate = kosh::estimate_nesting(flat);
    CHECK(estimate.max_depth == 0);
    CHECK_FALSE(kosh::too_deep_for_tree_builder(estimate));

    const kosh::NestingEstimate nested = kosh::estimate_nesting("<div><DIV><span></span><b></div></div>");
    CHECK(nested.max_depth == 3);
    CHECK(nested.start_tags == 4);
    CHECK(nested.depth_sum == 1 + 2 + 3 + 3);
}

TEST_CASE("html: input that fails one of gumbo's own checks is read as plain text", "[parse][html]")
{
    // gumbo 0.10.1 asserts on a MathML CDATA section inside a table; the parse is abandoned.
    const std::string input = "<p>before words</p>\n<table><math><mi></><![CDATA[c]]>\r";
    for (int i = 0; i < 2; ++i) { // and the next parse on this thread works as usual
        const Document document = parse_html(input, "cdata.html");
        REQUIRE(document.warnings.size() == 1);
        CHECK(document.warnings[0].find("plain text") != std::string::npos);
        REQUIRE_FALSE(document.paragraphs.empty());
        CHECK(document.paragraphs[0].text.find("before words") != std::string::npos);
    }
    CHECK(parse_html("<p>after</p>", "fine.html").warnings.empty());
}

TEST_CASE("html: paragraphs around the title on one line are one paragraph", "[parse][html]")
{
    // The title is no section, so the passage splitter could join them; their lines must not overlap.
    const Document document = parse_html("<p>Lead\nin</p><h1>Title</h1><p>Body</p>\n<h2>Next</h2>\n", "a.html");
    CHECK(kosh::format_outline(document) == "Title\n  Next\n");
    REQUIRE(document.paragraphs.size() == 1);
    CHECK(document.paragraphs[0].text == "Lead\nin Body");
    CHECK(document.paragraphs[0].first_line == 1);
    CHECK(document.paragraphs[0].last_line == 2);
}

TEST_CASE("html: paragraphs around a heading that repeats the one above stay apart", "[parse][html]")
{
    const kosh::Document document =
        kosh::parse_html("<body><h2>Two</h2><p>First\nline</p><h2>Two</h2><p>Second\nline</p></body>", "repeat.html");
    REQUIRE(document.paragraphs.size() == 2);
    CHECK(document.paragraphs[0].text == "First\nline");
    CHECK(document.paragraphs[1].text == "Second\nline");
}

TEST_CASE("html: Doxygen's permalink glyphs stay out of headings", "[parse][html]")
{
    const kosh::Document document = kosh::parse_html(
        "<body><h2 class=\"memtitle\"><span class=\"permalink\"><a href=\"#a1\">&#9670;&nbsp;</a></span>"
        "set_query()</h2><p>Sets the query.</p></body>",
        "class.html");
    REQUIRE(document.headings.size() >= 1);
    CHECK(document.headings.back().text == "set_query()");
}
