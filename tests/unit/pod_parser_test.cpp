// Tests for the POD reader: POD blocks in Perl code, headings and the NAME title, items,
// =begin/=for regions, verbatim code, formatting codes, line numbers, hostile nesting.
#include "output/outline_printer.h"
#include "parse/parser.h"
#include "parse/pod_formatting_codes.h"
#include "parse/pod_parser.h"

#include "document_texts.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using kosh::Document;
using kosh::parse_pod;
using kosh::render_formatting_codes;

namespace {

bool is_code(const kosh::Paragraph& paragraph)
{
    return paragraph.code.size() == 1 && paragraph.code[0] == kosh::ByteSpan{0, paragraph.text.size()};
}

} // namespace

TEST_CASE("POD headings: a NAME paragraph is the title and =head1 is level 2", "[pod]")
{
    const Document document = parse_pod("=head1 NAME\n"
                                        "\n"
                                        "perlre - Perl regular expressions\n"
                                        "\n"
                                        "=head1 DESCRIPTION\n"
                                        "\n"
                                        "This page describes the syntax.\n"
                                        "\n"
                                        "=head2 The Basics\n"
                                        "\n"
                                        "=head3 Modifiers\n"
                                        "\n"
                                        "=head4 Details\n"
                                        "\n"
                                        "Deep text.\n",
                                        "pod/perlre.pod");
    CHECK(document.title == "perlre - Perl regular expressions");
    CHECK(kosh::format_outline(document) == "perlre - Perl regular expressions\n"
                                            "  NAME\n"
                                            "  DESCRIPTION\n"
                                            "    The Basics\n"
                                            "      Modifiers\n"
                                            "        Details\n");
    REQUIRE(document.headings.size() == 5);
    CHECK(document.headings[1].line == 5);
    CHECK(document.headings[4].level == 5);
    CHECK(paragraph_texts(document) == std::vector<std::string>{"perlre - Perl regular expressions",
                                                                "This page describes the syntax.", "Deep text."});
    CHECK(document.paragraphs[1].sections == std::vector<std::string>{"DESCRIPTION"});
    CHECK(document.paragraphs[2].sections ==
          std::vector<std::string>{"DESCRIPTION", "The Basics", "Modifiers", "Details"});
}

TEST_CASE("POD without a NAME section takes its title from the file name", "[pod]")
{
    const Document document =
        parse_pod("=head1 Overview\n\nSome text.\n\n=head1 NAME\n\nlate - not a title\n", "lib/Foo/Bar.pod");
    CHECK(document.title == "Bar");
    CHECK(kosh::format_outline(document) == "Bar\n  Overview\n  NAME\n");
}

TEST_CASE("a NAME paragraph spread over lines with codes makes a one-line title", "[pod]")
{
    const Document document = parse_pod("=head1 NAME\n\nB<Foo::Bar> -\n  do things\n", "Bar.pm");
    // A .pm file: text before a command is code, but "=head1" opens POD at line 1.
    CHECK(document.title == "Foo::Bar - do things");
}

TEST_CASE("POD item labels stay with their text and are never headings", "[pod]")
{
    const Document document = parse_pod("=head1 OPTIONS\n"
                                        "\n"
                                        "=over 4\n"
                                        "\n"
                                        "=item B<-v>\n"
                                        "\n"
                                        "Prints more.\n"
                                        "\n"
                                        "=item *\n"
                                        "\n"
                                        "A bullet.\n"
                                        "\n"
                                        "=item * Inline bullet\n"
                                        "\n"
                                        "=over\n"
                                        "\n"
                                        "=item 1.\n"
                                        "\n"
                                        "Nested first.\n"
                                        "\n"
                                        "=back\n"
                                        "\n"
                                        "=item lonely\n"
                                        "\n"
                                        "=back\n",
                                        "opts.pod");
    CHECK(heading_texts(document) == std::vector<std::string>{"OPTIONS"});
    CHECK(paragraph_texts(document) == std::vector<std::string>{"-v\n\nPrints more.", "A bullet.", "Inline bullet",
                                                                "1.\n\nNested first.", "lonely"});
    REQUIRE(document.paragraphs.size() == 5);
    CHECK(document.paragraphs[0].first_line == 5);
    CHECK(document.paragraphs[0].last_line == 7);
    CHECK(document.paragraphs[1].first_line == 11); // the bullet's "*" is no text of its own
    CHECK(document.paragraphs[4].first_line == 23);
    CHECK(document.paragraphs[0].sections == std::vector<std::string>{"OPTIONS"});
}

