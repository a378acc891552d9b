// Tests for the plain-text parser: heading detection, levels on common layouts, paragraphs, lines.
#include "output/outline_printer.h"
#include "parse/line_shape.h"
#include "parse/text_parser.h"

#include "document_texts.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using kosh::Document;
using kosh::parse_plain_text;

namespace {

bool has_heading(const Document& document, const std::string& text)
{
    for (const kosh::Heading& heading : document.headings) {
        if (heading.text == text) {
            return true;
        }
    }
    return false;
}

/// A sentence long enough to read as prose wherever it appears.
const std::string k_prose = "This sentence is ordinary body text, long enough to read as prose.";

} // namespace

TEST_CASE("a lone line above text is a heading in any casing, unless it reads as a sentence, list, table or code",
          "[parse]")
{
    struct Row {
        const char* line;
        bool heading;
    };
    const Row rows[] = {
        {"Walking Through the Forest at Night", true},
        {"Trade, Labour, and Migration", true},
        {"The Founding Years (1848)", true},
        {"Roads Between Cities: A Short History", true},
        {"INSTALLATION NOTES", true},
        {"2.3 Getting started", true},
        {"4. Results", true},
        {"Caf\xC3\xA9 Culture in \xC3\x89vora", true},
        {"\xC3\x9C"
         "ber Die Br\xC3\xBC"
         "cke",
         true},
        {"Getting started with the tool", true}, // sentence case
        {"the quiet beginning of something", true},
        {"Where to put it?", true},
        {"3 version", true},
        {"This Line Ends With a Period.", false},
        {"\"What comes next?\"", false},    // quoted: dialogue
        {"Go?", false},                     // one word and a question: a reply
        {"Introduction ........ 3", false}, // a contents entry
        {"Introduction          3", false},
        {"Night   Hut   Altitude", false}, // a table row
        {"Set x = 3 in the file", false},  // code
        {"Contact jane@example.org", false},
        {"Items, Lists, and Tables,", false},
        {"Closing Remarks:", false},
        {"(See the Notes Above.)", false}, // the bracket hides a full stop
        {"One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen",
         false},
        {"- Bullet Item Here", false},
        {"1956", false},                                // no letter
        {"See Https://Example.Org For Details", false}, // a reference, not a name
    };
    for (const Row& row : rows) {
        INFO(row.line);
        const Document document =
            parse_plain_text("Book Title\n\n" + k_prose + "\n\n" + row.line + "\n\n" + k_prose + "\n", "a.txt");
        CHECK(has_heading(document, row.line) == row.heading);
    }
}

TEST_CASE("junk lines are dropped and never become headings or text", "[parse]")
{
    const Document document =
        parse_plain_text("*/\n\nSmall Title\n---\n\nFirst paragraph.\n***\nSecond paragraph.\n\n// ==\n", "junk.txt");
    CHECK(document.title == "Small Title");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"First paragraph.", "Second paragraph."});
    CHECK(document.paragraphs[0].first_line == 6);
    CHECK(document.paragraphs[1].first_line == 8);
}

TEST_CASE("line endings and a BOM do not change the result", "[parse]")
{
    const std::string lf = "Clean Title\n\nIntro line one\nwraps here.\n\nNext Part\n\nBody text.\n";
    std::string crlf;
    std::string cr;
    for (const char c : lf) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        cr += c == '\n' ? '\r' : c;
    }
    const Document expected = parse_plain_text(lf, "x.txt");
    REQUIRE(expected.paragraphs.size() == 2);
    CHECK(expected.paragraphs[0].text == "Intro line one\nwraps here.");
    CHECK(expected.paragraphs[0].first_line == 3);
    CHECK(expected.paragraphs[0].last_line == 4);
    CHECK(expected.paragraphs[1].first_line == 8);

    for (const std::string& input : {crlf, cr, "\xEF\xBB\xBF" + lf, "\xEF\xBB\xBF" + crlf}) {
        const Document document = parse_plain_text(input, "x.txt");
        CHECK(kosh::format_outline(document) == kosh::format_outline(expected));
        REQUIRE(document.paragraphs.size() == 2);
        for (std::size_t i = 0; i < 2; ++i) {
            CHECK(document.paragraphs[i].text == expected.paragraphs[i].text);
            CHECK(document.paragraphs[i].first_line == expected.paragraphs[i].first_line);
            CHECK(document.paragraphs[i].last_line == expected.paragraphs[i].last_line);
        }
        CHECK(document.headings[1].line == 6);
    }
}

TEST_CASE("empty and blank input give a document titled by the file stem", "[parse]")
{
    for (const std::string input : {"", "\n", "   \n\t\n  ", "\xEF\xBB\xBF", "\r\n\r\n"}) {
        const Document document = parse_plain_text(input, "notes/empty.file.txt");
        CHECK(document.title == "empty.file");
        CHECK(document.path == "notes/empty.file.txt");
        CHECK(document.headings.empty());
        CHECK(document.paragraphs.empty());
        CHECK(kosh::format_outline(document) == "empty.file\n");
    }
}

