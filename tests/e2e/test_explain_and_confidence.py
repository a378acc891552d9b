"""--explain on ask and search (text within 15 lines, JSON with its fields, shares that add up to
the score), and ask --min-confidence with its exit status 3, on the shipped corpus."""
from harness import check, error_line, indexed_workspace, main

QUESTION = "Which Soviet-built hydropower station is still running?"


def explain_block(stdout):
    lines = stdout.splitlines()
    check("Explain:" in lines, "no Explain: block")
    return lines[lines.index("Explain:"):]


def test_ask_explain_text_is_at_most_15_lines():
    with indexed_workspace() as ws:
        for question in [QUESTION, "When did Nepal recognise the Russian Federation?",
                         "How many Nepalese students studied in the Soviet Union on scholarships, and which "
                         "universities in Moscow and Leningrad trained engineers and doctors for Nepal?"]:
            run = ws.kosh("ask", "--explain", "--color", "never", question, expect=0)
            block = explain_block(run.stdout)
            check(len(block) <= 15, f"explain block has {len(block)} lines", run)
            text = "\n".join(block)
            for part in ("  query: ", "  coverage: best passage ", "  passage 1 score ", "  answer (",
                         "  runner-up: ", "  confidence "):
                check(part in text, f"explain block lacks {part!r}", run)
            check(run.stdout.index("Answer:") < run.stdout.index("Explain:"), "explain block before the answer", run)


def test_ask_explain_json_has_the_fields_and_shares_add_up():
    with indexed_workspace() as ws:
        run = ws.kosh("ask", "--explain", "--json", "-n", "5", QUESTION, expect=0)
        [result] = run.jsonl()
        explain = result["explain"]
        check(explain["query"] == "soviet built hydropow station still run", "query", run)
        check([t["stem"] for t in explain["terms"]] == explain["query"].split(), "terms", run)
        check(explain["field_weights"] == {"text": 1.0, "headings": 2.0, "title": 3.0}, "field weights", run)
        check(explain["coverage"]["min"] == 0.3 and explain["coverage"]["best"] >= 0.3, "coverage", run)
        check(len(explain["passages"]) == len(result["passages"]) == 5, "one breakdown per passage", run)
        for passage, shown in zip(explain["passages"], result["passages"]):
            check(passage["rank"] == shown["rank"] and passage["score"] == shown["score"], "rank and score", run)
            total = sum(t["total"] for t in passage["terms"]) + sum(b["value"] for b in passage["bonuses"])
            check(abs(total + passage["other"] - passage["score"]) < 0.002, f"shares {total} vs {passage['score']}", run)
            check(abs(passage["other"]) < 0.001, "an ask query has nothing the words do not account for", run)
            for term in passage["terms"]:
                check(abs(term["text"] + term["headings"] + term["title"] - term["total"]) < 0.001, "term total", run)
        answer = explain["answer"]
        for key in ("asked_for", "passage_rank", "coverage", "support", "proximity", "rank", "type_factor",
                    "score", "withheld", "confidence", "runner_up"):
            check(key in answer, f"explain.answer lacks {key}", run)
        check(answer["confidence"]["value"] == result["answer"]["confidence"], "confidence value", run)
        check(answer["runner_up"] is None or answer["runner_up"]["score"] <= answer["score"], "runner-up", run)
        parts = answer["coverage"] + answer["support"] + answer["proximity"] + answer["rank"]
        check(abs(parts * answer["type_factor"] - answer["score"]) < 0.002, "answer score components", run)


def test_search_explain_text_and_json():
    with indexed_workspace() as ws:
        run = ws.kosh("search", "--explain", "--color", "never", "soviet hydropower", expect=0)
        block = explain_block(run.stdout)
        check(len(block) <= 15, f"explain block has {len(block)} lines", run)
        check(block[1].startswith("  query: Query("), "search shows Xapian's parsed query", run)
        run = ws.kosh("search", "--explain", "--json", "soviet hydropower", expect=0)
        [result] = run.jsonl()
        check(result["answer"] is None and result["explain"]["answer"] is None, "search has no answer", run)
        top = result["explain"]["passages"][0]
        check({t["term"] for t in top["terms"]} == {"soviet", "hydropow"}, "search terms", run)
        check(abs(sum(t["total"] for t in top["terms"]) - top["score"]) < 0.002, "search shares add up", run)


def test_without_explain_there_is_no_block():
    with indexed_workspace() as ws:
        run = ws.kosh("ask", QUESTION, expect=0)
        check("Explain:" not in run.stdout, "explain block without --explain", run)
        [result] = ws.kosh("ask", "--json", QUESTION, expect=0).jsonl()
        check("explain" not in result, "explain member without --explain")


