// Tests for the rule that leaves source code, data, minified bundles, lock files, logs and patches out.
#include "index/document_kinds.h"

#include <catch2/catch.hpp>

#include <string>

using kosh::left_out;
using kosh::LeftOutReason;

TEST_CASE("left_out keeps what kosh has a reader for and plain prose", "[document_kinds]")
{
    for (const char* path : {"doc/README.md", "notes.txt", "guide.rst", "perlfaq.pod", "Foo/Bar.pm", "script.pl",
                             "index.html", "page.HTM", "book.xhtml", "README", "NEWS", "INSTALL", "COPYING",
                             "changelog.Debian", "copyright", "README.Debian", "manual.TXT"}) {
        INFO(path);
        CHECK_FALSE(left_out(path, "Some words about the program.\n"));
    }
}

TEST_CASE("left_out names the reason from the file name", "[document_kinds]")
{
    using R = LeftOutReason;
    const std::pair<const char*, R> cases[] = {
        {"tests/build.sh", R::source_code},
        {"main.c", R::source_code},
        {"x.H", R::source_code},
        {"lib.cpp", R::source_code},
        {"tool.py", R::source_code},
        {"app.js", R::source_code},
        {"fix.cocci", R::source_code},
        {"mode.el", R::source_code},
        {"Makefile", R::source_code},
        {"CMakeLists.txt", R::source_code},
        {"rules.mk", R::source_code},
        {"style.css", R::source_code},
        {"data.json", R::data},
        {"table.csv", R::data},
        {"conf.yaml", R::data},
        {"dump.sql", R::data},
        {"layout.xml", R::data},
        {"app.min.js", R::minified},
        {"theme.MIN.CSS", R::minified},
        {"yarn.lock", R::lock_file},
        {"Cargo.lock", R::lock_file},
        {"package-lock.json", R::lock_file},
        {"debug.log", R::log},
        {"fix.patch", R::patch},
        {"changes.diff", R::patch},
        {"unit.pas", R::source_code},
        {"demo.pp", R::source_code},
        {"Makefile.fpc", R::source_code},
        {"cert.pem", R::data},
    };
    for (const auto& [path, reason] : cases) {
        INFO(path);
        const auto found = left_out(path, "");
        REQUIRE(found);
        CHECK(*found == reason);
        CHECK_FALSE(kosh::needs_first_bytes(path));
    }
}

TEST_CASE("left_out looks at the content only where the name says nothing", "[document_kinds]")
{
    CHECK(kosh::needs_first_bytes("examples/run-tests"));
    CHECK(kosh::needs_first_bytes("changelog.Debian"));
    CHECK_FALSE(kosh::needs_first_bytes("README.md"));

    SECTION("a script with a #! line is source code")
    {
        CHECK(left_out("examples/run-tests", "#!/bin/sh\nset -e\n") == LeftOutReason::source_code);
        // A Perl script is read for its POD, whatever its first line.
        CHECK_FALSE(left_out("tool.pl", "#!/usr/bin/perl\n"));
    }
    SECTION("a long first line with hardly any spaces is minified")
    {
        const std::string bundle = "var a=1;" + std::string(2000, 'x') + ";function(){return a}\n";
        CHECK(left_out("bundle", bundle) == LeftOutReason::minified);
    }
    SECTION("a long unwrapped paragraph of prose is kept")
    {
        std::string paragraph;
        while (paragraph.size() < 3000) {
            paragraph += "the quick brown fox jumps over the lazy dog ";
        }
        CHECK_FALSE(left_out("ABOUT", paragraph + "\n"));
    }
    SECTION("a short line without spaces is kept")
    {
        CHECK_FALSE(left_out("VERSION", "1.2.3\n"));
        CHECK_FALSE(left_out("empty", ""));
    }
}

TEST_CASE("LeftOutTally counts by reason, largest first", "[document_kinds]")
{
    kosh::LeftOutTally tally;
    CHECK(tally.total() == 0);
    CHECK(tally.by_count().empty());
    tally.add(LeftOutReason::log);
    tally.add(LeftOutReason::data);
    tally.add(LeftOutReason::source_code);
    tally.add(LeftOutReason::source_code);
    CHECK(tally.total() == 4);
    using Counts = std::vector<std::pair<LeftOutReason, std::size_t>>;
    // Ties keep the reasons' own order: data before log.
    CHECK(tally.by_count() ==
          Counts{{LeftOutReason::source_code, 2}, {LeftOutReason::data, 1}, {LeftOutReason::log, 1}});
    CHECK(kosh::reason_name(LeftOutReason::lock_file) == "lock file");
}

TEST_CASE("left_out names images and other binary files by their extension", "[document_kinds]")
{
    CHECK(left_out("html/_images/plot.png", {}) == LeftOutReason::image);
    CHECK(left_out("icons/Favicon.ICO", {}) == LeftOutReason::image);
    CHECK(left_out("refcard.dvi.gz", {}) == LeftOutReason::binary);
    CHECK(left_out("test/report.tar.gz", {}) == LeftOutReason::binary);
    CHECK(left_out("fonts/DejaVuSans.ttf", {}) == LeftOutReason::binary);
    CHECK(kosh::reason_name(LeftOutReason::image) == "image");
    CHECK(kosh::reason_name(LeftOutReason::binary) == "binary");
    // A PDF, an EPUB, a DOCX and an ODT are documents, though binary too.
    for (const char* path : {"manual.pdf", "book.epub", "report.docx", "minutes.odt", "guide.pdf.gz"}) {
        INFO(path);
        CHECK_FALSE(left_out(path, {}));
    }
}

TEST_CASE("left_out judges a compressed file by the name inside", "[document_kinds]")
{
    CHECK(left_out("examples/foo.c.gz", {}) == LeftOutReason::source_code);
    CHECK(left_out("data/table.csv.xz", {}) == LeftOutReason::data);
    CHECK(left_out("debian/fix-build.patch.bz2", {}) == LeftOutReason::patch);
    CHECK_FALSE(left_out("doc/README.md.gz", {}));
    CHECK_FALSE(left_out("man1/ls.1.gz", {}));
    CHECK_FALSE(left_out("changelog.Debian.gz", {}));
    // Compressed bytes say nothing about the text inside: the name alone decides.
    CHECK_FALSE(kosh::needs_first_bytes("examples/run-tests.gz"));
    CHECK_FALSE(kosh::needs_first_bytes("changelog.gz"));
}