TEST_CASE("a file of headings only is a flat outline", "[parse]")
{
    const Document document = parse_plain_text("Only Headings\n\nFirst Part\n\nSecond Part\n\nThird Part\n", "h.txt");
    CHECK(kosh::format_outline(document) == "Only Headings\n  First Part\n  Second Part\n  Third Part\n");
    CHECK(document.paragraphs.empty());
}

TEST_CASE("text before the first heading means the title is the file stem", "[parse]")
{
    const Document document = parse_plain_text(k_prose + "\n\nLater Heading\n\n" + k_prose + "\n", "dir/memo.txt");
    CHECK(document.title == "memo");
    CHECK(kosh::format_outline(document) == "memo\n  Later Heading\n");
    CHECK(document.paragraphs[0].sections.empty());
    CHECK(document.paragraphs[1].sections == std::vector<std::string>{"Later Heading"});
}

TEST_CASE("numbered headings take their level from the number", "[parse]")
{
    const Document document = parse_plain_text("A Study of Widgets\n\n"
                                               "1. Introduction\n\nWidgets are common.\n\n"
                                               "1.1 Scope\n\nThis covers the scope.\n\n"
                                               "1.2 Terms used here\n\nTerms are defined.\n\n"
                                               "2. Methods\n\nWe measured widgets.\n\n"
                                               "2.1.1 Deep Detail\n\nDeep detail text.\n",
                                               "study.txt");
    // 2.1.1 has no 2.1 above it: it keeps level 4, and its indentation says so.
    CHECK(kosh::format_outline(document) == "A Study of Widgets\n"
                                            "  1. Introduction\n"
                                            "    1.1 Scope\n"
                                            "    1.2 Terms used here\n"
                                            "  2. Methods\n"
                                            "      2.1.1 Deep Detail\n");
    CHECK(document.paragraphs[2].sections == std::vector<std::string>{"1. Introduction", "1.2 Terms used here"});
    CHECK(document.paragraphs[4].sections == std::vector<std::string>{"2. Methods", "2.1.1 Deep Detail"});
}

TEST_CASE("numbered legal-style headings may end in a full stop when alone", "[parse]")
{
    const Document document = parse_plain_text("SAMPLE LICENSE\n\n"
                                               "0. Definitions.\n\n\"Work\" means the thing licensed here.\n\n"
                                               "1. Source Code.\n\nSource code is the preferred form.\n\n"
                                               "1. buy milk.\n\n",
                                               "license.txt");
    CHECK(heading_texts(document) == std::vector<std::string>{"SAMPLE LICENSE", "0. Definitions.", "1. Source Code."});
}

TEST_CASE("ALL CAPS sections hold Title Case subsections", "[parse]")
{
    const Document document = parse_plain_text("Widget Handbook\n\n"
                                               "A Word Before Starting\n\nSome words first.\n\n"
                                               "INSTALLING WIDGETS\n\nThis part covers installation.\n\n"
                                               "Choosing a Location\n\nPick a dry spot.\n\n"
                                               "Mounting the Bracket\n\nDrill two holes.\n\n"
                                               "CARING FOR WIDGETS\n\nDust them weekly.\n",
                                               "handbook.txt");
    // The Title Case heading before the first ALL CAPS one still sits directly below the title.
    CHECK(kosh::format_outline(document) == "Widget Handbook\n"
                                            "  A Word Before Starting\n"
                                            "  INSTALLING WIDGETS\n"
                                            "    Choosing a Location\n"
                                            "    Mounting the Bracket\n"
                                            "  CARING FOR WIDGETS\n");
    CHECK(document.paragraphs[3].sections == std::vector<std::string>{"INSTALLING WIDGETS", "Mounting the Bracket"});
}

TEST_CASE("underlined headings rank by their underline", "[parse]")
{
    SECTION("=== sections and --- subsections under a plain title")
    {
        const Document document = parse_plain_text("Plain Title Line\n\n"
                                                   "Getting started\n===============\n\nInstall it first.\n\n"
                                                   "Requirements\n------------\n\nYou need a computer.\n\n"
                                                   "Running it\n----------\nType the command.\n\n"
                                                   "Advanced use\n============\n\nBe careful.\n",
                                                   "guide.txt");
        CHECK(kosh::format_outline(document) == "Plain Title Line\n"
                                                "  Getting started\n"
                                                "    Requirements\n"
                                                "    Running it\n"
                                                "  Advanced use\n");
        REQUIRE(document.paragraphs.size() == 4);
        CHECK(document.paragraphs[2].text == "Type the command.");
        CHECK(document.paragraphs[2].first_line == 15);
    }
    SECTION("an overlined title above underlined sections")
    {
        const Document document = parse_plain_text("=========\nThe Tool\n=========\n\nWhat it does.\n\n"
                                                   "Usage\n=====\n\nRun it.\n\nOptions\n-------\n\nSet them.\n",
                                                   "tool.rst");
        CHECK(kosh::format_outline(document) == "The Tool\n  Usage\n    Options\n");
    }
    SECTION("a short rule under a sentence is not an underline")
    {
        const Document document = parse_plain_text("Thanks for reading all of this\n---\n", "t.txt");
        CHECK(document.headings.empty());
        CHECK(paragraph_texts(document) == std::vector<std::string>{"Thanks for reading all of this"});
    }
}

