// Tests for parse_epub: spine order, chapter headings and navigation titles, numbering, and
// refused books.
#include "parse/epub_reader.h"

#include "zip_writer.h"

#include <catch2/catch.hpp>

#include <string>

using kosh::Document;
using kosh::parse_epub;
using kosh::test::make_zip;
using kosh::test::ZipMember;

namespace {

const std::string k_container = R"(<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>)";

const std::string k_opf = R"(<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Book of Tests</dc:title></metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c1" href="Text/chapter%201.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="Text/chapter2.xhtml" media-type="application/xhtml+xml"/>
    <item id="c3" href="Text/chapter3.xhtml" media-type="application/xhtml+xml"/>
    <item id="img" href="Images/cover.jpg" media-type="image/jpeg"/>
  </manifest>
  <spine><itemref idref="c1"/><itemref idref="img"/><itemref idref="c2" linear="no"/><itemref idref="c3"/></spine>
</package>)";

const std::string k_nav = R"(<?xml version="1.0"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head>
<body><nav epub:type="landmarks"><ol><li><a href="Text/chapter2.xhtml">Wrong list</a></li></ol></nav>
<nav epub:type="toc"><ol>
  <li><a href="Text/chapter%201.xhtml">One</a></li>
  <li><a href="Text/chapter2.xhtml#start">The <em>Second</em> Chapter</a></li>
  <li><a href="Text/chapter3.xhtml">Three</a></li>
</ol></nav></body></html>)";

std::string xhtml(const std::string& body)
{
    return "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>The Book of "
           "Tests</title>\n<link rel=\"stylesheet\" href=\"s.css\"/><script src=\"x.js\"/></head>\n<body>\n" +
           body + "\n</body></html>\n";
}

std::vector<ZipMember> book_members()
{
    return {
        {"mimetype", "application/epub+zip"},
        {"META-INF/container.xml", k_container},
        {"OEBPS/content.opf", k_opf},
        {"OEBPS/nav.xhtml", k_nav},
        {"OEBPS/Text/chapter 1.xhtml",
         xhtml("<h1>Chapter One</h1>\n<p>It was a\nbright day.</p>\n<h2>Part A</h2>\n"
               "<p>Alpha text.</p>\n<pre>code line 1\ncode line 2</pre>\n<p>After code.</p>")},
        {"OEBPS/Text/chapter2.xhtml", xhtml("<p>No heading here.</p>\n<p>Second paragraph.</p>")},
        {"OEBPS/Text/chapter3.xhtml", xhtml("<h2>Three Top</h2>\n<p>Gamma.</p>\n<h3>Three Sub</h3>\n<p>Delta.</p>")},
        {"OEBPS/Images/cover.jpg", "\xFF\xD8\xFF"}};
}

Document parse(const std::vector<ZipMember>& members)
{
    auto document = parse_epub(make_zip(members), "books/book.epub");
    REQUIRE(document);
    return std::move(*document);
}

} // namespace

TEST_CASE("epub: chapters in spine order, headings shifted under the book title", "[parse][epub]")
{
    const Document document = parse(book_members());
    CHECK(document.format == "epub");
    CHECK(document.title == "The Book of Tests");
    struct Expected {
        std::string text;
        int level;
        int line;
    };
    const std::vector<Expected> headings{{"Chapter One", 2, 1},
                                         {"Part A", 3, 3},
                                         {"The Second Chapter", 2, 8},
                                         {"Three Top", 2, 11},
                                         {"Three Sub", 3, 13}};
    REQUIRE(document.headings.size() == headings.size());
    for (std::size_t i = 0; i < headings.size(); ++i) {
        CHECK(document.headings[i].text == headings[i].text);
        CHECK(document.headings[i].level == headings[i].level);
        CHECK(document.headings[i].line == headings[i].line);
    }
    REQUIRE(document.paragraphs.size() == 8);
    CHECK(document.paragraphs[0].text == "It was a bright day.");
    CHECK(document.paragraphs[0].first_line == 2);
    CHECK(document.paragraphs[0].last_line == 2);
    // A code block keeps its lines and takes a number for each.
    CHECK(document.paragraphs[2].text == "code line 1\ncode line 2");
    CHECK(document.paragraphs[2].first_line == 5);
    CHECK(document.paragraphs[2].last_line == 6);
    CHECK(document.paragraphs[3].first_line == 7);
    CHECK(document.paragraphs[4].text == "No heading here.");
    CHECK(document.paragraphs[4].sections == std::vector<std::string>{"The Second Chapter"});
    CHECK(document.paragraphs[7].text == "Delta.");
    CHECK(document.paragraphs[7].sections == std::vector<std::string>{"Three Top", "Three Sub"});
    // Chapter 2 is the cover image: empty, it starts where chapter 3 does.
    CHECK(document.chapter_starts == std::vector<int>{1, 8, 8, 11});
}

