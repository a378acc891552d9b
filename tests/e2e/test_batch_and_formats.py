"""Batch mode and machine-readable output: JSON Lines schema, TSV rows, ids, order, bad lines."""
import os
import subprocess

from harness import KOSH, kosh_environment, check, indexed_workspace, main

QUESTIONS = """\
# questions about the article
When were diplomatic ties between Nepal and the USSR established?

hydro\tWhich Soviet-built hydropower station still produces electricity?
Who won the 2018 FIFA World Cup?
"""


def check_passage_schema(passage, run):
    expected = {"rank": int, "score": float, "path": str, "line": int, "last_line": int, "location": str,
                "title": str, "sections": list, "text": str, "highlights": list, "code": list, "format": str}
    for key, kind in expected.items():
        check(isinstance(passage.get(key), kind), f"passage field {key} is not {kind.__name__}", run)
    check(all(isinstance(s, str) for s in passage["sections"]), "sections are not strings", run)
    check(passage["location"] == str(passage["line"]), "a text file's location is its line", run)
    text = passage["text"].encode()
    for begin, end in passage["highlights"]:
        check(0 <= begin < end <= len(text), "highlight out of range", run)
    for begin, end in passage["code"]:
        check(0 <= begin < end <= len(text), "code span out of range", run)
    check(passage["format"] in ("text", "markdown", "rest", "html", "pod"), "unknown format", run)


def test_batch_json_lines_in_input_order_with_ids():
    with indexed_workspace() as ws:
        ws.write("questions.txt", QUESTIONS)
        run = ws.kosh("ask", "--batch", "questions.txt", "--format", "json", expect=0)
        results = run.jsonl()
        check([r["question"] for r in results] == [
            "When were diplomatic ties between Nepal and the USSR established?",
            "Which Soviet-built hydropower station still produces electricity?",
            "Who won the 2018 FIFA World Cup?"], "questions out of order or comments not skipped", run)
        check("id" not in results[0] and results[1]["id"] == "hydro", "ids wrong", run)
        first = results[0]
        check(first["answer"] is not None and "1956" in first["answer"]["sentence"], "answer lacks 1956", run)
        check(isinstance(first["answer"]["line"], int) and first["answer"]["path"].endswith(".txt"), "answer place", run)
        check(0.0 <= first["answer"]["confidence"] <= 1.0, "confidence out of range", run)
        check(len(first["passages"]) == 3, "default -n is not 3", run)
        for passage in first["passages"]:
            check_passage_schema(passage, run)
        check([p["rank"] for p in first["passages"]] == [1, 2, 3], "ranks", run)
        check(first["passages"][0]["title"].startswith("Nepal-Russia Relations"), "title", run)
        check(results[2]["passages"] == [] and results[2]["answer"] is None, "unanswerable found noise", run)


def test_json_flag_and_limit():
    with indexed_workspace() as ws:
        run = ws.kosh("ask", "--json", "-n", "5", "Soviet scholarships for Nepali students", expect=0)
        results = run.jsonl()
        check(len(results) == 1 and len(results[0]["passages"]) == 5, "-n 5 not honoured", run)


def test_answer_line_points_at_the_sentence_in_the_file():
    with indexed_workspace() as ws:
        run = ws.kosh("ask", "--json", "When were diplomatic ties between Nepal and the USSR established?", expect=0)
        answer = run.jsonl()[0]["answer"]
        with open(ws.path(answer["path"])) as f:
            line = f.read().splitlines()[answer["line"] - 1]
        check(answer["sentence"][:40] in line, "answer line does not hold the sentence", run)


def test_batch_from_stdin_reports_bad_lines_and_answers_the_rest():
    with indexed_workspace() as ws:
        stdin = b"When were diplomatic ties established?\n\xff\xfe broken line\nWhich hydropower station did the Soviets build?\n"
        run = ws.kosh("ask", "--batch", "-", "--json", stdin=stdin, expect=2)
        results = run.jsonl()
        check(len(results) == 3, "a bad line stopped the batch", run)
        check(results[1].get("error", "").startswith("stdin:line 2"), "bad line not reported with its line", run)
        check(results[0]["passages"] and results[2]["passages"], "good lines not answered", run)
        check("line 2" in run.stderr, "no warning on stderr", run)


def test_tsv_has_header_and_one_row_per_passage():
    with indexed_workspace() as ws:
        ws.write("questions.txt", QUESTIONS)
        run = ws.kosh("ask", "--batch", "questions.txt", "--format", "tsv", expect=0)
        rows = [line.split("\t") for line in run.stdout.splitlines()]
        header = rows[0]
        check(header == ["id", "question", "rank", "score", "path", "location", "title", "sections", "text", "answer",
                         "absolute_path", "stale"],
              f"header is {header}", run)
        check(all(len(row) == len(header) for row in rows), "ragged rows", run)
        results = ws.kosh("ask", "--batch", "questions.txt", "--json", expect=0).jsonl()
        counts = [max(1, len(r["passages"])) for r in results]
        check(len(rows) == 1 + sum(counts), f"{len(rows)} rows for passage counts {counts}", run)
        hydro = rows[1 + counts[0]]
        check(hydro[0] == "hydro" and hydro[2] == "1", "id/rank columns", run)
        check(hydro[5] == results[1]["passages"][0]["location"], "location column", run)
        check(hydro[9] == results[1]["answer"]["sentence"], "answer column on the first row", run)
        check(rows[-1][2] == "" and rows[-1][1].startswith("Who won"), "unanswered question row", run)


