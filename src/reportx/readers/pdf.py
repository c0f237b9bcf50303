"""PDF: the text layer of each page, read into positioned lines that readers/layout.py joins back
into paragraphs, the page's own furniture (page numbers, running heads) left out.

Text and glyph positions come from pdfium (pypdfium2), which reads the text about 6x faster than
pypdf and opens the common permission-locked PDFs (AES or RC4, empty user password) by itself;
benchmarks/README.md has the figures. What is PDF's own: a gap pdfium reads as a space next to a
Chinese character, narrower than a character, is the typesetter's spacing between Chinese and
digits or Latin (2025 年), not a space of the text.
"""
from __future__ import annotations

import re

from reportx.errors import InputError
from reportx.readers.layout import CELL_GAP as _CELL_GAP, CJK_CHAR as _CJK, Line, Page, page_text
from reportx.readers.paragraphs import CELL_GAP as _CELL_SEPARATOR, clean_line, warn

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _page(pdf_page) -> Page:
    """The lines of one page with their geometry."""
    import pypdfium2.raw as raw

    text_page = pdf_page.get_textpage()
    try:
        text = text_page.get_text_range()
        lines = []
        pos = 0
        for m in [*_LINE_BREAK.finditer(text), None]:
            end = m.start() if m else len(text)
            line = _line(text_page, raw, text, pos, end)
            if line is not None:
                lines.append(line)
            pos = m.end() if m else end
    finally:
        text_page.close()
    return Page(lines, pdf_page.get_size()[1])


def _line(text_page, raw, text: str, start: int, end: int) -> Line | None:
    glyphs = [i for i in range(start, end) if not text[i].isspace()]
    if not glyphs:
        return None
    first, last = glyphs[0], glyphs[-1]
    left, bottom, _, _ = text_page.get_charbox(first, loose=True)
    # where the line stands: its first Chinese character's box, since quotes and digits are set
    # in a Latin font whose box sits higher or lower (“ would move a line by half a line)
    anchor = first if _CJK.match(text[first]) else \
        next((i for i in glyphs[1:12] if _CJK.match(text[i])), first)
    if anchor != first:
        bottom = text_page.get_charbox(anchor, loose=True)[1]
    size = raw.FPDFText_GetFontSize(text_page, anchor) or 10.0
    right = text_page.get_charbox(last)[2]
    widest = 0.0
    pieces = [text[start:first]]
    # Glyphs stand apart only where the text has a space between them: measure there. A gap
    # pdfium filled with a space of its own (none was typed) as wide as a character or more
    # parts two cells of a table row, and reads as one. A narrower one beside a Chinese
    # character is the typesetter's spacing between Chinese and Latin or digits (2025 年,
    # 增长 5%), not a space of the text.
    for a, b in zip(glyphs, glyphs[1:]):
        pieces.append(text[a])
        if b > a + 1:
            typed = not any(raw.FPDFText_IsGenerated(text_page, i) for i in range(a + 1, b))
            gap = 0.0 if typed else \
                (text_page.get_charbox(b)[0] - text_page.get_charbox(a)[2]) / size
            widest = max(widest, gap)
            if gap >= _CELL_GAP:
                pieces.append(_CELL_SEPARATOR)
            elif typed or not (_CJK.match(text[a]) or _CJK.match(text[b])):
                pieces.append(text[a + 1:b])
    pieces.append(text[last:end])
    return Line("".join(pieces), left, right, bottom, size, widest)


def _open(data: bytes, name: str):
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - pypdfium2 is a dependency
        raise InputError(f"{name}: reading PDF needs the pypdfium2 package") from None
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(f"{name}: the PDF is password-protected (it needs a password to "
                             "open, not only to edit)") from None
        raise InputError(f"{name}: not a readable PDF ({exc})") from None


def pdf_text(data: bytes, name: str = "<pdf>") -> str:
    """The text layer of a PDF: pages in order, paragraphs whole, page furniture dropped."""
    import pypdfium2 as pdfium

    document = _open(data, name)
    try:
        pages = [_page(document[i]) for i in range(len(document))]
    except pdfium.PdfiumError as exc:
        raise InputError(f"{name}: not a readable PDF ({exc})") from None
    finally:
        document.close()
    blank = sum(1 for p in pages if not p.lines)
    if blank and blank < len(pages):
        warn(name, f"{blank} of {len(pages)} pages have no text layer (scanned?): their text is "
             "missing")
    for p in pages:
        for ln in p.lines:
            ln.text = clean_line(ln.text)
    return page_text(pages)
