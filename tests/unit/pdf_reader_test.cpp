// Tests for parse_pdf on PDFs written by the test (tiny_pdf.h): text, outline, title, failures.
#include "parse/pdf_reader.h"
#include "tiny_pdf.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>

using namespace kosh;
using kosh::test::TinyPdf;
using kosh::test::write_tiny_pdf;

namespace {

TinyPdf guide()
{
    TinyPdf pdf;
    pdf.title = "Tiny Guide";
    const char* const animals[] = {"Okapi", "Quokka", "Walrus", "Marmoset"};
    for (int p = 1; p <= 4; ++p) {
        const std::string animal = animals[p - 1];
        pdf.pages.push_back({"Tiny Guide", "About the " + animal, "The " + animal + " eats fruit and leaves.",
                             "Page " + std::to_string(p)});
    }
    pdf.bookmarks = {{"About the Okapi", {"About the Quokka"}}, {"About the Walrus", {}}, {"About the Marmoset", {}}};
    return pdf;
}

} // namespace

TEST_CASE("parse_pdf reads pages, bookmarks and the title", "[pdf]")
{
    const auto document = parse_pdf(write_tiny_pdf(guide()), "docs/guide.pdf");
    REQUIRE(document.has_value());
    CHECK(document->format == "pdf");
    CHECK(document->title == "Tiny Guide");
    CHECK(document->page_starts == std::vector<int>{1, 5, 9, 13});
    REQUIRE(document->headings.size() == 4);
    CHECK(document->headings[0].text == "About the Okapi");
    CHECK(document->headings[0].line == 2);
    CHECK(document->headings[1].level == 3);
    CHECK(document->headings[3].line == 14);
    REQUIRE(document->paragraphs.size() == 4);
    CHECK(document->paragraphs[2].text == "The Walrus eats fruit and leaves.");
    CHECK(document->paragraphs[2].first_line == 11);
    CHECK(document->paragraphs[2].sections == std::vector<std::string>{"About the Walrus"});
}

TEST_CASE("parse_pdf names a PDF without a title after its file", "[pdf]")
{
    TinyPdf pdf = guide();
    pdf.title.clear();
    pdf.bookmarks.clear();
    const auto document = parse_pdf(write_tiny_pdf(pdf), "docs/guide.pdf");
    REQUIRE(document.has_value());
    CHECK(document->title == "guide");
    CHECK(document->headings.empty());
}

TEST_CASE("parse_pdf fails on bytes that are not a PDF, with the reason", "[pdf]")
{
    const auto document = parse_pdf("not a PDF at all\n", "x.pdf");
    REQUIRE_FALSE(document.has_value());
    CHECK(document.error().rfind("damaged PDF: ", 0) == 0);
    CHECK(document.error().find('\n') == std::string::npos);
    CHECK_FALSE(parse_pdf("", "x.pdf").has_value());
}

TEST_CASE("parse_pdf fails on a PDF with no text", "[pdf]")
{
    TinyPdf pdf = guide();
    pdf.drawing_only = true;
    const auto document = parse_pdf(write_tiny_pdf(pdf), "scan.pdf");
    REQUIRE_FALSE(document.has_value());
    CHECK(document.error() == "no text in this PDF (scanned images?)");
}

TEST_CASE("parse_pdf survives a PDF cut short", "[pdf]")
{
    const std::string bytes = write_tiny_pdf(guide());
    for (std::size_t size : {bytes.size() / 4, bytes.size() / 2, bytes.size() - 30}) {
        const auto document = parse_pdf(std::string_view(bytes).substr(0, size), "cut.pdf");
        if (!document) {
            CHECK_FALSE(document.error().empty());
        }
    }
}

// Writes the fuzz target's seeds: `kosh_unit_tests "[.pdf-seeds]"` with KOSH_PDF_SEEDS set to
// tests/fuzz/seeds/fuzz_pdf_reader. Hidden, so an ordinary run writes nothing.
TEST_CASE("write the PDF fuzz seeds", "[.pdf-seeds]")
{
    const char* folder = std::getenv("KOSH_PDF_SEEDS");
    REQUIRE(folder != nullptr);
    TinyPdf small = guide();
    small.pages.resize(2);
    small.bookmarks = {{"About the Okapi", {"About the Quokka"}}};
    TinyPdf drawing = small;
    drawing.drawing_only = true;
    TinyPdf plain = small;
    plain.title.clear();
    plain.bookmarks.clear();
    for (const auto& [name, pdf] :
         {std::pair{"outline.pdf", small}, std::pair{"drawing.pdf", drawing}, std::pair{"plain.pdf", plain}}) {
        std::ofstream(std::string(folder) + "/" + name, std::ios::binary) << write_tiny_pdf(pdf);
    }
}
