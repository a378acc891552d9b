#!/usr/bin/env python3
"""Render the outline benchmark's source documents (docs/*.doc, heldout/*.doc or fresh/*.doc) into plain-text layouts
and markup formats, each file with the heading tree it truly has.

The tree comes from the source document alone: the title and the `##`/`###`/`####` heading lines.
A renderer only decides how those headings look; it never looks at what kosh prints.

Usage: render.py [--set docs|heldout|fresh] OUTDIR
                          writes OUTDIR/<layout>/<doc>.<ext> and OUTDIR/<layout>/<doc>.tree.json
                          (standard library only; run.py imports this module instead)

Source format (*.doc), one block per run of lines, blocks separated by blank lines:

  key: value          meta lines at the very top, up to the first blank line (title, wrap, ...)
  ## Heading          a section: `##` is level 2 (below the title), `###` level 3, `####` level 4;
                      ` {-}` at the end: not numbered; ` {appendix}`: lettered from here on
  text                a paragraph (its lines are joined); `backticks` mark code in running text
  - item / 1. item    a bulleted or numbered list, one item per line
  ```                 a code block, up to the closing ``` (or lines all indented by four spaces)
  | line              lines kept as they are (an address, a signature, a verse)
  + a | b | c         a table row; the first row is the header
  [toc]               a table of contents of the sections

Meta keys: title; wrap (72, or none: one line per paragraph); numbering (plain "1.2 Sub", dot
"1.2. Sub", chapter "Chapter 4: Sub"); code (indented or fenced, for plain text and Markdown);
markdown (atx or setext); rest (adornments for levels 1..4, e.g. "=/= - ~ ^": "=/=" means over- and
underline); html (flat or sections); bullet (- or *); preamble (a line printed before the title in
plain text).
"""

import html
import json
import os
import re
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
# The documents the readers were tuned on; a held-out set written separately; and a fresh set
# written after the readers had been tuned on both. The last two are only scored to report
# figures, never used to tune the readers.
SETS = {"docs": DOCS, "heldout": os.path.join(HERE, "heldout"), "fresh": os.path.join(HERE, "fresh")}

TEXT_LAYOUTS = ["underline", "numbered", "caps", "lead", "nocue", "indent"]
FORMATS = {"markdown": "md", "rest": "rst", "html": "html", "pod": "pod"}
ALL_LAYOUTS = TEXT_LAYOUTS + list(FORMATS)
# Layouts that can only show two levels below the title: a document with deeper sections is not
# rendered in them.
TWO_LEVEL_LAYOUTS = {"caps", "lead"}
# Sections the lead layout writes with a blank line after the heading, as the seed article does.
PLAIN_SECTIONS = {"introduction", "conclusion", "summary", "overview", "abstract", "conclusions"}


# ----------------------------------------------------------------------------------------------
# Reading a source document


class Heading:
    def __init__(self, level, text, numbered=True, appendix=False):
        self.level = level
        self.text = text  # as the author wrote it, `code` marks included
        self.numbered = numbered
        self.appendix = appendix
        self.label = ""  # "1.2", "A.1", ...: set by number_headings()
        self.chapter = 0

    @property
    def plain(self):
        return self.text.replace("`", "")