TEST_CASE("a hard-wrapped book with CHAPTER headings", "[parse]")
{
    const Document document = parse_plain_text("THE TALE OF A SMALL TOWN\n\n"
                                               "by A. N. Author\n\n"
                                               "CHAPTER I\n\n"
                                               "The town sat at the bottom of a long valley, where the river\n"
                                               "turned twice before it reached the mill. Nobody there had ever\n"
                                               "seen the sea, and most of them did not care to.\n\n"
                                               "On market days the square filled with carts and the smell of\n"
                                               "bread, and the children ran between the stalls.\n\n"
                                               "CHAPTER II.\n"
                                               "The Second Day\n\n"
                                               "The morning came slowly over the hills, and the town woke to the\n"
                                               "sound of bells ringing out across the valley floor below.\n",
                                               "tale.txt");
    CHECK(kosh::format_outline(document) == "THE TALE OF A SMALL TOWN\n"
                                            "  CHAPTER I\n"
                                            "  CHAPTER II. The Second Day\n");
    REQUIRE(document.paragraphs.size() == 4);
    CHECK(document.paragraphs[0].text == "by A. N. Author");
    CHECK(document.paragraphs[1].first_line == 7);
    CHECK(document.paragraphs[1].last_line == 9);
    CHECK(document.paragraphs[1].text.find("river\nturned") != std::string::npos);
    CHECK(document.paragraphs[1].sections == std::vector<std::string>{"CHAPTER I"});
    CHECK(document.paragraphs[3].sections == std::vector<std::string>{"CHAPTER II. The Second Day"});
    CHECK(document.headings[2].line == 14);
}

TEST_CASE("a title-like first line that runs on into lowercase is wrapped prose", "[parse]")
{
    const Document document =
        parse_plain_text("Alice Went Down the Garden Path and\nthen she sat by the pond for a while.\n", "p.txt");
    CHECK(document.headings.empty());
    CHECK(document.paragraphs.size() == 1);
}

TEST_CASE("a web article with one paragraph per line", "[parse]")
{
    const std::string article =
        "How Bees Make Honey\n"
        "Bees are remarkable insects that turn nectar into honey through a long process of collection, "
        "digestion and evaporation, which takes place inside the hive over many days of careful work.\n"
        "Each forager visits hundreds of flowers on a single trip, storing nectar in a special stomach "
        "called the honey crop, where enzymes begin to break down the complex sugars into simpler ones.\n"
        "The Role of the Hive\n"
        "Back at the hive, house bees take the nectar and pass it from mouth to mouth, reducing its water "
        "content before depositing it into wax cells for the final stage of drying.\n"
        "\n"
        "Short lines are fine.\n"
        "Lines of about a hundred and fifty characters that each end a sentence are paragraphs of their own, "
        "since hard wrapping stops near eighty.\n"
        "A third line like that keeps the median length of this block well above the width of a hard-wrapped "
        "line, so it is not joined.\n";
    const Document document = parse_plain_text(article, "bees.txt");
    CHECK(kosh::format_outline(document) == "How Bees Make Honey\n  The Role of the Hive\n");
    REQUIRE(document.paragraphs.size() == 6);
    CHECK(document.paragraphs[0].first_line == 2);
    CHECK(document.paragraphs[1].first_line == 3);
    CHECK(document.paragraphs[1].last_line == 3);
    CHECK(document.paragraphs[1].sections.empty());
    CHECK(document.paragraphs[2].first_line == 5);
    CHECK(document.paragraphs[2].sections == std::vector<std::string>{"The Role of the Hive"});
    CHECK(document.paragraphs[5].first_line == 9);
}

TEST_CASE("headings of one style nest only where the layout shows it", "[parse]")
{
    SECTION("headings that run straight into their text are sections; those set apart, their subsections")
    {
        const Document document = parse_plain_text("Gardening Basics\n\n"
                                                   "Introduction\n\nWhy garden.\n\nWhat you need.\n\n"
                                                   "Soil and Water: The Foundations\nOne intro paragraph.\n\n"
                                                   "Testing Your Soil\n\nBuy a kit.\n\nRead the label.\n\n"
                                                   "Watering Schedules: Morning or Evening\n\nMorning.\n\nEvening.\n\n"
                                                   "Plants and Seasons: What Grows When\nIntro.\n\n"
                                                   "Spring Planting\n\nPeas.\n\nBeans.\n\n"
                                                   "Conclusion\n\nGo outside.\n",
                                                   "garden.txt");
        CHECK(kosh::format_outline(document) == "Gardening Basics\n"
                                                "  Introduction\n"
                                                "  Soil and Water: The Foundations\n"
                                                "    Testing Your Soil\n"
                                                "    Watering Schedules: Morning or Evening\n"
                                                "  Plants and Seasons: What Grows When\n"
                                                "    Spring Planting\n"
                                                "  Conclusion\n");
        CHECK(document.paragraphs.back().sections == std::vector<std::string>{"Conclusion"});
    }
    SECTION("a heading directly followed by another opens a group")
    {
        const Document document = parse_plain_text(
            "Field Guide\n\nBirds of the Coast\n\nGulls and Terns\n\nNoisy.\n\nWaders\n\nQuiet.\n", "birds.txt");
        CHECK(kosh::format_outline(document) == "Field Guide\n  Birds of the Coast\n    Gulls and Terns\n    Waders\n");
    }
    SECTION("sections of equal weight stay flat")
    {
        const Document document = parse_plain_text("Notes on Travel\n\n"
                                                   "Packing Light: Less Is More\n\nOne paragraph.\n\n"
                                                   "Booking Flights: Timing Matters\n\nOne paragraph.\n\n"
                                                   "Local Food\n\nOne paragraph.\n",
                                                   "travel.txt");
        CHECK(kosh::format_outline(document) == "Notes on Travel\n"
                                                "  Packing Light: Less Is More\n"
                                                "  Booking Flights: Timing Matters\n"
                                                "  Local Food\n");
    }
}