def test_min_confidence_1_withholds_the_answer_and_exits_3():
    with indexed_workspace() as ws:
        run = ws.kosh("ask", "--min-confidence", "1", "--color", "never", QUESTION, expect=3)
        check("Answer:" not in run.stdout, "answer printed below --min-confidence", run)
        check("No confident answer (best sentence: confidence " in run.stdout, "no note of the withheld answer", run)
        check("1. " in run.stdout, "passages must still be printed", run)
        run = ws.kosh("ask", "--min-confidence", "1", "--json", QUESTION, expect=3)
        [result] = run.jsonl()
        check(result["answer"] is None and 0 < result["answer_confidence"] < 1, "JSON keeps the confidence", run)
        check(result["passages"], "JSON passages", run)


def test_min_confidence_0_keeps_the_answer_and_exits_0():
    with indexed_workspace() as ws:
        run = ws.kosh("ask", "--min-confidence", "0", "--json", QUESTION, expect=0)
        [result] = run.jsonl()
        check(result["answer"] is not None and "answer_confidence" not in result, "answer kept", run)


def test_min_confidence_exit_status_in_a_batch():
    with indexed_workspace() as ws:
        confident = ws.kosh("ask", "--json", "When did Nepal recognise the Russian Federation?", expect=0).jsonl()[0]
        threshold = confident["answer"]["confidence"] - 0.001  # JSON rounds it to 4 places
        batch = ("a\tWhen did Nepal recognise the Russian Federation?\n"
                 "b\tWhat is the airspeed velocity of an unladen swallow?\n")
        # Nothing found for b and a confident answer for a: 0.
        ws.kosh("ask", "--batch", "-", "--min-confidence", str(threshold), stdin=batch, expect=0)
        # a has passages but its answer is withheld: 3, though b found nothing.
        ws.kosh("ask", "--batch", "-", "--min-confidence", "1", stdin=batch, expect=3)
        # A failed question outranks a withheld answer: 2.
        ws.kosh("ask", "--batch", "-", "--min-confidence", "1", stdin=batch + "c\t???\n", expect=2)
        # Without --min-confidence status 3 never appears.
        ws.kosh("ask", "--batch", "-", stdin=batch, expect=0)
        run = ws.kosh("ask", "--min-confidence", "1.5", QUESTION, expect=2)
        error_line(run, "kosh: --min-confidence: Value 1.5 not in range 0 to 1; see 'kosh ask --help'")


QUESTIONS = [
    "When did Nepal and the Soviet Union establish diplomatic relations?",
    "Which Soviet-built hydropower station is still running?",
    "Where did Nepali students study in the Soviet Union?",
    "What did Russia export to Nepal?",
    "How did the war in Ukraine strain relations?",
]


def test_the_answer_and_its_confidence_do_not_depend_on_n_or_the_format():
    with indexed_workspace() as ws:
        for question in QUESTIONS:
            seen = set()
            for n in ("1", "2", "3", "10"):
                result = ws.kosh("ask", "--json", "-n", n, question, expect=0).jsonl()[0]
                answer = result["answer"]
                check(len(result["passages"]) <= int(n), f"-n {n} printed more passages")
                seen.add((answer["sentence"], answer["confidence"]) if answer else None)
            check(len(seen) == 1, f"{question!r}: the answer or its confidence changes with -n: {seen}")
            (sentence, confidence), = seen
            text = ws.kosh("ask", "-n", "1", question, expect=0).stdout
            check(f"(confidence {confidence:.2f})" in text and sentence in text,
                  f"{question!r}: the text output has another answer or confidence", )
            # So --min-confidence, just below the answer's confidence (JSON rounds it to 4 places)
            # and just above it, says the same at every -n.
            for n in ("1", "3", "10"):
                ws.kosh("ask", "-n", n, "--min-confidence", f"{max(0.0, confidence - 0.0001):.4f}", question, expect=0)
                ws.kosh("ask", "-n", n, "--min-confidence", f"{min(1.0, confidence + 0.001):.4f}", question, expect=3)


if __name__ == "__main__":
    main([
        test_ask_explain_text_is_at_most_15_lines,
        test_ask_explain_json_has_the_fields_and_shares_add_up,
        test_search_explain_text_and_json,
        test_without_explain_there_is_no_block,
        test_min_confidence_1_withholds_the_answer_and_exits_3,
        test_min_confidence_0_keeps_the_answer_and_exits_0,
        test_min_confidence_exit_status_in_a_batch,
        test_the_answer_and_its_confidence_do_not_depend_on_n_or_the_format,
    ])
