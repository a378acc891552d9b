"""A new index is built as parts, two written at a time, and merged into one database: it ranks exactly
like an index written by one writer, updates incrementally, and an interrupted build leaves no index
and no debris."""
import os
import subprocess
import time

from harness import KOSH, Workspace, check, main
from test_shards import corpus_and_questions

PARTS = ".kosh-build"


def answers(ws, index):
    run = ws.kosh("ask", "--index", index, "--batch", "questions.txt", "--json", "-n", "10", expect=0)
    return [[(round(p["score"], 6), p["path"], p["line"]) for p in r["passages"]] for r in run.jsonl()]


def stats(ws, index):
    return ws.kosh("stats", "--json", "--index", index, expect=0).jsonl()[0]


def test_merged_index_ranks_like_one_writer():
    with Workspace() as ws:
        corpus_and_questions(ws)
        ws.kosh("index", "-q", "--index", "fresh", "docs", expect=0)
        check(not os.path.exists(ws.path("fresh", PARTS)), "the parts folder was left behind")
        check(os.path.exists(ws.path("fresh", "iamglass")), "the index is not one database")
        # --rebuild of an existing index goes through one writer and one transaction.
        ws.kosh("index", "-q", "--index", "one-writer", "docs", expect=0)
        ws.kosh("index", "-q", "--rebuild", "--index", "one-writer", "docs", expect=0)
        fresh, one_writer = answers(ws, "fresh"), answers(ws, "one-writer")
        check(any(fresh), "no question found anything")
        check(fresh == one_writer, "the merged index ranks differently from one writer's")
        a, b = stats(ws, "fresh"), stats(ws, "one-writer")
        check((a["files"], a["passages"], a["terms"]) == (b["files"], b["passages"], b["terms"]), f"stats {a} vs {b}")
        search = ws.kosh("search", "--index", "fresh", "--json", "-n", "1000", "soviet OR trade", expect=0)
        check(search.stdout == ws.kosh("search", "--index", "one-writer", "--json", "-n", "1000", "soviet OR trade",
                                       expect=0).stdout, "search results differ")


def test_merged_index_updates_incrementally():
    with Workspace() as ws:
        corpus_and_questions(ws)
        names = sorted(os.listdir(ws.path("docs")))
        ws.kosh("index", "-q", "--index", "idx", "docs", expect=0)
        before = stats(ws, "idx")
        with open(ws.path("docs", names[-1]), "a") as f:
            f.write("\nA zeppelin paragraph added later.\n")
        os.remove(ws.path("docs", names[0]))
        run = ws.kosh("index", "--index", "idx", "docs", expect=0)
        check("1 file indexed" in run.stdout and "1 removed" in run.stdout, "not an incremental update", run)
        after = stats(ws, "idx")
        check(after["files"] == before["files"] - 1, f"files {before} -> {after}")
        found = ws.kosh("search", "--index", "idx", "--json", "zeppelin", expect=0).jsonl()[0]["passages"]
        check([p["path"] for p in found] == [f"docs/{names[-1]}"], "the added paragraph is not found", run)


def test_killed_fresh_build_leaves_no_index_and_reruns():
    with Workspace() as ws:
        for i in range(1500):
            ws.write(f"docs/bulk/{i:04}.txt",
                     f"Bulk note {i}\n\n" + f"Sediment {i} and meltwater reach the plains of the Terai. " * 30 + "\n")
        started = time.monotonic()
        ws.kosh("index", "-q", "--index", "scratch", "docs", expect=0)
        seconds = time.monotonic() - started
        outcomes = {"none": 0, "complete": 0}
        for point in range(8):
            proc = subprocess.Popen([KOSH, "index", "-q", "--index", "idx", "docs"], cwd=ws.dir,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(seconds * (point + 0.5) / 8)
            proc.kill()
            proc.wait()
            now = ws.kosh("stats", "--json", "--index", "idx", expect=None)
            if now.status == 0:
                check(now.jsonl()[0]["files"] == 1500, f"kill {point}: partial index", now)
                outcomes["complete"] += 1
                break
            check("no index here" in now.stderr, f"kill {point}: unclear state", now)
            outcomes["none"] += 1
        print(f"    kills: {outcomes['none']} left no index, {outcomes['complete']} a complete one")
        check(outcomes["none"] >= 2, f"too few kills landed during the build: {outcomes}")
        ws.kosh("index", "-q", "--index", "idx", "docs", expect=0)
        check(stats(ws, "idx")["files"] == 1500, "re-run did not complete")
        check(not os.path.exists(ws.path("idx", PARTS)), "the parts folder was left behind")


def test_parts_left_beside_an_index_go_on_the_next_update():
    with Workspace() as ws:
        corpus_and_questions(ws)
        ws.kosh("index", "-q", "--index", "idx", "docs", expect=0)
        # What a build killed after its merge, but before its clean-up, leaves behind.
        ws.write(os.path.join("idx", PARTS, "part-0", "postlist.glass"), "left over")
        ws.kosh("index", "-q", "--index", "idx", "docs", expect=0)
        check(not os.path.exists(ws.path("idx", PARTS)), "the parts folder outlived an update")
        check(stats(ws, "idx")["files"] > 0, "the index was harmed")


if __name__ == "__main__":
    main([test_merged_index_ranks_like_one_writer, test_merged_index_updates_incrementally,
          test_killed_fresh_build_leaves_no_index_and_reruns, test_parts_left_beside_an_index_go_on_the_next_update])
