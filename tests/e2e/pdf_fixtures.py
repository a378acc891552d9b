"""PDF fixtures for the tests, written here as groff ms source and set by `groff -Tpdf`.

No PDF is copied in: each is made from text this file writes, by tools from Debian's packages
(groff for the PDFs, qpdf to encrypt one). `missing_tools()` says which are absent, so a test
can skip.
"""
import shutil
import subprocess

WORDS = ("widget gasket sprocket flange manifold bracket spindle ratchet coupling bearing "
         "grommet lever housing valve piston washer collar hinge latch pulley").split()


def missing_tools(*tools):
    return [tool for tool in tools if shutil.which(tool) is None]


def groff_pdf(source, path):
    """Sets ms `source` as a PDF at `path` (bookmarks and metadata through pdf.tmac)."""
    proc = subprocess.run(["groff", "-Tpdf", "-ms"], input=source.encode(),
                          capture_output=True)
    if proc.returncode != 0 or not proc.stdout.startswith(b"%PDF"):
        raise RuntimeError(f"groff -Tpdf failed: {proc.stderr.decode(errors='replace')[:500]}")
    with open(path, "wb") as f:
        f.write(proc.stdout)


def sentence(n):
    """A varied sentence of plain words, the same for the same n."""
    words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(8 + n % 9)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def manual_source(title, chapters, sections_per_chapter, paragraphs_per_section, two_column_chapter=None,
                  extra=None):
    """An ms manual with a running header and footer (page number), one bookmark per chapter
    and section, and numbered headings. `two_column_chapter` (1-based) is set in two columns;
    `extra` maps (chapter, section) to one more paragraph for that section."""
    lines = [
        ".mso pdf.tmac",
        f".pdfinfo /Title {title}",
        f".ds LH {title}",
        ".ds CH",
        ".ds RH Revision 3",
        ".ds CF Page \\\\n%",
        ".TL",
        title,
    ]
    n = 0
    for c in range(1, chapters + 1):
        chapter = f"Chapter about the {WORDS[c % len(WORDS)]} number {c}"
        if c == two_column_chapter:
            lines.append(".2C")
        lines += [".NH 1", f'.pdfbookmark 1 "{chapter}"', chapter]
        for s in range(1, sections_per_chapter + 1):
            section = f"Fitting the {WORDS[(c + s) % len(WORDS)]} in part {c}.{s}"
            lines += [".NH 2", f'.pdfbookmark 2 "{section}"', section]
            for _ in range(paragraphs_per_section):
                lines += [".PP", " ".join(sentence(n + k) for k in range(6))]
                n += 6
            if extra and (c, s) in extra:
                lines += [".PP", extra[(c, s)]]
        if c == two_column_chapter:
            lines.append(".1C")
    return "\n".join(lines) + "\n"


def drawing_only_source():
    """An ms page with a drawn box and no text: a PDF like a scan, with nothing to read."""
    return ".ds CF\n.ds CH\n.P1\n\\D'l 2i 2i'\\D'l 2i 0'\n"


def section_title(c, s):
    return f"Fitting the {WORDS[(c + s) % len(WORDS)]} in part {c}.{s}"


def chapter_title(c):
    return f"Chapter about the {WORDS[c % len(WORDS)]} number {c}"
