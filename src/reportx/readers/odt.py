"""OpenDocument text (.odt, as LibreOffice and WPS save it): the body's paragraphs and headings
one line each, table rows one line each, in order.

An .odt is a ZIP archive like a .docx, told from one by its `mimetype` member. Its text is in
content.xml under office:body/office:text: paragraphs (text:p) and headings (text:h), inside
lists and sections too. Spans, links and tracked insertions are read; text:s is that many spaces,
text:tab a tab, text:line-break a new line (as Word's manual break). Footnotes (text:note), the
tracked-changes record (deleted text lives there), annotations and frames' alternative text are
not the report's running text. A table row is one line, its cells apart by an ideographic space,
as the .docx reader writes it. The XML is parsed without entities or DTDs, and a content.xml that
declares more than the .docx reader's limit is refused before it is inflated.
"""
from __future__ import annotations

import zipfile

from reportx.errors import InputError
from reportx.readers.archive import SAFE_XML, check_part_size, unreadable_part_errors
from reportx.readers.paragraphs import CELL_GAP as _CELL_GAP, join_lines

MIMETYPE = b"application/vnd.oasis.opendocument.text"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_P, _H = f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"
_ROW, _CELL = f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table-cell"
_SPACE, _TAB, _BREAK = f"{{{_TEXT}}}s", f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"
# what is not running text: notes, the record of tracked changes, comments, index titles
_SKIP = {f"{{{_TEXT}}}note", f"{{{_TEXT}}}tracked-changes", f"{{{_OFFICE}}}annotation",
         f"{{{_TEXT}}}sequence-decls", "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}desc",
         "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}title"}


def is_odt(z: zipfile.ZipFile, data: bytes = b"") -> bool:
    """Whether an opened ZIP archive (of these bytes) is an OpenDocument text: its `mimetype`
    member says so (the standard puts it first and stored, so the head of the bytes shows it; a
    writer that did not is asked through the archive)."""
    if data[30:38] == b"mimetype":
        return data[38:38 + len(MIMETYPE)] == MIMETYPE
    try:
        info = z.getinfo("mimetype")
        return info.file_size < 256 and z.read(info).strip() == MIMETYPE
    except (KeyError, zipfile.BadZipFile, OSError, EOFError):
        return False


def read_odt(z: zipfile.ZipFile, name: str) -> str:
    """Paragraphs, headings and table rows of an OpenDocument text (an archive already open), in
    order, one line each."""
    from lxml import etree

    if "content.xml" not in z.namelist():
        raise InputError(f"{name}: an OpenDocument file without content.xml")
    check_part_size(z, "content.xml", name)
    try:
        root = etree.fromstring(z.read("content.xml"), etree.XMLParser(**SAFE_XML, huge_tree=True))
    except unreadable_part_errors() as exc:
        raise InputError(f"{name}: not a readable OpenDocument text "
                         f"({type(exc).__name__} in content.xml)") from None
    body = root.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text")
    lines: list[str] = []
    if body is not None:
        _blocks(body, lines)
    return join_lines(lines, collapse=False)


def _blocks(el, out: list[str]) -> None:
    """The lines of the block elements under `el`: paragraphs and headings, table rows, and the
    containers that hold them (lists, sections, tables)."""
    for child in el:
        tag = child.tag
        if tag in (_P, _H):
            _paragraph(child, out)
        elif tag == _ROW:
            cells = []
            for cell in child:
                if cell.tag == _CELL:
                    inner: list[str] = []
                    _blocks(cell, inner)
                    cells.append(" ".join(x.strip() for x in inner if x.strip()))
            out.append(_CELL_GAP.join(c for c in cells if c))
        elif isinstance(tag, str) and tag not in _SKIP:
            _blocks(child, out)


def _paragraph(p, out: list[str]) -> None:
    pieces = [p.text or ""]

    def walk(el):
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                pass
            elif tag == _SPACE:
                count = child.get(f"{{{_TEXT}}}c", "1")
                pieces.append(" " * (min(int(count), 1000) if count.isdigit() else 1))
            elif tag == _TAB:
                pieces.append("\t")
            elif tag == _BREAK:
                out.append("".join(pieces))
                pieces.clear()
            elif isinstance(tag, str):
                pieces.append(child.text or "")
                walk(child)
            pieces.append(child.tail or "")

    walk(p)
    out.append("".join(pieces))
