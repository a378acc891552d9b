"""A real manual page: the system's ls(1), decompressed, answers a question about sorting by
time with its sorting options, -t among them. Skipped (exit 77) where
/usr/share/man/man1/ls.1.gz is absent."""
import gzip
import os
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

if __name__ == "__main__":
    if not os.path.exists(LS_PAGE):
        print(f"skipped: {LS_PAGE} is not installed")
        sys.exit(SKIP_STATUS)
    main([test_ls_answers_sorting_by_time])
