// Tests for parser dispatch by extension, heading paths, and the shipped corpus article.
#include "parse/parser.h"

#include "output/outline_printer.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

using kosh::Document;

TEST_CASE("the extension picks the parser", "[parse]")
{
    // "# Heading One" is a heading to Markdown; to the plain-text parser it is a line starting '#'.
    const std::string input = "Intro text.\n\n# Heading One\n\nBody.\n";
    struct Row {
        const char* path;
        bool markdown;
    };
    const Row rows[] = {
        {"a.md", true},   {"docs/A.MD", true}, {"b.markdown", true}, {"c.mdown", true},   {"d.mkd", true},
        {"e.txt", false}, {"f.rst", false},    {"README", false},    {"g.md.txt", false}, {"dir.md/h", false},
    };
    for (const Row& row : rows) {
        INFO(row.path);
        const Document document = kosh::parse_document(input, row.path);
        CHECK(document.path == row.path);
        const bool markdown_heading = !document.headings.empty() && document.headings[0].text == "Heading One";
        CHECK(markdown_heading == row.markdown);
    }
}

TEST_CASE("assign_sections gives each paragraph its heading path below the title", "[parse]")
{
    Document document;
    document.headings = {{"T", 1, 1}, {"A", 2, 3}, {"A1", 3, 5}, {"B", 2, 9}, {"B1", 4, 11}};
    for (const int line : {2, 4, 6, 10, 12}) {
        kosh::Paragraph paragraph;
        paragraph.first_line = line;
        paragraph.last_line = line;
        paragraph.sections = {"stale"};
        document.paragraphs.push_back(paragraph);
    }
    kosh::assign_sections(document);
    using Path = std::vector<std::string>;
    CHECK(document.paragraphs[0].sections == Path{});
    CHECK(document.paragraphs[1].sections == Path{"A"});
    CHECK(document.paragraphs[2].sections == Path{"A", "A1"});
    CHECK(document.paragraphs[3].sections == Path{"B"});
    CHECK(document.paragraphs[4].sections == Path{"B", "B1"});
}

TEST_CASE("the shipped article parses to its outline", "[parse]")
{
    const std::string path = std::string(KOSH_CORPUS_DIR) + "/nepal-russia-relations.txt";
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::stringstream content;
    content << in.rdbuf();

    const Document document = kosh::parse_document(content.str(), path);
    CHECK(kosh::format_outline(document) ==
          "Nepal-Russia Relations: A Deep Dive into Enduring Ties and Future Prospects\n"
          "  Introduction\n"
          "  Historical Foundations: A Legacy of Enduring Friendship\n"
          "    The Dawn of Diplomatic Ties (1956)\n"
          "    Soviet Era Support: A Pillar of Development\n"
          "    Navigating Post-Soviet Transition and Continuity\n"
          "  Pillars of Cooperation: Beyond Traditional Diplomacy\n"
          "    Economic Engagement: Trade, Investment, and Potential\n"
          "    Educational and Cultural Exchange: Bridging Hearts and Minds\n"
          "    Defense and Security Dialogue: Building Trust and Capability\n"
          "    Multilateral Forums: A Shared Voice on Global Stages\n"
          "  Key Areas for Future Synergy: Unlocking Untapped Potential\n"
          "    Harnessing Hydropower and Clean Energy\n"
          "    Tourism, Aviation, and People-to-People Connectivity\n"
          "    Agriculture, Fertiliser, and Food Security\n"
          "    Science, Technology, and Space Cooperation\n"
          "  Navigating the Landscape: Challenges and Opportunities Ahead\n"
          "    Balancing Relations with Powerful Neighbours\n"
          "    The Ukraine War and Recruitment of Nepali Citizens\n"
          "    Logistics, Connectivity, and Payment Barriers\n"
          "    Turning Goodwill into Concrete Opportunities\n"
          "  Conclusion\n");
    CHECK(document.title == "Nepal-Russia Relations: A Deep Dive into Enduring Ties and Future Prospects");

    // Every paragraph is one physical line, under a heading, and the junk first line is gone.
    REQUIRE(!document.paragraphs.empty());
    for (const kosh::Paragraph& paragraph : document.paragraphs) {
        INFO(paragraph.first_line);
        CHECK(paragraph.first_line == paragraph.last_line);
        CHECK(!paragraph.sections.empty());
        CHECK(paragraph.text.find('\n') == std::string::npos);
        CHECK(paragraph.text.find("*/") == std::string::npos);
    }
    CHECK(document.paragraphs.front().sections == std::vector<std::string>{"Introduction"});
    CHECK(document.paragraphs.back().sections == std::vector<std::string>{"Conclusion"});
}

TEST_CASE("parse_document picks the reader by the name given for the format and keeps the real path", "[parse]")
{
    // A compressed Perl module: the reader must know it is a .pm, where text before POD is code.
    const std::string text = "my $answer = 42;\n\n=head1 NAME\n\nFoo - does things\n";
    const kosh::Document document = kosh::parse_document(text, "lib/Foo.pm.gz", "lib/Foo.pm");
    CHECK(document.format == "pod");
    CHECK(document.path == "lib/Foo.pm.gz");
    REQUIRE(document.paragraphs.size() == 1);
    CHECK(document.paragraphs[0].text == "Foo - does things");
    CHECK(kosh::parse_document(text, "lib/Foo.pm.gz").format == "text");
}
