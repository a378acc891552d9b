"""`kosh eval` and TREC runs: answers mode on the shipped article (tests/e2e/questions.tsv, which
test_questions.py shows kosh gets all right), qrels mode on a tiny corpus whose ranking and MAP are
worked out by hand, comparisons, `--format trec`, and the errors that stop an evaluation."""
import csv
import json
import os

from harness import E2E_DIR, Workspace, check, indexed_workspace, main


def questions_with_facts():
    """tests/e2e/questions.tsv as eval lines: q1..qN, the question, the fact as the answer."""
    with open(os.path.join(E2E_DIR, "questions.tsv"), newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return "".join(f"q{i}\t{row['question']}\t{row['fact']}\n" for i, row in enumerate(rows, 1)), len(rows)


def test_answers_mode_on_the_shipped_article():
    lines, count = questions_with_facts()
    with indexed_workspace() as ws:
        ws.write("questions.tsv", lines)
        run = ws.kosh("eval", "questions.tsv", "--format", "json", expect=0)
        report = json.loads(run.stdout)
        check(report["mode"] == "answers" and report["depth"] == 10, "wrong mode or depth", run)
        check(report["questions"] == count == 44, f"questions: {report['questions']}", run)
        [only] = report["runs"]
        metrics = only["metrics"]
        check(metrics["answer_accuracy"] == 1.0, f"answer accuracy {metrics['answer_accuracy']}", run)
        check(metrics["success_at_1"] == 1.0, f"Success@1 {metrics['success_at_1']}", run)
        check(metrics["mrr_at_10"] == 1.0 and only["errors"] == 0, "MRR or errors", run)
        check(0 < only["latency_ms"]["median"] <= only["latency_ms"]["p95"], "latencies", run)
        check("misses" not in only and "difference" not in report, "unasked-for fields", run)

        text = ws.kosh("eval", "questions.tsv", "--per-question", expect=0)
        check(text.stdout.startswith("questions: 44 (answers mode, top 10 passages)\n"), "text header", text)
        check("answer sentence   1.0000" in text.stdout and "misses: 0 of 44" in text.stdout, "text table", text)


def test_a_wrong_answer_is_a_miss_listed_per_question():
    with indexed_workspace() as ws:
        ws.write("questions.tsv", "right\tWhen did Nepal and the Soviet Union set up formal diplomatic relations?\t20 July 1956\n"
                                  "wrong\tWhen did Nepal and the Soviet Union set up formal diplomatic relations?\tno such answer anywhere\n")
        run = ws.kosh("eval", "questions.tsv", "--json", "--per-question", expect=0)
        report = json.loads(run.stdout)
        metrics = report["runs"][0]["metrics"]
        check(metrics["success_at_1"] == 0.5 and metrics["answer_accuracy"] == 0.5, "metrics", run)
        check(report["runs"][0]["misses"] == [{"id": "wrong", "question": "When did Nepal and the Soviet Union set up "
                                               "formal diplomatic relations?", "first_hit": None, "answer_hit": False}],
              "misses", run)
        text = ws.kosh("eval", "questions.tsv", "--per-question", expect=0)
        check("misses: 1 of 2" in text.stdout and "  wrong          -  no      When did" in text.stdout, "text misses", text)


def test_trec_runs_have_six_columns():
    lines, count = questions_with_facts()
    with indexed_workspace() as ws:
        batch = "".join("\t".join(line.split("\t")[:2]) + "\n" for line in lines.splitlines())
        ws.write("questions.tsv", batch)
        run = ws.kosh("ask", "--batch", "questions.tsv", "--format", "trec", "-n", "5", expect=0)
        rows = [line.split() for line in run.stdout.splitlines()]
        check(rows and all(len(row) == 6 for row in rows), "a line without 6 columns", run)
        check(all(row[1] == "Q0" and row[2] == "nepal-russia-relations" and row[5] == "kosh" for row in rows), "columns", run)
        check({row[0] for row in rows} == {f"q{i}" for i in range(1, count + 1)}, "qids", run)
        for qid in {row[0] for row in rows}:
            ranks = [int(row[3]) for row in rows if row[0] == qid]
            scores = [float(row[4]) for row in rows if row[0] == qid]
            check(ranks == list(range(1, len(ranks) + 1)) and scores == sorted(scores, reverse=True), "rank order", run)

        # One document: --per-doc collapses every question to one line. Without ids, qids count questions.
        single = ws.kosh("ask", "--format", "trec", "--per-doc", "-n", "5", "When did Nepal recognise the Russian Federation?",
                         expect=0)
        check(single.stdout.split() [:4] == ["1", "Q0", "nepal-russia-relations", "1"] and len(single.stdout.splitlines()) == 1,
              "--per-doc output", single)


# A corpus whose BM25 order is known: every paragraph is 12 words, so the documents holding
# "zebra" rank by how often they hold it (d4 > d3 > d2 > d1), and "lion" ranks d5 over d2.
# Ranking files adds feedback words by default, and here they would be the filler words, which
# every file shares: the tests that check that order turn feedback off (NO_FEEDBACK).
NO_FEEDBACK = ["--expand", "0"]
FILLER = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"]


def paragraph(words):
    return " ".join(words + FILLER[:12 - len(words)])


TINY_CORPUS = {
    "d1.md": paragraph(["zebra"]),
    "d2.md": paragraph(["zebra", "zebra", "lion"]),
    "d3.md": paragraph(["zebra"] * 3),
    "d4.md": paragraph(["zebra"] * 4),
    "d5.md": paragraph(["lion", "lion"]),
    "d9.md": paragraph(["tiger"]),
}


def tiny_workspace():
    ws = Workspace()
    for name, text in TINY_CORPUS.items():
        ws.write(os.path.join("docs", name), f"# Document {name[1]}\n\n{text}\n")
    ws.kosh("index", "-q", "docs", expect=0)
    ws.write("questions.tsv", "z\tzebra\nl\tlion\nt\ttiger\n")
    # z: relevant d3 (rank 2, by file name without extension) and d1 (rank 4, by path below the
    #    indexed folder), and d9, never retrieved: AP = (1/2 + 2/4) / 3 = 1/3.
    # l: relevant d5, ranked first: AP = 1. d2 has grade 0: judged, not relevant.
    # t: no relevant document (grade -1 is not relevant): not scored.
    ws.write("qrels.txt", "z 0 d3 2\nz 0 d1.md 1\nz 0 d9 1\nz 0 d4 0\nl 0 d5 1\nl 0 d2 0\nt 0 d9 -1\n")
    return ws


def test_qrels_mode_on_a_tiny_corpus():
    with tiny_workspace() as ws:
        run = ws.kosh("eval", "questions.tsv", "--qrels", "qrels.txt", "--json", "--per-question", *NO_FEEDBACK, expect=0)
        report = json.loads(run.stdout)
        check(report["mode"] == "qrels" and report["depth"] == 100, "mode or depth", run)
        check(report["questions"] == 2 and report["unjudged"] == 1, "scored questions", run)
        check("1 question with no relevant document" in run.stderr, "no warning about the unjudged question", run)
        metrics = report["runs"][0]["metrics"]
        expected = {"map": round((1 / 3 + 1) / 2, 4), "mrr_at_10": 0.75, "success_at_1": 0.5, "success_at_5": 1.0,
                    "p_at_10": 0.15}
        for key, value in expected.items():
            check(abs(metrics[key] - value) < 1e-4, f"{key}: {metrics[key]}, expected {value}", run)
        check(report["runs"][0]["misses"] == [{"id": "z", "question": "zebra", "first_hit": 2}], "misses", run)

        trec = ws.kosh("ask", "--batch", "questions.tsv", "--format", "trec", "--per-doc", "-n", "100", *NO_FEEDBACK,
                       expect=0)
        zebra = [row.split()[2] for row in trec.stdout.splitlines() if row.startswith("z ")]
        check(zebra == ["d4", "d3", "d2", "d1"], f"zebra ranking {zebra}", trec)


def test_compare_runs_both_settings():
    with tiny_workspace() as ws:
        run = ws.kosh("eval", "questions.tsv", "--qrels", "qrels.txt", "--json", *NO_FEEDBACK, "--compare", "bm25=0,0",
                      "--compare", "proximity-weight=0", expect=0)
        report = json.loads(run.stdout)
        check([r["settings"] for r in report["runs"]] == ["expand=0", "bm25=0,0 proximity-weight=0"], "settings labels", run)
        # k1 = 0 ignores how often a word occurs: the documents holding the word tie and keep index
        # order (d1, d2, d3, d4 for zebra; d2, d5 for lion), so the first relevant document of z
        # moves from rank 2 to 1 and that of l from 1 to 2.
        check(report["changes"] == [{"id": "z", "question": "zebra", "before": 2, "after": 1},
                                    {"id": "l", "question": "lion", "before": 1, "after": 2}], "changes", run)
        # MAP: z gets (1/1 + 2/3) / 3 = 5/9 and l gets 1/2, against 1/3 and 1 by default.
        check(abs(report["difference"]["map"] - round((5 / 9 + 1 / 2) / 2 - (1 / 3 + 1) / 2, 4)) < 2e-4, "difference", run)

        text = ws.kosh("eval", "questions.tsv", "--qrels", "qrels.txt", *NO_FEEDBACK, "--compare", "bm25=0,0", expect=0)
        check("first hit moved for 2 questions (expand=0 \u2192 bm25=0,0)\n  z  2 \u2192 1\n  l  1 \u2192 2\n" in text.stdout,
              "text", text)


def test_bm25_option_on_ask_search_and_eval():
    with tiny_workspace() as ws:
        flat = ws.kosh("ask", "--bm25", "0,0.5", "--format", "trec", "--per-doc", "-n", "10", *NO_FEEDBACK, "zebra",
                       expect=0)
        check([row.split()[2] for row in flat.stdout.splitlines()] == ["d1", "d2", "d3", "d4"], "k1=0 order", flat)
        ws.kosh("search", "--bm25", "1.2,0.75", "zebra", expect=0)
        ws.kosh("eval", "questions.tsv", "--qrels", "qrels.txt", "--bm25", "2,1", expect=0)
        for command in (["ask", "zebra"], ["search", "zebra"], ["eval", "questions.tsv", "--qrels", "qrels.txt"]):
            bad = ws.kosh(*command, "--bm25", "1.2,1.5", expect=2)
            check("kosh: --bm25: b must be from 0 to 1, not 1.5" in bad.stderr, "bm25 range error", bad)
            bad = ws.kosh(*command, "--bm25", "1.2", expect=2)
            check("'1.2' is not K1,B" in bad.stderr, "bm25 format error", bad)


def test_errors_stop_an_evaluation_with_status_2():
    with tiny_workspace() as ws:
        missing = ws.kosh("eval", "nothing.tsv", expect=2)
        check("nothing.tsv: cannot open the question file" in missing.stderr, "missing file", missing)
        missing = ws.kosh("eval", "questions.tsv", "--qrels", "nothing.txt", expect=2)
        check("nothing.txt: cannot open the qrels file" in missing.stderr, "missing qrels", missing)
        ws.write("bad.tsv", "a\tzebra\tzebra\nb\tlion\n")
        bad = ws.kosh("eval", "bad.tsv", expect=2)
        check("kosh: bad.tsv:2: expected id<TAB>question<TAB>answer[<TAB>answer...], found 2 fields" in bad.stderr,
              "bad question line", bad)
        check(bad.stdout == "", "printed a report for a bad file", bad)
        ws.write("bad-qrels.txt", "z 0 d3 2\nz 0 d1\n")
        bad = ws.kosh("eval", "questions.tsv", "--qrels", "bad-qrels.txt", expect=2)
        check("kosh: bad-qrels.txt:2: expected 'qid iteration docid grade', found 3 columns" in bad.stderr, "bad qrels", bad)
        bad = ws.kosh("eval", "questions.tsv", "--qrels", "qrels.txt", "--compare", "k1=2", expect=2)
        check("kosh: --compare: setting 'k1=2': unknown name 'k1'" in bad.stderr, "bad --compare", bad)
        # A question that cannot be asked is reported and scored 0; the report is still printed.
        ws.write("words.tsv", "z\tzebra\tzebra\nempty\t?!\tzebra\n")
        failed = ws.kosh("eval", "words.tsv", "--json", expect=2)
        check("kosh: words.tsv: empty: the question has no words to search for" in failed.stderr, "failure message", failed)
        report = json.loads(failed.stdout)
        check(report["runs"][0]["errors"] == 1 and report["runs"][0]["metrics"]["success_at_1"] == 0.5, "scored 0", failed)


if __name__ == "__main__":
    main([test_answers_mode_on_the_shipped_article, test_a_wrong_answer_is_a_miss_listed_per_question,
          test_trec_runs_have_six_columns, test_qrels_mode_on_a_tiny_corpus, test_compare_runs_both_settings,
          test_bm25_option_on_ask_search_and_eval, test_errors_stop_an_evaluation_with_status_2])
