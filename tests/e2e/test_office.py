"""kosh reads Word (DOCX), OpenDocument text (ODT) and EPUB files: the outline comes from
Heading styles, text:h outline levels and an EPUB's chapters (with the navigation document's
titles for chapters without a heading), and passages are located by paragraph number (and, in a
book, by chapter): `book.epub:ch3:para12`, `report.docx:para12`; JSON carries "line"/"last_line"
as paragraph numbers and "chapter" for an EPUB. A zip bomb, a damaged zip and a file that is no
zip at all are skipped with a warning, and the files beside them are still indexed.

Every fixture is written here with Python's zipfile module from XML spelled out below.
"""
import os
import zipfile

from harness import Workspace, check, main
from test_bad_input import index, no_crash, summary, warned_about

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_paragraph(text, style=None):
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{properties}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


DOCX_BODY = "".join([
    docx_paragraph("Harbour Report", "Title"),                                         # para 1
    docx_paragraph("This report covers the harbour works of the year."),              # para 2
    docx_paragraph("Dredging", "Heading1"),                                            # para 3
    docx_paragraph("The channel was dredged to a depth of fourteen metres."),         # para 4
    docx_paragraph("Cranes", "Heading2"),                                              # para 5
    docx_paragraph("Two gantry cranes were bought from a shipyard in Rostock."),      # para 6
])

DOCX_STYLES = f"""<w:styles {W}>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
</w:styles>"""

ODT_CONTENT = """<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
<text:h text:outline-level="1">Minutes</text:h>
<text:p>The committee met in the boathouse.</text:p>
<text:h text:outline-level="2">Decisions</text:h>
<text:list><text:list-item><text:p>The rowing club may use the slipway on Sundays.</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>"""

ODT_META = """<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>Club Minutes</dc:title></office:meta></office:document-meta>"""

OPF = """<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Lighthouse Stories</dc:title></metadata>
<manifest>
 <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
 <item id="c1" href="one.xhtml" media-type="application/xhtml+xml"/>
 <item id="c2" href="two.xhtml" media-type="application/xhtml+xml"/>
 <item id="c3" href="three%20a.xhtml" media-type="application/xhtml+xml"/>
</manifest>
<spine><itemref idref="c1"/><itemref idref="c2"/><itemref idref="c3"/></spine></package>"""

