"""Documents and file names cannot drive the terminal or break the machine formats.

Escape sequences (SGR, OSC title, OSC 8 hyperlinks), carriage returns, backspaces, bells, other
C0 controls, DEL and C1 controls in document text, headings, titles and file names:
 - text output (--color never and always) and `kosh outline` carry no ESC except kosh's own SGR
   colour codes, and no CR, BEL, BS, other C0 control, DEL or C1 control;
 - JSON Lines parse line by line and give back the original strings;
 - TSV rows keep the header's column count, with controls escaped;
 - warnings and errors on stderr that name such files are neutralized too.
Byte-level checks: kosh is run here with bytes in and bytes out, no newline translation.
"""
import json
import os
import re
import subprocess

from harness import KOSH, kosh_environment, Run, Workspace, check, main

SGR = rb"\x1b\[[0-9;]*m"
ESCAPES = {
    "sgr": "\x1b[31mRED\x1b[0m",
    "title": "\x1b]0;pwned\x07",
    "link": "\x1b]8;;http://x\x07link\x1b]8;;\x07",
    "bs": "back\x08\x08space",
    "bell": "ding\x07dong",
    "controls": "c0\x01\x02\x03\x0b\x0c\x0e\x1f end",
    "del": "de\x7flete",
    "c1": "csi\u009b31m eight-bit\u0085",
    "csi": "\x1b[2J\x1b[H clear",
}
# Carriage returns end lines in files (LF, CRLF and CR are line ends), so they are tested in
# file names and questions instead.

BODY = ("The walrus document carries " + " ".join(ESCAPES.values())
        + " inside one paragraph about walruses on the arctic ice floes.\n")
DOC = ("# Walrus \x1b]0;pwned\x07 Title \x1b[5mblink\x1b[0m\n\n"
       "## Section \x1b[31mred\x1b[0m \x7f\x08 \u009b\n\n" + BODY + "\n"
       "Tabbed\tcolumns\twith walruses, then a wrapped line\nand a second line of walrus text.\n")
TITLE = "Walrus \x1b]0;pwned\x07 Title \x1b[5mblink\x1b[0m"
SECTION = "Section \x1b[31mred\x1b[0m \x7f\x08 \u009b"

# File names (bytes) each holding the word "narwhal", and the path JSON must give back.
NAMES = [
    b"docs/\x1b[31mred\x1b[0m.txt",
    b"docs/osc\x1b]0;pwned\x07.txt",
    b"docs/link\x1b]8;;x.test\x07l\x1b]8;;\x07.txt",  # no "/": that would make folders
    b"docs/cr\rname.txt",
    b"docs/bs\x08del\x7f.txt",
    b"docs/nl\nname.txt",
    b"docs/c1\xc2\x9bname.txt",
]
# Files that must be skipped, with names that carry escapes: the warnings name them.
BAD_NAMES = [
    (b"docs/bin\x1b]0;pwned\x07.dat", b"binary\x00data"),
    (b"docs/latin\x1b[2J\r.txt", b"caf\xc3\xa9 cut \xe2\x82"),  # broken UTF-8
    (b"docs/utf16\x08\x07.txt", b"h\x00i\x00"),  # UTF-16 without a byte order mark
]


