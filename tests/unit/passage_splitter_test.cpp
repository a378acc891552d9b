// Tests for split_passages: long paragraphs cut at sentences, short ones merged, lines kept exact.
#include "parse/passage_splitter.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using kosh::Document;
using kosh::Paragraph;
using kosh::PassageLimits;

Paragraph para(std::string text, int first_line, int last_line, std::vector<std::string> sections = {})
{
    Paragraph paragraph;
    paragraph.text = std::move(text);
    paragraph.first_line = first_line;
    paragraph.last_line = last_line;
    paragraph.sections = std::move(sections);
    return paragraph;
}

Document doc(std::vector<Paragraph> paragraphs)
{
    Document document;
    document.path = "docs/test.md";
    document.title = "Test";
    document.paragraphs = std::move(paragraphs);
    return document;
}

PassageLimits limits(int min_words, int max_words)
{
    PassageLimits result;
    result.min_words = min_words;
    result.max_words = max_words;
    return result;
}

void check_passages(const std::vector<Paragraph>& actual, const std::vector<Paragraph>& expected)
{
    REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        INFO("passage " << i);
        CHECK(actual[i].text == expected[i].text);
        CHECK(actual[i].first_line == expected[i].first_line);
        CHECK(actual[i].last_line == expected[i].last_line);
        CHECK(actual[i].sections == expected[i].sections);
        CHECK(actual[i].code == expected[i].code);
    }
}

Paragraph code_para(std::string text, int first_line, int last_line, std::vector<kosh::ByteSpan> code,
                    std::vector<std::string> sections = {})
{
    Paragraph paragraph = para(std::move(text), first_line, last_line, std::move(sections));
    paragraph.code = std::move(code);
    return paragraph;
}

/// A paragraph that is all code, as the Markdown reader makes of a code block.
Paragraph block(std::string text, int first_line, int last_line, std::vector<std::string> sections = {})
{
    const std::size_t size = text.size();
    return code_para(std::move(text), first_line, last_line, {{0, size}}, std::move(sections));
}

// Every passage must have as many line breaks as lines it spans, so an offset maps to a line.
void check_line_invariant(const std::vector<Paragraph>& passages)
{
    for (const Paragraph& passage : passages) {
        INFO("passage text: " << passage.text);
        CHECK(std::count(passage.text.begin(), passage.text.end(), '\n') == passage.last_line - passage.first_line);
    }
}

} // namespace

TEST_CASE("split_passages passes paragraphs of a good size through unchanged", "[parse]")
{
    const Document document = doc({
        para("one two three four", 1, 1, {"A"}),
        para("five six seven\neight nine", 3, 4, {"A", "B"}),
    });
    const auto passages = kosh::split_passages(document, limits(3, 10));
    check_passages(passages, document.paragraphs);
}

