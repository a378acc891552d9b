// Tests for sorting index warnings into kinds and the summary line `kosh index -q` prints.
#include "index/skip_tally.h"

#include <catch2/catch.hpp>

using namespace kosh;

TEST_CASE("warnings are sorted into kinds by the wording of their reason", "[skip_tally]")
{
    struct Row {
        const char* warning;
        SkipReason reason;
    };
    const Row rows[] = {
        {"a.bin: binary file (contains NUL bytes)", SkipReason::binary},
        {"a.txt: skipped: binary file (contains NUL characters)", SkipReason::binary},
        {"a.txt: invalid UTF-8 at line 3, byte 70", SkipReason::encoding},
        {"a.txt: UTF-16 text is not supported (convert it to UTF-8)", SkipReason::encoding},
        {"a.txt: Permission denied", SkipReason::unreadable},
        {"docs: cannot read folder: Permission denied", SkipReason::unreadable},
        {"a.md: broken symbolic link", SkipReason::unreadable},
        {"a.1.gz: skipped: bad gzip data: truncated gzip input", SkipReason::damaged},
        {"a.1.gz: skipped: not gzip data", SkipReason::damaged},
        {"a.pdf: damaged PDF: no pages", SkipReason::damaged},
        {"a.docx: skipped: damaged zip: truncated input", SkipReason::damaged},
        {"a.pdf: encrypted PDF (needs a password)", SkipReason::encrypted},
        {"a.epub: skipped: encrypted book (DRM): ch1.xhtml", SkipReason::encrypted},
        {"a.pdf: no text in this PDF (scanned images?)", SkipReason::no_text},
        {"a.gz: skipped: decompressed size over 512 MiB", SkipReason::too_large},
        {"a.html: the HTML parser could not read it: read as plain text", SkipReason::read_in_part},
        {"a.odt: content.xml: bad XML: read up to there", SkipReason::read_in_part},
        {"a.md: something nobody foresaw", SkipReason::other},
        // The path does not decide: this file is unreadable, not encrypted or binary.
        {"encrypted binary file notes.md: Permission denied", SkipReason::unreadable},
        // A file with several warnings is counted once, by its first.
        {"a.epub: chapter x is missing from the zip\na.epub: encrypted thing", SkipReason::read_in_part},
    };
    for (const Row& row : rows) {
        INFO(row.warning);
        CHECK(classify_warning(row.warning) == row.reason);
    }
}

TEST_CASE("counts are written with a comma between groups of three digits", "[skip_tally]")
{
    CHECK(with_thousands(0) == "0");
    CHECK(with_thousands(999) == "999");
    CHECK(with_thousands(1000) == "1,000");
    CHECK(with_thousands(2507) == "2,507");
    CHECK(with_thousands(1234567) == "1,234,567");
}

TEST_CASE("the summary names each kind, largest first", "[skip_tally]")
{
    SkipTally tally;
    CHECK(tally.summary().empty());
    for (int i = 0; i < 2480; ++i) {
        tally.add("x.bin: binary file (contains NUL bytes)");
    }
    for (int i = 0; i < 27; ++i) {
        tally.add("y.txt: Permission denied");
    }
    CHECK(tally.total() == 2507);
    CHECK(tally.summary() == "2,507 files skipped: 2,480 binary, 27 unreadable");
    tally.add("z.html: the HTML parser could not read it: read as plain text");
    CHECK(tally.summary() == "2,508 files skipped or read in part: 2,480 binary, 27 unreadable, 1 read in part");

    SkipTally one;
    one.add("a.pdf: encrypted PDF (needs a password)");
    CHECK(one.summary() == "1 file skipped: 1 encrypted");
}