def read_doc(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    meta = {}
    i = 0
    while i < len(lines) and lines[i].strip():
        key, _, value = lines[i].partition(":")
        meta[key.strip()] = value.strip()
        i += 1
    blocks = []
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.startswith("```"):
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            blocks.append(("code", lines[i + 1 : j]))
            i = j + 1
            continue
        m = re.match(r"(#{2,4}) (.*)$", line)
        if m:
            text = m.group(2).strip()
            numbered, appendix = True, False
            if text.endswith("{-}"):
                text, numbered = text[:-3].strip(), False
            if text.endswith("{appendix}"):
                text, appendix = text[: -len("{appendix}")].strip(), True
            blocks.append(("heading", Heading(len(m.group(1)), text, numbered, appendix)))
            i += 1
            continue
        if line.strip() == "[toc]":
            blocks.append(("toc",))
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip() and not lines[j].startswith("```") and not re.match(
            r"#{2,4} ", lines[j]
        ):
            j += 1
        run = lines[i:j]
        i = j
        if all(l.startswith("    ") for l in run):
            blocks.append(("code", [l[4:] for l in run]))
        elif all(l.startswith("| ") or l == "|" for l in run):
            blocks.append(("lines", [l[2:] for l in run]))
        elif all(l.startswith("+ ") for l in run):
            blocks.append(("table", [[c.strip() for c in l[2:].split(" | ")] for l in run]))
        elif all(l.startswith("- ") for l in run):
            blocks.append(("list", False, [l[2:] for l in run]))
        elif all(re.match(r"\d+\. ", l) for l in run):
            blocks.append(("list", True, [l.split(" ", 1)[1] for l in run]))
        else:
            blocks.append(("para", " ".join(l.strip() for l in run)))
    name = os.path.splitext(os.path.basename(path))[0]
    doc = {"name": name, "meta": meta, "title": meta["title"], "blocks": blocks}
    number_headings(doc)
    return doc


def headings_of(doc):
    return [b[1] for b in doc["blocks"] if b[0] == "heading"]


def number_headings(doc):
    counters = [0, 0, 0, 0, 0]
    in_appendix = False
    chapter = 0
    for h in headings_of(doc):
        if h.appendix:
            in_appendix = True
            counters[2] = 0
        if not h.numbered:
            continue
        counters[h.level] += 1
        for deeper in range(h.level + 1, 5):
            counters[deeper] = 0
        if h.level == 2:
            chapter += 1
        h.chapter = chapter
        parts = [str(c) for c in counters[2 : h.level + 1]]
        if in_appendix:
            parts[0] = chr(ord("A") + counters[2] - 1)
        h.label = ".".join(parts)


def true_tree(doc, layout):
    """The tree a reader should find: the title, then (level, text, rendered text) per heading."""
    headings = [(h.level, h.plain, rendered_heading(doc, h, layout)) for h in headings_of(doc)]
    if layout == "pod":
        # POD has no title command: by the convention of pod2html and pod2man the title is the
        # NAME section's paragraph, and =head1 NAME is a section like any other.
        headings.insert(0, (2, "NAME", "NAME"))
    return {"title": plain_code(doc["title"]), "headings": headings}


def max_level(doc):
    return max((h.level for h in headings_of(doc)), default=1)


def layouts_for(doc):
    return [l for l in ALL_LAYOUTS if not (l in TWO_LEVEL_LAYOUTS and max_level(doc) > 3)]


# ----------------------------------------------------------------------------------------------
# Shared helpers


def plain_code(text):
    return text.replace("`", "")


def number_prefix(doc, h, rfc=False):
    if not h.numbered or not h.label:
        return ""
    style = "dot" if rfc else doc["meta"].get("numbering", "plain")
    gap = "  " if rfc else " "
    if h.label[0].isalpha() and h.level == 2:
        return "Appendix " + h.label + "." + gap if style != "chapter" else "Appendix " + h.label + ": "
    if style == "chapter" and h.level == 2:
        return "Chapter %d: " % h.chapter
    if style == "dot":
        return h.label + "." + gap
    return h.label + gap


def rendered_heading(doc, h, layout):
    text = h.plain
    if layout == "numbered":
        return number_prefix(doc, h) + text
    if layout == "indent":
        return number_prefix(doc, h, rfc=True) + text
    if layout == "caps" and h.level == 2:
        return text.upper()
    return text


# Words that would start a list, heading or other construct if a wrapped line began with them.
RISKY_START = re.compile(r"^([-*+#=>|]|\d+[.)]|[A-Z][.)]|\.\.)$")


def wrap(text, width, indent=""):
    if not width:
        return [indent + text]
    words = text.split(" ")
    glued = [words[0]]
    for w in words[1:]:
        if RISKY_START.match(w):
            glued[-1] += "\x00" + w
        else:
            glued.append(w)
    lines = textwrap.wrap(
        " ".join(glued), width=width, initial_indent=indent, subsequent_indent=indent,
        break_long_words=False, break_on_hyphens=False,
    )
    return [l.replace("\x00", " ") for l in lines]


def wrap_width(doc, indent=0):
    w = doc["meta"].get("wrap", "none")
    return 0 if w == "none" else int(w) - indent


def toc_entries(doc):
    return [h for h in headings_of(doc) if h.level <= 3]


def table_lines(rows, indent=""):
    widths = [max(len(r[c]) if c < len(r) else 0 for r in rows) for c in range(len(rows[0]))]
    out = []
    for k, r in enumerate(rows):
        out.append(indent + "  ".join(cell.ljust(widths[c]) for c, cell in enumerate(r)).rstrip())
        if k == 0:
            out.append(indent + "  ".join("-" * w for w in widths))
    return out


# ----------------------------------------------------------------------------------------------
# Plain text


def render_text(doc, layout):
    meta = doc["meta"]
    body_indent = "   " if layout == "indent" else ""
    width = wrap_width(doc, len(body_indent))
    bullet = meta.get("bullet", "-")
    out = []

    def blank():
        if out and out[-1] != "":
            out.append("")

    if meta.get("preamble"):
        out += [meta["preamble"], ""]
    title = plain_code(doc["title"])
    if layout == "underline":
        bar = "=" * len(title)
        out += [bar, title, bar]
    elif layout == "indent":
        out.append(" " * max(0, (72 - len(title)) // 2) + title)
    else:
        out.append(title)
    blank()

    blocks = doc["blocks"]
    k = 0
    while k < len(blocks):
        b = blocks[k]
        kind = b[0]
        if kind == "heading":
            h = b[1]
            text = rendered_heading(doc, h, layout)
            blank()
            out.append(text)
            if layout == "underline":
                out.append({2: "=", 3: "-", 4: "~"}[h.level] * len(text))
            if layout == "lead" and h.level == 2 and h.plain.lower() not in PLAIN_SECTIONS:
                nxt = blocks[k + 1] if k + 1 < len(blocks) else None
                if nxt and nxt[0] == "para":
                    lead, rest = split_lead(nxt[1])
                    out.append(lead)
                    if rest:
                        out += wrap(rest, width)
                    k += 2
                    blank()
                    continue
            blank()
        elif kind == "para":
            out += wrap(b[1], width, body_indent)
            blank()
        elif kind == "list":
            for n, item in enumerate(b[2], 1):
                if layout == "indent":
                    marker = "%d.  " % n if b[1] else "o  "
                else:
                    marker = "%d. " % n if b[1] else bullet + " "
                lines = wrap(item, width - len(marker) if width else 0)
                out.append(body_indent + marker + lines[0])
                out += [body_indent + " " * len(marker) + l for l in lines[1:]]
            blank()
        elif kind == "code":
            if meta.get("code") == "fenced" and layout != "indent":
                out += ["```"] + b[1] + ["```"]
            else:
                pad = "      " if layout == "indent" else "    "
                out += [(pad + l) if l else "" for l in b[1]]
            blank()
        elif kind == "lines":
            out += [body_indent + l for l in b[1]]
            blank()
        elif kind == "table":
            out += table_lines(b[1], body_indent)
            blank()
        elif kind == "toc":
            out.append(body_indent + "Contents")
            out.append("")
            for h in toc_entries(doc):
                label = h.plain
                if layout in ("numbered", "indent"):
                    label = number_prefix(doc, h, rfc=layout == "indent") + label
                out.append(body_indent + "  " * (h.level - 1) + label)
            blank()
        k += 1
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def split_lead(text):
    m = re.match(r"(.+?[.!?])\s+([A-Z\"'(].*)$", text)
    if not m:
        return text, ""
    return m.group(1), m.group(2)


# ----------------------------------------------------------------------------------------------
# Markdown


def render_markdown(doc):
    meta = doc["meta"]
    width = wrap_width(doc)
    setext = meta.get("markdown") == "setext"
    out = []

    def heading(level, text):
        if setext and level <= 2:
            out.extend([text, ("=" if level == 1 else "-") * len(text), ""])
        else:
            out.extend(["#" * level + " " + text, ""])

    heading(1, doc["title"])
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "heading":
            heading(b[1].level, b[1].text)
        elif kind == "para":
            out += wrap(b[1], width) + [""]
        elif kind == "list":
            for n, item in enumerate(b[2], 1):
                marker = "%d. " % n if b[1] else meta.get("bullet", "-") + " "
                lines = wrap(item, width - len(marker) if width else 0)
                out.append(marker + lines[0])
                out += [" " * len(marker) + l for l in lines[1:]]
            out.append("")
        elif kind == "code":
            if meta.get("code") == "fenced":
                out += ["```"] + b[1] + ["```", ""]
            else:
                out += [("    " + l) if l else "" for l in b[1]] + [""]
        elif kind == "lines":
            out += [l + "  " for l in b[1][:-1]] + [b[1][-1], ""]
        elif kind == "table":
            rows = b[1]
            out.append("| " + " | ".join(rows[0]) + " |")
            out.append("|" + "|".join("---" for _ in rows[0]) + "|")
            out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            out.append("")
        elif kind == "toc":
            out += ["Contents:", ""]
            for h in toc_entries(doc):
                anchor = re.sub(r"[^a-z0-9 -]", "", h.plain.lower()).replace(" ", "-")
                out.append("  " * (h.level - 2) + "- [%s](#%s)" % (h.plain, anchor))
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# ----------------------------------------------------------------------------------------------
# reStructuredText


def rest_inline(text):
    text = re.sub(r"([*|\\])", r"\\\1", text)
    return re.sub(r"`([^`]+)`", r"``\1``", text)


def render_rest(doc):
    meta = doc["meta"]
    width = wrap_width(doc)
    styles = meta.get("rest", "=/= - ~ ^").split()
    out = []

    def heading(level, text):
        style = styles[level - 1]
        char = style[0]
        bar = char * (len(text) + (2 if "/" in style else 0))
        if "/" in style:
            out.extend([bar, " " + text, bar, ""])
        else:
            out.extend([text, bar, ""])

    heading(1, rest_inline(doc["title"]))
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "heading":
            heading(b[1].level, rest_inline(b[1].text))
        elif kind == "para":
            out += wrap(rest_inline(b[1]), width) + [""]
        elif kind == "list":
            for n, item in enumerate(b[2], 1):
                marker = "%d. " % n if b[1] else "- "
                lines = wrap(rest_inline(item), width - len(marker) if width else 0)
                out.append(marker + lines[0])
                out += [" " * len(marker) + l for l in lines[1:]]
            out.append("")
        elif kind == "code":
            out += ["::", ""] + [("   " + l) if l else "" for l in b[1]] + [""]
        elif kind == "lines":
            out += ["| " + rest_inline(l) if l else "|" for l in b[1]] + [""]
        elif kind == "table":
            rows = [[rest_inline(c) for c in r] for r in b[1]]
            widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
            border = "  ".join("=" * w for w in widths)
            line = lambda r: "  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip()
            out += [border, line(rows[0]), border] + [line(r) for r in rows[1:]] + [border, ""]
        elif kind == "toc":
            out += [".. contents:: Contents", "   :depth: 2", ""]
    return "\n".join(out).rstrip("\n") + "\n"


# ----------------------------------------------------------------------------------------------
# HTML


def html_inline(text):
    text = html.escape(text, quote=False)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)


def render_html(doc):
    meta = doc["meta"]
    nested = meta.get("html") == "sections"
    site = meta.get("site", "Notes")
    title = plain_code(doc["title"])
    page_title = title + (" | " + site if meta.get("site") else "")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        "<title>%s</title>" % html.escape(page_title),
        '<link rel="stylesheet" href="/style.css">',
        "</head>",
        "<body>",
        '<header><a class="brand" href="/">%s</a></header>' % html.escape(site),
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/archive/">Archive</a></li>'
        '<li><a href="/about/">About</a></li></ul></nav>',
        "<main>",
        "<article>",
        "<h1>%s</h1>" % html_inline(doc["title"]),
    ]
    open_sections = []
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "heading":
            h = b[1]
            if nested:
                while open_sections and open_sections[-1] >= h.level:
                    out.append("</section>")
                    open_sections.pop()
                out.append('<section id="s%d">' % len(out))
                open_sections.append(h.level)
            out.append("<h%d>%s</h%d>" % (h.level, html_inline(h.text), h.level))
        elif kind == "para":
            out.append("<p>" + "\n".join(wrap(html_inline(b[1]), wrap_width(doc))) + "</p>")
        elif kind == "list":
            tag = "ol" if b[1] else "ul"
            out.append("<%s>" % tag)
            out += ["  <li>%s</li>" % html_inline(item) for item in b[2]]
            out.append("</%s>" % tag)
        elif kind == "code":
            out.append("<pre><code>" + html.escape("\n".join(b[1]), quote=False) + "</code></pre>")
        elif kind == "lines":
            out.append("<p>" + "<br>\n".join(html_inline(l) for l in b[1]) + "</p>")
        elif kind == "table":
            rows = b[1]
            out.append("<table>")
            out.append("<tr>" + "".join("<th>%s</th>" % html_inline(c) for c in rows[0]) + "</tr>")
            out += ["<tr>" + "".join("<td>%s</td>" % html_inline(c) for c in r) + "</tr>" for r in rows[1:]]
            out.append("</table>")
        elif kind == "toc":
            out.append('<nav class="toc"><p>Contents</p><ul>')
            out += ['  <li><a href="#">%s</a></li>' % html_inline(h.text) for h in toc_entries(doc)]
            out.append("</ul></nav>")
    out += ["</section>"] * len(open_sections)
    out += [
        "</article>",
        "</main>",
        "<footer><p>&copy; %s. All rights reserved.</p><p><a href=\"/privacy/\">Privacy</a></p></footer>"
        % html.escape(site),
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------------------------
# POD


def pod_inline(text):
    text = re.sub(r"([A-Z])<", r"\1E<lt>", text)

    def code(m):
        body = m.group(1)
        return "C<< %s >>" % body if (">" in body or "<" in body) else "C<%s>" % body

    return re.sub(r"`([^`]+)`", code, text)


def render_pod(doc):
    width = wrap_width(doc)
    out = ["=encoding utf8", "", "=head1 NAME", "", pod_inline(doc["title"]), ""]
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "heading":
            out += ["=head%d %s" % (b[1].level - 1, pod_inline(b[1].text)), ""]
        elif kind == "para":
            out += wrap(pod_inline(b[1]), width) + [""]
        elif kind == "list":
            out += ["=over 4", ""]
            for n, item in enumerate(b[2], 1):
                out += ["=item %s" % ("%d." % n if b[1] else "*"), "", *wrap(pod_inline(item), width), ""]
            out += ["=back", ""]
        elif kind == "code":
            out += [("    " + l) if l else "" for l in b[1]] + [""]
        elif kind == "lines":
            out += ["  " + l for l in b[1]] + [""]
        elif kind == "table":
            out += table_lines(b[1], "  ") + [""]
        elif kind == "toc":
            pass  # POD documents carry no table of contents: perldoc builds one
    out.append("=cut")
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------------------------


def extension(layout):
    return FORMATS.get(layout, "txt")


def render(doc, layout):
    if layout in TEXT_LAYOUTS:
        return render_text(doc, layout)
    return {"markdown": render_markdown, "rest": render_rest, "html": render_html, "pod": render_pod}[layout](doc)


def load_docs(folder=DOCS):
    return [read_doc(os.path.join(folder, n)) for n in sorted(os.listdir(folder)) if n.endswith(".doc")]


def render_all(outdir, docs=None):
    """Writes every document in every layout it fits; returns [(layout, path, true tree)]."""
    rendered = []
    for doc in docs or load_docs():
        for layout in layouts_for(doc):
            folder = os.path.join(outdir, layout)
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, doc["name"] + "." + extension(layout))
            with open(path, "w", encoding="utf-8") as f:
                f.write(render(doc, layout))
            tree = true_tree(doc, layout)
            with open(os.path.join(folder, doc["name"] + ".tree.json"), "w", encoding="utf-8") as f:
                json.dump(tree, f, ensure_ascii=False, indent=1)
            rendered.append((layout, path, tree))
    return rendered


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Render the outline benchmark's documents.")
    ap.add_argument("--set", choices=sorted(SETS), default="docs", help="which documents (default: docs)")
    ap.add_argument("outdir")
    args = ap.parse_args()
    files = render_all(args.outdir, load_docs(SETS[args.set]))
    print("%d files in %s" % (len(files), args.outdir))
