"""Broken and hostile markup in every reader gets text (or a warning), never a crash or a stall:
reST with broken adornments and 10,000-deep nesting, POD with unbalanced codes and regions,
plain text made of rules and delimiters, Markdown nested 10,000 deep. The good file beside them
stays answerable.

Every fixture is generated inside the test's own workspace; nothing large lives in the repo.
"""
import time

from harness import Workspace, check, main

GOOD_TEXT = "Glaciers\n\nGlaciers in the Himalaya feed the great rivers of South Asia all year round.\n"
GOOD_QUESTION = "Where do the rivers of South Asia come from?"
CRASH_MARKS = ("terminate", "Aborted", "Segmentation", "core dumped", "std::bad_alloc", "Assertion")
DEPTH = 10_000


def hostile_files():
    """name -> text: each is malformed in a way a reader must survive."""
    files = {}
    # reST: an overline without its underline, underlines too short, a title between
    # mismatched rules, a level skipped, adornments only, and nesting by indentation.
    files["broken.rst"] = (
        "=====\nNo Underline Here\n\nText after it.\n\n"
        "Short\n==\n\nText.\n\n"
        "=======\nMismatched\n-------\n\nText.\n\n"
        "Top\n===\n\nSub\n---\n\nSkip\n~~~~\n\nDeeper\n^^^^^^\n\nBack\n===\n\n"
        "----\n\n----\n\n======\n======\n\n"
        "Unclosed ``literal and :func:`role and `link <http://x>`_ and |sub| and [1]_\n"
    )
    files["nested.rst"] = "".join("  " * i + "- item\n\n" for i in range(DEPTH)) + "".join(
        "   " * i + ".. note::\n\n" for i in range(2000))
    files["directives.rst"] = ".. toctree::\n" * DEPTH + "Title\n=====\n\nText.\n"
    # POD: unbalanced and nested formatting codes, regions never closed, lists never ended.
    files["broken.pod"] = (
        "=head1 NAME\n\nbroken - C<unclosed B<bold I<italic\n\n"
        "=over\n\n=item one\n\n=begin html\n\n<p>never ended\n\n"
        "=head2 E<> E<nonsense> E<99999999999> L<|> L</> X<\n\n"
        + "B<" * DEPTH + "deep" + ">" * (DEPTH // 2) + "\n\n=cut\n=cut\n=back\n"
    )
    files["regions.pod"] = "=pod\n\n" + "=begin text\n\n" * DEPTH + "Some text.\n"
    # Plain text: thousands of rules and delimiters that open and never close, and
    # alternating rules that each could close another's block.
    files["rules.txt"] = "".join(("-" * (4 + i % 50)) + "\n\nline\n\n" for i in range(DEPTH))
    files["fences.txt"] = "```\n" + "text\n" * 1000 + "~~~\n" * 3 + "== \n=\n" * 500
    # Markdown: quotes and lists nested 10,000 deep.
    files["nested.md"] = ">" * DEPTH + " deep\n\n" + "".join("  " * i + "- x\n" for i in range(3000))
    return files


def no_crash(run):
    check(run.status >= 0, f"kosh was killed by signal {-run.status}", run)
    for mark in CRASH_MARKS:
        check(mark not in run.stderr, f"stderr shows a crash ({mark!r})", run)


def test_hostile_markup_is_indexed_and_outlined_without_a_crash():
    with Workspace() as ws:
        ws.write("docs/good.txt", GOOD_TEXT)
        for name, text in hostile_files().items():
            ws.write("docs/" + name, text)
        start = time.monotonic()
        run = ws.kosh("index", "docs", expect=None)
        seconds = time.monotonic() - start
        no_crash(run)
        check(run.status == 0, "kosh index should succeed on hostile markup", run)
        check(seconds < 120, f"indexing hostile markup took {seconds:.1f} s", run)
        for name in hostile_files():
            outline = ws.kosh("outline", "docs/" + name, expect=None)
            no_crash(outline)
            check(outline.status == 0, f"kosh outline {name} should succeed", outline)
        answer = ws.kosh("ask", GOOD_QUESTION, expect=0)
        check("good.txt" in answer.stdout, "the good file is no longer answerable", answer)


def test_broken_rest_keeps_its_text():
    with Workspace() as ws:
        ws.write("broken.rst", hostile_files()["broken.rst"])
        run = ws.kosh("outline", "broken.rst", expect=0)
        # "Short" (a two-character underline) and the mismatched title are not sections.
        check("Short" not in run.stdout and "Mismatched" not in run.stdout, "broken adornments made headings", run)
        ws.kosh("index", "broken.rst", expect=0)
        search = ws.kosh("search", "--json", "Underline", expect=0)
        check("No Underline Here" in search.stdout, "the text under a broken overline was lost", search)


if __name__ == "__main__":
    main([test_hostile_markup_is_indexed_and_outlined_without_a_crash, test_broken_rest_keeps_its_text])
