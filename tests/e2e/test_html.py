"""kosh reads HTML: real pages made by docutils from a reST source give the exact heading tree,
and passages and answers hold clean text (no tags, no entities, no script or style) with the
source lines they come from. Broken, deeply nested and huge HTML is indexed without a crash.

docutils (python3-docutils) writes the pages; the test exits 77 (skipped) where it is absent.
"""
import importlib.util
import os
import re
import subprocess
import sys

from harness import SKIP_STATUS, Workspace, check, main
from test_bad_input import index, no_crash, run_measured, warned_about

REST_SOURCE = """\
==============
Glacier Guide
==============

Glaciers & ice sheets hold most of the fresh water on Earth, and
"ice ages" come & go over <long> periods.

.. raw:: html

   <script>var zebrafish = "never indexed";</script>
   <style>.quagga { color: red }</style>

Formation
=========

Snow that survives the summer is compressed into *firn* and then into
glacial ice over many decades.

::

    snowfall -> firn -> ice
        (many decades)

Movement
--------

Glaciers flow downhill under their own weight, at rates from a few
centimetres to several metres a day.

* Basal sliding happens where meltwater lubricates the bed.
* Internal deformation bends the ice crystals themselves.

Retreat & Loss
==============

Most mountain glaciers are retreating because of the warming climate,
which shrinks the summer water supply of the valleys below them.
"""

EXPECTED_OUTLINE = """\
Glacier Guide
  Formation
    Movement
  Retreat & Loss
"""