TEST_CASE("two title-like lines opening a file are a title and its byline", "[parse]")
{
    const std::string pair = "Sample Public License\nVersion 2, June 1999\n\n";
    const Document opening = parse_plain_text(pair + k_prose + "\n", "l.txt");
    CHECK(opening.title == "Sample Public License");
    CHECK(paragraph_texts(opening) == std::vector<std::string>{"Version 2, June 1999", k_prose});

    // Later in the file the same pair is just two short lines of text.
    const Document later = parse_plain_text(k_prose + "\n\n" + pair, "l.txt");
    CHECK(later.headings.empty());
    CHECK(paragraph_texts(later) == std::vector<std::string>{k_prose, "Sample Public License\nVersion 2, June 1999"});
}

TEST_CASE("a block of several short title-like lines is a list, not headings", "[parse]")
{
    const Document document =
        parse_plain_text("Contents Page\n\nWhere It All Begins\nThe Middle Part\nHow It Ends\n\n" + k_prose, "c.txt");
    CHECK(heading_texts(document) == std::vector<std::string>{"Contents Page"});
    CHECK(document.paragraphs[0].text == "Where It All Begins\nThe Middle Part\nHow It Ends");
}

TEST_CASE("binary junk and huge lines parse without crashing, in linear time", "[parse]")
{
    std::string junk;
    for (int i = 0; i < 200000; ++i) {
        junk += static_cast<char>((i * 7919 + i / 13) % 256);
    }
    const Document binary = parse_plain_text(junk, "blob.bin");
    CHECK(binary.title == "blob");

    const auto start = std::chrono::steady_clock::now();
    const std::string huge_line(4'000'000, 'a');
    const Document one_line = parse_plain_text("Title\n\n" + huge_line + "\n", "huge.txt");
    REQUIRE(one_line.paragraphs.size() == 1);
    CHECK(one_line.paragraphs[0].text.size() == huge_line.size());

    std::string many_lines;
    for (int i = 0; i < 100000; ++i) {
        many_lines += i % 3 == 0 ? "Short Title Line\n" : "some words on a line.\n";
    }
    const Document many = parse_plain_text(many_lines, "many.txt");
    CHECK(!many.paragraphs.empty());
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count() < 10);
}

TEST_CASE("a heading may be 100 code points long, not 101", "[parse]")
{
    const std::string hundred = "Internationalization Considerations Regarding Extraordinarily Comprehensive "
                                "Documentation Frameworks";
    REQUIRE(hundred.size() == 100);
    const auto document_with = [](const std::string& line) {
        return parse_plain_text("Doc Title\n\n" + line + "\n\n" + k_prose + "\n\nSecond Part\n\n" + k_prose + "\n",
                                "long.txt");
    };
    CHECK(heading_texts(document_with(hundred)) == std::vector<std::string>{"Doc Title", hundred, "Second Part"});
    CHECK(heading_texts(document_with(hundred + "s")) == std::vector<std::string>{"Doc Title", "Second Part"});
}

TEST_CASE("underlined headings: letters of any script, underlines of three characters", "[parse]")
{
    // CJK characters are letters without case (Unicode category Lo).
    const Document document = parse_plain_text("Doc Title\n\n\xE4\xB8\xAD\xE5\x9B\xBD\xE5\x8E\x86\xE5\x8F\xB2\n"
                                               "========\n\n" +
                                                   k_prose + "\n\nFoo\n===\n\n" + k_prose + "\n",
                                               "scripts.txt");
    CHECK(heading_texts(document) ==
          std::vector<std::string>{"Doc Title", "\xE4\xB8\xAD\xE5\x9B\xBD\xE5\x8E\x86\xE5\x8F\xB2", "Foo"});
}

namespace {

/// The headings of "Doc Title", then `body`, then a paragraph of prose.
std::vector<std::string> headings_around(const std::string& body)
{
    return heading_texts(parse_plain_text("Doc Title\n\n" + body + "\n\n" + k_prose + "\n", "limits.txt"));
}

using Headings = std::vector<std::string>;

} // namespace

TEST_CASE("an underline must be at least half as long as its text, and three characters", "[parse]")
{
    // Code-like text is a heading only when underlined, so the underline's length decides.
    CHECK(headings_around("the a|b option\n=======") == Headings{"Doc Title", "the a|b option"});
    CHECK(headings_around("the a|b option\n======") == Headings{"Doc Title"});
    const std::string hundred = "internationalization considerations regarding extraordinarily comprehensive "
                                "documentation frameworks";
    CHECK(headings_around(hundred + "\n" + std::string(50, '=')) == Headings{"Doc Title", hundred});
    CHECK(headings_around(hundred + "s\n" + std::string(51, '=')) == Headings{"Doc Title"});
}