TEST_CASE("split_passages cuts a long paragraph at sentence boundaries with exact lines", "[parse]")
{
    SECTION("one sentence a line")
    {
        const Document document = doc({para("One two three.\nFour five six.\nSeven eight nine.", 10, 12, {"S"})});
        const auto passages = kosh::split_passages(document, limits(1, 6));
        check_passages(passages, {
                                     para("One two three.\nFour five six.", 10, 11, {"S"}),
                                     para("Seven eight nine.", 12, 12, {"S"}),
                                 });
    }
    SECTION("sentences that wrap across lines")
    {
        const Document document = doc({para("Alpha beta\ngamma. Delta epsilon\nzeta eta. Theta.", 5, 7)});
        const auto passages = kosh::split_passages(document, limits(1, 4));
        check_passages(passages, {
                                     para("Alpha beta\ngamma.", 5, 6),
                                     para("Delta epsilon\nzeta eta.", 6, 7),
                                     para("Theta.", 7, 7),
                                 });
        check_line_invariant(passages);
    }
    SECTION("a single sentence longer than the limit stays whole")
    {
        const Document document = doc({para("a b c d e f g h i j.", 1, 1)});
        check_passages(kosh::split_passages(document, limits(1, 4)), document.paragraphs);
    }
    SECTION("a run-on sentence of more than four times the limit is cut between words")
    {
        // 50 words and no sentence end, on three lines: cut every 10 words, lines kept exact.
        std::string text;
        for (int i = 0; i < 50; ++i) {
            text += 'w';
            text += std::to_string(i);
            text += i == 19 || i == 39 ? '\n' : ' ';
        }
        text.pop_back();
        const Document document = doc({para(text, 7, 9)});
        const auto passages = kosh::split_passages(document, limits(1, 10));
        REQUIRE(passages.size() == 5);
        CHECK(passages[0].text.starts_with("w0 "));
        CHECK(passages[1].text.starts_with("w10 "));
        CHECK(passages[2].first_line == 8);
        CHECK(passages[2].text.starts_with("w20 "));
        CHECK(passages[4].first_line == 9);
        CHECK(passages[4].last_line == 9);
        CHECK(passages[4].text.ends_with("w49"));
        check_line_invariant(passages);
    }
    SECTION("the default limits: 450 words become pieces of at most 200")
    {
        std::string text;
        for (int i = 0; i < 50; ++i) {
            text += "Nine words in this sentence make up one line.\n"; // 9 words
        }
        text.pop_back();
        const Document document = doc({para(text, 1, 50)});
        const auto passages = kosh::split_passages(document);
        REQUIRE(passages.size() == 3);
        CHECK(passages[0].first_line == 1);
        CHECK(passages[0].last_line == 22); // 22 * 9 = 198 words
        CHECK(passages[1].first_line == 23);
        CHECK(passages[1].last_line == 44);
        CHECK(passages[2].first_line == 45);
        CHECK(passages[2].last_line == 50);
        check_line_invariant(passages);
    }
}

TEST_CASE("split_passages merges short paragraphs forward within a section", "[parse]")
{
    SECTION("a lone label joins the paragraph after it, keeping the blank line")
    {
        const Document document = doc({
            para("Example:", 3, 3, {"Usage"}),
            para("Run the tool with two\nfiles and it prints both.", 5, 6, {"Usage"}),
        });
        const auto passages = kosh::split_passages(document, limits(5, 100));
        check_passages(passages,
                       {para("Example:\n\nRun the tool with two\nfiles and it prints both.", 3, 6, {"Usage"})});
        check_line_invariant(passages);
    }
    SECTION("several short paragraphs gather until they are long enough")
    {
        const Document document = doc({
            para("a b", 1, 1, {"S"}),
            para("c d", 2, 2, {"S"}),
            para("e f", 3, 3, {"S"}),
            para("g h i j k l", 7, 7, {"S"}),
        });
        const auto passages = kosh::split_passages(document, limits(5, 100));
        check_passages(passages, {
                                     para("a b\nc d\ne f", 1, 3, {"S"}),
                                     para("g h i j k l", 7, 7, {"S"}),
                                 });
    }
    SECTION("a merged paragraph that becomes long is split with the right lines")
    {
        const Document document = doc({
            para("Note:", 1, 1),
            para("One two three. Four five six.", 3, 3),
        });
        const auto passages = kosh::split_passages(document, limits(3, 4));
        check_passages(passages, {
                                     para("Note:\n\nOne two three.", 1, 3),
                                     para("Four five six.", 3, 3),
                                 });
        check_line_invariant(passages);
    }
}

TEST_CASE("split_passages does not merge across sections", "[parse]")
{
    SECTION("a short paragraph before a new section stays alone")
    {
        const Document document = doc({
            para("Short one.", 2, 2, {"A"}),
            para("This paragraph is long enough to stand.", 5, 5, {"B"}),
        });
        check_passages(kosh::split_passages(document, limits(5, 100)), document.paragraphs);
    }
    SECTION("a subsection is a different section")
    {
        const Document document = doc({
            para("Short one.", 2, 2, {"A"}),
            para("This paragraph is long enough to stand.", 5, 5, {"A", "Sub"}),
        });
        check_passages(kosh::split_passages(document, limits(5, 100)), document.paragraphs);
    }
    SECTION("a short tail in another section stays alone")
    {
        const Document document = doc({
            para("This paragraph is long enough to stand.", 1, 1, {"A"}),
            para("Short tail.", 3, 3, {"B"}),
        });
        check_passages(kosh::split_passages(document, limits(5, 100)), document.paragraphs);
    }
}

