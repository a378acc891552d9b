"""reStructuredText files: `kosh outline` gives docutils' own section tree, and no reST markup
reaches a passage. Skipped (exit 77) where python3-docutils is absent."""
import io
import json
import os
import re
import shutil
import sys

from harness import SKIP_STATUS, SOURCE_DIR, Workspace, check, main

try:
    from docutils import nodes
    from docutils.core import publish_doctree
    from docutils.parsers.rst import Directive, directives, roles
except ImportError:
    print("skipped: python3-docutils is absent (apt-get install python3-docutils)")
    sys.exit(SKIP_STATUS)

DATA = os.path.join(SOURCE_DIR, "tests", "data", "rest")
DOCUMENTS = ["sphinx_manual.rst", "kernel_style.rst", "library_shelf.rst", "README.rst"]

# Plain docutils knows none of Sphinx's roles and directives; these stand-ins give them the
# shape Sphinx does, so that docutils builds the same section tree Sphinx would read.
SPHINX_ROLES = "func class meth mod ref doc option program const source c:func attr data exc file".split()
DROPPED = "toctree index kernel-doc module currentmodule highlight".split()
KEPT = "seealso versionadded versionchanged deprecated only function class method attribute c:function".split()
CODE = "code-block sourcecode code".split()


def sphinx_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    shown = text
    if shown.endswith(">") and " <" in shown:
        shown = shown[:shown.rfind(" <")].strip()
    shown = shown.lstrip("!")
    if shown.startswith("~"):
        shown = shown[1:].split(".")[-1]
    return [nodes.literal(rawtext, shown)], []


class AnyOption(dict):
    def __contains__(self, key):
        return True

    def __getitem__(self, key):
        return directives.unchanged


class Dropped(Directive):
    has_content = True
    optional_arguments = 20
    final_argument_whitespace = True
    option_spec = AnyOption()

    def run(self):
        return []


class Kept(Dropped):
    def run(self):
        node = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class Code(Dropped):
    def run(self):
        text = "\n".join(self.content)
        return [nodes.literal_block(text, text)] if text else []


for name in SPHINX_ROLES:
    roles.register_local_role(name, sphinx_role)
for names, cls in ((DROPPED, Dropped), (KEPT, Kept), (CODE, Code)):
    for name in names:
        directives.register_directive(name, cls)


def docutils_outline(path):
    """The section tree docutils builds, in `kosh outline`'s layout: the document title (or the
    file stem), the subtitle one step in, then each section indented by its depth."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    settings = {"report_level": 5, "halt_level": 5, "warning_stream": io.StringIO(),
                "file_insertion_enabled": False, "raw_enabled": False}
    document = publish_doctree(source, settings_overrides=settings)
    lines = []
    children = list(document.children)
    if children and isinstance(children[0], nodes.title):
        lines.append(children[0].astext())
        if len(children) > 1 and isinstance(children[1], nodes.subtitle):
            lines.append("  " + children[1].astext())
    else:
        lines.append(os.path.splitext(os.path.basename(path))[0])
    pending = [(child, 1) for child in reversed(document.children)]
    while pending:
        node, depth = pending.pop()
        if isinstance(node, nodes.section):
            lines.append("  " * depth + node[0].astext())
            pending.extend((child, depth + 1) for child in reversed(node.children))
    return "\n".join(lines) + "\n"


def check_outline(ws, relative, source):
    expected = docutils_outline(source)
    run = ws.kosh("outline", relative, expect=0)
    check(run.stdout == expected, f"{relative}: outline differs from docutils'\n--- docutils ---\n{expected}", run)


def test_outlines_match_docutils():
    with Workspace() as ws:
        for name in DOCUMENTS:
            shutil.copy(os.path.join(DATA, name), ws.path(name))
            check_outline(ws, name, os.path.join(DATA, name))


def test_sphinx_sources_txt_read_as_rest():
    with Workspace() as ws:
        source = os.path.join(DATA, "library_shelf.rst")
        target = ws.path("_sources", "library", "shelf.rst.txt")
        os.makedirs(os.path.dirname(target))
        shutil.copy(source, target)
        check_outline(ws, os.path.join("_sources", "library", "shelf.rst.txt"), source)


# Markup that must never reach a passage: an explicit markup start (not a doctest "..."
# prompt), a "name::" directive or literal marker, a role, an inline literal, a reference.
LEAKS = [re.compile(r"(^|[^.])\.\. "), re.compile(r"::"), re.compile(r":[a-z:]+:`"), re.compile(r"``"),
         re.compile(r"_`|`_")]


def check_no_markup(texts, run):
    for text in texts:
        for leak in LEAKS:
            check(not leak.search(text), f"reST markup {leak.pattern!r} in a passage: {text!r}", run)


def test_passages_hold_no_markup():
    with Workspace() as ws:
        os.makedirs(ws.path("docs"))
        for name in DOCUMENTS:
            shutil.copy(os.path.join(DATA, name), ws.path("docs", name))
        ws.kosh("index", "-q", "docs", expect=0)
        run = ws.kosh("search", "--json", "--any", "-n", "500", "the", "a", "is", "to", "of", "and", "in",
                      "with", "widget", "shelf", "frobnicate", "pocketwatch", expect=0)
        passages = [p for record in run.jsonl() for p in record.get("passages", [])]
        paths = {p["path"] for p in passages}
        check(len(paths) == len(DOCUMENTS), f"every document has passages: {sorted(paths)}", run)
        check_no_markup([p["text"] for p in passages], run)
        texts = " ".join(p["text"] for p in passages)
        for expected in ("Note: The wheel needs Python 3.8", "New in version 2.0: Builds from source",
                         "Changed in version 3.10: protocol defaults", "Locked files: On Windows",
                         "The default is four spaces.", "Install the package with pip:"):
            check(expected in texts, f"passages hold {expected!r}", run)

        for question in ("how do I install frobnicate", "what does widget_unregister do",
                         "which interface does shelf use", "how does pocketwatch log durations"):
            run = ws.kosh("ask", "--json", question)
            check(run.status in (0, 1), f"ask {question!r} ran", run)
            for record in run.jsonl():
                answer = record.get("answer") or {}
                texts = [answer.get("sentence", "")] + [p["text"] for p in record.get("passages", [])]
                check_no_markup(texts, run)


if __name__ == "__main__":
    main([test_outlines_match_docutils, test_sphinx_sources_txt_read_as_rest, test_passages_hold_no_markup])