def visible(data):
    """Decoded text with every control but LF shown as an escape, for failure reports."""
    text = data.decode("utf-8", "replace")
    return re.sub(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", lambda m: repr(m.group(0))[1:-1], text)


def kosh_bytes(ws, *args, stdin=b""):
    env = kosh_environment()
    proc = subprocess.run([os.fsencode(KOSH), *[os.fsencode(a) if isinstance(a, str) else a for a in args]],
                          cwd=ws.dir, input=stdin, capture_output=True, env=env, timeout=120)
    # What a failure report prints is itself made visible, so a failing test cannot retitle the
    # terminal or hide lines of the log it is read in; the checks use the raw bytes.
    shown = [a if isinstance(a, str) and not re.search(r"[\x00-\x1f\x7f-\x9f]", a) else repr(a) for a in args]
    run = Run([KOSH, *shown], ws.dir, proc.returncode, visible(proc.stdout), visible(proc.stderr))
    run.out, run.err = proc.stdout, proc.stderr
    check(run.status >= 0 and "terminate" not in run.stderr and "Aborted" not in run.stderr, "crash", run)
    return run


def write_bytes(ws, relative, content):
    full = os.path.join(os.fsencode(ws.dir), relative)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(content)


def workspace():
    ws = Workspace()
    write_bytes(ws, b"docs/walrus.md", DOC.encode())
    write_bytes(ws, b"docs/oneline.txt",
                "The oneline walrus file has \x1b[31mred\x1b[0m, a bell \x07 and \x1b]0;pwned\x07 on its only line".encode())
    for name in NAMES:
        write_bytes(ws, name, b"Narwhal Facts\n\nThe narwhal is a toothed whale with a long tusk that lives in arctic waters all year.\n")
    return ws


def indexed():
    ws = workspace()
    run = kosh_bytes(ws, "index", "docs")
    check(run.status == 0, "kosh index failed", run)
    return ws


def terminal_safe(run, data, what, allow_sgr):
    """No ESC (except SGR colour when allowed), no C0 control but LF, no DEL, no C1 control."""
    stripped = re.sub(SGR, b"", data) if allow_sgr else data
    for byte, name in ((b"\x1b", "ESC"), (b"\r", "CR"), (b"\x07", "BEL"), (b"\x08", "BS"), (b"\x7f", "DEL")):
        check(byte not in stripped, f"{what}: raw {name} reaches the terminal", run)
    bad = re.search(rb"[\x00-\x09\x0b-\x1f]", stripped)
    check(bad is None, f"{what}: raw control byte {bad.group(0) if bad else ''!r}", run)
    c1 = re.search(rb"\xc2[\x80-\x9f]", stripped)
    check(c1 is None, f"{what}: C1 control {c1.group(0) if c1 else ''!r}", run)
    if allow_sgr:
        # kosh's own codes: every SGR it writes is a known colour or reset.
        for code in re.findall(SGR, data):
            check(re.fullmatch(rb"\x1b\[(0|1|2|3[0-7]|9[0-7]|1;3[0-7])?(;[0-9]+)*m", code) is not None,
                  f"{what}: unexpected SGR {code!r}", run)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        check(False, f"{what}: output is not UTF-8 ({error})", run)


def test_text_output_neutralizes_document_escapes():
    with indexed() as ws:
        for color in ("never", "always"):
            for args in (["search", "walrus"], ["search", "narwhal", "-n", "20"], ["ask", "Where do walruses live?"],
                         ["ask", "What is a narwhal?", "-n", "10"], ["search", "title:pwned"], ["search", "section:section"]):
                run = kosh_bytes(ws, *args, "--color", color)
                check(run.status == 0, f"{args} found nothing", run)
                terminal_safe(run, run.out, f"{' '.join(args)} --color {color}", allow_sgr=color == "always")
                if color == "never":
                    check(b"\x1b" not in run.out, "ESC with --color never", run)
                else:
                    check(re.search(SGR, run.out) is not None, "--color always gave no colour at all", run)
        # The replaced characters still leave the words visible.
        run = kosh_bytes(ws, "search", "walrus", "--color", "never")
        check(b"RED" in run.out and b"pwned" in run.out and b"Walrus" in run.out, "text lost its words", run)


def test_text_output_neutralizes_escapes_in_questions():
    with indexed() as ws:
        question = "Where\x1b]0;pwned\x07 do walruses\r live\x08\x7f\x1b[2J?"
        for color in ("never", "always"):
            run = kosh_bytes(ws, "ask", "--batch", "-", "--color", color, stdin=(f"id\x1b[31m1\t{question}\n").encode())
            check(run.status == 0, "batch failed", run)
            terminal_safe(run, run.out, f"batch --color {color}", allow_sgr=color == "always")


def test_file_names_in_text_output_stay_on_one_line():
    with indexed() as ws:
        run = kosh_bytes(ws, "search", "narwhal", "-n", "20", "--color", "never")
        locations = [line for line in run.out.split(b"\n") if line.strip().endswith(b".txt:3")]
        check(len(locations) == len(NAMES), f"expected {len(NAMES)} location lines, got {len(locations)}", run)


def test_outline_neutralizes_escapes():
    with indexed() as ws:
        run = kosh_bytes(ws, "outline", "docs/walrus.md", *[os.path.join(b"", n) for n in NAMES])
        check(run.status == 0, "outline failed", run)
        terminal_safe(run, run.out, "outline", allow_sgr=False)
        headers = [line for line in run.out.split(b"\n") if line.startswith(b"==> ")]
        check(len(headers) == len(NAMES) + 1, "a file header is missing", run)
        check(all(line.endswith(b" <==") for line in headers), "a file name broke its '==> name <==' line", run)
        check(b"pwned" in run.out and b"Title" in run.out and b"Section " in run.out, "headings lost their words", run)
        # File names with escapes and no title heading: the stem is the title, neutralized, one line.
        for name in (b"docs/t\x1b]0;pwned\x07itle.txt", b"docs/two\nlines\r.md", b"docs/tab\tbed.txt"):
            write_bytes(ws, name, b"just one paragraph of plain words and nothing else\n")
            run = kosh_bytes(ws, "outline", name)
            check(run.status == 0, "outline failed", run)
            terminal_safe(run, run.out, f"outline of {name!r}", allow_sgr=False)
            check(run.out.count(b"\n") == 1, f"the file-name title of {name!r} is not one line", run)


def test_json_round_trips_escapes():
    with indexed() as ws:
        run = kosh_bytes(ws, "search", "--json", "walrus")
        lines = run.out.split(b"\n")
        check(lines[-1] == b"" and len(lines) == 2, "search JSON is not one line", run)
        check(b"\x1b" not in run.out and b"\r" not in run.out and b"\x7f" not in run.out, "raw control in JSON", run)
        result = json.loads(lines[0])  # strict: raw control characters in strings are rejected
        hit = next(p for p in result["passages"] if BODY.strip()[:40] in p["text"])
        for name, escape in ESCAPES.items():
            check(escape in hit["text"], f"JSON text lost the {name} sequence", run)
        check(hit["title"] == TITLE, f"JSON title is {hit['title']!r}", run)
        check(hit["sections"] == [SECTION], f"JSON sections are {hit['sections']!r}", run)
        tabbed = next(p for p in result["passages"] if "Tabbed" in p["text"])
        check("Tabbed\tcolumns\twith" in tabbed["text"] and "line\nand a second" in tabbed["text"], "tabs/newlines lost", run)
        for begin, end in hit["highlights"]:
            check(hit["text"].encode()[begin:end].decode().lower().startswith("walrus"), "highlight offsets shifted", run)

        run = kosh_bytes(ws, "search", "--json", "narwhal", "-n", "20")
        paths = {p["path"] for p in json.loads(run.out)["passages"]}
        for name in NAMES:
            check(name.decode("utf-8") in paths, f"JSON path for {name!r} does not round-trip", run)

        question = "Where do walruses\x1b]0;pwned\x07 live\r\x08?"
        run = kosh_bytes(ws, "ask", "--json", question)
        result = json.loads(run.out)
        check(result["question"] == question, "JSON question does not round-trip", run)
        run = kosh_bytes(ws, "ask", "--json", "--batch", "-", stdin=f"i\x1bd\t{question}\nwalrus\x07\n".encode())
        results = [json.loads(line) for line in run.out.split(b"\n") if line]
        check(len(results) == 2 and results[0]["id"] == "i\x1bd" and results[0]["question"] == question
              and results[1]["question"] == "walrus\x07", "batch JSON does not round-trip", run)


def tsv_unescape(field):
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 1 < len(field):
            nxt = field[i + 1]
            if nxt in "\\tnr":
                out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[nxt])
                i += 2
                continue
            if nxt == "x":
                out.append(chr(int(field[i + 2:i + 4], 16)))
                i += 4
                continue
        out.append(field[i])
        i += 1
    return "".join(out)


