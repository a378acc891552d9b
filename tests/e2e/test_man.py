"""Man pages in roff (man(7) and mdoc(7)): `kosh outline` exactly, and an option's tag and its
description answered as one clean passage, with no roff markup left in it."""
import os
import re
import shutil

from harness import SOURCE_DIR, Workspace, check, main

MAN_DATA = os.path.join(SOURCE_DIR, "tests", "data", "man")

OUTLINES = {
    "widget.1": """\
widget(1) - resize and paint widgets
  NAME
  SYNOPSIS
  DESCRIPTION
    Options
    Examples
  EXIT STATUS
  SEE ALSO
""",
    "gadget.8": """\
gadgetd(8) - serve gadgets over the network
  NAME
  SYNOPSIS
  DESCRIPTION
    Configuration
  SEE ALSO
""",
}

# What roff looks like when a reader leaves it in: escapes and request lines.
MARKUP = re.compile(r"\\[-fe(*&]|^\.[A-Za-z]{1,3}\b", re.MULTILINE)


def indexed_man_workspace():
    ws = Workspace()
    shutil.copytree(MAN_DATA, ws.path("docs"))
    ws.kosh("index", "docs", expect=0)
    return ws


def source_lines(name):
    with open(os.path.join(MAN_DATA, name), encoding="utf-8") as f:
        return f.read().split("\n")


def test_outlines():
    with Workspace() as ws:
        for name, expected in OUTLINES.items():
            run = ws.kosh("outline", os.path.join(MAN_DATA, name), expect=0)
            check(run.stdout == expected, f"outline of {name} differs", run)
            check(run.stderr == "", f"outline of {name} warned", run)


def check_option_passage(run, path, tag, description, lines):
    passage = run.jsonl()[0]["passages"][0]
    text = passage["text"]
    check(passage["path"] == path, f"the first passage is not from {path}", run)
    check(tag in text and description in text, f"the passage lacks {tag!r} with its description", run)
    check(text.index(tag) < text.index(description), "the tag does not come before its description", run)
    check(not MARKUP.search(text), f"roff markup left in the passage: {text!r}", run)
    check(text.count("\n") == passage["last_line"] - passage["line"], "newlines do not match the lines", run)
    check(description.split()[0] in "\n".join(lines[passage["line"] - 1:passage["last_line"]]),
          "the passage's lines do not hold its text", run)


def test_man7_option_is_answered_with_its_tag():
    with indexed_man_workspace() as ws:
        run = ws.kosh("ask", "--json", "how do I scale widgets to a size before painting", expect=0)
        check_option_passage(run, "docs/widget.1", "-r, --resize=SIZE",
                             "scale every widget to SIZE pixels before painting it", source_lines("widget.1"))
        result = run.jsonl()[0]
        check(result["passages"][0]["sections"] == ["DESCRIPTION", "Options"], "wrong sections", run)
        check(result["passages"][0]["title"] == "widget(1) - resize and paint widgets", "wrong title", run)
        run = ws.kosh("search", "--json", "teal", expect=0)
        texts = [p["text"] for p in run.jsonl()[0]["passages"]]
        check("-p, --paint=COLOUR\nfill each widget with the COLOUR given, such as \u201cteal\u201d" in texts,
              "the .BR tag and its quoted text are not rendered", run)
        check("widget -r 64 -p teal panel.wd" in texts, "the literal example is missing", run)


def test_mdoc_option_is_answered_with_its_tag():
    with indexed_man_workspace() as ws:
        run = ws.kosh("ask", "--json", "which option makes gadgetd listen on an address", expect=0)
        check_option_passage(run, "docs/gadget.8", "-l address",
                             "Listen for clients on the given", source_lines("gadget.8"))
        run = ws.kosh("search", "--json", "gadgetd.conf", expect=0)
        texts = "\n".join(p["text"] for p in run.jsonl()[0]["passages"])
        check("gadget(1),\ngadgetd.conf(5)" in texts, "the .Xr references are not rendered", run)


def test_prose_named_like_a_man_page_stays_text():
    with Workspace() as ws:
        ws.write("docs/notes.1", "Release notes for version 1\n\nThe .TH request is explained later.\n")
        ws.kosh("index", "docs", expect=0)
        run = ws.kosh("search", "--json", "release notes", expect=0)
        passage = run.jsonl()[0]["passages"][0]
        check(passage["format"] == "text", "prose named .1 was read as a man page", run)
        run = ws.kosh("outline", "docs/notes.1", expect=0)
        check(run.stdout == "Release notes for version 1\n", "prose named .1 has a man page outline", run)


if __name__ == "__main__":
    main([test_outlines, test_man7_option_is_answered_with_its_tag, test_mdoc_option_is_answered_with_its_tag,
          test_prose_named_like_a_man_page_stays_text])
