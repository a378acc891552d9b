// Tests for the man page reader: man(7) and mdoc(7) titles, sections, escapes, tagged
// paragraphs, literal blocks, dropped requests, line numbers, hostile input, and dispatch.
#include "output/outline_printer.h"
#include "parse/format.h"
#include "parse/man_parser.h"
#include "parse/parser.h"
#include "parse/roff_text.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using kosh::Document;
using kosh::parse_man;

namespace {

bool is_code(const kosh::Paragraph& paragraph)
{
    return paragraph.code.size() == 1 && paragraph.code[0] == kosh::ByteSpan{0, paragraph.text.size()};
}

std::string render(std::string_view raw)
{
    return kosh::render_roff_escapes(raw, {});
}

/// Every paragraph's text has as many lines as its line range.
void check_line_counts(const Document& document)
{
    for (const kosh::Paragraph& paragraph : document.paragraphs) {
        INFO(paragraph.text);
        CHECK(std::count(paragraph.text.begin(), paragraph.text.end(), '\n') ==
              paragraph.last_line - paragraph.first_line);
    }
}

const char* const k_ls_page = ".\\\" A comment line\n"           // 1
                              ".TH LS 1 \"May 2024\" \"demo\"\n" // 2
                              ".SH NAME\n"                       // 3
                              "ls \\- list directory contents\n" // 4
                              ".SH SYNOPSIS\n"                   // 5
                              ".B ls\n"                          // 6
                              "[\\fIOPTION\\fR]... [\\fIFILE\\fR]...\n"
                              ".SH DESCRIPTION\n"                    // 8
                              "List information about the FILEs.\n"  // 9
                              ".PP\n"                                // 10
                              "Mandatory arguments are mandatory.\n" // 11
                              ".TP\n"                                // 12
                              "\\fB\\-t\\fR\n"                       // 13
                              "sort by time, newest first\n"         // 14
                              ".TP\n"                                // 15
                              ".BR \\-\\-sort =\\fIWORD\\fR\n"       // 16
                              "sort by WORD instead of name\n"       // 17
                              ".SS Exit status\n"                    // 18
                              ".IP \\(bu 4\n"                        // 19
                              "0 if OK,\n"                           // 20
                              ".SH\n"                                // 21
                              "SEE ALSO\n"                           // 22
                              ".BR dir (1)\n";                       // 23

} // namespace

TEST_CASE("man(7): the title is NAME(SECTION) and the NAME description; .SH and .SS make the outline", "[man]")
{
    const Document document = parse_man(k_ls_page, "man1/ls.1");
    CHECK(document.title == "ls(1) - list directory contents");
    CHECK(kosh::format_outline(document) == "ls(1) - list directory contents\n"
                                            "  NAME\n"
                                            "  SYNOPSIS\n"
                                            "  DESCRIPTION\n"
                                            "    Exit status\n"
                                            "  SEE ALSO\n");
    REQUIRE(document.headings.size() == 6);
    CHECK(document.headings[0].line == 2);
    CHECK(document.headings[5].line == 22); // ".SH" alone names its section on the next line
    check_line_counts(document);
}

TEST_CASE("man(7): .TP and .IP tags stay with their text, with exact line numbers", "[man]")
{
    const Document document = parse_man(k_ls_page, "man1/ls.1");
    std::vector<std::string> texts;
    for (const kosh::Paragraph& paragraph : document.paragraphs) {
        texts.push_back(paragraph.text);
    }
    CHECK(texts == std::vector<std::string>{
                       "ls - list directory contents",
                       "ls\n[OPTION]... [FILE]...",
                       "List information about the FILEs.",
                       "Mandatory arguments are mandatory.",
                       "-t\nsort by time, newest first",
                       "--sort=WORD\nsort by WORD instead of name",
                       "\u2022\n0 if OK,",
                       "dir(1)",
                   });
    const kosh::Paragraph& tagged = document.paragraphs[4];
    CHECK(tagged.first_line == 13);
    CHECK(tagged.last_line == 14);
    CHECK(tagged.sections == std::vector<std::string>{"DESCRIPTION"});
    CHECK(document.paragraphs[6].sections == std::vector<std::string>{"DESCRIPTION", "Exit status"});
    CHECK(document.paragraphs[7].sections == std::vector<std::string>{"SEE ALSO"});
}

TEST_CASE("roff escapes print their characters; fonts, sizes and comments vanish", "[man]")
{
    CHECK(render("\\fBbold\\fP \\f(BIboth\\fR \\f[I]it\\f[]") == "bold both it");
    CHECK(render("a\\-b \\(em \\(en \\(aq\\(dq \\(bu \\(co") == "a-b \u2014 \u2013 '\" \u2022 \u00a9");
    CHECK(render("\\e \\&x\\ y\\~z\\|\\^!") == "\\ x y z!");
    CHECK(render("\\*(lqquoted\\*(rq\\*R") == "\u201cquoted\u201d\u00ae");
    CHECK(render("\\[em]\\[u00E9]\\[nonesuch]") == "\u2014\u00e9");
    CHECK(render("wo\\%rd\\c") == "word");
    CHECK(render("\\s-1SMALL\\s0 \\s+2x") == "SMALL x");
    CHECK(render("text \\\" a comment") == "text ");
    CHECK(kosh::render_roff_escapes("\\*(Xy", {{"Xy", "defined"}}) == "defined");
    // Input that stops mid-escape prints what it can.
    CHECK(render("end\\") == "end");
    CHECK(render("\\f") == "");
    CHECK(render("\\[unterminated") == "");
    CHECK(render("\\(e") == "");
}