TEST_CASE("a numbered heading ending in a period stands alone: at most 16 words and 100 code points", "[parse]")
{
    const auto numbered = [](const std::string& first) {
        return heading_texts(parse_plain_text(
            "Doc Title\n\n" + first + "\n\n" + k_prose + "\n\n2. Second Part.\n\n" + k_prose + "\n", "numbered.txt"));
    };
    const std::string sixteen_words = "1. One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen "
                                      "Fourteen Fifteen.";
    CHECK(numbered(sixteen_words) == Headings{"Doc Title", sixteen_words, "2. Second Part."});
    CHECK(numbered("1. One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen "
                   "Sixteen.") == Headings{"Doc Title", "2. Second Part."});
    const std::string hundred =
        "1. Internationalization Considerations Regarding Extraordinarily Comprehensive Documentation Messes.";
    REQUIRE(hundred.size() == 100);
    CHECK(numbered(hundred) == Headings{"Doc Title", hundred, "2. Second Part."});
    CHECK(numbered("1. Internationalization Considerations Regarding Extraordinarily Comprehensive Documentation "
                   "Messesx.") == Headings{"Doc Title", "2. Second Part."});
}

TEST_CASE("a heading directly above its text needs text that reads as prose: four words or a clause", "[parse]")
{
    const auto lead = [](const std::string& first_line) {
        return heading_texts(parse_plain_text(
            "Doc Title\n\nSection Name\n" + first_line + "\n\nOther Section\n" + k_prose + "\n", "lead.txt"));
    };
    CHECK(lead("Body text goes here") == Headings{"Doc Title", "Section Name", "Other Section"});
    CHECK(lead("Body text goes") == Headings{"Doc Title", "Other Section"});
}

TEST_CASE("up to two title-like lines above wrapped prose are headings; three are a list", "[parse]")
{
    const std::string wrapped = "Body text goes here and it\ncontinues on a wrapped line.\n";
    const auto parse = [](const std::string& block) {
        return heading_texts(parse_plain_text("Doc Title\n\n" + k_prose + "\n\n" + block, "lead.txt"));
    };
    CHECK(parse("Main Part\nSub Part\n" + wrapped) == Headings{"Doc Title", "Main Part", "Sub Part"});
    CHECK(parse("Main Part\nSub Part\nThird Part\n" + wrapped) == Headings{"Doc Title"});
}

TEST_CASE("a label line and the title under it, above prose, make one heading", "[parse]")
{
    CHECK(headings_around(k_prose + "\n\nCHAPTER IV\nThe Long Voyage\n" + k_prose + "\n\nCHAPTER V\nThe Return") ==
          Headings{"Doc Title", "CHAPTER IV: The Long Voyage", "CHAPTER V: The Return"});
}

TEST_CASE("section numbers: one to three digits a part, 0 to 9, give the level", "[parse]")
{
    const Document document =
        parse_plain_text("Doc Title\n\n" + k_prose + "\n\n0. Zeroth Part\n\n" + k_prose + "\n\n0.1 Zero Sub\n\n" +
                             k_prose + "\n\n1. First Part\n\n" + k_prose + "\n\n1.0.1 Deep Sub\n\n" + k_prose +
                             "\n\n2. Second Part\n\n" + k_prose + "\n\n1000.1 Thousand Sub\n\n" + k_prose + "\n",
                         "numbers.txt");
    // Four digits are not a section number: "1000.1 Thousand Sub" is a plain Title Case heading.
    CHECK(kosh::format_outline(document) == "Doc Title\n"
                                            "  0. Zeroth Part\n"
                                            "    0.1 Zero Sub\n"
                                            "  1. First Part\n"
                                            "      1.0.1 Deep Sub\n"
                                            "  2. Second Part\n"
                                            "  1000.1 Thousand Sub\n");
    CHECK(document.headings[4].level == 4);
    CHECK(document.headings[6].level == 2);
}

TEST_CASE("numbers that do not follow on from each other are not section numbers", "[parse]")
{
    // Release notes: "3 version" above "1.0 (first)" is a list of versions, not sections 3 and 1.0.
    const Document document = parse_plain_text("Release History\n\n3 version\n\n" + k_prose + "\n\n2 version\n\n" +
                                                   k_prose + "\n\n1.0 (first public release)\n\n" + k_prose + "\n",
                                               "notes.txt");
    CHECK(kosh::format_outline(document) ==
          "Release History\n  3 version\n  2 version\n  1.0 (first public release)\n");
}

