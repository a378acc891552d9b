"""Code blocks keep their lines through indexing and output, and are never the answer sentence."""
from harness import Workspace, check, main

GUIDE = """\
# Building kosh

## Install

To install kosh from source you need CMake and a C++ compiler, then build and install the program with make.

Run:

```sh
cmake -S . -B build
cmake --build build
    sudo make install   # installs kosh. Then done.
```

The install step copies kosh into /usr/local/bin. After that, kosh is ready to use.
"""

NOTES = "Notes\n\nOn a shared machine, ask the administrator to install kosh for everyone with make.\n"

CODE_LINES = ["cmake -S . -B build", "cmake --build build", "    sudo make install   # installs kosh. Then done."]

QUESTION = "How do I install kosh with make?"


def indexed():
    ws = Workspace()
    ws.write("docs/build.md", GUIDE)
    ws.write("docs/notes.txt", NOTES)
    ws.kosh("index", "-q", "docs", expect=0)
    return ws


def test_text_output_prints_code_as_lines():
    with indexed() as ws:
        run = ws.kosh("ask", QUESTION, expect=0)
        lines = run.stdout.splitlines()
        check("docs/build.md:7" in run.stdout, "the passage of the code block is not listed", run)
        # "N. " is three columns; code sits four further in, each line as it is in the file.
        at = lines.index("   Run:") if "   Run:" in lines else -1
        check(at >= 0, "the prose before the block is not on a line of its own", run)
        check(lines[at + 1:at + 4] == ["       " + line for line in CODE_LINES], "the code block lost its lines", run)
        answer = run.stdout.split("\n", 1)[0]
        check(answer.startswith("Answer: "), "no answer", run)
        check(not any(word in answer for word in ("sudo", "cmake", "Then done")), "the answer is a code line", run)


def test_json_carries_the_format_and_the_code():
    with indexed() as ws:
        run = ws.kosh("ask", "--json", QUESTION, expect=0)
        result = run.jsonl()[0]
        passages = {p["path"] + ":" + str(p["line"]): p for p in result["passages"]}
        check("docs/build.md:7" in passages, "the code block's passage is missing", run)
        block = passages["docs/build.md:7"]
        check(block["format"] == "markdown", "format is not markdown", run)
        text = block["text"].encode()
        check(block["text"] == "Run:\n\n\n" + "\n".join(CODE_LINES), "the text lost its line breaks", run)
        check(len(block["code"]) == 1, "one code span expected", run)
        begin, end = block["code"][0]
        check(text[begin:end].decode() == "\n".join(CODE_LINES), "the code span is not the block", run)
        notes = [p for p in result["passages"] if p["path"] == "docs/notes.txt"]
        check(notes and notes[0]["format"] == "text" and notes[0]["code"] == [], "the .txt passage", run)
        sentence = result["answer"]["sentence"]
        check(all(sentence not in line and line.strip() not in sentence for line in CODE_LINES),
              "the answer sentence is a code line", run)


def test_tsv_stays_one_line_per_result():
    with indexed() as ws:
        run = ws.kosh("ask", "--format", "tsv", QUESTION, expect=0)
        rows = run.stdout.splitlines()
        json_run = ws.kosh("ask", "--json", QUESTION, expect=0)
        check(len(rows) == 1 + len(json_run.jsonl()[0]["passages"]), "a code block broke a TSV row", run)
        check(any("Run:\\n\\n\\ncmake -S . -B build\\ncmake --build build" in row for row in rows),
              "code newlines are not escaped", run)


if __name__ == "__main__":
    main([test_text_output_prints_code_as_lines, test_json_carries_the_format_and_the_code,
          test_tsv_stays_one_line_per_result])
