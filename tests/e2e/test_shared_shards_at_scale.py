"""On Cranfield's 1,400 documents (../shared): shards, remote-free, and a first build in parts rank
exactly like one database. The split article in test_shards and test_fresh_build checks the same on
a corpus the tests write themselves; this checks it where ties and part boundaries are many."""
import os
import shutil

from harness import Workspace, check, main, shared_path
from test_shards import same_ranking, top10

CRANFIELD = shared_path("data", "cranfield")


def cranfield(ws):
    shutil.copytree(os.path.join(CRANFIELD, "corpus"), ws.path("docs"))
    with open(os.path.join(CRANFIELD, "queries.tsv")) as f:
        questions = [line.split("\t", 1)[1].strip() for line in f][:20]
    ws.write("questions.txt", "".join(q + "\n" for q in questions))


def test_shards_and_parts_rank_like_one_writer_on_cranfield():
    with Workspace() as ws:
        cranfield(ws)
        ws.kosh("index", "-q", "--index", "parts", "docs", expect=0)  # a first build: parts, merged
        ws.kosh("index", "-q", "--index", "one-writer", "docs", expect=0)
        ws.kosh("index", "-q", "--rebuild", "--index", "one-writer", "docs", expect=0)
        ws.kosh("index", "-q", "--index", "sharded", "--shards", "3", "docs", expect=0)
        one, parts, sharded = top10(ws, "one-writer"), top10(ws, "parts"), top10(ws, "sharded")
        check(any(one), "no question found anything")
        check(parts == one, "the merged first build ranks differently from one writer's")
        check(same_ranking(one, sharded), "sharded results differ from one database")
        search = ["search", "--json", "-n", "1000", "flow OR pressure"]
        check(ws.kosh(*search, "--index", "parts", expect=0).stdout ==
              ws.kosh(*search, "--index", "one-writer", expect=0).stdout, "search results differ")


if __name__ == "__main__":
    main([test_shards_and_parts_rank_like_one_writer_on_cranfield])