def test_no_colour_codes_when_piped_and_colour_when_forced():
    with indexed_workspace() as ws:
        question = "Which hydropower station did the Soviets build?"
        plain = ws.kosh("ask", question, expect=0)
        check("\x1b" not in plain.stdout, "colour codes in piped output", plain)
        forced = ws.kosh("ask", "--color", "always", question, expect=0)
        check("\x1b[" in forced.stdout, "no colour with --color always", forced)
        env_forced = ws.kosh("ask", question, env={"CLICOLOR_FORCE": "1"}, expect=0)
        check("\x1b[" in env_forced.stdout, "CLICOLOR_FORCE ignored", env_forced)
        json_run = ws.kosh("ask", "--color", "always", "--json", question, expect=0)
        check("\x1b" not in json_run.stdout, "colour codes in JSON", json_run)


def test_text_output_shows_heading_path_and_place():
    with indexed_workspace() as ws:
        run = ws.kosh("ask", "When were diplomatic ties between Nepal and the USSR established?", expect=0)
        check(run.stdout.startswith("Answer: "), "no answer line first", run)
        check("The Dawn of Diplomatic Ties (1956)" in run.stdout and " › " in run.stdout, "no heading path", run)
        check("corpus/nepal-russia-relations.txt:" in run.stdout, "no path:line", run)


def run_into_closed_pipe(ws, *args, read_lines=0, stdin=None):
    """Runs kosh with standard output a pipe whose reader reads `read_lines` lines and goes away
    (0: before kosh writes anything), as `kosh ... | head -1` does; returns (status, stderr, lines)."""
    reader, writer = os.pipe()
    proc = subprocess.Popen([KOSH, *args], cwd=ws.dir, stdout=writer, stderr=subprocess.PIPE,
                            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL, env=kosh_environment())
    os.close(writer)
    lines = []
    with os.fdopen(reader, "rb") as out:
        if stdin:
            proc.stdin.write(stdin.encode())
            proc.stdin.close()
        for _ in range(read_lines):
            lines.append(out.readline())
    # Closing our end leaves the pipe without a reader: kosh's next write fails with EPIPE.
    stderr = proc.stderr.read()
    return proc.wait(timeout=120), stderr.decode(), lines


def test_a_closed_pipe_ends_kosh_quietly_with_status_0():
    with indexed_workspace() as ws:
        questions = ["Who built the Panauti hydropower station?"] * 500  # far more than a pipe buffer holds
        ws.write("many.txt", "\n".join(questions) + "\n")
        cases = [(("ask", "--batch", "many.txt"), 1, None), (("ask", "--batch", "many.txt", "--json"), 1, None),
                 (("ask", "--batch", "-"), 1, "\n".join(questions) + "\n"),
                 (("search", "-n", "1000", "soviet OR nepal"), 0, None), (("ask", "hydropower"), 0, None),
                 (("outline", "corpus/nepal-russia-relations.txt"), 0, None)]
        for args, read_lines, stdin in cases:
            status, stderr, lines = run_into_closed_pipe(ws, *args, read_lines=read_lines, stdin=stdin)
            check(status == 0 and stderr == "", f"kosh {' '.join(args)} into a closed pipe: status {status}, stderr {stderr!r}")
            check(all(lines), f"kosh {' '.join(args)}: the lines before the pipe closed are missing")


def test_a_full_disk_is_an_error():
    if not os.path.exists("/dev/full"):
        return
    with indexed_workspace() as ws:
        for args in (("ask", "hydropower"), ("search", "soviet")):
            with open("/dev/full", "w") as full:
                proc = subprocess.run([KOSH, *args], cwd=ws.dir, stdout=full, stderr=subprocess.PIPE, text=True,
                                      env=kosh_environment())
            check(proc.returncode == 2 and proc.stderr == "kosh: cannot write to standard output: No space left on device\n",
                  f"kosh {' '.join(args)} > /dev/full: status {proc.returncode}, stderr {proc.stderr!r}")


if __name__ == "__main__":
    main([test_batch_json_lines_in_input_order_with_ids, test_json_flag_and_limit,
          test_answer_line_points_at_the_sentence_in_the_file,
          test_batch_from_stdin_reports_bad_lines_and_answers_the_rest, test_tsv_has_header_and_one_row_per_passage,
          test_no_colour_codes_when_piped_and_colour_when_forced, test_text_output_shows_heading_path_and_place,
          test_a_closed_pipe_ends_kosh_quietly_with_status_0, test_a_full_disk_is_an_error])
