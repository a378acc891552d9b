#!/usr/bin/env python3
"""How well `kosh outline FILE` recovers the heading tree of documents whose true tree is known.

Renders every source document in docs/ (see render.py), or with --set those of another set
(heldout/, fresh/), into each plain-text layout and markup format in a scratch folder, runs
`kosh outline` on each file, and compares the printed tree with the true one. Per layout or
format it prints heading precision, recall and F1, level accuracy, title correct rate and
exact-tree rate, with the targets beside them, then a total; then the seed article
(../shared/seed/article.txt against outline.txt) when it is there.

It prints figures; it is not a test and never fails on a missed target.

Usage: run.py [--set docs|heldout|fresh] [--kosh PATH] [--json] [--failures] [--keep DIR] [--only LAYOUT,...]
              [--validate]
Standard library only (--validate also uses docutils and podchecker when installed).
"""

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SEED = os.path.join(os.path.dirname(REPO), "shared", "seed")
sys.path.insert(0, HERE)
import render  # noqa: E402

EXPLICIT = ("underline", "numbered", "markdown", "rest", "html", "pod")
# layout -> (F1, level accuracy, exact tree) the outline should reach; None: no target.
TARGETS = {name: (0.97, 0.97, 0.9) for name in EXPLICIT}
TARGETS.update({"caps": (0.92, 0.92, None), "lead": (0.92, 0.92, None), "nocue": (0.8, None, None)})
MARKUP = ("markdown", "rest", "html", "pod")


# ----------------------------------------------------------------------------------------------
# Reading kosh's output and comparing trees


