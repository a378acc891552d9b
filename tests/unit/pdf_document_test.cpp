// Tests for building a PDF's Document from its pages: line numbers, pages, headings, sections.
#include "parse/pdf_document.h"

#include <catch2/catch.hpp>

#include <string>
#include <unordered_set>
#include <vector>

using namespace kosh;
using namespace kosh::pdf;

namespace {

PdfText manual(int pages)
{
    PdfText text;
    text.title = "Widget Manual";
    const char* const topics[] = {"Okapi", "Quokka", "Walrus", "Marmoset", "Tapir"};
    for (int p = 1; p <= pages; ++p) {
        const std::string topic = topics[(p - 1) % 5];
        text.pages.push_back({"Widget Manual", "", "Topic " + topic, "Text about the " + topic + " in docu-",
                              "ments on the " + topic + ".", "", "- " + std::to_string(p) + " -"});
    }
    return text;
}

} // namespace

TEST_CASE("lines are numbered across pages and each page's first line is recorded", "[pdf]")
{
    PdfText text = manual(4);
    text.pages.insert(text.pages.begin() + 2, std::vector<std::string>{}); // an empty page
    const Document document = document_from_pdf_text(text, "docs/manual.pdf");
    CHECK(document.format == "pdf");
    CHECK(document.title == "Widget Manual");
    CHECK(document.page_starts == std::vector<int>{1, 8, 15, 15, 22});
    CHECK(document.headings.empty()); // no bookmarks: no invented headings
    // Running header and "- N -" footers are gone; each page's text is one paragraph.
    REQUIRE(document.paragraphs.size() == 4);
    const Paragraph& second = document.paragraphs[1];
    CHECK(second.first_line == 10);
    CHECK(second.last_line == 12);
    CHECK(second.text == "Topic Quokka\nText about the Quokka in documents\non the Quokka.");
}

TEST_CASE("bookmarks become headings on their lines, and paragraphs get their sections", "[pdf]")
{
    PdfText text = manual(4);
    text.bookmarks = {{"Topic Okapi", 1}, {"Topic Quokka", 2}, {"Topic Walrus", 1}, {"Topic Ibex", 1}};
    const Document document = document_from_pdf_text(text, "manual.pdf");
    REQUIRE(document.headings.size() == 3);
    CHECK(document.headings[0].text == "Topic Okapi");
    CHECK(document.headings[0].level == 2);
    CHECK(document.headings[0].line == 3);
    CHECK(document.headings[1].level == 3);
    CHECK(document.headings[1].line == 10);
    CHECK(document.headings[2].line == 17);
    REQUIRE(document.paragraphs.size() == 4);
    CHECK(document.paragraphs[1].first_line == 11); // the heading line is not text
    CHECK(document.paragraphs[1].sections == std::vector<std::string>{"Topic Okapi", "Topic Quokka"});
    CHECK(document.paragraphs[3].sections == std::vector<std::string>{"Topic Walrus"});
}

TEST_CASE("an outline mostly not found in the text is not used", "[pdf]")
{
    PdfText text = manual(4);
    text.bookmarks = {{"Topic Okapi", 1}, {"Elsewhere", 1}, {"Nowhere", 1}};
    const Document document = document_from_pdf_text(text, "manual.pdf");
    CHECK(document.headings.empty());
}

TEST_CASE("without a usable Title the document is named by its file", "[pdf]")
{
    PdfText text = manual(1);
    text.title = "Microsoft Word - draft7.doc";
    CHECK(document_from_pdf_text(text, "docs/guide.pdf").title == "draft7");
    text.title = "untitled";
    CHECK(document_from_pdf_text(text, "docs/guide.pdf").title == "guide");
}

TEST_CASE("a short line closing a sentence splits a block into paragraphs", "[pdf]")
{
    PdfText text;
    text.pages.push_back({"The first paragraph runs on for a full line of text here,", "and it stops short.",
                          "The second paragraph starts with a capital and runs", "on to its own end."});
    const Document document = document_from_pdf_text(text, "a.pdf");
    REQUIRE(document.paragraphs.size() == 2);
    CHECK(document.paragraphs[0].last_line == 2);
    CHECK(document.paragraphs[1].first_line == 3);
}

TEST_CASE("a heading that opens every page is a heading, not a running header", "[pdf]")
{
    PdfText text;
    for (int p = 1; p <= 4; ++p) {
        const std::string n = std::to_string(p);
        text.pages.push_back({"Lesson " + n, "What lesson " + n + " teaches about " + std::string(p, 'x') + "."});
    }
    text.bookmarks = {{"Lesson 1", 1}, {"Lesson 2", 1}, {"Lesson 3", 1}, {"Lesson 4", 1}};
    const Document document = document_from_pdf_text(text, "lessons.pdf");
    REQUIRE(document.headings.size() == 4);
    CHECK(document.headings[3].line == 7);
}

TEST_CASE("a running header that reads like a bookmark stays a running header off the bookmark's line", "[pdf]")
{
    // "Chapter 2: Compile" heads every page of the chapter that bookmark "2 Compile" opens; it
    // matches the bookmark once the chapter number is set aside, but only one line is the heading.
    PdfText text;
    text.pages.push_back({"2 Compile", "This chapter is about compiling."});
    for (const char* step : {"Preprocess the sources.", "Translate them to C.", "Compile the C.", "Link it all."}) {
        text.pages.push_back({"Chapter 2: Compile", "", step});
    }
    text.bookmarks = {{"2 Compile", 1}};
    const Document document = document_from_pdf_text(text, "cobol.pdf");
    REQUIRE(document.headings.size() == 1);
    CHECK(document.headings[0].line == 1);
    for (const Paragraph& paragraph : document.paragraphs) {
        INFO(paragraph.text);
        CHECK(paragraph.text.find("Chapter 2") == std::string::npos);
    }
    std::string all;
    for (const Paragraph& paragraph : document.paragraphs) {
        all += paragraph.text + "\n";
    }
    CHECK(all.find("Link it all.") != std::string::npos);
}

TEST_CASE("a page that lists the bookmarks with page numbers is a contents page", "[pdf]")
{
    const std::unordered_set<std::string> titles{"introduction", "installing",      "configuring",
                                                 "running",      "troubleshooting", "index"};
    // Titles and page numbers on lines of their own, as poppler reads many contents pages.
    const std::vector<std::string> contents{
        "CONTENTS", "1 Introduction",    "1",  "2 Installing", "3", "3 Configuring", "7", "4 Running",
        "9",        "5 Troubleshooting", "12", "Index",        "15"};
    CHECK(is_contents_page(contents, titles));
    // A page of text that names a few of the sections is not.
    const std::vector<std::string> body{"Installing",
                                        "Before installing, read the introduction and the part on",
                                        "configuring, then follow the steps below one by one.",
                                        "Running the installer twice is harmless.",
                                        "Configuring",
                                        "Edit the file and restart the service when you are done.",
                                        "12"};
    CHECK_FALSE(is_contents_page(body, titles));
}