def docutils_html(ws, source_name, html_name):
    """Converts reST to HTML with docutils' HTML writer, or skips the test where it is absent."""
    if importlib.util.find_spec("docutils") is None:
        print("skipped: docutils (python3-docutils) is not installed")
        sys.exit(SKIP_STATUS)
    result = subprocess.run([sys.executable, "-m", "docutils", ws.path(source_name), ws.path(html_name)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        print(f"skipped: docutils could not convert reST: {result.stderr.strip()}")
        sys.exit(SKIP_STATUS)
    with open(ws.path(html_name), encoding="utf-8") as f:
        return f.read()


def generated_workspace():
    ws = Workspace()
    ws.write("src/guide.rst", REST_SOURCE)
    os.makedirs(ws.path("docs"))
    html = docutils_html(ws, "src/guide.rst", "docs/guide.html")
    check("<script>" in html and "&amp;" in html and "<style" in html,
          "docutils' page lacks the script, style and entities the test is about")
    return ws, html.split("\n")


def check_clean(text, what, run):
    tag = re.search(r"</?(p|em|b|a|span|div|pre|code|li|ul|section|main|h[1-6]|script|style)\b", text)
    check(tag is None, f"{what} holds a tag: {text!r}", run)
    for entity in ("&amp;", "&lt;", "&gt;", "&quot;", "&#"):
        check(entity not in text, f"{what} holds {entity}: {text!r}", run)
    for hidden in ("zebrafish", "quagga", "color:"):
        check(hidden not in text, f"{what} holds script or style text: {text!r}", run)


def check_lines(passage, lines, run):
    """The passage's first and last words are on the lines it names, in the HTML source."""
    words = re.findall(r"[A-Za-z]{3,}", passage["text"])
    check(words, f"passage without words: {passage!r}", run)
    first, last = lines[passage["line"] - 1], lines[passage["last_line"] - 1]
    check(words[0] in first, f"line {passage['line']} lacks {words[0]!r}: {first!r}", run)
    check(words[-1] in last, f"line {passage['last_line']} lacks {words[-1]!r}: {last!r}", run)
    check(passage["text"].count("\n") == passage["last_line"] - passage["line"],
          f"the passage's newlines do not match its lines: {passage!r}", run)


def test_docutils_page_outline_is_exact():
    ws, _lines = generated_workspace()
    with ws:
        run = ws.kosh("outline", "docs/guide.html", expect=0)
        check(run.stdout == EXPECTED_OUTLINE, "outline differs", run)
        check(run.stderr == "", "outline warned", run)


def test_docutils_page_passages_are_clean_text_on_their_lines():
    ws, lines = generated_workspace()
    with ws:
        run = ws.kosh("index", "docs", expect=0)
        check("warning" not in run.stderr, "index warned", run)
        run = ws.kosh("search", "--json", "glaciers OR snowfall OR basal OR zebrafish OR quagga OR amp", expect=0)
        passages = run.jsonl()[0]["passages"]
        check(len(passages) >= 4, "too few passages found", run)
        texts = "\n".join(p["text"] for p in passages)
        for passage in passages:
            check(passage["path"] == "docs/guide.html", "a passage from elsewhere", run)
            check(passage["title"] == "Glacier Guide", "wrong title", run)
            check_clean(passage["text"], "a passage", run)
            check_lines(passage, lines, run)
        check('Glaciers & ice sheets' in texts and '"ice ages" come & go over <long> periods' in texts,
              "entities are not decoded as expected", run)
        # The literal block keeps its indentation.
        check("snowfall -> firn -> ice\n    (many decades)" in texts, "the literal block lost its layout", run)
        sections = {p["text"].split()[0]: p["sections"] for p in passages}
        check(sections.get("Glaciers") in ([], ["Formation", "Movement"]), "wrong sections", run)

        run = ws.kosh("search", "--json", "zebrafish OR quagga", expect=1)
        check(run.jsonl()[0]["passages"] == [], "script or style text was indexed", run)


def test_docutils_page_answers_with_the_right_line():
    ws, lines = generated_workspace()
    with ws:
        ws.kosh("index", "docs", expect=0)
        run = ws.kosh("ask", "--json", "What lubricates the bed for basal sliding?", expect=0)
        answer = run.jsonl()[0]["answer"]
        check(answer is not None and "meltwater" in answer["sentence"], "no meltwater answer", run)
        check_clean(answer["sentence"], "the answer", run)
        check("Basal sliding happens where meltwater" in lines[answer["line"] - 1],
              f"the answer's line {answer['line']} is not its source line", run)
        run = ws.kosh("ask", "--json", "Which water supply shrinks when glaciers retreat?", expect=0)
        result = run.jsonl()[0]
        check(result["passages"][0]["sections"] == ["Retreat & Loss"], "wrong section for the answer", run)


def test_unclosed_and_misnested_tags_are_indexed():
    with Workspace() as ws:
        ws.write("docs/broken.html", "<html><head><title>Broken page</title>\n<body>\n<h1>Heading never closed\n"
                                     "<p>Ptarmigans <b>nest <i>on</b> tundra</i> ground\n<div><span>unclosed\n"
                                     "<table><tr><td>cell<td>other\n<li>stray &amp item\n<p")
        run = index(ws, "docs")
        check(run.stderr == "", "index warned about broken HTML", run)
        run = ws.kosh("search", "--json", "ptarmigans", expect=0)
        passage = run.jsonl()[0]["passages"][0]
        check("Ptarmigans nest on tundra ground" in passage["text"], "the text of the broken page is wrong", run)
        check(passage["line"] == 4, "wrong line for the broken page's text", run)


def test_10000_deep_nesting_is_indexed():
    with Workspace() as ws:
        ws.write("docs/deep.html", "<title>Deep</title>\n" + "<div><blockquote><span>" * 10_000 +
                 "\nwolverines live at the bottom\n" + "</span></blockquote></div>" * 10_000 + "\n")
        ws.write("docs/deeper.html", "<p>lemmings on top</p>\n" + "<div>" * 100_000 + "\nlemmings below\n")
        run = index(ws, "docs")
        warned_about(run, "docs/deeper.html", "plain text")
        run = ws.kosh("search", "--json", "wolverines", expect=0)
        passage = run.jsonl()[0]["passages"][0]
        check(passage["path"] == "docs/deep.html" and passage["line"] == 3, "the deep text is misplaced", run)
        ws.kosh("search", "--json", "lemmings", expect=0)


def test_50_mb_single_line_html_is_indexed_in_linear_time():
    with Workspace() as ws:
        os.makedirs(ws.path("docs"))
        piece = ("<p>Paragraph {0} tells of a marmot &amp; a <b>pika</b> by the stream.</p>"
                 "<script>var hidden{0} = 1;</script><ul><li>item {0}</li></ul>")
        with open(ws.path("docs/big.html"), "w") as f:
            f.write("<!DOCTYPE html><html><head><title>Big</title></head><body><main><h1>Big</h1>")
            written, number = 0, 0
            while written < 50_000_000:
                chunk = "".join(piece.format(number + i) for i in range(1000))
                f.write(chunk)
                written += len(chunk)
                number += 1000
            f.write("</main></body></html>")
        run, _rss, seconds = run_measured(ws, "index", "docs", timeout=300)
        no_crash(run)
        check(run.status == 0, "kosh index failed on a 50 MB HTML file", run)
        print(f"     50 MB single-line HTML indexed in {seconds:.1f} s")
        run = ws.kosh("search", "--json", "marmot pika", expect=0)
        passage = run.jsonl()[0]["passages"][0]
        check(passage["line"] == 1 and "hidden" not in passage["text"] and "&amp;" not in passage["text"],
              "the big file's passage is wrong", run)


if __name__ == "__main__":
    main([
        test_docutils_page_outline_is_exact,
        test_docutils_page_passages_are_clean_text_on_their_lines,
        test_docutils_page_answers_with_the_right_line,
        test_unclosed_and_misnested_tags_are_indexed,
        test_10000_deep_nesting_is_indexed,
        test_50_mb_single_line_html_is_indexed_in_linear_time,
    ])