TEST_CASE("=begin and =for keep only what is meant for a text formatter", "[pod]")
{
    const Document document = parse_pod("=pod\n"
                                        "\n"
                                        "=begin html\n"
                                        "\n"
                                        "<p>Not for us</p>\n"
                                        "\n"
                                        "=head1 Hidden heading\n"
                                        "\n"
                                        "=end html\n"
                                        "\n"
                                        "=begin text\n"
                                        "\n"
                                        "Plain B<as written>.\n"
                                        "\n"
                                        "=end text\n"
                                        "\n"
                                        "=begin :text\n"
                                        "\n"
                                        "Processed B<bold>.\n"
                                        "\n"
                                        "=end :text\n"
                                        "\n"
                                        "=for html <b>dropped</b>\n"
                                        "\n"
                                        "=for comment Dropped too.\n"
                                        "\n"
                                        "=for text Kept I<raw>.\n"
                                        "\n"
                                        "=for :text Kept I<rendered>.\n"
                                        "\n"
                                        "=begin latex\n"
                                        "\n"
                                        "=begin text\n"
                                        "\n"
                                        "Inside latex: dropped.\n"
                                        "\n"
                                        "=end text\n"
                                        "\n"
                                        "=end latex\n"
                                        "\n"
                                        "After.\n",
                                        "regions.pod");
    CHECK(document.headings.empty());
    CHECK(paragraph_texts(document) == std::vector<std::string>{"Plain B<as written>.", "Processed bold.",
                                                                "Kept I<raw>.", "Kept rendered.", "After."});
    REQUIRE(document.paragraphs.size() == 5);
    CHECK(document.paragraphs[2].first_line == 27);
}

TEST_CASE("=encoding is read and a Latin-1 file comes out as UTF-8", "[pod]")
{
    const Document utf8 = parse_pod("=encoding utf8\n\nCaf\xC3\xA9.\n", "a.pod");
    CHECK(paragraph_texts(utf8) == std::vector<std::string>{"Caf\xC3\xA9."});
    const Document latin1 = parse_pod("=encoding latin1\n\nCaf\xE9.\n", "a.pod");
    CHECK(paragraph_texts(latin1) == std::vector<std::string>{"Caf\xC3\xA9."});
    // Declared Latin-1 but already UTF-8 (converted, the line left behind): left alone.
    const Document converted = parse_pod("=encoding ISO-8859-1\n\nCaf\xC3\xA9.\n", "a.pod");
    CHECK(paragraph_texts(converted) == std::vector<std::string>{"Caf\xC3\xA9."});
}

TEST_CASE("formatting codes become their text", "[pod]")
{
    struct Row {
        const char* pod;
        const char* text;
    };
    const Row rows[] = {
        {"B<bold> I<italic> C<code> F<file.txt>", "bold italic code file.txt"},
        {"S<non breaking>", "non breaking"},
        {"L<perlfunc>", "perlfunc"},
        {"L<the manual|perlfunc>", "the manual"},
        {"L<perlfunc/open>", "\"open\" in perlfunc"},
        {"L<perlfunc/\"open\">", "\"open\" in perlfunc"},
        {"L</Options>", "\"Options\""},
        {"L<\"Options\">", "\"Options\""},
        {"L<Foo::Bar/new>", "\"new\" in Foo::Bar"},
        {"L<https://perl.org/a/b>", "https://perl.org/a/b"},
        {"L<Perl|https://perl.org/>", "Perl"},
        {"L<B<strong> text|Foo::Bar>", "strong text"},
        {"L<C<open>|perlfunc/open>", "open"},
        {"E<lt>E<gt>E<verbar>E<sol>E<amp>", "<>|/&"},
        {"E<0x263A> E<9786> E<0101>", "\xE2\x98\xBA \xE2\x98\xBA A"},
        {"E<eacute>E<copy>", "\xC3\xA9\xC2\xA9"},
        {"E<nosuchname>", "nosuchname"},
        {"E<0>", "0"},
        {"index X<term>here", "index here"},
        {"Z<>=head1 is not a command", "=head1 is not a command"},
        {"B<C<foo>>", "foo"},
        {"B<bold I<and C<code>> end>", "bold and code end"},
        {"C<< $a <=> $b >>", "$a <=> $b"},
        {"C<<< $a >> $b >>>", "$a >> $b"},
        {"C<<  spaced   >> after", "spaced after"},
        {"C<< B<nested> inside >>", "nested inside"},
        {"C<<x>", "<x"},
        {"C<$a <=> $b>", "$a <= $b>"}, // the single-bracket form closes early, as perlpodspec warns
        {"a > b and c < d", "a > b and c < d"},
        {"if N<10 then", "if N<10 then"},
        {"B<unclosed", "unclosed"},
        {"C<< never closed", "never closed"},
        {"stray > here", "stray > here"},
        {"X<unclosed index", ""},
    };
    for (const Row& row : rows) {
        INFO(row.pod);
        CHECK(render_formatting_codes(row.pod) == row.text);
    }
}

