// Tests for passage locations: pages and chapters from whole-file line numbers, and their labels.
#include "parse/location.h"

#include <catch2/catch.hpp>

namespace {

kosh::Paragraph passage_at(int first_line, int last_line)
{
    kosh::Paragraph passage;
    passage.first_line = first_line;
    passage.last_line = last_line;
    return passage;
}

} // namespace

TEST_CASE("locate_passage counts a PDF passage's lines from the top of its page", "[parse]")
{
    kosh::Document pdf;
    pdf.page_starts = {1, 41, 41, 90}; // page 2 has no lines
    auto first = passage_at(1, 3);
    kosh::locate_passage(pdf, first);
    CHECK(first.page == 1);
    CHECK(first.first_line == 1);
    CHECK(first.last_line == 3);
    auto on_four = passage_at(95, 99);
    kosh::locate_passage(pdf, on_four);
    CHECK(on_four.page == 4);
    CHECK(on_four.first_line == 6);
    CHECK(on_four.last_line == 10);
    // A passage that runs onto the next page belongs to the page it starts on.
    auto across = passage_at(40, 42);
    kosh::locate_passage(pdf, across);
    CHECK(across.page == 1);
    CHECK(across.first_line == 40);
    CHECK(across.last_line == 42);
    auto after_empty = passage_at(41, 41);
    kosh::locate_passage(pdf, after_empty);
    CHECK(after_empty.page == 3); // the last page starting at line 41 is the one it is on
    CHECK(after_empty.chapter == 0);
}

TEST_CASE("locate_passage counts an EPUB passage's paragraphs from the start of its chapter", "[parse]")
{
    kosh::Document epub;
    epub.chapter_starts = {3, 20};
    auto front = passage_at(1, 2); // before the first chapter: left as the book counts it
    kosh::locate_passage(epub, front);
    CHECK(front.chapter == 0);
    CHECK(front.first_line == 1);
    auto second = passage_at(25, 26);
    kosh::locate_passage(epub, second);
    CHECK(second.chapter == 2);
    CHECK(second.page == 0);
    CHECK(second.first_line == 6);
    CHECK(second.last_line == 7);
}

TEST_CASE("locate_passage leaves a line-based document's passages as they are", "[parse]")
{
    const kosh::Document text;
    auto passage = passage_at(12, 15);
    kosh::locate_passage(text, passage);
    CHECK(passage.first_line == 12);
    CHECK(passage.last_line == 15);
    CHECK(passage.page == 0);
    CHECK(passage.chapter == 0);
}

TEST_CASE("location_label shows each format's place as a reader finds it", "[parse]")
{
    CHECK(kosh::location_label("markdown", 12, 0, 0) == "12");
    CHECK(kosh::location_label("pdf", 5, 12, 0) == "p12");
    CHECK(kosh::location_label("docx", 12, 0, 0) == "para12");
    CHECK(kosh::location_label("odt", 3, 0, 0) == "para3");
    CHECK(kosh::location_label("epub", 4, 0, 3) == "ch3:para4");
    CHECK(kosh::location_label("epub", 2, 0, 0) == "para2");
}