def check_tsv(run, what):
    check(b"\r" not in run.out and b"\x1b" not in run.out and b"\x7f" not in run.out, f"{what}: raw control in TSV", run)
    rows = run.out.decode("utf-8").split("\n")
    check(rows[-1] == "", f"{what}: TSV does not end with a newline", run)
    width = rows[0].count("\t") + 1
    check(width == 12, f"{what}: header has {width} columns", run)
    for row in rows[1:-1]:
        check(row.count("\t") + 1 == width, f"{what}: row with {row.count(chr(9)) + 1} columns: {row[:80]!r}", run)
    header = rows[0].split("\t")
    return [dict(zip(header, (tsv_unescape(f) for f in row.split("\t")))) for row in rows[1:-1]]


def test_tsv_keeps_columns_and_escapes_controls():
    with indexed() as ws:
        rows = check_tsv(kosh_bytes(ws, "search", "--format", "tsv", "walrus"), "search walrus")
        text = next(r for r in rows if "walrus document" in r["text"])
        for name, escape in ESCAPES.items():
            check(escape in text["text"], f"TSV text lost the {name} sequence after unescaping", None)
        check(text["title"] == TITLE, f"TSV title is {text['title']!r}")
        check(text["sections"] == SECTION, f"TSV sections are {text['sections']!r}")
        tabbed = next(r for r in rows if "Tabbed" in r["text"])
        check("Tabbed\tcolumns\twith" in tabbed["text"] and "line\nand a second" in tabbed["text"], "tabs/newlines lost")

        rows = check_tsv(kosh_bytes(ws, "search", "--format", "tsv", "narwhal", "-n", "20"), "search narwhal")
        paths = {r["path"] for r in rows}
        for name in NAMES:
            check(name.decode("utf-8") in paths, f"TSV path for {name!r} does not round-trip")

        question = "Where do walruses\x1b]0;pwned\x07 live\x08?"
        run = kosh_bytes(ws, "ask", "--format", "tsv", "--batch", "-",
                         stdin=f"i\x1bd\t{question}\nwhat\x07 is a narwhal\n".encode())
        rows = check_tsv(run, "batch ask")
        check(rows[0]["id"] == "i\x1bd" and rows[0]["question"] == question, "TSV id/question do not round-trip", run)
        check(any("\x07" in r["question"] for r in rows), "TSV lost the BEL in a question", run)


