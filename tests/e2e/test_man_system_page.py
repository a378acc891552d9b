"""A real manual page: the system's ls(1), decompressed, answers a question about sorting by
time with its sorting options, -t among them; and among the pages that also speak of listing,
sorting and modification times (sftp(1) has a one-line "-t Sort the listing by last modification
time"; dir(1) and vdir(1) are ls(1) under other names), ls(1) answers first and is shown once.
Skipped (exit 77) where /usr/share/man/man1/ls.1.gz is absent."""
import gzip
import os
import shutil
import sys

from harness import SKIP_STATUS, Workspace, check, main

LS_PAGE = "/usr/share/man/man1/ls.1.gz"


def test_ls_answers_sorting_by_time():
    with Workspace() as ws:
        with gzip.open(LS_PAGE, "rb") as f:
            ws.write("docs/ls.1", f.read(), mode="wb")
        ws.kosh("index", "docs", expect=0)
        run = ws.kosh("ask", "--json", "-n", "10", "how do I list files sorted by modification time", expect=0)
        passages = run.jsonl()[0]["passages"]
        for passage in passages:
            check(passage["title"] == "ls(1) - list directory contents", "a passage without the ls(1) title", run)
            check("\\f" not in passage["text"] and "\\-" not in passage["text"], "roff escapes left in", run)
            check(not passage["text"].startswith(".TP"), "a request left in", run)
        first = passages[0]
        check(first["sections"] == ["DESCRIPTION"], "the first passage is not under DESCRIPTION", run)
        check("sort" in first["text"] and "modification" in first["text"], "the first passage is not about sorting", run)
        # The -t option keeps its description in its passage. It ranks below -c ("sort by ctime"),
        # whose text says "time of last modification" in the question's words.
        check(any(p["text"].startswith("-t\nsort by time, newest first") for p in passages),
              "the -t option and its description are not one passage in the first ten", run)

NEIGHBOURS = ["dir", "vdir", "sftp", "scp", "touch", "du", "stat", "find", "date", "hardlink"]


def test_ls_answers_first_among_its_neighbours():
    with Workspace() as ws:
        os.makedirs(ws.path("man1"))
        for name in ["ls"] + NEIGHBOURS:
            page = f"/usr/share/man/man1/{name}.1.gz"
            if os.path.exists(page):
                shutil.copyfile(page, ws.path("man1", f"{name}.1.gz"))
        ws.kosh("index", "man1", expect=0)
        run = ws.kosh("ask", "--json", "-n", "5", "how do I list files sorted by modification time", expect=0)
        result = run.jsonl()[0]
        passages = result["passages"]
        check(passages[0]["path"] == "man1/ls.1.gz", "ls(1) is not the first passage", run)
        check(passages[0]["sections"] == ["DESCRIPTION"], "the first passage is not under DESCRIPTION", run)
        check(result["answer"]["path"] == "man1/ls.1.gz", "the answer is not from ls(1)", run)
        texts = [p["text"] for p in passages]
        check(len(texts) == len(set(texts)), "a passage is shown twice (ls, dir and vdir share their text)", run)


if __name__ == "__main__":
    if not os.path.exists(LS_PAGE):
        print(f"skipped: {LS_PAGE} is not installed")
        sys.exit(SKIP_STATUS)
    main([test_ls_answers_sorting_by_time, test_ls_answers_first_among_its_neighbours])
