"""PDF files: the outline comes from the bookmarks, passages say their page ("page" in JSON,
file.pdf:pN in text), running headers and footers are not indexed, and a PDF kosh cannot read
(encrypted, cut short, only images) is skipped with a warning naming it and the reason while the
rest is indexed.

The PDFs are set here by groff -Tpdf from ms source (pdf_fixtures.py) and one is encrypted by
qpdf; the test skips where those tools are missing.
"""
import os
import subprocess
import sys
import time

from harness import KOSH, Workspace, check, main
from pdf_fixtures import (chapter_title, drawing_only_source, groff_pdf, manual_source, missing_tools,
                          section_title)
from test_bad_input import index, no_crash, one_line_error, summary, warned_about

TITLE = "Widget Handbook"
OKAPI = "The okapi is kept well away from the spinning flange at all times."


def write_manual(ws):
    os.makedirs(ws.path("docs"), exist_ok=True)
    source = manual_source(TITLE, 4, 2, 4, two_column_chapter=2, extra={(4, 2): OKAPI})
    groff_pdf(source, ws.path("docs", "manual.pdf"))


def test_outline_comes_from_the_bookmarks():
    with Workspace() as ws:
        write_manual(ws)
        run = ws.kosh("outline", "docs/manual.pdf", expect=0)
        expected = TITLE + "\n"
        for c in range(1, 5):
            expected += f"  {chapter_title(c)}\n"
            for s in range(1, 3):
                expected += f"    {section_title(c, s)}\n"
        check(run.stdout == expected, "outline differs from the bookmarks", run)


def test_passages_carry_their_page_and_headers_are_not_indexed():
    with Workspace() as ws:
        write_manual(ws)
        run = index(ws)
        check(summary(run) == (1, 0), "the manual is not indexed", run)
        run = ws.kosh("search", "--json", "okapi", expect=0)
        passages = run.jsonl()[0]["passages"]
        check(len(passages) == 1 and passages[0]["path"] == "docs/manual.pdf", "okapi passage not found", run)
        page = passages[0].get("page")
        check(isinstance(page, int) and page >= 2, "the passage lacks its page (the okapi is in the last chapter)", run)
        check(section_title(4, 2) in " ".join(passages[0].get("sections", [])) or
              section_title(4, 2) in run.stdout, "the passage is not filed under its section", run)
        run = ws.kosh("ask", "--color", "never", "Where is the okapi kept?", expect=0)
        check(f"docs/manual.pdf:p{page}" in run.stdout, f"text output lacks docs/manual.pdf:p{page}", run)
        # "Revision 3" is the running header of every page, "Page N" the footer.
        for word in ("Revision", "Page"):
            run = ws.kosh("search", "--json", word, expect=None)
            no_crash(run)
            found = [p for result in run.jsonl() for p in result.get("passages", []) if p["path"] == "docs/manual.pdf"]
            check(not found, f"the running line with {word!r} was indexed", run)


def test_unreadable_pdfs_are_skipped_with_their_reason():
    absent = missing_tools("qpdf")
    if absent:
        print(f"skip: {', '.join(absent)} not installed")
        sys.exit(77)
    with Workspace() as ws:
        write_manual(ws)
        ws.write("docs/good.txt", "Rivers\n\nThe Ganges rises in the Himalaya.\n")
        subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--", ws.path("docs", "manual.pdf"),
                        ws.path("docs", "locked.pdf")], check=True, capture_output=True)
        with open(ws.path("docs", "manual.pdf"), "rb") as f:
            whole = f.read()
        with open(ws.path("docs", "cut.pdf"), "wb") as f:
            f.write(whole[:200])
        groff_pdf(drawing_only_source(), ws.path("docs", "scan.pdf"))
        run = index(ws)
        warned_about(run, "docs/locked.pdf", "encrypted")
        warned_about(run, "docs/cut.pdf", "PDF")
        warned_about(run, "docs/scan.pdf", "no text")
        check(summary(run) == (2, 3), "expected the manual and good.txt indexed, three PDFs skipped", run)
        run = ws.kosh("search", "--json", "okapi", expect=0)
        check(run.jsonl()[0]["passages"][0]["path"] == "docs/manual.pdf", "the index is not usable", run)
        run = ws.kosh("outline", "docs/locked.pdf", expect=2)
        one_line_error(run, "docs/locked.pdf", "encrypted PDF (needs a password)")


def test_sigkill_while_reading_pdfs_keeps_the_previous_index():
    with Workspace() as ws:
        ws.write("docs/good.txt", "Rivers\n\nThe Ganges rises in the Himalaya.\n")
        ws.kosh("index", "-q", "docs", expect=0)
        before = ws.kosh("stats", "--json", expect=0).jsonl()[0]
        # Big enough that reading them takes a while: the kills land inside the PDF reader.
        big = manual_source(TITLE, 12, 4, 8)
        for i in range(4):
            groff_pdf(big, ws.path("docs", f"manual{i}.pdf"))
        started = time.monotonic()
        ws.kosh("index", "-q", "--index", "scratch", "docs", expect=0)
        seconds = time.monotonic() - started
        kills_before_commit = 0
        for point in range(6):
            proc = subprocess.Popen([KOSH, "index", "-q", "docs"], cwd=ws.dir, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE)
            time.sleep(seconds * (point + 0.5) / 8)
            proc.kill()
            proc.wait()
            now = ws.kosh("stats", "--json", expect=0).jsonl()[0]
            check(now["files"] in (before["files"], 5), f"kill {point}: a partial index {now}")
            if now["files"] == before["files"]:
                check(now["passages"] == before["passages"], f"kill {point}: half-old state {now}")
                kills_before_commit += 1
            run = ws.kosh("search", "--json", "Ganges", expect=0)
            check(run.jsonl()[0]["passages"][0]["path"] == "docs/good.txt", f"kill {point}: index unusable", run)
            if now["files"] != before["files"]:
                break
        print(f"    {kills_before_commit} kills left the previous index (full run {seconds:.2f} s)")
        check(kills_before_commit >= 1, "no kill landed before the commit")
        ws.kosh("index", "-q", "docs", expect=0)
        check(ws.kosh("stats", "--json", expect=0).jsonl()[0]["files"] == 5, "the re-run did not complete")


if __name__ == "__main__":
    absent = missing_tools("groff")
    if absent:
        print(f"skip: {', '.join(absent)} not installed (the PDFs are made with groff -Tpdf)")
        sys.exit(77)
    main([
        test_outline_comes_from_the_bookmarks,
        test_passages_carry_their_page_and_headers_are_not_indexed,
        test_unreadable_pdfs_are_skipped_with_their_reason,
        test_sigkill_while_reading_pdfs_keeps_the_previous_index,
    ])
