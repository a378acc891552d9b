"""Sample files of the formats a corpus may lack, for bench/speed's parse figure: man pages and
PDFs from the machine's own documentation, and EPUB, DOCX and ODT files written here from the
machine's HTML and text documentation (Debian ships none of those three). Everything is written
into a work folder outside the repository."""

import gzip
import html
import os
import re
import zipfile

MAN_DIR = "/usr/share/man/man1"
DOC_DIR = "/usr/share/doc"


def _files_below(root, keep):
    out = []
    for dirpath, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if os.path.isfile(path) and not os.path.islink(path) and keep(name):
                out.append(path)
    return out


def man_pages():
    """The compressed man pages of section 1."""
    return _files_below(MAN_DIR, lambda n: n.endswith(".1.gz"))


def pdfs():
    """The PDFs under /usr/share/doc, compressed or not."""
    return _files_below(DOC_DIR, lambda n: n.lower().endswith((".pdf", ".pdf.gz")))


def text_bytes(path):
    """The bytes a reader sees: a compressed file's decompressed size."""
    if path.endswith(".gz"):
        with gzip.open(path, "rb") as f:
            return len(f.read())
    return os.path.getsize(path)


def _paragraphs_of_html(path):
    """Rough paragraphs of an HTML page: enough text to fill a generated document."""
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    out = []
    for chunk in re.split(r"(?i)</?(?:p|h[1-6]|li|pre|div|dd|dt)\b[^>]*>", text):
        words = html.unescape(re.sub(r"<[^>]+>", " ", chunk)).split()
        if len(words) >= 4:
            out.append(" ".join(words))
    return out


def _html_pages(limit_bytes):
    found = _files_below(DOC_DIR, lambda n: n.endswith(".html"))
    pages, total = [], 0
    for path in found:
        size = os.path.getsize(path)
        if total + size > limit_bytes:
            break
        pages.append(path)
        total += size
    return pages


def _xml(text):
    return html.escape(text, quote=False)


def write_epub(dst, pages):
    """An EPUB 3 whose chapters are the given HTML pages' paragraphs, each under an h1."""
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml",
                   '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:'
                   'container"><rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package'
                   '+xml"/></rootfiles></container>')
        items, spine, nav = [], [], []
        for i, page in enumerate(pages):
            name = "c%04d.xhtml" % i
            title = os.path.basename(page)
            body = "".join("<p>%s</p>\n" % _xml(p) for p in _paragraphs_of_html(page))
            z.writestr("OEBPS/" + name, '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/'
                       'xhtml"><head><title>%s</title></head><body><h1>%s</h1>\n%s</body></html>'
                       % (_xml(title), _xml(title), body))
            items.append('<item id="c%d" href="%s" media-type="application/xhtml+xml"/>' % (i, name))
            spine.append('<itemref idref="c%d"/>' % i)
            nav.append('<li><a href="%s">%s</a></li>' % (name, _xml(title)))
        z.writestr("OEBPS/nav.xhtml", '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" '
                   'xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>%s</ol></nav>'
                   '</body></html>' % "".join(nav))
        z.writestr("OEBPS/book.opf", '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" '
                   'version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Sample book'
                   '</dc:title></metadata><manifest><item id="nav" href="nav.xhtml" properties="nav" '
                   'media-type="application/xhtml+xml"/>%s</manifest><spine>%s</spine></package>'
                   % ("".join(items), "".join(spine)))


def write_docx(dst, pages):
    """A DOCX with a Heading 1 per page and its paragraphs."""
    body = []
    for page in pages:
        body.append('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>'
                    % _xml(os.path.basename(page)))
        for p in _paragraphs_of_html(page):
            body.append('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % _xml(p))
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats'
                   '.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % "".join(body))


def write_odt(dst, pages):
    """An ODT with a level-1 text:h per page and its paragraphs."""
    body = []
    for page in pages:
        body.append('<text:h text:outline-level="1">%s</text:h>' % _xml(os.path.basename(page)))
        for p in _paragraphs_of_html(page):
            body.append("<text:p>%s</text:p>" % _xml(p))
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:'
                   'opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
                   '<office:body><office:text>%s</office:text></office:body></office:document-content>'
                   % "".join(body))


def office_samples(work, books=4, bytes_per_book=4 << 20):
    """(label, files) groups of generated EPUB, DOCX and ODT files, each book from a different
    stretch of the machine's HTML documentation; empty when it has none."""
    pages = _html_pages(books * bytes_per_book)
    if not pages:
        return []
    per_book = max(1, len(pages) // books)
    parts = [pages[i:i + per_book] for i in range(0, len(pages), per_book)][:books]
    groups = []
    for ext, write in ((".epub", write_epub), (".docx", write_docx), (".odt", write_odt)):
        folder = os.path.join(work, "parse" + ext.replace(".", "-"))
        os.makedirs(folder, exist_ok=True)
        files = []
        for i, part in enumerate(parts):
            path = os.path.join(folder, "book%d%s" % (i, ext))
            write(path, part)
            files.append(path)
        groups.append((ext, files))
    return groups


def unzipped_text_bytes(path):
    """The bytes of the XML and XHTML inside a zip-based document: what its reader parses."""
    with zipfile.ZipFile(path) as z:
        return sum(i.file_size for i in z.infolist() if i.filename.endswith((".xml", ".xhtml")))
