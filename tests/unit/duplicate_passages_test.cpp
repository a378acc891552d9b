// Tests for distinct_passages: one passage per text, the best-scoring, and of equals the shortest path.
#include "search/duplicate_passages.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using kosh::PassageHit;

namespace {

PassageHit hit(std::string path, double score, std::string text)
{
    PassageHit h;
    h.path = std::move(path);
    h.score = score;
    h.text = std::move(text);
    return h;
}

} // namespace

TEST_CASE("distinct_passages keeps one of the passages sharing a text, at the first one's place", "[search]")
{
    const std::string sorting = "-t sort by time, newest first";
    const std::vector<PassageHit> hits{hit("man1/dir.1.gz", 9.0, sorting), hit("man1/ls.1.gz", 9.0, sorting),
                                       hit("man1/sftp.1.gz", 8.5, "-t Sort the listing by time."),
                                       hit("man1/vdir.1.gz", 9.0, sorting), hit("man1/touch.1.gz", 7.0, "-m")};
    // Equal scores: the shortest path stands for the text, where dir(1) stood.
    CHECK(kosh::distinct_passages(hits) == std::vector<std::size_t>{1, 2, 4});
}

TEST_CASE("distinct_passages prefers the better score over the shorter path", "[search]")
{
    const std::vector<PassageHit> hits{hit("a/long/path.md", 5.0, "Same words."), hit("b.md", 4.0, "Same words.")};
    CHECK(kosh::distinct_passages(hits) == std::vector<std::size_t>{0});
}

TEST_CASE("distinct_passages leaves distinct texts alone", "[search]")
{
    const std::vector<PassageHit> hits{hit("a.md", 3.0, "One."), hit("a.md", 2.0, "Two."), hit("b.md", 1.0, "one.")};
    CHECK(kosh::distinct_passages(hits) == std::vector<std::size_t>{0, 1, 2});
    CHECK(kosh::distinct_passages({}).empty());
}