TEST_CASE("ALL CAPS takes two capitals; Title Case three of four long words capitalised", "[parse]")
{
    const Document caps =
        parse_plain_text("Doc Title\n\n" + k_prose + "\n\nINTRODUCTION\n\n" + k_prose + "\n\nSome Details\n\n" +
                             k_prose + "\n\nFAQ\n\n" + k_prose + "\n\nMore Details\n\n" + k_prose + "\n",
                         "caps.txt");
    CHECK(kosh::format_outline(caps) == "Doc Title\n  INTRODUCTION\n    Some Details\n  FAQ\n    More Details\n");
    CHECK(kosh::measure_line("Great Rivers feed Valleys").casing == kosh::Casing::title);
    CHECK(kosh::measure_line("Great Rivers feed valleys").casing == kosh::Casing::sentence);
    CHECK(kosh::measure_line("A").casing == kosh::Casing::title);
    CHECK(kosh::measure_line("AB CD").casing == kosh::Casing::caps);
    CHECK(kosh::measure_line("FAQ").acronym);
}

TEST_CASE("a heading may have sixteen words, not seventeen", "[parse]")
{
    const std::string sixteen = "Abc Def Ghi Jkl Mno Pqr Stu Vwx Yza Bcd Efg Hij Klm Nop Qrs Tuv";
    CHECK(headings_around(sixteen) == Headings{"Doc Title", sixteen});
    CHECK(headings_around(sixteen + " Seventeen") == Headings{"Doc Title"});
}

TEST_CASE("a document may open with an underlined title", "[parse]")
{
    const Document document =
        parse_plain_text("Title Line\n==========\n\n" + k_prose + "\n\nPart\n----\n\n" + k_prose + "\n", "u.txt");
    CHECK(kosh::format_outline(document) == "Title Line\n  Part\n");
}

TEST_CASE("lines longer than 200 code points are paragraphs of their own; sentences, beyond 100", "[parse]")
{
    const auto paragraphs_of = [](std::size_t length, const std::string& end) {
        std::string line;
        while (line.size() + end.size() < length) {
            line += line.empty() ? "Words" : " words";
        }
        line = line.substr(0, length - end.size()) + end;
        REQUIRE(line.size() == length);
        return parse_plain_text("Doc Title\n\n" + line + "\n" + line + "\n" + line + "\n", "lines.txt")
            .paragraphs.size();
    };
    CHECK(paragraphs_of(201, "x") == 3);
    CHECK(paragraphs_of(200, "x") == 1);
    CHECK(paragraphs_of(101, " end.") == 3);
    CHECK(paragraphs_of(100, " end.") == 1);
}

TEST_CASE("numbers alone on a line are text, not section numbers", "[parse]")
{
    for (const char* line : {"12", "1.", "1.2", "1", "123."}) {
        INFO(line);
        const Document document =
            parse_plain_text(std::string("Doc Title\n\n") + line + "\n\n" + k_prose + "\n", "n.txt");
        CHECK(heading_texts(document) == Headings{"Doc Title"});
    }
}

TEST_CASE("plain-text code: indented blocks and fenced text are code, never headings", "[parse]")
{
    const Document document = parse_plain_text("Doc Title\n\n" + k_prose +
                                                   "\n\nRun it like this:\n\n"
                                                   "    make install\n      --prefix /usr\n\n"
                                                   "```\nConfiguration Notes\nkey = value\n```\n\n" +
                                                   k_prose + "\n",
                                               "code.txt");
    CHECK(heading_texts(document) == std::vector<std::string>{"Doc Title"});
    REQUIRE(document.paragraphs.size() == 5);
    CHECK(document.paragraphs[2].text == "make install\n  --prefix /usr");
    CHECK(document.paragraphs[2].code == std::vector<kosh::ByteSpan>{{0, document.paragraphs[2].text.size()}});
    CHECK(document.paragraphs[2].first_line == 7);
    CHECK(document.paragraphs[3].text == "Configuration Notes\nkey = value");
    CHECK_FALSE(document.paragraphs[3].code.empty());
    CHECK(document.paragraphs[4].code.empty());
}

TEST_CASE("an indented quotation is text, not code", "[parse]")
{
    const Document document =
        parse_plain_text("Doc Title\n\n" + k_prose + "\n\n    " + k_prose + "\n    " + k_prose + "\n", "quote.txt");
    REQUIRE(document.paragraphs.size() == 2);
    CHECK(document.paragraphs[1].code.empty());
}

TEST_CASE("the lead-paragraph layout: sections run into their text, subsections are set apart", "[parse]")
{
    const std::string lead = "This one sentence introduces the section that follows it.\n";
    const Document document =
        parse_plain_text("Harbour Towns\n\nIntroduction\n\n" + k_prose + "\n\nNorthern ports of call\n" + lead +
                             k_prose + "\n\nFishing in the old days\n\n" + k_prose + "\n\nThe ferry\n\n" + k_prose +
                             "\n\nSouthern ports of call\n" + lead + k_prose + "\n\nTrade\n\n" + k_prose +
                             "\n\nConclusion\n\n" + k_prose + "\n",
                         "harbour.txt");
    CHECK(kosh::format_outline(document) == "Harbour Towns\n"
                                            "  Introduction\n"
                                            "  Northern ports of call\n"
                                            "    Fishing in the old days\n"
                                            "    The ferry\n"
                                            "  Southern ports of call\n"
                                            "    Trade\n"
                                            "  Conclusion\n");
}

