// Tests for parse_odt: office:text in order, headings, titles, spacing, and refused files.
#include "parse/odt_reader.h"

#include "zip_writer.h"

#include <catch2/catch.hpp>

#include <string>

using kosh::Document;
using kosh::parse_odt;
using kosh::test::make_zip;

namespace {

std::string content_xml(const std::string& text, const std::string& automatic_styles = {})
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0">
<office:automatic-styles>)" +
           automatic_styles + R"(</office:automatic-styles>
<office:body><office:text>)" +
           text + "</office:text></office:body></office:document-content>";
}

const std::string k_styles = R"(<office:document-styles xmlns:office="o" xmlns:style="s"><office:styles>
  <style:style style:name="Title" style:family="paragraph"/>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>
</office:styles></office:document-styles>)";

Document parse(const std::string& text, const std::string& automatic_styles = {}, const std::string& meta = {})
{
    std::vector<kosh::test::ZipMember> members{{"mimetype", "application/vnd.oasis.opendocument.text"},
                                               {"content.xml", content_xml(text, automatic_styles)},
                                               {"styles.xml", k_styles}};
    if (!meta.empty()) {
        members.push_back({"meta.xml", meta});
    }
    auto document = parse_odt(make_zip(members), "notes/minutes.odt");
    REQUIRE(document);
    return std::move(*document);
}

} // namespace

TEST_CASE("odt: text:h levels, a Title paragraph through an automatic style, lists and tables", "[parse][odt]")
{
    const Document document =
        parse(R"(<text:p text:style-name="P1">Meeting Minutes</text:p>)"
              R"(<text:p>Opening words.</text:p>)"
              R"(<text:h text:outline-level="1">Agenda</text:h>)"
              R"(<text:list><text:list-item><text:p>First item</text:p></text:list-item>)"
              R"(<text:list-item><text:p>Second item</text:p></text:list-item></text:list>)"
              R"(<text:h text:outline-level="2">Details</text:h>)"
              R"(<table:table><table:table-row><table:table-cell><text:p>cell A</text:p></table:table-cell>)"
              R"(<table:table-cell><text:p>cell B</text:p></table:table-cell></table:table-row></table:table>)"
              R"(<text:p text:style-name="Heading_20_2">Styled heading</text:p>)",
              R"(<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>)");
    CHECK(document.format == "odt");
    CHECK(document.title == "Meeting Minutes");
    REQUIRE(document.headings.size() == 4);
    CHECK(document.headings[0].level == 1);
    CHECK(document.headings[1].text == "Agenda");
    CHECK(document.headings[1].level == 2);
    CHECK(document.headings[1].line == 3);
    CHECK(document.headings[2].text == "Details");
    CHECK(document.headings[2].level == 3);
    CHECK(document.headings[2].line == 6);
    CHECK(document.headings[3].text == "Styled heading");
    CHECK(document.headings[3].level == 3);
    CHECK(document.headings[3].line == 9);
    REQUIRE(document.paragraphs.size() == 5);
    CHECK(document.paragraphs[1].text == "First item");
    CHECK(document.paragraphs[1].first_line == 4);
    CHECK(document.paragraphs[1].sections == std::vector<std::string>{"Agenda"});
    CHECK(document.paragraphs[3].text == "cell A");
    CHECK(document.paragraphs[3].sections == std::vector<std::string>{"Agenda", "Details"});
}

TEST_CASE("odt: spaces, tabs, line breaks, tracked deletions, notes and annotations", "[parse][odt]")
{
    const Document document = parse(
        R"(<text:tracked-changes><text:changed-region><text:deletion><text:p>gone</text:p></text:deletion></text:changed-region></text:tracked-changes>)"
        R"(<text:p>one<text:s text:c="4000000000"/>two<text:tab/>three<text:line-break/>four <text:span>five</text:span> <text:span>six</text:span></text:p>)"
        R"(<text:p>See<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>The note.</text:p></text:note-body></text:note> here.)"
        R"(<office:annotation><text:p>a comment</text:p></office:annotation></text:p>)"
        R"(<text:table-of-content><text:index-body><text:p>Agenda 1</text:p></text:index-body></text:table-of-content>)"
        R"(<text:p>last</text:p>)");
    std::vector<std::string> texts;
    for (const auto& paragraph : document.paragraphs) {
        texts.push_back(paragraph.text);
    }
    CHECK(texts == std::vector<std::string>{"one two three four five six", "See here.", "The note.", "last"});
    CHECK(document.paragraphs.back().first_line == 4);
}

TEST_CASE("odt: the title comes from meta.xml without a Title paragraph", "[parse][odt]")
{
    const std::string meta =
        R"(<office:document-meta xmlns:office="o" xmlns:dc="d"><office:meta><dc:title>Board Notes</dc:title></office:meta></office:document-meta>)";
    const Document document = parse(R"(<text:h text:outline-level="1">Agenda</text:h><text:p>x</text:p>)", {}, meta);
    CHECK(document.title == "Board Notes");
    CHECK(document.headings.at(0).line == 1);
    CHECK(parse("<text:p>x</text:p>").title == "minutes");
}

TEST_CASE("odt: bad files fail with the reason", "[parse][odt]")
{
    CHECK(parse_odt("PK but not really", "a.odt").error() == "not a zip archive");
    CHECK(parse_odt(make_zip({{"mimetype", "x"}}), "a.odt").error() == "no content.xml");
    const std::string manifest =
        R"(<manifest:manifest xmlns:manifest="m"><manifest:file-entry manifest:full-path="content.xml">
        <manifest:encryption-data manifest:checksum="x"/></manifest:file-entry></manifest:manifest>)";
    CHECK(parse_odt(make_zip({{"content.xml", "\x13\x88garbled"}, {"META-INF/manifest.xml", manifest}}), "a.odt")
              .error()
              .starts_with("encrypted"));
    CHECK(parse_odt(make_zip({{"content.xml", {}, std::size_t{300} << 20}}), "a.odt").error() ==
          "too large when unpacked (zip bomb?)");
}
