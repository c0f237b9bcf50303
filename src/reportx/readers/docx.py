"""Word .docx: every paragraph of the document body as one line, table rows as one line each.

The main part's XML is read directly (not through python-docx, whose paragraph text skips
runs wrapped in other elements), so all text Word shows is kept: runs inside tracked insertions
(w:ins, w:moveTo), smart tags, custom XML, simple and complex fields (their result, not the
field code), hyperlinks, content controls and text boxes. Deleted text (w:del, w:moveFrom) and
the VML fallback copy of a text box are left out. A manual line break (w:br, w:cr) starts a new
line, as Word shows it; a heading paragraph, numbered or not, is a line of its own.

A .docx is a ZIP archive: the XML is streamed, never held whole (memory stays that of one
paragraph or table), and a part that declares it expands beyond MAX_PART_BYTES (a ZIP bomb: 388 KB
can hold 40 million empty paragraphs) raises InputError before anything is inflated.
"""
from __future__ import annotations

import zipfile

from reportx.errors import InputError
from reportx.readers.archive import SAFE_XML, check_part_size, unreadable_part_errors
from reportx.readers.paragraphs import CELL_GAP as _CELL_GAP, join_lines, warn

_MAX_RELS_BYTES = 1024 * 1024

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_TEXT = {f"{{{ns}}}t" for ns in (_W, _W_STRICT, _MATH)}
_OFFICE_DOCUMENT = "/officeDocument"
# Elements whose content is not shown text: properties, deleted or moved-away text, field codes,
# the fallback copy of an alternate content block.
_SKIP = {"pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr", "sectPr", "del", "moveFrom",
         "instrText", "delText", "delInstrText", "fldData", "Fallback", "footnoteReference",
         "endnoteReference", "commentReference", "annotationRef"}


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _main_part(z: zipfile.ZipFile, name: str) -> str:
    """The document part the package's relationships name (word/document.xml as a rule)."""
    from lxml import etree

    names = set(z.namelist())
    if "_rels/.rels" in names and z.getinfo("_rels/.rels").file_size <= _MAX_RELS_BYTES:
        try:
            rels = etree.fromstring(z.read("_rels/.rels"), etree.XMLParser(**SAFE_XML))
            for rel in rels:
                if (rel.get("Type") or "").endswith(_OFFICE_DOCUMENT):
                    target = (rel.get("Target") or "").lstrip("/")
                    if target in names:
                        return target
        except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile):
            pass
    if "word/document.xml" in names:
        return "word/document.xml"
    raise InputError(f"{name}: a ZIP archive but not a Word .docx document")


def read_docx(z: zipfile.ZipFile, name: str) -> str:
    """Paragraphs and table rows of a Word document (an archive already open), in order, one
    line each."""
    from lxml import etree

    part = _main_part(z, name)
    check_part_size(z, part, name)
    lines: list[str] = []
    chunks = 0
    try:
        # check_part_size bounds what is read
        with z.open(part) as member:
            # (Word writes no DTD: SAFE_XML loses nothing)
            for _, el in etree.iterparse(member, events=("end",), **SAFE_XML):
                parent = el.getparent()
                if parent is None or _local(parent) != "body":
                    continue
                chunks += _local(el) == "altChunk"
                _block(el, lines)
                # the body's finished children are dropped: memory stays that of one block
                el.clear(keep_tail=True)
                while el.getprevious() is not None:
                    del parent[0]
    except InputError:
        raise
    except unreadable_part_errors() as exc:
        raise InputError(f"{name}: not a readable .docx document "
                         f"({type(exc).__name__} in {part})") from None
    if chunks:
        warn(name, f"{chunks} embedded document(s) (altChunk) not read; open the file in Word "
             "and save it again to make their text part of the document")
    return join_lines(lines, collapse=False)


def _block(el, out: list[str]) -> None:
    """The lines of one block-level element: a paragraph, a table, or a wrapper of blocks
    (content control, custom XML, tracked insertion, alternate content)."""
    tag = _local(el)
    if tag == "p":
        _paragraph(el, out)
    elif tag == "tbl":
        _table(el, out)
    elif tag not in _SKIP:
        for child in el:
            _block(child, out)


def _paragraph(p, out: list[str]) -> None:
    pieces: list[str] = []
    boxes: list[str] = []

    def walk(el):
        for child in el:
            if child.tag in _TEXT:
                pieces.append(child.text or "")
                continue
            tag = _local(child)
            if tag in _SKIP:
                continue
            if tag == "tab":
                pieces.append("\t")
            elif tag in ("br", "cr"):  # a manual line break: Word shows a new line
                out.append("".join(pieces))
                pieces.clear()
            elif tag == "noBreakHyphen":
                pieces.append("-")
            elif tag == "txbxContent":  # a text box: its own paragraphs, after this one
                for block in child:
                    _block(block, boxes)
            else:
                walk(child)

    walk(p)
    out.append("".join(pieces))
    out.extend(boxes)


def _children(node, want: str):
    """The `want` children of a table or row (tr, tc), also those wrapped in content controls or
    custom XML."""
    for child in node:
        tag = _local(child)
        if tag == want:
            yield child
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _children(child, want)


def _rows(tbl):
    return _children(tbl, "tr")


def _cells(tr):
    return _children(tr, "tc")


def _table(tbl, out: list[str]) -> None:
    """One line per row, its cells apart by an ideographic space (a merged cell once: Word
    writes the cells a merge continues into empty)."""
    for tr in _rows(tbl):
        props = next((c for c in tr if _local(c) == "trPr"), None)
        if props is not None and any(_local(c) == "del" for c in props):
            continue  # a row deleted with tracked changes
        cells = []
        for tc in _cells(tr):
            lines: list[str] = []
            for child in tc:
                _block(child, lines)
            cells.append(" ".join(ln.strip() for ln in lines if ln.strip()))
        out.append(_CELL_GAP.join(c for c in cells if c))