TEST_CASE("formatting codes keep every line break", "[pod]")
{
    CHECK(render_formatting_codes("B<one\ntwo> X<three\nfour>five\nL<text\n|tar\nget> E<\ngt>") ==
          "one\ntwo \nfive\ntext\n\n \ngt");
    CHECK(render_formatting_codes("C<<\n  code\n  >>") == "\ncode\n");
}

TEST_CASE("decode_pod_escape knows numbers and common names", "[pod]")
{
    CHECK(kosh::decode_pod_escape("gt") == ">");
    CHECK(kosh::decode_pod_escape("0x41") == "A");
    CHECK(kosh::decode_pod_escape("65") == "A");
    CHECK(kosh::decode_pod_escape("0101") == "A");
    CHECK(kosh::decode_pod_escape("0xD800").empty()); // a surrogate is no character
    CHECK(kosh::decode_pod_escape("0x110000").empty());
    CHECK(kosh::decode_pod_escape("99999999999999999999").empty());
    CHECK(kosh::decode_pod_escape("0x").empty());
    CHECK(kosh::decode_pod_escape("0xA") == " "); // a line feed would break the line count
    CHECK(kosh::decode_pod_escape("9") == " ");
    CHECK(kosh::decode_pod_escape("").empty());
}

TEST_CASE("verbatim paragraphs are code with their lines and indentation", "[pod]")
{
    const Document document = parse_pod("=head1 SYNOPSIS\n"
                                        "\n"
                                        "    use Foo;\n"
                                        "    my $x = Foo->new(B<1>);\n"
                                        "\n"
                                        "\tif ($x) {\n"
                                        "\t    print;\n"
                                        "\t}\n"
                                        "\n"
                                        "Text between.\n"
                                        "\n"
                                        "  second;\n",
                                        "code.pod");
    REQUIRE(document.paragraphs.size() == 3);
    const kosh::Paragraph& code = document.paragraphs[0];
    CHECK(code.text == "    use Foo;\n    my $x = Foo->new(B<1>);\n\n\tif ($x) {\n\t    print;\n\t}");
    CHECK(is_code(code));
    CHECK(code.first_line == 3);
    CHECK(code.last_line == 8);
    CHECK(code.sections == std::vector<std::string>{"SYNOPSIS"});
    CHECK(document.paragraphs[1].text == "Text between.");
    CHECK(document.paragraphs[1].code.empty());
    CHECK(document.paragraphs[2].text == "  second;");
    CHECK(is_code(document.paragraphs[2]));
}

TEST_CASE("POD inside a Perl module: the code around it is not text", "[pod]")
{
    const std::string module = "package Foo;\n"                       // 1
                               "use strict;\n"                        // 2
                               "\n"                                   // 3
                               "=head1 NAME\n"                        // 4
                               "\n"                                   // 5
                               "Foo - does things\n"                  // 6
                               "\n"                                   // 7
                               "=cut\n"                               // 8
                               "\n"                                   // 9
                               "sub new { return bless {}, shift }\n" // 10
                               "# =head1 not POD\n"                   // 11
                               "=cut\n"                               // 12: outside POD, ignored
                               "my $s = 'text';\n"                    // 13
                               "\n"                                   // 14
                               "=head2 new\n"                         // 15
                               "\n"                                   // 16
                               "Makes one.\n"                         // 17
                               "=cut\n"                               // 18: no blank line needed
                               "sub other {}\n"                       // 19
                               "1;\n"                                 // 20
                               "__END__\n"                            // 21
                               "\n"                                   // 22
                               "=head1 DESCRIPTION\n"                 // 23
                               "\n"                                   // 24
                               "Long text.\n";                        // 25
    const Document document = parse_pod(module, "lib/Foo.pm");
    CHECK(document.title == "Foo - does things");
    CHECK(kosh::format_outline(document) == "Foo - does things\n  NAME\n    new\n  DESCRIPTION\n");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"Foo - does things", "Makes one.", "Long text."});
    REQUIRE(document.paragraphs.size() == 3);
    CHECK(document.paragraphs[1].first_line == 17);
    CHECK(document.paragraphs[2].first_line == 25);
    CHECK(document.headings[1].line == 15);
}