TEST_CASE("split_passages joins a short last paragraph to the passage before it", "[parse]")
{
    const Document document = doc({
        para("This paragraph is long enough\nto stand on its own.", 1, 2, {"A"}),
        para("See also.", 5, 5, {"A"}),
    });
    const auto passages = kosh::split_passages(document, limits(5, 100));
    check_passages(passages, {para("This paragraph is long enough\nto stand on its own.\n\n\nSee also.", 1, 5, {"A"})});
    check_line_invariant(passages);
}

TEST_CASE("split_passages drops paragraphs without words", "[parse]")
{
    const Document document = doc({
        para("---", 1, 1),
        para("", 2, 2),
        para("Real words here.", 4, 4),
        para("* * *", 6, 6),
    });
    check_passages(kosh::split_passages(document, limits(1, 100)), {para("Real words here.", 4, 4)});
    CHECK(kosh::split_passages(doc({})).empty());
    CHECK(kosh::split_passages(doc({para("!!!", 1, 1)})).empty());
}

TEST_CASE("split_passages keeps line breaks equal to line distance in every passage", "[parse]")
{
    // A mixed document through the default-like limits: the invariant must hold for all outputs.
    std::string long_text;
    for (int i = 0; i < 12; ++i) {
        long_text += "Sentence number " + std::to_string(i) + " has six words.\n";
    }
    long_text.pop_back();
    const Document document = doc({
        para("Intro:", 1, 1, {"A"}),
        para(long_text, 3, 14, {"A"}),
        para("Tiny.", 16, 16, {"A"}),
        para("Heading note", 20, 20, {"B"}),
        para("Another body paragraph\nthat wraps over\nthree lines here.", 22, 24, {"B"}),
        para("End.", 30, 30, {"B"}),
    });
    const auto passages = kosh::split_passages(document, limits(4, 20));
    REQUIRE_FALSE(passages.empty());
    check_line_invariant(passages);
    CHECK(passages.front().first_line == 1);
    CHECK(passages.back().last_line == 30);
    for (std::size_t i = 1; i < passages.size(); ++i) {
        CHECK(passages[i - 1].first_line <= passages[i].first_line);
    }
}

TEST_CASE("split_passages at its limits: exactly min_words stands alone, exactly max_words fits", "[parse]")
{
    SECTION("a paragraph of exactly min_words words is a passage of its own")
    {
        const Document document = doc({para("a b c", 1, 1, {"S"}), para("d e f g", 3, 3, {"S"})});
        check_passages(kosh::split_passages(document, limits(3, 10)), document.paragraphs);
    }
    SECTION("the defaults: twelve words stand alone, eleven join the next paragraph")
    {
        const std::string twelve = "one two three four five six seven eight nine ten eleven twelve";
        const std::string eleven = "one two three four five six seven eight nine ten eleven";
        const std::string next = "Next paragraph of the same section, long enough to stand alone here.";
        check_passages(kosh::split_passages(doc({para(twelve, 1, 1), para(next, 3, 3)})),
                       {para(twelve, 1, 1), para(next, 3, 3)});
        check_passages(kosh::split_passages(doc({para(eleven, 1, 1), para(next, 3, 3)})),
                       {para(eleven + "\n\n" + next, 1, 3)});
    }
    SECTION("sentences that add up to exactly max_words share a piece")
    {
        const Document document = doc({para("Alpha beta. Gamma delta. Epsilon zeta.", 1, 1)});
        check_passages(kosh::split_passages(document, limits(1, 4)),
                       {para("Alpha beta. Gamma delta.", 1, 1), para("Epsilon zeta.", 1, 1)});
    }
    SECTION("a sentence of exactly four times max_words words is not cut")
    {
        const Document document = doc({para("a b c d e f g h.", 1, 1)});
        check_passages(kosh::split_passages(document, limits(1, 2)), document.paragraphs);
        const Document longer = doc({para("a b c d e f g h i.", 1, 1)});
        check_passages(kosh::split_passages(longer, limits(1, 2)),
                       {para("a b", 1, 1), para("c d", 1, 1), para("e f", 1, 1), para("g h", 1, 1), para("i.", 1, 1)});
    }
    SECTION("a short tail on the line where the passage before it ends is not glued to it")
    {
        const Document document = doc({para("a b c d", 1, 1, {"S"}), para("e", 1, 1, {"S"})});
        check_passages(kosh::split_passages(document, limits(3, 10)), document.paragraphs);
    }
}