NAV = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<nav epub:type="toc"><ol><li><a href="one.xhtml">First Light</a></li><li><a href="two.xhtml">The Storm</a></li>
<li><a href="three%20a.xhtml">Morning</a></li></ol></nav></body></html>"""


def xhtml(body):
    return ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Lighthouse Stories'
            f'</title></head>\n<body>\n{body}\n</body></html>\n')


CHAPTERS = {
    "one.xhtml": xhtml("<h1>First Light</h1>\n<p>The keeper lit the lamp at dusk.</p>"),   # paras 1-2
    "two.xhtml": xhtml("<p>The gale tore the shutters from the lantern room.</p>"),           # heading 3, para 4
    "three a.xhtml": xhtml("<h2>Morning</h2>\n<p>A pilot cutter came out to see.</p>\n"
                            "<h3>Aftermath</h3>\n<p>The albatross had nested on the gallery.</p>"),  # 5-8 (1-4 of its chapter)
}


def write_zip(path, members):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            archive.writestr(name, content)


def write_fixtures(ws):
    write_zip(ws.path("docs", "report.docx"), [
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", f"<w:document {W}><w:body>{DOCX_BODY}</w:body></w:document>"),
        ("word/styles.xml", DOCX_STYLES)])
    write_zip(ws.path("docs", "minutes.odt"), [
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", ODT_CONTENT), ("meta.xml", ODT_META)])
    write_zip(ws.path("docs", "book.epub"), [
        ("mimetype", "application/epub+zip"),
        ("META-INF/container.xml", '<container><rootfiles><rootfile full-path="OPS/book.opf"/></rootfiles></container>'),
        ("OPS/book.opf", OPF), ("OPS/nav.xhtml", NAV)] + [(f"OPS/{name}", text) for name, text in CHAPTERS.items()])


def outline(ws, name):
    return ws.kosh("outline", f"docs/{name}", expect=0).stdout


def test_outlines():
    with Workspace() as ws:
        write_fixtures(ws)
        check(outline(ws, "report.docx") == "Harbour Report\n  Dredging\n    Cranes\n", "DOCX outline")
        check(outline(ws, "minutes.odt") == "Club Minutes\n  Minutes\n    Decisions\n", "ODT outline")
        check(outline(ws, "book.epub") == "Lighthouse Stories\n  First Light\n  The Storm\n  Morning\n    Aftermath\n",
              "EPUB outline")


def ask_json(ws, question):
    run = ws.kosh("ask", "--format", "json", question, expect=0)
    result = run.jsonl()[0]
    check(result["answer"] is not None, f"no answer to {question!r}", run)
    # The passage the answer comes from, which carries the place and the sections.
    answer = result["answer"]
    passage = result["passages"][answer["passage_rank"] - 1]
    check(answer["location"] == passage["location"] or answer["line"] != passage["line"],
          "the answer's location differs from its passage's", run)
    return run, passage


def test_passages_carry_paragraph_numbers_and_chapters():
    with Workspace() as ws:
        write_fixtures(ws)
        run = index(ws)
        check(summary(run) == (3, 0), "expected 3 files indexed, none skipped", run)

        run, answer = ask_json(ws, "How deep was the channel dredged?")
        check(answer["path"] == "docs/report.docx", "the DOCX does not answer", run)
        check(answer["line"] == 4 and answer["last_line"] == 4, "wrong paragraph number in the DOCX", run)
        check("chapter" not in answer or answer["chapter"] is None, "a DOCX has no chapters", run)
        check(answer["sections"] == ["Dredging"], "wrong sections in the DOCX", run)

        run, answer = ask_json(ws, "When may the rowing club use the slipway?")
        check(answer["path"] == "docs/minutes.odt" and answer["line"] == 4, "wrong ODT location", run)
        check(answer["sections"] == ["Minutes", "Decisions"], "wrong sections in the ODT", run)

        run, answer = ask_json(ws, "Where had the albatross nested?")
        check(answer["path"] == "docs/book.epub", "the EPUB does not answer", run)
        check(answer["chapter"] == 3 and answer["line"] == 4, "wrong chapter or paragraph in the EPUB", run)
        check(answer["sections"] == ["Morning", "Aftermath"], "wrong sections in the EPUB", run)

        run, answer = ask_json(ws, "What did the gale tear from the lantern room?")
        check(answer["chapter"] == 2 and answer["sections"] == ["The Storm"],
              "the chapter without a heading lacks its navigation title", run)

        run = ws.kosh("ask", "--color", "never", "Where had the albatross nested?", expect=0)
        check("docs/book.epub:ch3:para4" in run.stdout, "text output lacks docs/book.epub:ch3:para4", run)
        run = ws.kosh("ask", "--color", "never", "How deep was the channel dredged?", expect=0)
        check("docs/report.docx:para4" in run.stdout, "text output lacks docs/report.docx:para4", run)


def test_bad_archives_are_skipped_with_a_warning():
    with Workspace() as ws:
        write_fixtures(ws)
        with open(ws.path("docs", "not-a-zip.docx"), "w") as f:
            f.write("just some text pretending to be a document\n")
        with open(ws.path("docs", "report.docx"), "rb") as f:
            whole = f.read()
        with open(ws.path("docs", "cut.docx"), "wb") as f:
            f.write(whole[: len(whole) // 2])
        # 300 MB of zeros deflates to about 300 KB.
        with zipfile.ZipFile(ws.path("docs", "bomb.epub"), "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("META-INF/container.xml",
                             '<container><rootfiles><rootfile full-path="b.opf"/></rootfiles></container>')
            archive.writestr("b.opf", '<package><manifest><item id="c" href="c.xhtml" '
                             'media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>')
            with archive.open("c.xhtml", "w", force_zip64=True) as member:
                zeros = bytes(1 << 20)
                for _ in range(300):
                    member.write(zeros)
        run = index(ws)
        no_crash(run)
        check(summary(run) == (3, 3), "expected the 3 good files indexed and the 3 bad ones skipped", run)
        warned_about(run, "docs/not-a-zip.docx", "not a zip archive")
        warned_about(run, "docs/cut.docx")
        warned_about(run, "docs/bomb.epub", "zip bomb")
        run, answer = ask_json(ws, "How deep was the channel dredged?")
        check(answer["path"] == "docs/report.docx", "the good DOCX no longer answers", run)


if __name__ == "__main__":
    main([test_outlines, test_passages_carry_paragraph_numbers_and_chapters, test_bad_archives_are_skipped_with_a_warning])