TEST_CASE("questions below statements are the entries of a FAQ", "[parse]")
{
    const Document document = parse_plain_text("Questions About Backups\n\nBefore you start\n\nWhat is saved?\n\n" +
                                                   k_prose + "\n\nWhere does it go?\n\n" + k_prose +
                                                   "\n\nRestoring\n\nHow do I get a file back?\n\n" + k_prose + "\n",
                                               "faq.txt");
    CHECK(kosh::format_outline(document) == "Questions About Backups\n"
                                            "  Before you start\n"
                                            "    What is saved?\n"
                                            "    Where does it go?\n"
                                            "  Restoring\n"
                                            "    How do I get a file back?\n");
}

TEST_CASE("a tagline above the title and a byline below it are text", "[parse]")
{
    const Document document = parse_plain_text("a novel in three parts\n\nTHE LONG WINTER\n\nby A. N. Author\n\n"
                                               "PART ONE\n\n" +
                                                   k_prose + "\n",
                                               "winter.txt");
    CHECK(kosh::format_outline(document) == "THE LONG WINTER\n  PART ONE\n");
    CHECK(paragraph_texts(document)[0] == "a novel in three parts");
}

TEST_CASE("a centred title above an indented body; headings at column 0", "[parse]")
{
    const std::string body = "   " + k_prose + "\n   " + k_prose + "\n";
    const Document document = parse_plain_text("                 Status Reporting Protocol\n\n" + body +
                                                   "\nIntroduction\n\n" + body + "\nMessage Syntax\n\n" + body,
                                               "rfc.txt");
    CHECK(kosh::format_outline(document) == "Status Reporting Protocol\n  Introduction\n  Message Syntax\n");
}

TEST_CASE("where most headings are underlined, a short line without one is text", "[parse]")
{
    const Document document =
        parse_plain_text("Guide\n=====\n\nInstall\n-------\n\n" + k_prose + "\n\nThen carry on\n\n" + k_prose +
                             "\n\nUse\n---\n\n" + k_prose + "\n",
                         "guide.txt");
    CHECK(heading_texts(document) == std::vector<std::string>{"Guide", "Install", "Use"});
}

TEST_CASE("AsciiDoc-style text: '=' markers give levels, delimited blocks are code, [markup] lines are dropped",
          "[parse]")
{
    const Document document = parse_plain_text("= The Tool Manual\n\n[preface]\n== Getting going\n\n" + k_prose +
                                                   "\n\n=== Install it\n\n" + k_prose +
                                                   "\n\n------------------------------------------------\n"
                                                   "$ make install\n"
                                                   "------------------------------------------------\n\n"
                                                   "-----\nConfiguration Notes\nkey: value\n-----\n\n"
                                                   "== Using it\n\n" +
                                                   k_prose + "\n",
                                               "manual.txt");
    CHECK(kosh::format_outline(document) == "The Tool Manual\n  Getting going\n    Install it\n  Using it\n");
    REQUIRE(document.paragraphs.size() == 5);
    CHECK(document.paragraphs[2].text == "$ make install");
    CHECK_FALSE(document.paragraphs[2].code.empty());
    CHECK(document.paragraphs[3].text == "Configuration Notes\nkey: value");
    CHECK_FALSE(document.paragraphs[3].code.empty());
}

TEST_CASE("an over- and underlined line is a title only where the rules cover it and it is not a command", "[parse]")
{
    const std::string rule(20, '-');
    const auto heading_count = [&](const std::string& line) {
        return parse_plain_text("Doc Title\n\n" + k_prose + "\n\n" + rule + "\n" + line + "\n" + rule + "\n\n" +
                                    k_prose + "\n",
                                "rules.txt")
            .headings.size();
    };
    CHECK(heading_count("Release Process") == 2);
    CHECK(heading_count("$ git bisect reset") == 1);
    CHECK(heading_count("A line longer than its rules") == 1);
}

TEST_CASE("a short word alone is not a heading, a centred heading in capitals is", "[parse]")
{
    const Document document = parse_plain_text("Licence Terms\n\n" + k_prose +
                                                   "\n\n  * the first licence\n\nor\n\n"
                                                   "  * the second licence\n\n\t\t\tTHE LIBRARY ITSELF\n\n" +
                                                   k_prose + "\n",
                                               "licence.txt");
    CHECK(heading_texts(document) == std::vector<std::string>{"Licence Terms", "THE LIBRARY ITSELF"});
}

TEST_CASE("manual-page sections in capitals may run into lowercase or numbered text", "[parse]")
{
    const Document document = parse_plain_text("tool - do one thing\n\nDESCRIPTION\n" + k_prose +
                                                   "\n\nEXIT STATUS\n0: the thing was done.\n\n"
                                                   "SEE ALSO\nsed(1), head(1), tail(1), grep(1)\n",
                                               "tool.txt");
    CHECK(kosh::format_outline(document) == "tool - do one thing\n  DESCRIPTION\n  EXIT STATUS\n  SEE ALSO\n");
}

TEST_CASE("a heading over a short lead line in wrapped text is measured against the wrap width", "[parse]")
{
    const std::string wrapped = "This paragraph is wrapped at about seventy columns, as plain text\n"
                                "files usually are, so every full line is about this long here.\n";
    const Document document =
        parse_plain_text("Wiring Guide\n\nIntro heading\n\n" + wrapped + wrapped +
                             "\nStep 2: wire the sensor\nConnect the four pins as follows:\n\n" + wrapped,
                         "wiring.txt");
    CHECK(heading_texts(document) ==
          std::vector<std::string>{"Wiring Guide", "Intro heading", "Step 2: wire the sensor"});
}

