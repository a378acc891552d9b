// Tests for find_source_files: recursion, hidden folders, globs, symbolic links and warnings.
#include "index/corpus_walker.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using kosh::SourceFile;
using kosh::WalkOptions;
using kosh::test::TempDir;

struct Walk {
    std::vector<std::string> paths; // relative to the temp dir, for readable expectations
    std::vector<std::string> warnings;
};

// Walks `inputs` and returns the index paths with the temp dir's own path taken off the front.
Walk walk(const TempDir& dir, const std::vector<std::string>& inputs, const WalkOptions& options = {})
{
    Walk result;
    const std::string root = dir.path().generic_string() + "/";
    const auto files = kosh::find_source_files(inputs, options,
                                               [&](const std::string& message) { result.warnings.push_back(message); });
    for (const SourceFile& file : files) {
        CHECK(fs::is_regular_file(file.location));
        REQUIRE(file.path.starts_with(root));
        result.paths.push_back(file.path.substr(root.size()));
    }
    return result;
}

// A small tree with nested folders, hidden entries and several extensions.
void make_tree(const TempDir& dir)
{
    dir.write("corpus/b.txt", "b");
    dir.write("corpus/a.md", "a");
    dir.write("corpus/sub/c.md", "c");
    dir.write("corpus/sub/deeper/d.txt", "d");
    dir.write("corpus/sub/deeper/e.md", "e");
    dir.write("corpus/drafts/f.md", "f");
    dir.write("corpus/.git/config", "[core]");
    dir.write("corpus/.git/objects/x.md", "x");
    dir.write("corpus/.hidden.md", "h");
    dir.write("corpus/sub/.cache/g.md", "g");
}

using Paths = std::vector<std::string>;

} // namespace

TEST_CASE("find_source_files walks folders recursively, skipping hidden entries, sorted", "[index]")
{
    TempDir dir;
    make_tree(dir);
    const Walk result = walk(dir, {(dir / "corpus").string()});
    CHECK(result.paths == Paths{"corpus/a.md", "corpus/b.txt", "corpus/drafts/f.md", "corpus/sub/c.md",
                                "corpus/sub/deeper/d.txt", "corpus/sub/deeper/e.md"});
    CHECK(result.warnings.empty());
    CHECK(std::is_sorted(result.paths.begin(), result.paths.end()));
}

TEST_CASE("find_source_files takes hidden files and folders that are named directly", "[index]")
{
    TempDir dir;
    make_tree(dir);
    SECTION("a hidden file")
    {
        CHECK(walk(dir, {(dir / "corpus/.hidden.md").string()}).paths == Paths{"corpus/.hidden.md"});
    }
    SECTION("a hidden folder")
    {
        CHECK(walk(dir, {(dir / "corpus/.git").string()}).paths ==
              Paths{"corpus/.git/config", "corpus/.git/objects/x.md"});
    }
}

TEST_CASE("find_source_files applies include globs", "[index]")
{
    TempDir dir;
    make_tree(dir);
    const std::string input = (dir / "corpus").string();
    WalkOptions options;
    SECTION("a name glob matches at any depth")
    {
        options.include = {"*.md"};
        CHECK(walk(dir, {input}, options).paths ==
              Paths{"corpus/a.md", "corpus/drafts/f.md", "corpus/sub/c.md", "corpus/sub/deeper/e.md"});
    }
    SECTION("several globs: a file matching any is taken")
    {
        options.include = {"a.*", "d.txt"};
        CHECK(walk(dir, {input}, options).paths == Paths{"corpus/a.md", "corpus/sub/deeper/d.txt"});
    }
    SECTION("a glob with '/' matches the path relative to the input")
    {
        options.include = {"sub/deeper/*"};
        CHECK(walk(dir, {input}, options).paths == Paths{"corpus/sub/deeper/d.txt", "corpus/sub/deeper/e.md"});
    }
    SECTION("a glob with '/' does not match the name alone")
    {
        options.include = {"deeper/*.txt"};
        CHECK(walk(dir, {input}, options).paths.empty());
    }
    SECTION("a glob that matches nothing")
    {
        options.include = {"*.rst"};
        CHECK(walk(dir, {input}, options).paths.empty());
    }
}

