// Tests for parse_docx: body text, headings from styles, numbering, and refused files.
#include "parse/docx_reader.h"

#include "zip_writer.h"

#include <catch2/catch.hpp>

#include <string>

using kosh::Document;
using kosh::parse_docx;
using kosh::test::make_zip;

namespace {

const std::string k_namespaces = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
                                 R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006")";

std::string document_xml(const std::string& body)
{
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           "\n<w:document " +
           k_namespaces + "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
}

std::string paragraph(const std::string& text, const std::string& style = {})
{
    const std::string properties = style.empty() ? "" : R"(<w:pPr><w:pStyle w:val=")" + style + R"("/></w:pPr>)";
    return "<w:p>" + properties + R"(<w:r><w:t xml:space="preserve">)" + text + "</w:t></w:r></w:p>";
}

const std::string k_styles = R"(<?xml version="1.0"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My Heading"/><w:basedOn w:val="berschrift2"/></w:style>
  <w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="Loop A"/><w:basedOn w:val="LoopB"/></w:style>
  <w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="Loop B"/><w:basedOn w:val="LoopA"/></w:style>
  <w:style w:type="paragraph" w:styleId="Verzeichnis1"><w:name w:val="toc 1"/></w:style>
</w:styles>)";

Document parse(const std::string& body, const std::string& styles = k_styles, const std::string& core = {})
{
    std::vector<kosh::test::ZipMember> members{{"[Content_Types].xml", "<Types/>"},
                                               {"word/document.xml", document_xml(body)}};
    if (!styles.empty()) {
        members.push_back({"word/styles.xml", styles});
    }
    if (!core.empty()) {
        members.push_back({"docProps/core.xml", core});
    }
    auto document = parse_docx(make_zip(members), "docs/report.docx");
    REQUIRE(document);
    return std::move(*document);
}

} // namespace

TEST_CASE("docx: headings come from style names, outline levels and basedOn chains", "[parse][docx]")
{
    const Document document =
        parse(paragraph("Annual Report", "Titel") + paragraph("Intro text.") + paragraph("Scope", "berschrift1") +
              paragraph("Sub scope", "MyHeading") + paragraph("Direct", "Normal") + paragraph("Chapter", "Kapitel") +
              paragraph("Looping style", "LoopA") + paragraph("Scope 1", "Verzeichnis1") +
              paragraph("Pandoc heading", "Heading3"));
    CHECK(document.format == "docx");
    CHECK(document.title == "Annual Report");
    REQUIRE(document.headings.size() == 5);
    CHECK(document.headings[0].text == "Annual Report");
    CHECK(document.headings[0].level == 1);
    CHECK(document.headings[0].line == 1);
    CHECK(document.headings[1].text == "Scope");
    CHECK(document.headings[1].level == 2);
    CHECK(document.headings[1].line == 3);
    CHECK(document.headings[2].text == "Sub scope");
    CHECK(document.headings[2].level == 3);
    CHECK(document.headings[3].text == "Chapter");
    CHECK(document.headings[3].level == 2);
    CHECK(document.headings[4].text == "Pandoc heading"); // no such style: its id tells
    CHECK(document.headings[4].level == 4);
    // The table-of-contents entry is left out; the looping style is body text.
    REQUIRE(document.paragraphs.size() == 3);
    CHECK(document.paragraphs[0].text == "Intro text.");
    CHECK(document.paragraphs[0].first_line == 2);
    CHECK(document.paragraphs[1].text == "Direct");
    CHECK(document.paragraphs[1].first_line == 5);
    CHECK(document.paragraphs[1].sections == std::vector<std::string>{"Scope", "Sub scope"});
    CHECK(document.paragraphs[2].text == "Looping style");
    CHECK(document.paragraphs[2].first_line == 7);
    CHECK(document.paragraphs[2].sections == std::vector<std::string>{"Chapter"});
}

TEST_CASE("docx: a paragraph's own outline level makes it a heading", "[parse][docx]")
{
    const Document document = parse(
        R"(<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Level two</w:t></w:r></w:p>)" + paragraph("Body"));
    REQUIRE(document.headings.size() == 1);
    CHECK(document.headings[0].level == 3);
    CHECK(document.title == "report"); // no Title paragraph, no core.xml: the file stem
}

