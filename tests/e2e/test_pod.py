"""POD files (.pod, and the POD inside .pm modules): `kosh outline` exactly, and indexed passages
that read as text, with no markup left and no Perl code taken for documentation."""
import os
import re
import shutil

from harness import SOURCE_DIR, Workspace, check, main

POD_DATA = os.path.join(SOURCE_DIR, "tests", "data", "pod")

OUTLINES = {
    "perlsample.pod": """\
perlsample - a sample manual page in the Perl style
  NAME
  SYNOPSIS
  DESCRIPTION
    Regular Expressions
      Unicode
  CAVEATS
""",
    "Widget.pm": """\
Widget - a small widget for the examples
  NAME
  METHODS
    new
    resize
  DESCRIPTION
  AUTHOR
""",
    "options.pod": """\
widget-tool - command-line options for the widget tool
  NAME
  OPTIONS
  EXIT STATUS
""",
}

# What POD markup looks like when a reader leaves it in: formatting codes and command lines.
MARKUP = re.compile(r"[BCILEFSXZ]<|^=(head|item|over|back|begin|end|for|pod|cut)", re.MULTILINE)


def indexed_pod_workspace():
    ws = Workspace()
    shutil.copytree(POD_DATA, ws.path("docs"))
    ws.kosh("index", "docs", expect=0)
    return ws


def passages(ws, *query):
    run = ws.kosh("search", "--json", "--any", "-n", "1000", *query, expect=0)
    return run, run.jsonl()[0]["passages"]


def test_outlines():
    with Workspace() as ws:
        for name, expected in OUTLINES.items():
            run = ws.kosh("outline", os.path.join(POD_DATA, name), expect=0)
            check(run.stdout == expected, f"outline of {name} differs", run)


def test_passages_hold_no_markup():
    with indexed_pod_workspace() as ws:
        run, found = passages(ws, "widget", "sample", "perl", "size", "sizes", "pixels", "pattern", "smiley",
                              "rely", "creates", "drawn", "maintainers", "prints", "note", "zero", "use", "sort")
        paths = {passage["path"] for passage in found}
        check(paths == {"docs/perlsample.pod", "docs/Widget.pm", "docs/options.pod"}, "a file is missing", run)
        for passage in found:
            check(not MARKUP.search(passage["text"]), f"markup left in {passage['path']}:{passage['line']}", run)
        text = "\n".join(passage["text"] for passage in found)
        # The codes are rendered, not just deleted.
        for rendered in ("$a <=> $b compares numbers", '"sort" in perlfunc', "the operators for more",
                         '"CAVEATS" below', "written < and >", "Sizes below <10> are rounded up",
                         "Smiley: \u263a", "Caf\u00e9 reads well", "--verbose\n\nPrints every step"):
            check(rendered in text, f"passages lack {rendered!r}", run)


def test_code_outside_pod_and_other_formats_are_not_indexed():
    with indexed_pod_workspace() as ws:
        for word in ("bless", "warnings", "heading", "overlap"):
            expect = 0 if word == "overlap" else 1  # "overlap" is POD after __END__
            ws.kosh("search", word, expect=expect)
        ws.kosh("search", "html", expect=1)        # =begin html is for HTML formatters only
        ws.kosh("search", "alphabetical", expect=1)  # =for comment
        run, found = passages(ws, "readers")       # =for text is kept
        check([p["path"] for p in found] == ["docs/options.pod"], "the =for text note is missing", run)


def test_verbatim_code_keeps_its_lines():
    with indexed_pod_workspace() as ws:
        run, found = passages(ws, "demo")
        check(len(found) == 1, "the synopsis is not one passage", run)
        check("    use Sample;\n    my $s = Sample->new(name => 'demo');\n\n    $s->run;" in found[0]["text"],
              "the synopsis lost its lines or indentation", run)
        check(found[0]["line"] == 9 and found[0]["sections"] == ["SYNOPSIS"], "wrong place for the synopsis", run)


if __name__ == "__main__":
    main([test_outlines, test_passages_hold_no_markup, test_code_outside_pod_and_other_formats_are_not_indexed,
          test_verbatim_code_keeps_its_lines])