def test_warnings_neutralize_file_names():
    with workspace() as ws:
        for name, content in BAD_NAMES:
            write_bytes(ws, name, content)
        run = kosh_bytes(ws, "index", "docs")
        check(run.status == 0, "kosh index failed", run)
        warnings = [line for line in run.err.split(b"\n") if line]
        check(len(warnings) == len(BAD_NAMES), f"expected {len(BAD_NAMES)} one-line warnings, got {len(warnings)}", run)
        check(all(line.startswith(b"kosh: warning: docs/") for line in warnings), "a warning was split", run)
        terminal_safe(run, run.err, "kosh index warnings", allow_sgr=False)


def test_outline_errors_neutralize_file_names():
    with workspace() as ws:
        for name, content in BAD_NAMES:
            write_bytes(ws, name, content)
        run = kosh_bytes(ws, "outline", *[name for name, _ in BAD_NAMES])
        check(run.status == 2, "expected exit status 2", run)
        errors = [line for line in run.err.split(b"\n") if line]
        check(len(errors) == len(BAD_NAMES), f"expected {len(BAD_NAMES)} one-line errors, got {len(errors)}", run)
        terminal_safe(run, run.err, "kosh outline errors", allow_sgr=False)


if __name__ == "__main__":
    main([
        test_text_output_neutralizes_document_escapes,
        test_text_output_neutralizes_escapes_in_questions,
        test_file_names_in_text_output_stay_on_one_line,
        test_outline_neutralizes_escapes,
        test_json_round_trips_escapes,
        test_tsv_keeps_columns_and_escapes_controls,
        test_warnings_neutralize_file_names,
        test_outline_errors_neutralize_file_names,
    ])