TEST_CASE("docx: runs, tabs, breaks, revisions, tables and text boxes", "[parse][docx]")
{
    const std::string body =
        R"(<w:p><w:r><w:t>Hel</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>lo</w:t></w:r><w:r><w:tab/><w:t>world</w:t><w:br/><w:t>again</w:t></w:r></w:p>)"
        R"(<w:p><w:r><w:t xml:space="preserve">kept </w:t></w:r><w:del w:id="1"><w:r><w:delText>deleted </w:delText></w:r></w:del>)"
        R"(<w:ins w:id="2"><w:r><w:t>inserted</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom></w:p>)"
        R"(<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>cell one</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)"
        R"(<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>)"
        R"(<w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>)"
        R"(<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>)"
        R"(<w:p><w:r><w:t>Field </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>7</w:t></w:r></w:p>)"
        R"(<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p><w:p><w:r><w:t>a&amp;b &#x263A;</w:t></w:r></w:p>)";
    const Document document = parse(body);
    std::vector<std::string> texts;
    std::vector<int> lines;
    for (const auto& paragraph : document.paragraphs) {
        texts.push_back(paragraph.text);
        lines.push_back(paragraph.first_line);
        CHECK(paragraph.first_line == paragraph.last_line);
    }
    CHECK(texts == std::vector<std::string>{"Hello world again", "kept inserted", "cell one", "cell two", "Anchor",
                                            "boxed", "Field 7", "a&b \u263A"});
    // Empty paragraphs take no number.
    CHECK(lines == std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8});
}

TEST_CASE("docx: the title comes from core.xml when no paragraph is styled Title", "[parse][docx]")
{
    const std::string core = R"(<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:title>Quarterly   Numbers</dc:title></cp:coreProperties>)";
    const Document document = parse(paragraph("Intro", "berschrift1") + paragraph("Text"), k_styles, core);
    CHECK(document.title == "Quarterly Numbers");
    REQUIRE(document.headings.size() == 1);
    CHECK(document.headings[0].level == 2);
    CHECK(document.headings[0].line == 1); // the property is no paragraph
    // A Title paragraph after a heading is only a paragraph.
    const Document late = parse(paragraph("Intro", "berschrift1") + paragraph("Late title", "Titel"), k_styles, core);
    CHECK(late.title == "Quarterly Numbers");
    CHECK(late.paragraphs.at(0).text == "Late title");
}

TEST_CASE("docx: bad files fail with the reason, damaged XML is read up to the damage", "[parse][docx]")
{
    CHECK(parse_docx("plain text", "a.docx").error() == "not a zip archive");
    CHECK(parse_docx(make_zip({{"word/other.xml", "<x/>"}}), "a.docx").error() == "no word/document.xml");
    const std::string full = make_zip({{"word/document.xml", document_xml(paragraph("Some text"))}});
    CHECK_FALSE(parse_docx(full.substr(0, full.size() / 2), "a.docx"));
    CHECK(parse_docx(make_zip({{"word/document.xml", "not xml at all"}}), "a.docx")
              .error()
              .starts_with("word/document.xml: not XML"));

    auto broken = parse_docx(
        make_zip({{"word/document.xml", document_xml(paragraph("First") + paragraph("Second")).substr(0, 300)}}),
        "a.docx");
    REQUIRE(broken);
    REQUIRE(broken->warnings.size() == 1);
    CHECK(broken->warnings[0].starts_with("word/document.xml: "));

    const std::string bomb = make_zip(
        {{"word/document.xml", document_xml(paragraph("x"))}, {"word/styles.xml", {}, std::size_t{300} << 20}});
    CHECK(parse_docx(bomb, "a.docx").error() == "too large when unpacked (zip bomb?)");
}

TEST_CASE("docx: 100,000-deep nesting costs no stack", "[parse][docx]")
{
    std::string deep;
    for (int i = 0; i < 100000; ++i) {
        deep += "<w:sdt><w:sdtContent>";
    }
    deep += paragraph("Deep text");
    for (int i = 0; i < 100000; ++i) {
        deep += "</w:sdtContent></w:sdt>";
    }
    std::string nested_runs = "<w:p>";
    for (int i = 0; i < 100000; ++i) {
        nested_runs += "<w:ins>";
    }
    nested_runs += "<w:r><w:t>inside</w:t></w:r>";
    for (int i = 0; i < 100000; ++i) {
        nested_runs += "</w:ins>";
    }
    nested_runs += "</w:p>";
    const Document document = parse(deep + nested_runs);
    REQUIRE(document.paragraphs.size() == 2);
    CHECK(document.paragraphs[0].text == "Deep text");
    CHECK(document.paragraphs[1].text == "inside");
}
