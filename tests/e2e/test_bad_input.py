"""Bad input never crashes kosh: odd files are indexed or skipped with a warning naming them,
the good file next to them is still answerable, and odd questions and queries get the right
exit status (0 found, 1 nothing found, 2 error with one 'kosh: ' line on stderr).

Every fixture is generated inside the test's own workspace; nothing large lives in the repo.
"""
import json
import os
import random
import re
import subprocess
import threading
import time

from harness import KOSH, kosh_environment, Failure, Run, Workspace, check, main, unprivileged_prefix

GOOD_TEXT = "Glaciers\n\nGlaciers in the Himalaya feed the great rivers of South Asia all year round.\n"
GOOD_QUESTION = "Where do the rivers of South Asia come from?"
CRASH_MARKS = ("terminate", "Aborted", "Segmentation", "core dumped", "std::bad_alloc", "Assertion")


# --- helpers ---------------------------------------------------------------------------------

def write_bytes(ws, relative, content):
    """Writes `content` (bytes) to `relative` (str or bytes) below the workspace."""
    root = os.fsencode(ws.dir)
    relative = os.fsencode(relative)
    full = os.path.join(root, relative)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(content)
    return full


def good_workspace():
    """A workspace with docs/good.txt, the file every test expects to stay answerable."""
    ws = Workspace()
    ws.write("docs/good.txt", GOOD_TEXT)
    return ws


def no_crash(run):
    check(run.status >= 0, f"kosh was killed by signal {-run.status}", run)
    check(run.status in (0, 1, 2), f"unexpected exit status {run.status}", run)
    for mark in CRASH_MARKS:
        check(mark not in run.stderr, f"stderr shows a crash ({mark!r})", run)


def index(ws, *paths, expect=0):
    run = ws.kosh("index", *(paths or ("docs",)), expect=None)
    no_crash(run)
    check(run.status == expect, f"kosh index: expected exit status {expect}", run)
    return run


def warned_about(run, path, *needles):
    """A 'kosh: warning:' line on stderr names `path` (and holds every needle)."""
    lines = [line for line in run.stderr.splitlines() if line.startswith("kosh: warning:") and path in line]
    check(lines, f"no warning naming {path!r} on stderr", run)
    for needle in needles:
        check(any(needle in line for line in lines), f"the warning about {path!r} lacks {needle!r}", run)


def not_warned_about(run, path):
    check(path not in run.stderr, f"unexpected warning about {path!r}", run)


def summary(run):
    """(indexed, skipped) from the summary line."""
    match = re.search(r"(\d+) files? indexed .* (\d+) skipped", run.stdout)
    check(match is not None, "no summary line", run)
    return int(match.group(1)), int(match.group(2))


def good_still_answerable(ws):
    """The good file answers both `ask` and `search`, in text and in JSON."""
    run = ws.kosh("ask", "--json", GOOD_QUESTION, expect=0)
    no_crash(run)
    result = run.jsonl()[0]
    check(result["answer"] is not None and result["answer"]["path"] == "docs/good.txt",
          "the good file does not answer", run)
    check("Himalaya" in result["answer"]["sentence"], "wrong answer sentence", run)
    run = ws.kosh("search", "--json", "Himalaya", expect=0)
    paths = [p["path"] for p in run.jsonl()[0]["passages"]]
    check(paths.count("docs/good.txt") == 1, "search does not find the good file exactly once", run)
    run = ws.kosh("ask", "--color", "never", GOOD_QUESTION, expect=0)
    check("docs/good.txt:3" in run.stdout, "text output lacks docs/good.txt:3", run)


def one_line_error(run, *needles):
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    check(len(lines) == 1, f"expected exactly one line on stderr, got {len(lines)}", run)
    check(lines[0].startswith("kosh: "), "the error does not start with 'kosh: '", run)
    for needle in needles:
        check(needle in lines[0], f"the error lacks {needle!r}", run)
    no_crash(run)