TEST_CASE("man(7): .nf/.fi and .EX/.EE are code paragraphs that keep their lines", "[man]")
{
    const Document document = parse_man(".TH T 1\n"
                                        ".SH EXAMPLES\n"
                                        "Run it:\n"
                                        ".nf\n"
                                        "  ls \\-l\n"
                                        "\n"
                                        "  ls \\-t\n"
                                        ".fi\n"
                                        "Done.\n"
                                        ".EX\n"
                                        "make all\n"
                                        ".EE\n",
                                        "t.1");
    REQUIRE(document.paragraphs.size() == 4);
    CHECK(document.paragraphs[0].text == "Run it:");
    CHECK(!is_code(document.paragraphs[0]));
    CHECK(document.paragraphs[1].text == "  ls -l\n\n  ls -t");
    CHECK(document.paragraphs[1].first_line == 5);
    CHECK(document.paragraphs[1].last_line == 7);
    CHECK(is_code(document.paragraphs[1]));
    CHECK(document.paragraphs[2].text == "Done.");
    CHECK(!is_code(document.paragraphs[2]));
    CHECK(document.paragraphs[3].text == "make all");
    CHECK(is_code(document.paragraphs[3]));
}

TEST_CASE("man(7): comments, unknown requests, .so and macro definitions leave no text", "[man]")
{
    const Document document = parse_man(".TH T 7\n"
                                        ".\\\" a comment\n"
                                        ".\\# another\n"
                                        ".de XX\n"
                                        "Definition body\n"
                                        "..\n"
                                        ".if n \\{\\\n"
                                        "Conditional text\n"
                                        ".\\}\n"
                                        ".so man7/other.7\n"
                                        ".SH DESCRIPTION\n"
                                        "First \\\" trailing comment\n"
                                        ".nosuchrequest with arguments\n"
                                        ".br\n"
                                        "second line.\n"
                                        ".RS\n"
                                        ".UR https://example.org\n"
                                        "the site\n"
                                        ".UE .\n"
                                        ".RE\n",
                                        "t.7");
    REQUIRE(document.paragraphs.size() == 1);
    CHECK(document.paragraphs[0].text == "First\n\n\nsecond line.\n\n\nthe site\n<https://example.org>.");
    CHECK(document.paragraphs[0].first_line == 12);
    CHECK(document.paragraphs[0].last_line == 19);
    check_line_counts(document);
    CHECK(document.title == "T(7)");
}

TEST_CASE("mdoc(7): .Dt and .Nd make the title, and the in-line macros print their text", "[man]")
{
    const Document document = parse_man(".Dd May 1, 2024\n"             // 1
                                        ".Dt LS 1\n"                    // 2
                                        ".Os\n"                         // 3
                                        ".Sh NAME\n"                    // 4
                                        ".Nm ls\n"                      // 5
                                        ".Nd list directory contents\n" // 6
                                        ".Sh SYNOPSIS\n"                // 7
                                        ".Nm\n"                         // 8
                                        ".Op Fl alt\n"                  // 9
                                        ".Op Ar\n"                      // 10
                                        ".Sh DESCRIPTION\n"             // 11
                                        "The options are:\n"            // 12
                                        ".Bl -tag -width Ds\n"          // 13
                                        ".It Fl t\n"                    // 14
                                        "Sort by time, see\n"           // 15
                                        ".Xr stat 2 .\n"                // 16
                                        ".It Fl o Ar file\n"            // 17
                                        "Write to\n"                    // 18
                                        ".Pa /tmp/out\n"                // 19
                                        ".El\n"                         // 20
                                        ".Ss Examples\n"                // 21
                                        ".Bd -literal -offset indent\n" // 22
                                        "ls -t | head\n"                // 23
                                        ".Ed\n"                         // 24
                                        ".Sh SEE ALSO\n"                // 25
                                        ".Xr dir 1 ,\n"                 // 26
                                        ".Xr stat 1\n",                 // 27
                                        "ls.mdoc");
    CHECK(document.title == "ls(1) - list directory contents");
    CHECK(kosh::format_outline(document) == "ls(1) - list directory contents\n"
                                            "  NAME\n"
                                            "  SYNOPSIS\n"
                                            "  DESCRIPTION\n"
                                            "    Examples\n"
                                            "  SEE ALSO\n");
    std::vector<std::string> texts;
    for (const kosh::Paragraph& paragraph : document.paragraphs) {
        texts.push_back(paragraph.text);
    }
    CHECK(texts == std::vector<std::string>{
                       "ls\n- list directory contents",
                       "ls\n[-alt]\n[file ...]",
                       "The options are:",
                       "-t\nSort by time, see\nstat(2).",
                       "-o file\nWrite to\n/tmp/out",
                       "ls -t | head",
                       "dir(1),\nstat(1)",
                   });
    REQUIRE(document.paragraphs.size() == 7);
    CHECK(document.paragraphs[3].first_line == 14);
    CHECK(document.paragraphs[3].last_line == 16);
    CHECK(is_code(document.paragraphs[5]));
    CHECK(document.paragraphs[5].sections == std::vector<std::string>{"DESCRIPTION", "Examples"});
    check_line_counts(document);
}