TEST_CASE("an over- and underlined title under a tagline; an underlined conventional name keeps its level", "[parse]")
{
    const Document document = parse_plain_text("Gallery guide, free entry\n\n=============\nShips in Clay\n"
                                               "=============\n\n" +
                                                   k_prose + "\n\nRoom One\n========\n\n" + k_prose +
                                                   "\n\nOverview\n--------\n\n" + k_prose + "\n",
                                               "guide.txt");
    CHECK(kosh::format_outline(document) == "Ships in Clay\n  Room One\n    Overview\n");
}

TEST_CASE("an underlined line inside an indented diagram is code", "[parse]")
{
    const Document document = parse_plain_text(
        "Barriers\n\n" + k_prose + "\n\n\tCPU 1\n\t=====\n\tSTORE A = 1\n\n" + k_prose + "\n", "barriers.txt");
    CHECK(heading_texts(document) == std::vector<std::string>{"Barriers"});
}

TEST_CASE("a reference entry is not a heading, a bracketed release is", "[parse]")
{
    CHECK(headings_around("[1] Documentation/devicetree/bindings/clock") == Headings{"Doc Title"});
    CHECK(headings_around("[12]: Documentation/devicetree/bindings/clock") == Headings{"Doc Title"});
    CHECK(headings_around("[2.4.0] - 2024-11-02") == Headings{"Doc Title", "[2.4.0] - 2024-11-02"});
}

TEST_CASE("captions, timetable lines, datelines and table headers are text", "[parse]")
{
    CHECK(headings_around("Figure 1: The valley from the north") == Headings{"Doc Title"});
    CHECK(headings_around("09:15 Keynote in the main hall") == Headings{"Doc Title"});
    CHECK(headings_around("Released 3 March 2025") == Headings{"Doc Title"});
    CHECK(headings_around("Version 2.1, released 3 March 2025") ==
          Headings{"Doc Title", "Version 2.1, released 3 March 2025"});
    CHECK(headings_around("Abbreviation  Meaning\n------------  -------") == Headings{"Doc Title"});
}

TEST_CASE("a line closing its section before a heading in capitals is text", "[parse]")
{
    const Document document = parse_plain_text("POEMS OF THE COAST\n\nTHE HARBOUR\n\n" + k_prose +
                                                   "\n\nMargaret Shand\n\nTHE LIGHTHOUSE\n\n" + k_prose + "\n",
                                               "poems.txt");
    CHECK(heading_texts(document) == std::vector<std::string>{"POEMS OF THE COAST", "THE HARBOUR", "THE LIGHTHOUSE"});
}

TEST_CASE("in numbered text a number that does not follow on is text; chapters and appendices restart", "[parse]")
{
    const Document document =
        parse_plain_text("Budget Report\n\n1 Income\n\n" + k_prose + "\n\n2 Spending\n\n" + k_prose +
                             "\n\n412 residents answered the survey\n\n" + k_prose + "\n\n2.1 Roads\n\n" + k_prose +
                             "\n\n3 Savings\n\n" + k_prose + "\n\nAppendix A. Tables\n\nA.1 Rates\n\n" + k_prose + "\n",
                         "budget.txt");
    CHECK(heading_texts(document) == std::vector<std::string>{"Budget Report", "1 Income", "2 Spending", "2.1 Roads",
                                                              "3 Savings", "Appendix A. Tables", "A.1 Rates"});
    const Document book = parse_plain_text("Chapter 6: Soups\n\n1 Leek soup\n\n" + k_prose + "\n\n1.1 Method\n\n" +
                                               k_prose + "\n\n2 Lentil soup\n\n" + k_prose + "\n",
                                           "soups.txt");
    CHECK(kosh::format_outline(book) == "Chapter 6: Soups\n  1 Leek soup\n    1.1 Method\n  2 Lentil soup\n");
}

TEST_CASE("sentences without a full stop, credits and fields are text; questions and names are headings", "[parse]")
{
    CHECK(headings_around("Do not remove anything stuck in a wound") == Headings{"Doc Title"});
    CHECK(headings_around("Spa treatments must be booked a day ahead") == Headings{"Doc Title"});
    CHECK(headings_around("Designed by Hanne Lowther") == Headings{"Doc Title"});
    CHECK(headings_around("Judge: Mrs Justice Okafor") == Headings{"Doc Title"});
    CHECK(headings_around("Held: non-use alone is not abandonment") == Headings{"Doc Title"});
    CHECK(headings_around("Why you should care") == Headings{"Doc Title", "Why you should care"});
    CHECK(headings_around("Energy: A Powerhouse Partnership") ==
          Headings{"Doc Title", "Energy: A Powerhouse Partnership"});
}

TEST_CASE("a fence or rule pair around blank lines gives no paragraph", "[parse]")
{
    const Document document = parse_plain_text("Doc Title\n\n" + k_prose + "\n\n```\n\n   \n```\n", "empty.txt");
    REQUIRE(document.paragraphs.size() == 1);
    CHECK(document.paragraphs[0].text == k_prose);
}