TEST_CASE("a module without POD has no text, and a .pod may open without a command", "[pod]")
{
    const Document module = parse_pod("package Foo;\nsub x { 1 }\n1;\n", "Foo.pm");
    CHECK(module.paragraphs.empty());
    CHECK(module.headings.empty());
    CHECK(module.title == "Foo");

    const Document pod = parse_pod("Text before any command.\n\n=head1 Later\n\nMore.\n\n=cut\n\nNot POD.\n", "x.pod");
    CHECK(paragraph_texts(pod) == std::vector<std::string>{"Text before any command.", "More."});
}

TEST_CASE("verbatim code on either side of =cut stays two blocks", "[pod]")
{
    const Document document = parse_pod("=pod\n\n  one;\n\n=cut\n\ncode();\n\n=pod\n\n  two;\n", "x.pm");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"  one;", "  two;"});
}

TEST_CASE("a command's text may continue on the next lines", "[pod]")
{
    const Document document = parse_pod("=head1 A long\nheading\n\nText.\n", "x.pod");
    CHECK(heading_texts(document) == std::vector<std::string>{"A long heading"});
    CHECK(document.paragraphs.at(0).first_line == 4);
}

TEST_CASE("an item's index entries leave no spaces behind", "[pod]")
{
    const Document document = parse_pod("=item B<-a>\nX<-a> X<autosplit>\n\nturns on autosplit mode\n", "perlrun.pod");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"-a\n\n\nturns on autosplit mode"});
}

TEST_CASE("paragraph line numbers survive codes that vanish", "[pod]")
{
    const Document document = parse_pod("=pod\n\nX<index>\nReal text\nZ<>\n", "x.pod");
    REQUIRE(document.paragraphs.size() == 1);
    CHECK(document.paragraphs[0].text == "Real text");
    CHECK(document.paragraphs[0].first_line == 4);
    CHECK(document.paragraphs[0].last_line == 4);
}

TEST_CASE("the extension sends .pod, .pm and .pl to the POD reader", "[pod]")
{
    const std::string input = "=head1 Usage\n\nRun it.\n";
    for (const char* path : {"a.pod", "lib/A.pm", "bin/a.pl", "A.POD"}) {
        INFO(path);
        const Document document = kosh::parse_document(input, path);
        CHECK(document.format == "pod");
        CHECK(heading_texts(document) == std::vector<std::string>{"Usage"});
    }
    CHECK(kosh::parse_document(input, "a.txt").format == "text");
}

TEST_CASE("hostile POD: deep nesting and unbalanced codes cost no recursion", "[pod]")
{
    const std::size_t depth = 10000;
    std::string nested;
    for (std::size_t i = 0; i < depth; ++i) {
        nested += "B<";
    }
    nested += "core";
    nested.append(depth, '>');
    CHECK(render_formatting_codes(nested) == "core");

    std::string links;
    for (std::size_t i = 0; i < depth; ++i) {
        links += "L<a/";
    }
    links.append(depth, '>');
    CHECK_FALSE(render_formatting_codes(links).empty());

    std::string unclosed = "=pod\n\n";
    for (std::size_t i = 0; i < depth; ++i) {
        unclosed += "C<< X<";
    }
    const Document document = parse_pod(unclosed, "deep.pod");
    CHECK(document.title == "deep");

    std::string regions;
    for (std::size_t i = 0; i < depth; ++i) {
        regions += "=begin :text\n\n=over\n\n=item x\n\n";
    }
    regions += "Deep.\n";
    CHECK(parse_pod(regions, "r.pod").paragraphs.back().text == "x\n\nDeep.");
}
