"""From a file's bytes to the report's text: the entry point every other part of reportx uses.

What a file holds is read from its bytes, never guessed from its name, and handed to the reader
of that kind, one module each:

- `plain`: text in UTF-8, UTF-16 (with or without BOM) or GB18030/GBK, line ends made usable;
  a dataset's table of reports in it (CSV, TSV, JSON) read record by record (`table`);
- `html`: a saved web page, the report's running text only, chosen by what the text looks like;
- `mhtml`: a page saved as one file (MIME multipart/related), its HTML part;
- `docx`: a Word document's paragraphs and table rows, tracked insertions and text boxes included;
- `doc`: a Word 97-2003 document's main text, read from its piece table;
- `odt`: an OpenDocument text's paragraphs, headings and table rows;
- `rtf`: a Rich Text Format document's text (Unicode or code-page bytes), fields' results;
- `pdf`: the text layer of each page, lines re-joined into paragraphs, page numbers dropped;
- `ofd`: an OFD's (GB/T 33190) text objects, page by page, joined as a PDF's lines are.

Offsets the user sees point into the text returned here (BOM stripped); `reportx text FILE` prints
it. A file with no Chinese text in it (an English page, a scanned PDF, a menu-only page) raises
InputError: there is no report to read. A file read only in part (a page that yields less than a
report, PDF pages without text, damaged bytes) gives a ReportxWarning. The readers' libraries
(lxml, pdfium, olefile) are imported only when a file needs them, so plain-text runs do not pay for them.
"""
from __future__ import annotations

import re
from pathlib import Path

from reportx.errors import InputError
from reportx.readers.paragraphs import MIN_HAN, han_count, has_han, is_blank, scrub_controls
from reportx.readers import rtf
from reportx.readers.plain import BOMS, decode_bytes, plain_text, utf16_order

__all__ = ["read_text", "text_from_bytes", "sniff", "decode_bytes", "han_count", "MIN_HAN"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, WPS .wps, old Excel: OLE2 files


def _head_text(data: bytes) -> str:
    """The start of the file as text, whatever its encoding, to look for markup in."""
    head = data[:2048]
    for bom, codec in BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(codec, errors="ignore")
    if b"\x00" in head:
        codec = utf16_order(head)
        if codec:
            return head[: len(head) // 2 * 2].decode(codec, errors="ignore")
    return head.decode("latin-1")


def sniff(data: bytes) -> str:
    """What the bytes are: 'pdf', 'zip', 'ole', 'rtf', 'mhtml', 'html' or 'text'."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(_OLE):
        return "ole"
    if rtf.is_rtf(data[:64]):
        return "rtf"
    low = data[:4096].lower()
    if b"mime-version:" in low[:2048] and b"multipart/related" in low \
            and not low.lstrip().startswith(b"<"):
        return "mhtml"  # a page saved by a browser as one file (.mhtml, .mht)
    head = _head_text(data).lower()
    probe = head.lstrip("\ufeff \t\r\n")
    if probe.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in head \
            or "<body" in head or _is_page_fragment(probe):
        return "html"
    return "text"


# a page's body cut out by a scraper (<h4>各位代表：</h4><p>…</p>, or a list's repr of it:
# [<div class="article">…): it opens with a block element's tag and closes one further on
_FRAGMENT_OPEN = re.compile(r"\[?\s*<(?:p|div|h[1-6]|table|section|article|span|font|ul|ol|li|br)\b[^<>]*>")
_FRAGMENT_CLOSE = re.compile(r"</(?:p|div|h[1-6]|td|li|span|font|section|article)\s*>")


def _is_page_fragment(probe: str) -> bool:
    """Markup without the <html> or <body> a saved page has: a scraper's fragment, read as a page
    (its tags would stand in the text and hide its headings). Its lines are markup, most of them
    opening with a tag: not a text whose title alone is tagged."""
    if _FRAGMENT_OPEN.match(probe) is None or len(_FRAGMENT_CLOSE.findall(probe)) < 2:
        return False
    # (split at line feeds only: the head may be bytes read as Latin-1, whose \x85 is a line end
    # to splitlines)
    lines = [ln for ln in (ln.strip() for ln in probe.split("\n")) if ln]
    return 2 * sum(ln.startswith(("<", "[<")) for ln in lines) >= len(lines)


def _zip_text(data: bytes, name: str) -> str:
    """A ZIP archive, opened once: an OpenDocument text if its mimetype says so, an OFD if it has
    OFD.xml at its root, else a .docx."""
    from reportx.readers import docx, odt, ofd
    from reportx.readers.archive import open_zip

    with open_zip(data, name) as z:
        if odt.is_odt(z, data):
            return odt.read_odt(z, name)
        return ofd.read_ofd(z, name) if ofd.is_ofd(z) else docx.read_docx(z, name)


def _readers():
    """Each kind of file: the function that reads its text, and what to say when it has none."""
    from reportx.readers import doc, html, mhtml, pdf

    page = "no Chinese report text on this page"
    return {
        "pdf": (pdf.pdf_text, "no text layer (a scanned PDF?) or no Chinese report text in it"),
        "zip": (_zip_text, "no Chinese report text in this document"),
        "ole": (doc.doc_text, "no Chinese report text in this document"),
        "html": (html.html_text, page),
        "rtf": (rtf.rtf_text, "no Chinese report text in this document"),
        "mhtml": (mhtml.mhtml_text, page),
        "text": (plain_text, "no Chinese report text in this file"),
    }


def text_from_bytes(data: bytes, name: str = "<bytes>") -> str:
    """The report text of a file's bytes, whatever the format."""
    if is_blank(data):
        raise InputError(f"{name}: file is empty")
    read, what = _readers()[sniff(data)]
    text = read(data, name)
    if not has_han(text, MIN_HAN):
        raise InputError(f"{name}: {what}")
    return scrub_controls(text, name)


def read_text(path: str | Path) -> str:
    """The report text of a file (plain text, HTML, .docx, .doc, .odt or PDF, told apart by their
    bytes)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a report file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    return text_from_bytes(data, str(p))