TEST_CASE("split_passages moves code spans with their text when it merges paragraphs", "[parse]")
{
    SECTION("a short label joins the code block after it: the block's span is shifted")
    {
        const Document document = doc({
            para("Run:", 1, 1, {"Build"}),
            block("make all\nmake install", 3, 4, {"Build"}),
        });
        const auto passages = kosh::split_passages(document, limits(5, 100));
        check_passages(passages, {code_para("Run:\n\nmake all\nmake install", 1, 4, {{6, 27}}, {"Build"})});
        check_line_invariant(passages);
    }
    SECTION("a short code block at the end joins the passage before it")
    {
        const Document document = doc({
            para("Install the tool and then start it", 1, 1),
            block("  kosh index", 3, 3),
        });
        const auto passages = kosh::split_passages(document, limits(5, 100));
        check_passages(passages, {code_para("Install the tool and then start it\n\n  kosh index", 1, 3, {{36, 48}})});
    }
    SECTION("short blocks gather, each span moved by what came before it")
    {
        const Document document = doc({
            block("a = 1", 1, 1),
            para("then", 2, 2),
            block("b = 2", 4, 4),
            para("done", 5, 5),
        });
        const auto passages = kosh::split_passages(document, limits(5, 100));
        check_passages(passages, {code_para("a = 1\nthen\n\nb = 2\ndone", 1, 5, {{0, 5}, {12, 17}})});
        check_line_invariant(passages);
    }
}

TEST_CASE("split_passages cuts a long code block between its lines, never at a sentence in it", "[parse]")
{
    SECTION("a block of code only: every piece keeps its indentation and is all code")
    {
        // Without the code span "first(a)." would end a sentence and "Second(b)" start one.
        const Document document =
            doc({block("    first(a). Second(b)\n    third c d\n      fourth e f\n    fifth g h", 10, 13)});
        const auto passages = kosh::split_passages(document, limits(1, 6));
        check_passages(passages, {
                                     block("    first(a). Second(b)", 10, 10),
                                     block("    third c d\n      fourth e f", 11, 12),
                                     block("    fifth g h", 13, 13),
                                 });
        check_line_invariant(passages);
    }
    SECTION("prose then code: the piece that holds both keeps the code's span at its place")
    {
        const std::string text = "Intro words here. More prose now.\n    code one two\n    code three four";
        const std::size_t code_begin = text.find("    code one");
        const Document document = doc({code_para(text, 1, 3, {{code_begin, text.size()}})});
        const auto passages = kosh::split_passages(document, limits(1, 9));
        check_passages(passages, {
                                     code_para("Intro words here. More prose now.\n    code one two", 1, 2,
                                               {{code_begin, code_begin + 16}}),
                                     block("    code three four", 3, 3),
                                 });
        check_line_invariant(passages);
    }
    SECTION("blank lines inside a block are not pieces of their own")
    {
        const Document document = doc({block("one two three\n\n\nfour five six", 1, 4)});
        const auto passages = kosh::split_passages(document, limits(1, 3));
        check_passages(passages, {block("one two three", 1, 1), block("four five six", 4, 4)});
    }
}

TEST_CASE("split_passages keeps apart paragraphs that share a line, whatever their headings say", "[parse]")
{
    // An HTML heading may sit on the line one paragraph ends on and the next begins on; a
    // heading repeating the one above ("Two", "Two") gives both the same path.
    const Document document = doc({
        para("First\nline", 1, 2, {"Two"}),
        para("Second\nline", 2, 3, {"Two"}),
    });
    const auto passages = kosh::split_passages(document, limits(5, 100));
    check_passages(passages, {para("First\nline", 1, 2, {"Two"}), para("Second\nline", 2, 3, {"Two"})});
    check_line_invariant(passages);
}
