"""Sharded indexes rank exactly like one database, locally and through xapian-tcpsrv."""
import csv
import os
import shutil
import socket
import subprocess
import time

from harness import E2E_DIR, Workspace, check, error_line, main, write_split_corpus

def corpus_and_questions(ws):
    """The shipped article split into one file per paragraph, and the first 20 of its questions."""
    write_split_corpus(ws, "docs")
    with open(os.path.join(E2E_DIR, "questions.tsv"), newline="") as f:
        questions = [row["question"] for row in csv.DictReader(f, delimiter="\t")][:20]
    ws.write("questions.txt", "".join(q + "\n" for q in questions))
    return questions


def top10(ws, index):
    run = ws.kosh("ask", "--index", index, "--batch", "questions.txt", "--json", "-n", "10", expect=0)
    return [[(round(p["score"], 6), p["path"], p["line"]) for p in r["passages"]] for r in run.jsonl()]


def same_ranking(a, b):
    """Same scores in the same order, and the same passages above the last score. Equal scores
    may come in another order across shards (document ids interleave), and which of several
    passages tied at the cut-off makes the top ten is then arbitrary."""
    for one, other in zip(a, b):
        if [score for score, *_ in one] != [score for score, *_ in other]:
            return False
        cutoff = one[-1][0] if one else 0
        if sorted(x for x in one if x[0] > cutoff) != sorted(x for x in other if x[0] > cutoff):
            return False
    return len(a) == len(b)


def test_shards_rank_like_one_database():
    with Workspace() as ws:
        corpus_and_questions(ws)
        ws.kosh("index", "-q", "--index", "single", "docs", expect=0)
        ws.kosh("index", "-q", "--index", "sharded", "--shards", "3", "docs", expect=0)
        single, sharded = top10(ws, "single"), top10(ws, "sharded")
        check(same_ranking(single, sharded), "sharded results differ from one database")
        a = ws.kosh("stats", "--json", "--index", "single", expect=0).jsonl()[0]
        b = ws.kosh("stats", "--json", "--index", "sharded", expect=0).jsonl()[0]
        check((a["files"], a["passages"], a["terms"]) == (b["files"], b["passages"], b["terms"]), f"stats {a} vs {b}")


def test_sharded_index_updates_incrementally_and_keeps_its_shard_count():
    with Workspace() as ws:
        corpus_and_questions(ws)
        ws.kosh("index", "-q", "--shards", "2", "docs", expect=0)
        run = ws.kosh("index", "docs", expect=0)
        check(" 0 files indexed" in " " + run.stdout and "removed" in run.stdout, "re-index re-read files", run)
        name = sorted(os.listdir(ws.path("docs")))[0]
        os.remove(ws.path("docs", name))
        run = ws.kosh("index", "docs", expect=0)
        check("1 removed" in run.stdout, "deleted file not removed from its shard", run)
        run = ws.kosh("index", "--shards", "3", "docs", expect=2)
        error_line(run, "kosh: index: the index has 2 shards, not 3; delete the folder to change the number")


def test_shards_built_apart_with_one_average_length_rank_like_one_database():
    with Workspace() as ws:
        corpus_and_questions(ws)
        names = sorted(os.listdir(ws.path("docs")))
        for half, chosen in (("a", names[::2]), ("b", names[1::2])):
            os.makedirs(ws.path(half))
            for name in chosen:
                shutil.copy(ws.path("docs", name), ws.path(half, name))
        ws.kosh("index", "-q", "--index", "single", "docs", expect=0)
        average = ws.kosh("stats", "--json", "--index", "single", expect=0).jsonl()[0]["average_length"]
        # Built apart, each half measures its own average unless told the whole's.
        for half in ("a", "b"):
            ws.kosh("index", "-q", "--index", "shard-" + half, "--average-length", str(average), half, expect=0)
            stats = ws.kosh("stats", "--json", "--index", "shard-" + half, expect=0).jsonl()[0]
            check(stats["average_length"] == average, f"shard {half} stats {stats}")
        ws.write("apart.stub", "auto shard-a\nauto shard-b\n")
        # Paths differ (a/, b/ against docs/): compare scores and line numbers.
        def scores(index):
            return [[(s, line) for s, _, line in result] for result in top10(ws, index)]
        single, apart = scores("single"), scores("apart.stub")
        check(all([s for s, _ in x] == [s for s, _ in y] for x, y in zip(single, apart)) and len(single) == len(apart),
              "shards built apart with the whole's average length rank differently from one database")
        run = ws.kosh("index", "-q", "--index", "shard-a", "--average-length", "12", "a", expect=2)
        check(f"divides by an average passage length of {average:g} (see kosh stats), not 12; add --rebuild" in run.stderr,
              "a changed length not refused", run)
        ws.kosh("index", "-q", "--index", "shard-a", "--average-length", "12", "--rebuild", "a", expect=0)
        check(ws.kosh("stats", "--json", "--index", "shard-a", expect=0).jsonl()[0]["average_length"] == 12, "rebuilt length")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.05)
    return False


def test_remote_shards_through_xapian_tcpsrv_answer_like_local_ones():
    tcpsrv = shutil.which("xapian-tcpsrv")
    if not tcpsrv:
        print("    skipped: xapian-tcpsrv is not installed (Debian package xapian-tools)")
        return
    with Workspace() as ws:
        question = corpus_and_questions(ws)[0]
        ws.kosh("index", "-q", "--index", "local", "--shards", "2", "docs", expect=0)
        servers, lines = [], []
        try:
            for shard in ("shard-0", "shard-1"):
                port = free_port()
                servers.append(subprocess.Popen([tcpsrv, "--interface", "127.0.0.1", "--port", str(port),
                                                 ws.path("local", shard)],
                                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                                # it signals its whole process group when it stops
                                                start_new_session=True))
                check(wait_for_port(port), f"xapian-tcpsrv did not start on port {port}")
                lines.append(f"remote tcp 127.0.0.1 {port}\n")
            ws.write("remote.stub", "".join(lines))
            local, remote = top10(ws, "local"), top10(ws, "remote.stub")
            check(same_ranking(local, remote), "remote shards answer differently from local ones")
            stats = ws.kosh("stats", "--json", "--index", "remote.stub", expect=0).jsonl()[0]
            local_stats = ws.kosh("stats", "--json", "--index", "local", expect=0).jsonl()[0]
            check(stats["files"] == local_stats["files"], f"remote stats {stats}")
            # Another b than the index's needs kosh's own weighting, which xapian-tcpsrv lacks.
            ws.kosh("ask", "--index", "local", "--bm25", "1.2,0.4", question, expect=0)
            run = ws.kosh("ask", "--index", "remote.stub", "--bm25", "1.2,0.4", question, expect=2)
            check("--bm25: b = 0.4 differs from the index's 0.75" in run.stderr and "served by xapian-tcpsrv" in run.stderr,
                  "another b over remote shards not refused clearly", run)
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=10)


if __name__ == "__main__":
    main([test_shards_rank_like_one_database, test_sharded_index_updates_incrementally_and_keeps_its_shard_count,
          test_shards_built_apart_with_one_average_length_rank_like_one_database,
          test_remote_shards_through_xapian_tcpsrv_answer_like_local_ones])