def normalise(text):
    """Compares what a reader cannot be blamed for: case, spacing, code marks, edge punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("`", "").replace("*", "")
    text = " ".join(text.split())
    return text.strip(" .:;,-–—")


def parse_outline(output):
    """The first line is the title; each further line is a heading, two spaces per level below it."""
    lines = [l for l in output.split("\n") if l.strip()]
    if not lines:
        return {"title": "", "headings": []}
    headings = []
    for line in lines[1:]:
        indent = len(line) - len(line.lstrip(" "))
        headings.append((indent // 2 + 1, line.strip()))
    return {"title": lines[0].strip(), "headings": headings}


def match(true_headings, found):
    """Pairs true and found headings in order (longest common subsequence of matching texts).
    A found heading matches a true one when its normalised text equals the author's text or the
    text as rendered (with the layout's number, in capitals): a reader may keep "1.2 Sub" or
    strip it to "Sub". Returns [(true index, found index)]."""
    keys = [{normalise(t[1]), normalise(t[2])} for t in true_headings]
    got = [normalise(f[1]) for f in found]
    n, m = len(keys), len(got)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if got[j] in keys[i]:
                best[i][j] = best[i + 1][j + 1] + 1
            else:
                best[i][j] = max(best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if got[j] in keys[i] and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def score_file(tree, found):
    truth = tree["headings"]
    pairs = match(truth, found["headings"])
    same_level = sum(1 for i, j in pairs if truth[i][0] == found["headings"][j][0])
    title_ok = normalise(found["title"]) == normalise(tree["title"])
    exact = (
        title_ok
        and len(pairs) == len(truth) == len(found["headings"])
        and same_level == len(pairs)
    )
    return {
        "true": len(truth),
        "found": len(found["headings"]),
        "matched": len(pairs),
        "same_level": same_level,
        "title": title_ok,
        "exact": exact,
    }


def tree_lines(title, headings):
    return [title] + ["  " * (level - 1) + text for level, text, *_ in headings]


# ----------------------------------------------------------------------------------------------
# Running kosh


def run_outline(kosh, path):
    proc = subprocess.run([kosh, "outline", path], capture_output=True, text=True, errors="replace")
    if proc.returncode != 0:
        return None, proc.stderr.strip()
    return proc.stdout, ""


def reader_names(kosh, folder, scratch):
    """The readers kosh used on the files of `folder`, from `kosh stats` after indexing it (a
    format read by content, such as reST in a .txt file, would fool a comparison of outlines)."""
    index = os.path.join(scratch, "index-" + os.path.basename(folder))
    subprocess.run([kosh, "index", folder, "--index", index], capture_output=True, check=False)
    proc = subprocess.run([kosh, "stats", "--index", index, "--json"], capture_output=True, text=True)
    shutil.rmtree(index, ignore_errors=True)
    try:
        return set(json.loads(proc.stdout).get("formats", {}))
    except ValueError:
        return set()


# ----------------------------------------------------------------------------------------------
# Figures


def summarise(scores):
    total = lambda key: sum(s[key] for s in scores)
    found, true, matched = total("found"), total("true"), total("matched")
    precision = matched / found if found else 0.0
    recall = matched / true if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "files": len(scores),
        "headings": true,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "level_accuracy": total("same_level") / matched if matched else 0.0,
        "title": total("title") / len(scores) if scores else 0.0,
        "exact": total("exact") / len(scores) if scores else 0.0,
    }


def with_target(value, target):
    if target is None:
        return "%.3f" % value
    return "%.3f %s %.2f" % (value, "✓ ≥" if value >= target else "✗ ≥", target)


def print_table(rows, seed):
    print("| layout | files | headings | precision | recall | F1 | level accuracy | title | exact tree | note |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    met = wanted = 0
    for name, fig, note in rows:
        f1_t, level_t, exact_t = TARGETS.get(name, (None, None, None))
        for value, target in ((fig["f1"], f1_t), (fig["level_accuracy"], level_t), (fig["exact"], exact_t)):
            if target is not None:
                wanted += 1
                met += value >= target
        print(
            "| %s | %d | %d | %.3f | %.3f | %s | %s | %.3f | %s | %s |"
            % (
                name, fig["files"], fig["headings"], fig["precision"], fig["recall"],
                with_target(fig["f1"], f1_t), with_target(fig["level_accuracy"], level_t),
                fig["title"], with_target(fig["exact"], exact_t), note,
            )
        )
    print()
    print("Targets met: %d of %d." % (met, wanted))
    if seed:
        print()
        fig = seed["figures"]
        print(
            "Seed article (%s): %s; F1 %.3f, level accuracy %.3f, title %s."
            % (seed["path"], "exact tree" if seed["exact"] else "tree NOT exact", fig["f1"],
               fig["level_accuracy"], "right" if fig["title"] else "wrong")
        )


def print_failure(path, tree, found):
    # The true side as rendered (numbers, capitals), so that only real differences show.
    want = tree_lines(tree["title"], [(level, rendered) for level, _, rendered in tree["headings"]])
    got = tree_lines(found["title"], found["headings"])
    print("--- %s" % path)
    for line in difflib.unified_diff(want, got, "true", "kosh", lineterm="", n=1):
        print(line)
    print()


# ----------------------------------------------------------------------------------------------
# Checking the renders themselves (optional): docutils and the HTML parser read the true trees.


def validate(rendered):
    from html.parser import HTMLParser

    problems = 0

    class Headings(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found, self.level, self.text = [], 0, ""

        def handle_starttag(self, tag, attrs):
            if re.fullmatch(r"h[1-6]", tag):
                self.level, self.text = int(tag[1]), ""

        def handle_endtag(self, tag):
            if re.fullmatch(r"h[1-6]", tag):
                self.found.append((self.level, self.text))
                self.level = 0

        def handle_data(self, data):
            if self.level:
                self.text += data

    try:
        import docutils.core
    except ImportError:
        docutils = None
        print("validate: docutils not installed, reST renders not checked", file=sys.stderr)
    for layout, path, tree in rendered:
        want = [(tree["title"], 1)] + [(t[1], t[0]) for t in tree["headings"]]
        got = None
        if layout == "html":
            parser = Headings()
            with open(path, encoding="utf-8") as f:
                parser.feed(f.read())
            got = [(text, level) for level, text in parser.found]
        elif layout == "rest" and docutils:
            with open(path, encoding="utf-8") as f:
                doctree = docutils.core.publish_doctree(f.read(), settings_overrides={"report_level": 2})
            got = [(doctree.get("title"), 1)]
            stack = [(doctree, 2)]
            order = []

            def walk(node, level):
                for child in node.children:
                    if child.tagname == "section":
                        order.append((child[0].astext(), level))
                        walk(child, level + 1)

            walk(doctree, 2)
            got += order
        elif layout == "pod" and shutil.which("podchecker"):
            proc = subprocess.run(["podchecker", path], capture_output=True, text=True, errors="replace")
            if proc.returncode != 0:
                problems += 1
                print("validate: %s: %s" % (path, proc.stderr.strip()), file=sys.stderr)
        if got is not None and got != want:
            problems += 1
            print("validate: %s: markup tree differs from the true tree" % path, file=sys.stderr)
    print("validate: %d of %d renders checked with problems" % (problems, len(rendered)), file=sys.stderr)


# ----------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--set", choices=sorted(render.SETS), default="docs",
        help="docs: the documents the readers were tuned on (default); heldout: the held-out set; "
        "fresh: a set written after the readers were tuned",
    )
    ap.add_argument("--kosh", default=os.path.join(REPO, "build", "kosh"))
    ap.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    ap.add_argument("--failures", action="store_true", help="also print a diff for each tree that is not exact")
    ap.add_argument("--keep", metavar="DIR", help="render into DIR and keep it (default: a scratch folder)")
    ap.add_argument("--only", help="comma-separated layouts to run (default: all)")
    ap.add_argument("--validate", action="store_true", help="check the renders against docutils, HTML parsing, podchecker")
    args = ap.parse_args()
    if not os.access(args.kosh, os.X_OK):
        sys.exit("run.py: no kosh at %s (build it, or pass --kosh PATH)" % args.kosh)

    workdir = args.keep or tempfile.mkdtemp(prefix="kosh-outline-")
    scratch = tempfile.mkdtemp(prefix="kosh-outline-plain-")
    try:
        docs = render.load_docs(render.SETS[args.set])
        rendered = render.render_all(workdir, docs)
        if args.only:
            wanted = set(args.only.split(","))
            rendered = [r for r in rendered if r[0] in wanted]
        if args.validate:
            validate(rendered)
        per_layout, files = {}, []
        readers = {}  # layout -> the readers kosh used on its files
        for layout, path, tree in rendered:
            output, error = run_outline(args.kosh, path)
            if output is None:
                print("run.py: kosh failed on %s: %s" % (path, error), file=sys.stderr)
                output = ""
            found = parse_outline(output)
            score = score_file(tree, found)
            per_layout.setdefault(layout, []).append(score)
            if layout in MARKUP and layout not in readers:
                readers[layout] = reader_names(args.kosh, os.path.dirname(path), scratch)
            files.append({"layout": layout, "file": os.path.relpath(path, workdir), **score})
            if args.failures and not score["exact"]:
                print_failure(os.path.relpath(path, workdir), tree, found)

        rows = []
        for layout in render.ALL_LAYOUTS:
            if layout not in per_layout:
                continue
            note = ""
            if layout in MARKUP and layout not in readers[layout]:
                note = "no reader (outlined as plain text)"
            elif layout not in TARGETS:
                note = "no target"
            rows.append((layout, summarise(per_layout[layout]), note))
        everything = [s for scores in per_layout.values() for s in scores]
        rows.append(("total", summarise(everything), ""))

        seed = None
        article, outline = os.path.join(SEED, "article.txt"), os.path.join(SEED, "outline.txt")
        if args.set != "docs":
            pass  # the seed article was looked at while tuning: it is scored with the tuning set only
        elif os.path.exists(article) and os.path.exists(outline):
            with open(outline, encoding="utf-8") as f:
                expected = parse_outline(f.read())
            tree = {"title": expected["title"], "headings": [(l, t, t) for l, t in expected["headings"]]}
            output, _ = run_outline(args.kosh, article)
            found = parse_outline(output or "")
            score = score_file(tree, found)
            seed = {"path": os.path.relpath(article, REPO), "exact": score["exact"], "figures": summarise([score])}
            if args.failures and not score["exact"]:
                print_failure("seed/article.txt", tree, found)
        else:
            print("run.py: no seed article in %s, skipped" % SEED, file=sys.stderr)

        if args.json:
            json.dump(
                {
                    "set": args.set,
                    "layouts": {name: dict(fig, note=note) for name, fig, note in rows},
                    "targets": {k: dict(zip(("f1", "level_accuracy", "exact"), v)) for k, v in TARGETS.items()},
                    "seed": seed,
                    "files": files,
                },
                sys.stdout,
                indent=1,
                ensure_ascii=False,
            )
            print()
        else:
            if args.set != "docs":
                print("Set: %s (%d documents)\n" % (args.set, len(docs)))
            print_table(rows, seed)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