TEST_CASE("a man page without .TH takes its title from the file name", "[man]")
{
    const Document document = parse_man(".SH NAME\nfoo \\- does foo\n", "docs/foo.1");
    CHECK(document.title == "foo");
    CHECK(kosh::format_outline(document) == "foo\n  NAME\n");
}

TEST_CASE("hostile man input: deep .RS nesting, unterminated escapes and requests", "[man]")
{
    std::string deep = ".TH DEEP 1\n.SH NAME\ndeep \\- nesting\n";
    for (int i = 0; i < 10000; ++i) {
        deep += ".RS\n.Bd -literal\n";
    }
    deep += "inner text\n";
    const Document nested = parse_man(deep, "deep.1");
    REQUIRE(!nested.paragraphs.empty());
    CHECK(nested.paragraphs.back().text == "inner text");
    CHECK(nested.paragraphs.back().first_line == 20004);

    for (const char* input : {"\\f", "text \\", "\\", ".", "'", ".TH", ".SH", ".TP", ".IP \"unterminated",
                              ".de X\nnever ends", ".if t \\{\\\nno close", ".TH \"\" \"\"\n.SH \"\"\n", "\\[", "\\*(",
                              ".TS\nl l\nno end", ".Bl\n.It\n.It Op Oo Fl"}) {
        INFO(input);
        const Document document = parse_man(input, "bad.1");
        CHECK(!document.title.empty());
        check_line_counts(document);
    }
    CHECK(parse_man("text \\", "bad.1").paragraphs.at(0).text == "text");
}

TEST_CASE("man page names and roff content choose the man reader; prose named .1 stays text", "[man][format]")
{
    using kosh::detect_format;
    using kosh::Format;
    CHECK(detect_format("man1/ls.1", k_ls_page) == Format::man);
    CHECK(detect_format("openssl.1ssl", ".TH OPENSSL 1SSL\n") == Format::man);
    CHECK(detect_format("Foo::Bar.3pm", ".\\\" Automatically generated\n.TH Foo 3pm\n") == Format::man);
    CHECK(detect_format("page.man", "\n\n.SH NAME\n") == Format::man);
    CHECK(detect_format("page.mdoc", ".Dd May 1, 2024\n.Dt X 1\n") == Format::man);
    CHECK(detect_format("notes.1", "Notes for release 1.\n\nNothing roff here.\n") == Format::text);
    CHECK(detect_format("notes.10", ".TH X 1\n") == Format::text);
    CHECK(detect_format("notes.1.txt", ".TH X 1\n") == Format::text);
    const Document document = kosh::parse_document(k_ls_page, "man1/ls.1");
    CHECK(document.format == "man");
    CHECK(document.title == "ls(1) - list directory contents");
}

TEST_CASE("man(7): .TQ tags, .SY/.OP synopses, .ds strings and mdoc functions", "[man]")
{
    const Document document = parse_man(".TH T 1\n"                              // 1
                                        ".ds Pn \\fBwidget\\fP\n"                // 2
                                        ".SH SYNOPSIS\n"                         // 3
                                        ".SY \\*(Pn\n"                           // 4
                                        ".OP \\-o file\n"                        // 5
                                        ".YS\n"                                  // 6
                                        ".SH OPTIONS\n"                          // 7
                                        ".TP\n"                                  // 8
                                        ".B \\-q\n"                              // 9
                                        ".TQ\n"                                  // 10
                                        ".B \\-\\-quiet\n"                       // 11
                                        "print nothing\n"                        // 12
                                        ".ig END\n"                              // 13
                                        "ignored\n"                              // 14
                                        ".END\n"                                 // 15
                                        ".SH LIBRARY\n"                          // 16
                                        ".Ft int\n"                              // 17
                                        ".Fn open \"const char *path\" flags\n", // 18
                                        "t.1");
    std::vector<std::string> texts;
    for (const kosh::Paragraph& paragraph : document.paragraphs) {
        texts.push_back(paragraph.text);
    }
    CHECK(texts == std::vector<std::string>{
                       "widget\n[-o file]",
                       "-q\n\n--quiet\nprint nothing",
                       "int\nopen(const char *path, flags)",
                   });
    check_line_counts(document);
}