TEST_CASE("epub: EPUB 2 books take chapter titles from toc.ncx, and the OPF may be found without a container",
          "[parse][epub]")
{
    const std::string opf = R"(<package xmlns="http://www.idpf.org/2007/opf" version="2.0">
      <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Old Book</dc:title></metadata>
      <manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
        <item id="a" href="a.html" media-type="application/xhtml+xml"/></manifest>
      <spine toc="ncx"><itemref idref="a"/><itemref idref="a"/><itemref idref="gone"/></spine></package>)";
    const std::string ncx = R"(<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>
      <navPoint id="p1"><navLabel><text>Only Chapter</text></navLabel><content src="a.html"/></navPoint></navMap></ncx>)";
    const Document document = parse({{"book.opf", opf}, {"toc.ncx", ncx}, {"a.html", xhtml("<p>Words.</p>")}});
    CHECK(document.title == "Old Book");
    REQUIRE(document.headings.size() == 1);
    CHECK(document.headings[0].text == "Only Chapter");
    CHECK(document.headings[0].level == 2);
    REQUIRE(document.paragraphs.size() == 1); // the repeated spine item is read once
    CHECK(document.chapter_starts == std::vector<int>{1, 3, 3});
    CHECK(document.warnings == std::vector<std::string>{"spine item gone is not in the manifest"});
}

TEST_CASE("epub: bad books fail with the reason", "[parse][epub]")
{
    CHECK(parse_epub("%PDF-1.7", "a.epub").error() == "not a zip archive");
    CHECK(parse_epub(make_zip({{"mimetype", "application/epub+zip"}}), "a.epub").error() ==
          "no META-INF/container.xml");

    std::vector<ZipMember> members = book_members();
    members[5] = {"OEBPS/Text/chapter2.xhtml", {}, std::size_t{300} << 20};
    CHECK(parse_epub(make_zip(members), "a.epub").error() == "too large when unpacked (zip bomb?)");

    members = book_members();
    members.push_back(
        {"META-INF/encryption.xml",
         R"(<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
      <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
      <enc:CipherData><enc:CipherReference URI="OEBPS/Text/chapter3.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>)"});
    CHECK(parse_epub(make_zip(members), "a.epub").error().starts_with("encrypted book"));

    const std::string whole = make_zip(book_members());
    for (const std::size_t cut : {whole.size() / 3, whole.size() - 30}) {
        auto truncated = parse_epub(whole.substr(0, cut), "a.epub");
        if (!truncated) {
            CHECK_FALSE(truncated.error().empty());
        }
    }
}

TEST_CASE("epub: deep nesting in a chapter or the package costs no stack", "[parse][epub]")
{
    std::vector<ZipMember> members = book_members();
    std::string deep;
    for (int i = 0; i < 100000; ++i) {
        deep += "<div>";
    }
    members[6].content = xhtml("<h2>Deep</h2><p>x</p>" + deep);
    std::string deep_nav = "<html><body><nav>";
    for (int i = 0; i < 100000; ++i) {
        deep_nav += "<ol><li>";
    }
    members[3].content = deep_nav;
    const Document document = parse(members);
    CHECK(document.title == "The Book of Tests");
    CHECK(document.chapter_starts.size() == 4);
}
