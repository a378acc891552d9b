"""Passages with what surrounds them: `-C N` shows N neighbours in the same file before and after
each passage, as `rg -C` does, and a passage that ends by introducing what follows ("run these
commands::") is shown with the block it introduces."""
from harness import Workspace, check, indexed_workspace, main

BUILD_RST = """Building
========

Preparing the tree
------------------

Unpack the sources into a folder of your own and make sure a C compiler and
make are installed; the configure script checks for both and stops early
with a clear message when either is missing from the system path.

To create the initial build, run these commands from the top of the tree::

    ./configure --prefix=/usr/local
    make -j4
    make install

Running the tests
-----------------

The test suite runs with make check and takes about a minute.
"""


def test_a_passage_that_introduces_a_block_is_shown_with_it():
    with Workspace() as ws:
        ws.write("docs/build.rst", BUILD_RST)
        ws.kosh("index", "-q", "docs", expect=0)
        run = ws.kosh("ask", "--json", "-n", "1", "How do I create the initial build?", expect=0)
        passage = run.jsonl()[0]["passages"][0]
        check(passage["text"].endswith("from the top of the tree:"), "not the introducing passage", run)
        check(len(passage["after"]) == 1 and passage["after"][0]["text"].startswith("./configure") and
              passage["after"][0]["code"], "the block it introduces is not shown with it", run)
        check(passage["before"] == [], "context before without -C", run)
        text = ws.kosh("ask", "-n", "1", "--color", "never", "How do I create the initial build?", expect=0).stdout
        check(text.index("from the top of the tree:") < text.index("./configure --prefix=/usr/local"),
              "the text output does not show the block after the passage", run)
        # A passage that introduces nothing comes alone.
        run = ws.kosh("ask", "--json", "-n", "1", "How long does the test suite take?", expect=0)
        check(run.jsonl()[0]["passages"][0]["after"] == [], "a passage came with context it did not ask for", run)


def test_context_shows_n_neighbours_on_each_side_in_file_order():
    with indexed_workspace() as ws:
        plain = ws.kosh("search", "--json", "-n", "1", "Kavrepalanchok", expect=0).jsonl()[0]["passages"][0]
        check(plain["before"] == [] and plain["after"] == [], "context without -C", plain)
        run = ws.kosh("search", "--json", "-n", "1", "-C", "2", "Kavrepalanchok", expect=0)
        passage = run.jsonl()[0]["passages"][0]
        lines = [p["line"] for p in passage["before"]] + [passage["line"]] + [p["line"] for p in passage["after"]]
        check(len(passage["before"]) == 2 and len(passage["after"]) == 2, "not two passages on each side", run)
        check(lines == sorted(lines) and len(set(lines)) == 5, f"neighbours out of file order: {lines}", run)
        text = ws.kosh("search", "-n", "1", "-C", "1", "--color", "never", "Kavrepalanchok", expect=0).stdout
        check(f"{passage['line']} (this passage)" in text, "the text output does not mark the passage", run)
        # At the start of a file there is nothing before.
        first = ws.kosh("ask", "--json", "-n", "1", "-C", "3", "What does this article trace?", expect=0)
        hit = first.jsonl()[0]["passages"][0]
        check(all(p["line"] < hit["line"] for p in hit["before"]), "a neighbour before comes after", first)


if __name__ == "__main__":
    main([test_a_passage_that_introduces_a_block_is_shown_with_it,
          test_context_shows_n_neighbours_on_each_side_in_file_order])