TEST_CASE("find_source_files applies exclude globs to files and folders", "[index]")
{
    TempDir dir;
    make_tree(dir);
    const std::string input = (dir / "corpus").string();
    WalkOptions options;
    SECTION("a file name glob")
    {
        options.exclude = {"*.txt"};
        CHECK(walk(dir, {input}, options).paths ==
              Paths{"corpus/a.md", "corpus/drafts/f.md", "corpus/sub/c.md", "corpus/sub/deeper/e.md"});
    }
    SECTION("a folder name prunes the whole subtree")
    {
        options.exclude = {"sub"};
        CHECK(walk(dir, {input}, options).paths == Paths{"corpus/a.md", "corpus/b.txt", "corpus/drafts/f.md"});
    }
    SECTION("a relative path with '/' prunes only that folder")
    {
        options.exclude = {"sub/deeper"};
        CHECK(walk(dir, {input}, options).paths ==
              Paths{"corpus/a.md", "corpus/b.txt", "corpus/drafts/f.md", "corpus/sub/c.md"});
    }
    SECTION("exclude wins over include")
    {
        options.include = {"*.md"};
        options.exclude = {"drafts", "e.md"};
        CHECK(walk(dir, {input}, options).paths == Paths{"corpus/a.md", "corpus/sub/c.md"});
    }
}

TEST_CASE("find_source_files does not follow folder links, so a link loop cannot hang it", "[index]")
{
    TempDir dir;
    dir.write("corpus/sub/c.md", "c");
    dir.write("corpus/a.md", "a");
    std::error_code error;
    fs::create_directory_symlink(dir / "corpus/sub", dir / "corpus/sub/loop", error); // points to its own parent
    if (error) {
        WARN("cannot create symbolic links here: " << error.message());
        return;
    }
    fs::create_directory_symlink(dir / "corpus", dir / "corpus/sub/up", error); // and one to the root
    REQUIRE_FALSE(error);
    SECTION("folder links are skipped")
    {
        const Walk result = walk(dir, {(dir / "corpus").string()});
        CHECK(result.paths == Paths{"corpus/a.md", "corpus/sub/c.md"});
        CHECK(result.warnings.empty());
    }
    SECTION("a link to a file is taken under the link's own name")
    {
        fs::create_symlink(dir / "corpus/a.md", dir / "corpus/link.md", error);
        REQUIRE_FALSE(error);
        CHECK(walk(dir, {(dir / "corpus").string()}).paths ==
              Paths{"corpus/a.md", "corpus/link.md", "corpus/sub/c.md"});
    }
    SECTION("a dangling link is skipped with a warning naming it")
    {
        fs::create_symlink(dir / "corpus/gone.md", dir / "corpus/dangling.md", error);
        REQUIRE_FALSE(error);
        const Walk result = walk(dir, {(dir / "corpus").string()});
        CHECK(result.paths == Paths{"corpus/a.md", "corpus/sub/c.md"});
        CHECK(result.warnings ==
              std::vector<std::string>{(dir / "corpus/dangling.md").string() + ": broken symbolic link"});
    }
}

TEST_CASE("find_source_files warns about a missing input and carries on", "[index]")
{
    TempDir dir;
    dir.write("corpus/a.md", "a");
    const std::string missing = (dir / "nope").string();
    const Walk result = walk(dir, {missing, (dir / "corpus").string(), (dir / "also-missing.md").string()});
    CHECK(result.paths == Paths{"corpus/a.md"});
    CHECK(result.warnings == std::vector<std::string>{missing + ": no such file or folder",
                                                      (dir / "also-missing.md").string() + ": no such file or folder"});
}

