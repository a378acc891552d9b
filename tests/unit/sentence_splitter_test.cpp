// Tests for split_sentences: where sentences end, where they do not, and the exact spans.
#include "parse/sentence_splitter.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

std::vector<std::string> sentences(std::string_view text)
{
    std::vector<std::string> out;
    for (const kosh::ByteSpan& span : kosh::split_sentences(text)) {
        REQUIRE(span.begin < span.end);
        REQUIRE(span.end <= text.size());
        out.emplace_back(text.substr(span.begin, span.end - span.begin));
    }
    return out;
}

struct SplitCase {
    const char* text;
    std::vector<std::string> expected;
};

void check_table(const std::vector<SplitCase>& table)
{
    for (const auto& row : table) {
        INFO("text: " << row.text);
        CHECK(sentences(row.text) == row.expected);
    }
}

} // namespace

TEST_CASE("split_sentences ends sentences at . ! and ?", "[parse]")
{
    check_table({
        {"Kathmandu is the capital. It lies in a valley.", {"Kathmandu is the capital.", "It lies in a valley."}},
        {"Really? Yes! Good.", {"Really?", "Yes!", "Good."}},
        {"What?! No.", {"What?!", "No."}},
        {"One.\nTwo.", {"One.", "Two."}},
        {"It rose. 2020 was odd.", {"It rose.", "2020 was odd."}},
        {"Wait... What?", {"Wait...", "What?"}},
        {"It costs $5. Then it rose.", {"It costs $5.", "Then it rose."}},
    });
}

TEST_CASE("split_sentences keeps text after the last period as a sentence", "[parse]")
{
    check_table({
        {"No period at the end", {"No period at the end"}},
        {"First sentence. Second part without period", {"First sentence.", "Second part without period"}},
        {"Ends with space.   ", {"Ends with space."}},
    });
}

TEST_CASE("split_sentences does not split after abbreviations and initials", "[parse]")
{
    check_table({
        {"Dr. Smith arrived. He left.", {"Dr. Smith arrived.", "He left."}},
        {"Use a tool, e.g. Xapian. It works.", {"Use a tool, e.g. Xapian.", "It works."}},
        {"Tools (i.e. Xapian) help. Yes.", {"Tools (i.e. Xapian) help.", "Yes."}},
        {"J. R. R. Tolkien wrote it. Fine.", {"J. R. R. Tolkien wrote it.", "Fine."}},
        {"Mt. Everest is high. Mr. Hillary climbed it.", {"Mt. Everest is high.", "Mr. Hillary climbed it."}},
        {"Apples vs. Oranges. Done.", {"Apples vs. Oranges.", "Done."}},
        {"See \"Fig. 3\" below. Done.", {"See \"Fig. 3\" below.", "Done."}},
    });
}

TEST_CASE("split_sentences does not split inside numbers, names or before lower case", "[parse]")
{
    check_table({
        {"Pi is 3.14 roughly. Yes.", {"Pi is 3.14 roughly.", "Yes."}},
        {"Open file.txt now. Ok.", {"Open file.txt now.", "Ok."}},
        {"The value is 5 cm. and more follows.", {"The value is 5 cm. and more follows."}},
        {"Version 2.0.1 shipped. It works.", {"Version 2.0.1 shipped.", "It works."}},
        // Every lower-case ASCII letter continues the sentence, the last of them too; the
        // characters around that range may open one.
        {"It ended here. zebras follow.", {"It ended here. zebras follow."}},
        {"It ended here. {Braces} open one.", {"It ended here.", "{Braces} open one."}},
        {"It ended here. `code` opens one.", {"It ended here.", "`code` opens one."}},
    });
}

TEST_CASE("split_sentences keeps closing quotes and brackets with their sentence", "[parse]")
{
    check_table({
        {"He said \"Stop.\" Then he left.", {"He said \"Stop.\"", "Then he left."}},
        {"He said 'Go!' Then he ran.", {"He said 'Go!'", "Then he ran."}},
        {"(See above.) Next one.", {"(See above.)", "Next one."}},
        {"[Done?] Yes.", {"[Done?]", "Yes."}},
        {"He said \xE2\x80\x9CStop.\xE2\x80\x9D Then he left.",
         {"He said \xE2\x80\x9CStop.\xE2\x80\x9D", "Then he left."}},
        {"It\xE2\x80\x99s \xE2\x80\x98"
         "done.\xE2\x80\x99 Next.",
         {"It\xE2\x80\x99s \xE2\x80\x98"
          "done.\xE2\x80\x99",
          "Next."}},
        {"Quote.\"\xE2\x80\x9D) Next.", {"Quote.\"\xE2\x80\x9D)", "Next."}},
    });
}

TEST_CASE("split_sentences returns spans trimmed of surrounding whitespace", "[parse]")
{
    using Spans = std::vector<kosh::ByteSpan>;
    CHECK(kosh::split_sentences("  Leading space. \n Trailing.  ") == Spans{{2, 16}, {19, 28}});
    CHECK(kosh::split_sentences("A. B") == Spans{{0, 4}}); // "A." is an initial
    CHECK(kosh::split_sentences("Go. Be.") == Spans{{0, 3}, {4, 7}});
    CHECK(kosh::split_sentences("\tOne!\n\nTwo?\n") == Spans{{1, 5}, {7, 11}});
    CHECK(kosh::split_sentences("").empty());
    CHECK(kosh::split_sentences(" \n\t ").empty());
    CHECK(kosh::split_sentences("...") == Spans{{0, 3}});
}

TEST_CASE("split_prose_sentences leaves code out and never runs a sentence across it", "[parse]")
{
    // "Run it like this" has no full stop: without the code span it would swallow the code lines.
    const std::string text = "Run it like this\nmake all. make install\nThen it works. Done.";
    const std::size_t code_begin = text.find("make all");
    const std::size_t code_end = text.find("\nThen");
    const auto spans = kosh::split_prose_sentences(text, {{code_begin, code_end}});
    std::vector<std::string> found;
    for (const kosh::ByteSpan& span : spans) {
        CHECK((span.end <= code_begin || span.begin >= code_end));
        found.push_back(text.substr(span.begin, span.end - span.begin));
    }
    CHECK(found == std::vector<std::string>{"Run it like this", "Then it works.", "Done."});
    SECTION("a text that is all code has no sentences")
    {
        CHECK(kosh::split_prose_sentences("x = 1. y = 2.", {{0, 13}}).empty());
    }
    SECTION("no code: the same as split_sentences")
    {
        CHECK(kosh::split_prose_sentences("One. Two.", {}) == kosh::split_sentences("One. Two."));
    }
    SECTION("spans out of order, overlapping or past the end are tolerated")
    {
        const auto tolerant = kosh::split_prose_sentences("One. code. Two.", {{5, 10}, {0, 0}, {7, 99}, {6, 9}});
        REQUIRE(tolerant.size() == 1);
        CHECK(tolerant[0] == kosh::ByteSpan{0, 4});
    }
}