def run_measured(ws, *args, timeout=120):
    """Runs kosh and returns (Run, peak RSS in bytes, seconds) for exactly that child process;
    a run longer than `timeout` seconds is killed and is a failure."""
    env = kosh_environment()
    out_path, err_path = ws.path(".stdout"), ws.path(".stderr")
    started = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen([KOSH, *args], cwd=ws.dir, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _pid, wait_status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(wait_status)
    seconds = time.monotonic() - started
    if seconds >= timeout:
        raise Failure(f"kosh {' '.join(args)} was killed after {timeout} s "
                      f"(peak RSS {usage.ru_maxrss / 1024:.0f} MB by then)")
    with open(out_path, "rb") as out, open(err_path, "rb") as err:
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    os.remove(out_path)
    os.remove(err_path)
    return Run([KOSH, *args], ws.dir, proc.returncode, stdout, stderr), usage.ru_maxrss * 1024, seconds


def run_bounded(ws, seconds, *args):
    """Runs kosh with a time limit; a run that takes longer is a failure with a short message."""
    env = kosh_environment()
    short = [KOSH] + [a if len(a) < 80 else f"<{len(a)} bytes: {a[:40]!r}...>" for a in args]
    proc = subprocess.Popen([KOSH, *args], cwd=ws.dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=env)
    started = time.monotonic()
    try:
        stdout, stderr = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise Failure(f"kosh did not finish within {seconds} s: {' '.join(short)}")
    run = Run(short, ws.dir, proc.returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"))
    no_crash(run)
    print(f"     {time.monotonic() - started:5.1f} s  {' '.join(short[1:])[:100]}")
    return run


# --- files ---------------------------------------------------------------------------------------

def test_empty_file_is_indexed_with_no_passages():
    with good_workspace() as ws:
        ws.write("docs/empty.txt", "")
        ws.write("docs/empty.md", "")
        run = index(ws)
        check(summary(run) == (3, 0), "empty files are not counted as indexed", run)
        not_warned_about(run, "empty")
        good_still_answerable(ws)
        run = ws.kosh("outline", "docs/empty.txt", expect=0)
        check(run.stdout == "empty\n", "outline of an empty file is not its file-name title", run)


def test_whitespace_only_file_is_indexed_with_no_passages():
    with good_workspace() as ws:
        ws.write("docs/blank.txt", "   \n\n\t\t\n \r\n\f\v\n")
        ws.write("docs/blank.md", "\n\n      \n\t\n")
        run = index(ws)
        check(summary(run) == (3, 0), "whitespace-only files are not counted as indexed", run)
        not_warned_about(run, "blank")
        good_still_answerable(ws)
        ws.kosh("search", "path:docs/blank.txt", expect=1)


def test_headings_only_files():
    with good_workspace() as ws:
        ws.write("docs/heads.md", "# Only Headings\n\n## Second Level\n\n### Third Level\n\n## Another One\n")
        ws.write("docs/heads.txt", "Only Headings\n\nINTRODUCTION\n\nCONCLUSION\n")
        run = index(ws)
        check(summary(run) == (3, 0), "headings-only files are not counted as indexed", run)
        good_still_answerable(ws)
        run = ws.kosh("outline", "docs/heads.md", expect=0)
        check(run.stdout == "Only Headings\n  Second Level\n    Third Level\n  Another One\n", "outline differs", run)
        # No body text, so no passage: searching the heading words finds nothing from these files.
        ws.kosh("search", "path:docs/heads.md", expect=1)


def test_binary_file_with_nul_bytes_is_skipped_with_a_warning():
    with good_workspace() as ws:
        write_bytes(ws, "docs/data.bin", b"some text\x00\x01\x02 more text\x00" * 100)
        write_bytes(ws, "docs/nul-at-end.txt", b"Plain looking text about glaciers and rivers.\n\x00")
        run = index(ws)
        warned_about(run, "docs/data.bin", "binary")
        warned_about(run, "docs/nul-at-end.txt", "binary")
        check(summary(run) == (1, 2), "summary counts are wrong", run)
        good_still_answerable(ws)
        run = ws.kosh("outline", "docs/data.bin", expect=2)
        one_line_error(run, "docs/data.bin", "binary")


def test_elf_like_file_is_skipped_with_a_warning():
    with good_workspace() as ws:
        header = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00\x01\x00\x00\x00"
        write_bytes(ws, "docs/program", header + bytes(range(256)) * 64)
        # The same magic without any NUL byte: caught as invalid UTF-8 instead.
        write_bytes(ws, "docs/program2", b"\x7fELF\x02\x01\x01" + bytes(range(1, 256)) * 4)
        run = index(ws)
        warned_about(run, "docs/program", "binary")
        warned_about(run, "docs/program2", "UTF-8")
        check(summary(run) == (1, 2), "summary counts are wrong", run)
        good_still_answerable(ws)


def test_broken_utf8_is_skipped_with_a_warning_naming_the_line():
    with good_workspace() as ws:
        write_bytes(ws, "docs/truncated.md", b"# Heading\n\nA sequence cut short \xe2\x82")
        write_bytes(ws, "docs/surrogate.txt", b"Encoded surrogate \xed\xa0\x80 here.\n")
        write_bytes(ws, "docs/overlong.txt", b"Overlong slash \xc0\xaf here.\n")
        run = index(ws)
        warned_about(run, "docs/truncated.md", "invalid UTF-8", "line 3")
        warned_about(run, "docs/surrogate.txt", "invalid UTF-8")
        warned_about(run, "docs/overlong.txt", "invalid UTF-8")
        check(summary(run) == (1, 3), "summary counts are wrong", run)
        good_still_answerable(ws)


def test_latin1_and_windows_1252_text_is_converted():
    with good_workspace() as ws:
        write_bytes(ws, "docs/latin1.txt", "Desserts\n\nIntro line.\n\nThe caf\xe9 serves cr\xe8me br\xfbl\xe9e every evening.\n".encode("latin-1"))
        write_bytes(ws, "docs/cp1252.md", "# Prices \x96 summer\n\nA night at the lodge costs 80 \x80, breakfast included.\n".encode("latin-1"))
        run = index(ws)
        not_warned_about(run, "latin1")
        not_warned_about(run, "cp1252")
        check(summary(run) == (3, 0), "Latin-1 files were not all indexed", run)
        good_still_answerable(ws)
        hit = ws.kosh("search", "--json", "cr\u00e8me", expect=0).jsonl()[0]["passages"][0]
        # The passage runs from line 3 to 5, and the word sits on its third line, as in the file.
        check(hit["path"] == "docs/latin1.txt" and (hit["line"], hit["last_line"]) == (3, 5)
              and "cr\u00e8me" in hit["text"].split("\n")[2], f"accented word found at {hit}", run)
        check("cr\u00e8me br\u00fbl\u00e9e" in hit["text"] and hit["title"] == "Desserts", "accents not converted", run)
        hit = ws.kosh("search", "--json", "breakfast lodge", expect=0).jsonl()[0]["passages"][0]
        check(hit["title"] == "Prices \u2013 summer" and "80 \u20ac," in hit["text"], "Windows-1252 not converted", run)
        run = ws.kosh("outline", "docs/cp1252.md", expect=0)
        check("Prices \u2013 summer" in run.stdout, "outline of a Windows-1252 file", run)


def test_utf8_bom_is_dropped_from_titles_and_text():
    with good_workspace() as ws:
        bom = b"\xef\xbb\xbf"
        write_bytes(ws, "docs/bom.md", bom + b"# Zanzibar Spice\n\nThe Zanzibar clove trade shaped the island economy for more than two centuries of history.\n")
        write_bytes(ws, "docs/bom.txt", bom + b"Pemba Island\n\nPemba grows most of the cloves exported from the archipelago, far more than Unguja does.\n")
        write_bytes(ws, "docs/bom-body.txt", bom + b"mangroves line the shore of the small island and shelter young fish from the open sea currents.\n")
        run = index(ws)
        check(summary(run) == (4, 0), "BOM files were not all indexed", run)
        not_warned_about(run, "bom")
        good_still_answerable(ws)
        run = ws.kosh("outline", "docs/bom.md", "docs/bom.txt", expect=0)
        check("\ufeff" not in run.stdout, "BOM in outline", run)
        check("\nZanzibar Spice\n" in run.stdout and "\nPemba Island\n" in run.stdout, "BOM file headings not found", run)
        for word, path, title, starts in (("clove", "docs/bom.md", "Zanzibar Spice", "The Zanzibar"),
                                          ("Pemba", "docs/bom.txt", "Pemba Island", "Pemba grows"),
                                          ("mangroves", "docs/bom-body.txt", "bom-body", "mangroves line")):
            run = ws.kosh("search", "--json", f"{word} path:{path}", expect=0)
            hit = run.jsonl()[0]["passages"][0]
            check(hit["title"] == title, f"title of {path} is {hit['title']!r}", run)
            check(hit["text"].startswith(starts), f"text of {path} does not start with {starts!r}", run)
            check("\ufeff" not in json.dumps(hit, ensure_ascii=False), f"BOM in the JSON of {path}", run)
        run = ws.kosh("search", "--json", "mangroves", expect=0)
        hit = run.jsonl()[0]["passages"][0]
        check(hit["line"] == 1 and hit["highlights"][0] == [0, 9], "BOM shifts line or highlight offsets", run)


def test_utf16_with_bom_is_converted():
    with good_workspace() as ws:
        text = "Monsoon\n\nThe monsoon brings most of the year\u2019s rain between June and September.\r\n\r\nIt fills the reservoirs of Mysore.\n"
        write_bytes(ws, "docs/le.txt", b"\xff\xfe" + text.encode("utf-16-le"))
        write_bytes(ws, "docs/be.txt", b"\xfe\xff" + text.replace("Mysore", "Madurai").encode("utf-16-be"))
        write_bytes(ws, "docs/le.md", b"\xff\xfe" + b"#\x00")  # tiny, and no NUL pair confusion
        write_bytes(ws, "docs/no-bom.txt", text.encode("utf-16-le"))  # without a mark: binary
        run = index(ws)
        for path in ("docs/le.txt", "docs/be.txt", "docs/le.md"):
            not_warned_about(run, path)
        warned_about(run, "docs/no-bom.txt", "binary")
        check(summary(run) == (4, 1), "summary counts are wrong", run)
        good_still_answerable(ws)
        for word, path in (("Mysore", "docs/le.txt"), ("Madurai", "docs/be.txt")):
            hit = ws.kosh("search", "--json", word, expect=0).jsonl()[0]["passages"][0]
            check(hit["path"] == path and (hit["line"], hit["last_line"]) == (3, 5) and hit["title"] == "Monsoon"
                  and word in hit["text"].split("\n")[2] and "\u2019s rain" in hit["text"], f"{word}: {hit}", run)
        run = ws.kosh("outline", "docs/be.txt", expect=0)
        check("Monsoon" in run.stdout and "\ufeff" not in run.stdout, "outline of UTF-16 BE", run)


def paragraphs_file(terminator, words):
    """A title and four paragraphs of 16+ words, one per `words`, with the given line ends.
    Returns (bytes, {word: line of its paragraph})."""
    lines = ["Line Ends Test", ""]
    expected = {}
    for i, word in enumerate(words):
        expected[word] = len(lines) + 1
        lines.append(f"Paragraph {i} talks about {word} at some length so that it stays a passage of its own here.")
        if i % 2:
            # A hard-wrapped second line: the passage spans two lines.
            lines.append(f"It goes on for a second line, still about {word} and nothing else at all today.")
        lines.append("")
    return terminator.join(lines).encode(), expected


def check_line_numbers(ws, expected):
    for word, line in expected.items():
        run = ws.kosh("search", "--json", word, expect=0)
        hits = run.jsonl()[0]["passages"]
        check(len(hits) >= 1, f"{word} not found", run)
        hit = hits[0]
        check(hit["line"] == line, f"{word}: expected line {line}, got {hit['line']}", run)
        check("\r" not in hit["text"], f"{word}: carriage return left in passage text", run)
        check(hit["last_line"] - hit["line"] == hit["text"].count("\n"), f"{word}: last_line disagrees with text", run)
        run = ws.kosh("ask", "--json", f"What about {word}?", expect=0)
        answer = run.jsonl()[0]["answer"]
        check(answer is not None and answer["line"] == line, f"{word}: answer not on line {line}", run)


def test_crlf_line_endings_keep_line_numbers():
    with good_workspace() as ws:
        content, expected = paragraphs_file("\r\n", ["apricots", "quinces", "medlars", "loquats"])
        write_bytes(ws, "docs/crlf.txt", content)
        md, md_expected = paragraphs_file("\r\n", ["tamarinds", "sapodillas", "rambutans", "longans"])
        write_bytes(ws, "docs/crlf.md", md.replace(b"Line Ends Test", b"# Line Ends Test", 1))
        run = index(ws)
        check(summary(run) == (3, 0), "CRLF files were not indexed", run)
        good_still_answerable(ws)
        check_line_numbers(ws, expected)
        check_line_numbers(ws, md_expected)
        run = ws.kosh("outline", "docs/crlf.md", expect=0)
        check(run.stdout == "Line Ends Test\n", "CRLF Markdown heading not found", run)


def test_lone_cr_line_endings_keep_line_numbers():
    with good_workspace() as ws:
        content, expected = paragraphs_file("\r", ["persimmons", "kumquats", "jujubes", "feijoas"])
        write_bytes(ws, "docs/cr.txt", content)
        md, md_expected = paragraphs_file("\r", ["mangosteens", "soursops", "cherimoyas", "jabuticabas"])
        write_bytes(ws, "docs/cr.md", md.replace(b"Line Ends Test", b"# Line Ends Test", 1))
        run = index(ws)
        check(summary(run) == (3, 0), "CR files were not indexed", run)
        good_still_answerable(ws)
        check_line_numbers(ws, expected)
        check_line_numbers(ws, md_expected)
        run = ws.kosh("outline", "docs/cr.md", expect=0)
        check(run.stdout == "Line Ends Test\n", "CR Markdown heading not found", run)


def test_50_mb_file_without_newline_is_indexed_in_bounded_memory():
    size = 50 * 1024 * 1024
    with good_workspace() as ws:
        # Words from a vocabulary of 5,000, as in real text (a handful of words repeated would
        # hide per-term costs), without any newline or sentence end.
        rng = random.Random(50)
        vocabulary = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 10)))
                      for _ in range(5000)]
        chunk = " ".join(rng.choice(vocabulary) for _ in range(160_000))[: 1024 * 1024 - 1] + " "
        body = (chunk * 50)[: size - len(" zyzzyva ending")] + " zyzzyva ending"
        # A tenth of the line first: the whole must take about ten times as long (linear), not a
        # fixed number of seconds, which a busy machine may miss without anything being wrong.
        write_bytes(ws, "tenth/huge.txt", body[: size // 10].encode())
        _run, _peak, tenth_seconds = run_measured(ws, "index", "tenth", "--index", "tenth-index", timeout=240)
        write_bytes(ws, "docs/huge.txt", body.encode())
        check(os.path.getsize(ws.path("docs/huge.txt")) == size, "fixture has the wrong size")
        run, peak, seconds = run_measured(ws, "index", "docs", timeout=240)
        no_crash(run)
        check(run.status == 0, "kosh index failed on a 50 MB line", run)
        check(summary(run) == (2, 0), "the 50 MB file was not indexed", run)
        print(f"     50 MB line: indexed in {seconds:.1f} s, peak RSS {peak / 2**20:.0f} MB")
        good_still_answerable(ws)
        # The word at the very end is found, on line 1, in a passage of reasonable size.
        found = ws.kosh("search", "--json", "zyzzyva", expect=0)
        hit = found.jsonl()[0]["passages"][0]
        check(hit["path"] == "docs/huge.txt" and hit["line"] == 1 and hit["last_line"] == 1, "wrong location", found)
        check(len(hit["text"]) < 64 * 1024, f"one passage of {len(hit['text'])} bytes: long text is not cut", found)
        check(hit["text"].endswith("zyzzyva ending"), "passage text does not end the file", found)
        limit = 10 * size + 100 * 1024 * 1024
        check(peak < limit, f"peak RSS {peak / 2**20:.0f} MB exceeds 10 x 50 MB + 100 MB = {limit / 2**20:.0f} MB", run)
        check(seconds < 20 * tenth_seconds + 5,
              f"indexing a 50 MB line took {seconds:.1f} s, its first 5 MB {tenth_seconds:.1f} s: not linear", run)


def test_100000_one_word_paragraphs():
    with good_workspace() as ws:
        ws.write("docs/many.txt", "".join(f"w{i}x\n\n" for i in range(100_000)))
        ws.write("docs/many.md", "".join(f"m{i}x\n\n" for i in range(100_000)))
        started = time.monotonic()
        run = index(ws)
        seconds = time.monotonic() - started
        check(summary(run) == (3, 0), "the many-paragraph files were not indexed", run)
        check(seconds < 60, f"indexing took {seconds:.1f} s", run)
        good_still_answerable(ws)
        for word, number in (("w0x", 0), ("w54321x", 54321), ("w99999x", 99999), ("m77777x", 77777)):
            run = ws.kosh("search", "--json", word, expect=0)
            hit = run.jsonl()[0]["passages"][0]
            line = 2 * number + 1
            check(hit["line"] <= line <= hit["last_line"], f"{word} on line {line} not in {hit['line']}-{hit['last_line']}", run)
            offset = hit["text"].index(word)
            check(hit["line"] + hit["text"][:offset].count("\n") == line, f"{word}: text offset maps to the wrong line", run)
        outline = ws.kosh("outline", "docs/many.txt", "docs/many.md", expect=0)
        check(len(outline.stdout) < 10_000, "100,000 one-word lines came out as headings", outline)


def test_deeply_nested_markdown_and_too_many_hashes():
    with good_workspace() as ws:
        nested_indented = "".join("  " * i + f"- level{i}\n" for i in range(1000))
        ws.write("docs/deep.md", "# Deep\n\n" + "- " * 10_000 + "listwombat\n\n" + "> " * 10_000 + "quotewombat\n\n"
                 + "1. " * 10_000 + "numberwombat\n\n" + "* " * 10_000 + "\n\n" + nested_indented
                 + "\n####### seven hashes sevenwombat\n\n######## eight hashes eightwombat\n\n"
                 + "#" * 10_000 + " manywombat\n")
        started = time.monotonic()
        run = index(ws)
        seconds = time.monotonic() - started
        check(summary(run) == (2, 0), "deep.md was not indexed", run)
        check(seconds < 30, f"indexing deep.md took {seconds:.1f} s", run)
        good_still_answerable(ws)
        run = ws.kosh("outline", "docs/deep.md", expect=0)
        check(run.stdout == "Deep\n", "a 7+ '#' line became a heading", run)
        for word in ("listwombat", "quotewombat", "numberwombat", "level999", "sevenwombat", "eightwombat", "manywombat"):
            run = ws.kosh("search", "--json", word, expect=0)
            check(run.jsonl()[0]["passages"][0]["path"] == "docs/deep.md", f"{word} not found in deep.md", run)


def test_unterminated_code_fence_runs_to_the_end():
    with good_workspace() as ws:
        ws.write("docs/fence.md", "# Fence\n\nAn introduction paragraph before the code block starts here.\n\n"
                 "```python\nprint('kumquat')\n# not a heading\n\n## nor this\n~~~\n")
        ws.write("docs/tilde.md", "# Tilde\n\n~~~~\ncode durian\n```\n# still code\n")
        run = index(ws)
        check(summary(run) == (3, 0), "fence files were not indexed", run)
        good_still_answerable(ws)
        run = ws.kosh("outline", "docs/fence.md", "docs/tilde.md", expect=0)
        check(run.stdout == "==> docs/fence.md <==\nFence\n\n==> docs/tilde.md <==\nTilde\n",
              "a line inside an unterminated fence became a heading", run)
        run = ws.kosh("search", "--json", "kumquat", expect=0)
        hit = run.jsonl()[0]["passages"][0]
        check(hit["path"] == "docs/fence.md" and hit["last_line"] == 10, "code block does not run to the end", run)
        ws.kosh("search", "durian", expect=0)


def test_symlink_loop_does_not_hang_the_walk():
    with good_workspace() as ws:
        os.makedirs(ws.path("docs/sub"))
        ws.write("docs/sub/inner.txt", "Inner\n\nThe inner file speaks of yaks grazing on the high pastures above the villages.\n")
        os.symlink("..", ws.path("docs/sub/up"))          # points at its parent
        os.symlink(".", ws.path("docs/self"))             # points at itself
        os.symlink("../docs", ws.path("docs/sub/again"))  # points back at the root
        run = ws.kosh("index", "docs", expect=None)
        no_crash(run)
        check(run.status == 0 and summary(run) == (2, 0), "walk through symlink loops went wrong", run)
        good_still_answerable(ws)
        run = ws.kosh("search", "--json", "yaks", expect=0)
        check([p["path"] for p in run.jsonl()[0]["passages"]] == ["docs/sub/inner.txt"], "duplicate or missing passages", run)


def index_without_root(ws, *paths):
    """Indexes `paths` as user nobody when running as root (mode 000 stops no root process), in a
    workspace opened to everyone beforehand; None, after a note, when that is not possible here."""
    as_user = unprivileged_prefix()
    if as_user is None:
        print("     note: skipped: running as root, and user nobody cannot run kosh here")
        return None
    return ws.kosh("index", *paths, as_user=as_user)


def test_unreadable_file_is_skipped_with_a_warning():
    with good_workspace() as ws:
        ws.write("docs/secret.txt", "Secret\n\nNobody may read this file about the hidden valley of the snow leopard.\n")
        ws.open_to_everyone()
        os.chmod(ws.path("docs/secret.txt"), 0)
        run = index_without_root(ws, "docs")
        if run is None:
            return
        no_crash(run)
        check(run.status == 0, "kosh index: expected exit status 0", run)
        warned_about(run, "docs/secret.txt", "Permission denied")
        check(summary(run) == (1, 1), "summary counts are wrong", run)
        good_still_answerable(ws)


def test_unreadable_folders_are_skipped_with_a_warning():
    with good_workspace() as ws:
        ws.write("docs/locked/inner.txt", "Locked\n\nThe snow leopard of the hidden valley.\n")
        ws.write("locked-input/inner.txt", "Locked\n\nThe red panda of the bamboo forest.\n")
        ws.open_to_everyone()
        for folder in ("docs/locked", "locked-input"):
            os.chmod(ws.path(folder), 0)
        run = index_without_root(ws, "docs", "locked-input")
        for folder in ("docs/locked", "locked-input"):
            os.chmod(ws.path(folder), 0o755)  # so that the workspace can be removed
        if run is None:
            return
        no_crash(run)
        check(run.status == 0, "kosh index: expected exit status 0", run)
        warned_about(run, "docs/locked", "cannot read folder", "Permission denied")
        warned_about(run, "locked-input", "cannot read folder", "Permission denied")
        check(summary(run)[0] == 1, "the readable file was not indexed", run)
        good_still_answerable(ws)


def test_dangling_symlink_is_reported_and_the_rest_indexed():
    # Stands in for a file deleted between discovery and reading: the name is there, the data is not.
    with good_workspace() as ws:
        os.symlink("missing-target.txt", ws.path("docs/gone.txt"))
        run = index(ws)
        warned_about(run, "docs/gone.txt")
        good_still_answerable(ws)


def test_odd_file_names_are_indexed_and_printed_safely():
    with good_workspace() as ws:
        names = {b"docs/with space.txt": "aardvarks", b"docs/new\nline.txt": "pangolins",
                 b"docs/bad\xffname.txt": "okapis", b"docs/tab\there.txt": "tapirs"}
        for name, word in names.items():
            write_bytes(ws, name, f"Odd Name\n\nThis file is about {word} and other rare animals of the forest floor.\n".encode())
        run = index(ws)
        check(summary(run) == (5, 0), "odd names were not all indexed", run)
        good_still_answerable(ws)
        json_paths = {b"docs/with space.txt": "docs/with space.txt", b"docs/new\nline.txt": "docs/new\nline.txt",
                      b"docs/bad\xffname.txt": "docs/bad\ufffdname.txt", b"docs/tab\there.txt": "docs/tab\there.txt"}
        for name, word in names.items():
            run = ws.kosh("search", "--json", word, expect=0)
            lines = run.stdout.splitlines()
            check(len(lines) == 1, "JSON output is not one line", run)
            hit = json.loads(lines[0])["passages"][0]
            check(hit["path"] == json_paths[name], f"JSON path {hit['path']!r} for {name!r}", run)
            run = ws.kosh("search", "--format", "tsv", word, expect=0)
            rows = run.stdout.split("\n")
            check(rows[-1] == "" and len(rows) == 3, "TSV is not a header and one row", run)
            check(all(row.count("\t") == 11 for row in rows[:2]), "TSV column count broken", run)
            run = ws.kosh("search", "--color", "never", word, expect=0)
            location = [line for line in run.stdout.splitlines() if line.strip().endswith(".txt:3")]
            check(len(location) == 1, f"the location line of {name!r} is broken", run)
            check(word not in location[0] and "docs/" in location[0], "location line is wrong", run)


# --- questions and queries ---------------------------------------------------------------------

def indexed_good():
    ws = good_workspace()
    index(ws)
    return ws


def test_empty_question_is_an_error():
    with indexed_good() as ws:
        one_line_error(ws.kosh("ask", "", expect=2))
        one_line_error(ws.kosh("ask", "", "", expect=2))
        one_line_error(ws.kosh("search", "", expect=2))


def test_punctuation_only_question_is_an_error():
    with indexed_good() as ws:
        one_line_error(ws.kosh("ask", "?!...,;:--", expect=2), "no words")
        one_line_error(ws.kosh("ask", "--json", "\u2014\u2026\u00bf?", expect=2), "no words")
        one_line_error(ws.kosh("search", "?!.,;", expect=2), "no words")


def test_stopword_only_question_searches_all_its_words():
    # Documented: when nothing but stopwords is left, every word is kept. "of the" occurs in good.txt.
    with indexed_good() as ws:
        run = ws.kosh("ask", "--json", "of the", expect=0)
        check(run.jsonl()[0]["passages"][0]["path"] == "docs/good.txt", "stopwords not searched", run)
        run = ws.kosh("ask", "what is it", expect=1)
        check(run.stderr == "", "stderr not empty", run)


def test_100_kb_question():
    with indexed_good() as ws:
        question = ("Which glaciers feed the rivers of South Asia? " * 2300)[:100 * 1024]
        run = run_bounded(ws, 30, "ask", "--json", question)
        check(run.status == 0, "expected exit status 0", run)
        result = run.jsonl()[0]
        check(result["question"] == question, "question not echoed whole", run)
        check(result["answer"]["path"] == "docs/good.txt", "no answer", run)
        # As a search query it is refused: more than 1000 words is a documented error (status 2),
        # and a query of up to 1000 words is answered in bounded time with AND and with OR.
        run = run_bounded(ws, 30, "search", "--json", question)
        check(run.status == 2, "expected exit status 2", run)
        one_line_error(run, "at most 1000")
        query = "glaciers rivers Himalaya " * 333  # 999 words
        for args in (["search", "--json", query], ["search", "--any", "--json", query]):
            run = run_bounded(ws, 30, *args)
            check(run.status == 0 and run.jsonl()[0]["passages"], "a 999-word query found nothing", run)


def test_unbalanced_quotes_and_parentheses_in_search():
    # Xapian's parser is lenient: an open quote runs to the end of the query as a phrase, and
    # a stray parenthesis is ignored, so these are ordinary searches (0 found), not errors.
    with indexed_good() as ws:
        for query in ('"feed the great rivers', 'Himalaya "great rivers', "(glaciers rivers", "glaciers rivers)",
                      "((glaciers", "glaciers))) Asia", '"(glaciers'):
            run = ws.kosh("search", "--json", query, expect=0)
            check(run.jsonl()[0]["passages"][0]["path"] == "docs/good.txt", f"{query!r} did not find good.txt", run)
        run = ws.kosh("search", '"rivers glaciers', expect=1)  # a phrase in the wrong order
        no_crash(run)
        for query in ('"', '""', "()", ")(", '(")'):
            one_line_error(ws.kosh("search", query, expect=2), "no words")


def test_not_alone_and_lone_operators_are_errors():
    with indexed_good() as ws:
        for query in ("NOT", "AND", "OR OR", "glaciers AND", "XOR", "NOT NOT"):
            one_line_error(ws.kosh("search", query, expect=2), "cannot parse query")
        ws.kosh("search", "NOT bihar", expect=0)  # documented: a pure NOT matches everything else
        ws.kosh("search", "NOT glaciers", expect=1)


def test_lone_wildcard_is_an_error():
    with indexed_good() as ws:
        one_line_error(ws.kosh("search", "*", expect=2), "no words")
        one_line_error(ws.kosh("search", "* *", expect=2), "no words")
        ws.kosh("search", "glac*", expect=0)


def test_control_characters_in_the_question():
    with indexed_good() as ws:
        question = "Which glaciers\x01\x02 feed\x1b[31m the rivers\x7f\x1b]0;pwned\x07 of South Asia?\x08"
        run = ws.kosh("ask", "--json", question, expect=0)
        result = run.jsonl()[0]
        check(result["question"] == question, "question does not round-trip through JSON", run)
        check(result["answer"]["path"] == "docs/good.txt", "no answer", run)
        run = ws.kosh("ask", "--batch", "-", "--color", "never", stdin=(question + "\n").encode(), expect=0)
        check(not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", run.stdout), "control characters reach text output", run)
        run = ws.kosh("search", "--json", "glaciers\x01rivers\x1b", expect=0)
        check(run.jsonl()[0]["passages"], "search with control characters found nothing", run)


def test_invalid_utf8_line_in_batch_is_reported_and_the_rest_answered():
    with indexed_good() as ws:
        stdin = (b"Where do the rivers of South Asia come from?\n"
                 b"bad \xff\xfe line\n"
                 b"q3\tWhat feeds the great rivers?\n"
                 b"# a comment\n"
                 b"\xc3\n"
                 b"Himalaya glaciers\n")
        run = ws.kosh("ask", "--batch", "-", "--json", stdin=stdin, expect=2)
        no_crash(run)
        results = run.jsonl()
        check(len(results) == 5, "expected one JSON line per question line", run)
        check(results[1].get("error", "").endswith("stdin:line 2: invalid UTF-8"), "line 2 error not reported", run)
        check(results[3].get("error", "").endswith("stdin:line 5: invalid UTF-8"), "line 5 error not reported", run)
        for i in (0, 2, 4):
            check("error" not in results[i] and results[i]["passages"], f"question {i + 1} not answered", run)
        check(results[2]["id"] == "q3", "id lost after a bad line", run)
        errors = [line for line in run.stderr.splitlines() if line.strip()]
        check(errors == ["kosh: stdin:line 2: invalid UTF-8", "kosh: stdin:line 5: invalid UTF-8"],
              "stderr does not have exactly one line per bad line", run)
        # The same in text and TSV.
        run = ws.kosh("ask", "--batch", "-", "--color", "never", stdin=stdin, expect=2)
        check(run.stdout.count("error: stdin:line 2: invalid UTF-8") == 1, "text output lacks the error", run)
        check(run.stdout.count("Answer:") == 3, "text output lacks the answers", run)
        run = ws.kosh("ask", "--batch", "-", "--format", "tsv", stdin=stdin, expect=2)
        rows = run.stdout.split("\n")[:-1]
        check(all(row.count("\t") == 11 for row in rows), "TSV column count broken", run)


def test_batch_file_of_only_bad_lines():
    with indexed_good() as ws:
        write_bytes(ws, "questions.txt", b"\xff\n\x80\x80\n")
        run = ws.kosh("ask", "--batch", "questions.txt", "--json", expect=2)
        check([r["error"] for r in run.jsonl()] == ["questions.txt:line 1: invalid UTF-8", "questions.txt:line 2: invalid UTF-8"],
              "errors not reported per line", run)


if __name__ == "__main__":
    main([
        test_empty_file_is_indexed_with_no_passages,
        test_whitespace_only_file_is_indexed_with_no_passages,
        test_headings_only_files,
        test_binary_file_with_nul_bytes_is_skipped_with_a_warning,
        test_elf_like_file_is_skipped_with_a_warning,
        test_broken_utf8_is_skipped_with_a_warning_naming_the_line,
        test_latin1_and_windows_1252_text_is_converted,
        test_utf8_bom_is_dropped_from_titles_and_text,
        test_utf16_with_bom_is_converted,
        test_crlf_line_endings_keep_line_numbers,
        test_lone_cr_line_endings_keep_line_numbers,
        test_50_mb_file_without_newline_is_indexed_in_bounded_memory,
        test_100000_one_word_paragraphs,
        test_deeply_nested_markdown_and_too_many_hashes,
        test_unterminated_code_fence_runs_to_the_end,
        test_symlink_loop_does_not_hang_the_walk,
        test_unreadable_file_is_skipped_with_a_warning,
        test_unreadable_folders_are_skipped_with_a_warning,
        test_dangling_symlink_is_reported_and_the_rest_indexed,
        test_odd_file_names_are_indexed_and_printed_safely,
        test_empty_question_is_an_error,
        test_punctuation_only_question_is_an_error,
        test_stopword_only_question_searches_all_its_words,
        test_100_kb_question,
        test_unbalanced_quotes_and_parentheses_in_search,
        test_not_alone_and_lone_operators_are_errors,
        test_lone_wildcard_is_an_error,
        test_control_characters_in_the_question,
        test_invalid_utf8_line_in_batch_is_reported_and_the_rest_answered,
        test_batch_file_of_only_bad_lines,
    ])