TEST_CASE("find_source_files names files by input path joined with the relative path", "[index]")
{
    TempDir dir;
    dir.write("corpus/a.md", "a");
    dir.write("corpus/sub/c.md", "c");
    SECTION("a trailing slash on the input changes nothing")
    {
        CHECK(walk(dir, {(dir / "corpus").string() + "/"}).paths == Paths{"corpus/a.md", "corpus/sub/c.md"});
    }
    SECTION("a file given directly is normalized lexically")
    {
        CHECK(walk(dir, {(dir / "corpus/./sub/../a.md").string()}).paths == Paths{"corpus/a.md"});
    }
    SECTION("a file found twice through overlapping inputs is listed once")
    {
        const std::string corpus = (dir / "corpus").string();
        CHECK(walk(dir, {(dir / "corpus/sub").string(), corpus, (dir / "corpus/a.md").string()}).paths ==
              Paths{"corpus/a.md", "corpus/sub/c.md"});
    }
    SECTION("an empty folder gives nothing, quietly")
    {
        dir.mkdir("empty");
        const Walk result = walk(dir, {(dir / "empty").string()});
        CHECK(result.paths.empty());
        CHECK(result.warnings.empty());
    }
}

TEST_CASE("find_source_files sorts by path bytes across inputs", "[index]")
{
    TempDir dir;
    dir.write("z/1.md", "");
    dir.write("a/2.md", "");
    dir.write("a-b/3.md", "");
    dir.write("a/B.md", "");
    const Walk result = walk(dir, {(dir / "z").string(), (dir / "a").string(), (dir / "a-b").string()});
    CHECK(result.paths == Paths{"a-b/3.md", "a/2.md", "a/B.md", "z/1.md"});
}

TEST_CASE("find_source_files leaves out what is not a document, counting why", "[index]")
{
    TempDir dir;
    dir.write("doc/README.md", "# Read me\n");
    dir.write("doc/notes.txt", "notes\n");
    dir.write("doc/NEWS", "Version 2 is out.\n");
    dir.write("doc/tests/build.sh", "make\n");
    dir.write("doc/main.c", "int main(void) { return 0; }\n");
    dir.write("doc/data.json", "{}\n");
    dir.write("doc/examples/run", "#!/bin/sh\necho hi\n");
    dir.write("doc/yarn.lock", "# lock\n");
    const std::string input = (dir / "doc").string();
    WalkOptions options;
    kosh::LeftOutTally tally;
    const auto collect = [&] {
        std::vector<std::string> paths;
        for (const SourceFile& file : kosh::find_source_files(
                 {input}, options, [](const std::string&) {}, &tally)) {
            paths.push_back(fs::path(file.path).lexically_relative(dir.path()).generic_string());
        }
        return paths;
    };
    using Counts = std::vector<std::pair<kosh::LeftOutReason, std::size_t>>;
    SECTION("by default only the documents are taken")
    {
        CHECK(collect() == Paths{"doc/NEWS", "doc/README.md", "doc/notes.txt"});
        CHECK(tally.by_count() == Counts{{kosh::LeftOutReason::source_code, 3},
                                         {kosh::LeftOutReason::data, 1},
                                         {kosh::LeftOutReason::lock_file, 1}});
    }
    SECTION("a file matching an include glob is taken whatever it is")
    {
        options.include = {"*.sh", "*.md"};
        CHECK(collect() == Paths{"doc/README.md", "doc/tests/build.sh"});
        CHECK(tally.total() == 0);
    }
    SECTION("exclude still wins over include")
    {
        options.include = {"*.sh"};
        options.exclude = {"tests"};
        CHECK(collect().empty());
    }
    SECTION("all_files takes every file")
    {
        options.all_files = true;
        CHECK(collect().size() == 8);
        CHECK(tally.total() == 0);
    }
    SECTION("a file named directly is taken")
    {
        const auto files = kosh::find_source_files(
            {(dir / "doc/main.c").string()}, options, [](const std::string&) {}, &tally);
        CHECK(files.size() == 1);
        CHECK(tally.total() == 0);
    }
}
