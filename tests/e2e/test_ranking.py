"""Second-stage ranking: re-rank bonuses, and pseudo-relevance feedback (opt-in for passages, the
default when ranking files)."""
from harness import Workspace, check, error_line, indexed_workspace, main

QUESTION = "Soviet hydropower"


def passages(run):
    return run.jsonl()[0]["passages"]


def test_rerank_bonuses_are_in_the_score_and_explained():
    with indexed_workspace() as ws:
        run = ws.kosh("ask", "--json", "--explain", "-n", "5", QUESTION, expect=0)
        result = run.jsonl()[0]
        explained = result["explain"]["passages"]
        check(any(p["bonuses"] for p in explained), "no passage got a re-rank bonus", run)
        for passage in explained:
            names = {b["name"] for b in passage["bonuses"]}
            check(names <= {"sentence", "proximity", "file"}, f"unknown bonus {names}", run)
            parts = sum(t["total"] for t in passage["terms"]) + sum(b["value"] for b in passage["bonuses"])
            check(abs(parts + passage["other"] - passage["score"]) < 1e-3, "bonuses do not add up to the score", run)
        scores = [p["score"] for p in result["passages"]]
        check(scores == sorted(scores, reverse=True), "passages are not in score order after re-ranking", run)


def test_pieces_of_one_long_line_get_their_own_highlights():
    # One line of 260 words is cut into pieces that share a path and a first line; each piece
    # must be highlighted with its own matching words, not another piece's.
    words = [("Filler" if i % 10 == 0 else "filler") + str(i) + ("." if i % 10 == 9 else "") for i in range(300)]
    words[10] = "river"
    words[280] = "glacier"
    with Workspace() as ws:
        ws.write("docs/long.md", "# Long line\n\n" + " ".join(words) + "\n")
        ws.kosh("index", "-q", "docs", expect=0)
        run = ws.kosh("ask", "--json", "-n", "5", "river glacier", expect=0)
        hits = passages(run)
        check(len(hits) >= 2 and len({(p["path"], p["line"]) for p in hits}) == 1, "expected pieces of one line", run)
        for hit in hits:
            marked = {hit["text"].encode()[b:e].decode() for b, e in hit["highlights"]}
            present = {w for w in ("river", "glacier") if w in hit["text"].split()}
            check(marked == present, f"highlights {marked} but the piece holds {present}", run)


def test_expand_adds_feedback_words_only_when_asked():
    with indexed_workspace() as ws:
        # Twenty passages: the first ten are the four about hydropower, then Soviet ones tied on
        # one word, which feedback leaves in their order.
        plain = passages(ws.kosh("ask", "--json", "-n", "20", QUESTION, expect=0))
        expanded = passages(ws.kosh("ask", "--json", "-n", "20", "--expand", "20", QUESTION, expect=0))
        check(len(expanded) == 20, "--expand returned fewer passages", None)

        def highlighted(hits):
            words = set()
            for hit in hits:
                for begin, end in hit["highlights"]:
                    words.add(hit["text"].encode()[begin:end].decode().lower())
            return words

        question_words = {"soviet", "hydropower"}
        check(highlighted(plain) <= question_words, "without --expand only question words match", None)
        check(highlighted(expanded) - question_words, "--expand matched no feedback word", None)
        check([p["line"] for p in expanded] != [p["line"] for p in plain], "--expand changed nothing", None)
        run = ws.kosh("ask", "--expand", "101", QUESTION, expect=2)
        error_line(run, "kosh: --expand: Value 101 not in range 0 to 100; see 'kosh ask --help'")


# Files about glaciers that share words besides the question's ("meltwater", "valley").
GLACIER_FILES = {
    "a.md": "Glaciers feed the rivers of the valley with meltwater every spring.",
    "b.md": "Meltwater from the glacier floods the valley floor in spring.",
    "c.md": "The valley farmers depend on meltwater for their summer crops.",
    "d.md": "A glacier is a slow river of ice that carves a valley.",
    "e.md": "Traders crossed the pass with salt and wool before the snow came.",
}


def highlighted_words(hits):
    return {hit["text"].encode()[b:e].decode().lower() for hit in hits for b, e in hit["highlights"]}


def test_ranking_files_adds_feedback_words_by_default():
    with Workspace() as ws:
        for name, text in GLACIER_FILES.items():
            ws.write("docs/" + name, f"# {name}\n\n{text}\n")
        ws.kosh("index", "-q", "docs", expect=0)
        question = {"glacier", "glaciers"}
        files = passages(ws.kosh("ask", "--json", "--per-doc", "-n", "5", "glacier", expect=0))
        check(highlighted_words(files) - question, "--per-doc matched no feedback word", None)
        check(any(hit["path"].endswith("c.md") for hit in files), "feedback should find c.md, without the word", None)
        for off in (["--per-doc", "--expand", "0"], []):
            hits = passages(ws.kosh("ask", "--json", "-n", "5", *off, "glacier", expect=0))
            check(highlighted_words(hits) <= question, f"with {off} only the question's words match", None)
        ws.write("questions.tsv", "q\tglacier\n")
        ws.write("qrels.txt", "q 0 c 1\n")
        run = ws.kosh("eval", "questions.tsv", "--qrels", "qrels.txt", "--compare", "expand=0", expect=0)
        check("first hit moved for 1 question" in run.stdout, "eval --qrels should find c.md only with feedback", run)


def test_eval_labels_expand_and_compares_it():
    with indexed_workspace() as ws:
        ws.write("questions.tsv", "q1\tWhich hydropower projects did Soviet engineers build?\thydro\n")
        run = ws.kosh("eval", "questions.tsv", "--compare", "expand=10", "--compare", "expand-passages=3", expect=0)
        check("expand=10 expand-passages=3" in run.stdout, "the second column must name its settings", run)
        run = ws.kosh("eval", "questions.tsv", "--expand", "10", "--compare", "rerank-depth=5", expect=0)
        check("expand=10" in run.stdout.splitlines()[1], "the first column must name --expand", run)
        run = ws.kosh("eval", "questions.tsv", "--compare", "expand=1.5", expect=2)
        error_line(run, "kosh: --compare: setting 'expand=1.5': expand must be a whole number, not 1.5")


if __name__ == "__main__":
    main([
        test_rerank_bonuses_are_in_the_score_and_explained,
        test_pieces_of_one_long_line_get_their_own_highlights,
        test_expand_adds_feedback_words_only_when_asked,
        test_ranking_files_adds_feedback_words_by_default,
        test_eval_labels_expand_and_compares_it,
    ])
