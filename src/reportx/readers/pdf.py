"""PDF: the text layer of each page, with the lines a page broke only to fit its width joined back
into paragraphs, and the page's own furniture (page numbers, running heads) left out.

Text and glyph positions come from pdfium (pypdfium2), which reads the text about 6x faster than
pypdf and opens the common permission-locked PDFs (AES or RC4, empty user password) by itself;
benchmarks/README.md has the figures. Decisions are made on positions, not on what a line says:

- a page number is a line of the page-number form (12, - 12 -, 第12页, 12/40) that is the top- or
  bottom-most line of its page and lies in the page's outer band; a bare number there must also
  follow the page sequence (page n shows n + k, the same k on other pages), so that a year or a
  figure ending a page is kept. A 1–4 digit line anywhere else (a title's 2022, a table's 71) is
  text;
- a running head or foot is a line at a page edge repeated on most pages;
- a line continues into the next when it reaches the right margin and the next one starts at
  the left margin (not indented like a new paragraph) at the next baseline in the same font
  size, is not a numbered heading, and neither is a table row (a line with gaps wider than a
  character between its glyphs). In a document whose paragraphs are not indented, a full line
  that ends a sentence (。；！？：) also ends its paragraph. "The next baseline" allows for the
  document's own leading (official documents set 28–29 pt for 16 pt type), measured as its most
  common step between lines, and a line's baseline is taken from its first Chinese character
  (a quote or digit set in a Latin font sits elsewhere). In text set flush left, a line that
  ended short because the figures opening the next one (25.6％、19.3％) would not fit after it
  continues too;
- a gap pdfium reads as a space next to a Chinese character, narrower than a character, is the
  typesetter's spacing between Chinese and digits or Latin (2025 年), not a space of the text.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reportx.errors import InputError
from reportx.readers.paragraphs import CELL_GAP as _CELL_SEPARATOR, CJK, clean_line, warn

_PAGE_NUMBER = re.compile(r"^[-—–·\s]*(?:第\s*)?(\d{1,4})\s*页?\s*(?:(?:/|共)\s*\d{1,4}\s*页?)?"
                          r"[-—–·\s]*$")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_SENTENCE_STOP = tuple("。！？：；!?:;")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*、|[(（][一二三四五六七八九十]{1,3}[)）]|"
                      r"\d{1,2}\s*[.、．](?!\d))")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# what a line may open with that the typesetter keeps whole: figures, Latin, and the punctuation
# that may not start a line after them
_UNBROKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.．%％‰+\-/、，,；;：:]*")
# The outer band of a page, as a share of its height, where page numbers and running heads sit.
_EDGE_BAND = 0.12
# Gaps between glyphs, in font sizes: wider than a table-cell gap parts cells of a row.
_CELL_GAP = 1.2
# Chinese characters, CJK punctuation and full-width forms: a gap next to one is no word space.
_CJK = re.compile(f"[{CJK}]")


@dataclass
class _Line:
    text: str
    x0: float       # left of its first glyph (points)
    x1: float       # right of its last glyph
    y: float        # bottom of its first glyph, from the page's bottom
    size: float     # font size of its first glyph
    gap: float      # widest untyped gap between two of its glyphs, in font sizes


@dataclass
class _Page:
    lines: list[_Line]
    height: float


def _page(pdf_page) -> _Page:
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
    return _Page(lines, pdf_page.get_size()[1])


def _line(text_page, raw, text: str, start: int, end: int) -> _Line | None:
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
    return _Line("".join(pieces), left, right, bottom, size, widest)


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
    _drop_furniture(pages)
    return "\n".join(_paragraphs([ln for p in pages for ln in p.lines if ln.text]))


def _edge_lines(page: _Page) -> list[int]:
    """Indexes of the top- and bottom-most lines, when they lie in the page's outer band."""
    if not page.lines:
        return []
    ys = [ln.y for ln in page.lines]
    out = []
    top, bottom = ys.index(max(ys)), ys.index(min(ys))
    if max(ys) >= page.height * (1 - _EDGE_BAND):
        out.append(top)
    if min(ys) <= page.height * _EDGE_BAND and bottom != top:
        out.append(bottom)
    return out


def _drop_furniture(pages: list[_Page]) -> None:
    """Page numbers and running heads and foots out of each page's lines."""
    candidates = []  # (page index, line index, the number shown)
    for n, page in enumerate(pages):
        for i in _edge_lines(page):
            m = _PAGE_NUMBER.match(page.lines[i].text)
            if m:
                candidates.append((n, i, int(m[1])))
    offsets = Counter(number - n for n, _, number in candidates)
    drop = set()
    for n, i, number in candidates:
        bare = _BARE_NUMBER.match(pages[n].lines[i].text)
        # a bare number is a page number when it follows the sequence of the others
        if not bare or offsets[number - n] >= 2 or len(pages) == 1:
            drop.add((n, i))
    if len(pages) >= 3:
        edges = Counter()
        for page in pages:
            kept = [ln.text for ln in page.lines if ln.text]
            edges.update(set(kept[:2] + kept[-2:]))
        repeated = {t for t, k in edges.items() if k >= max(3, len(pages) // 2)}
        for n, page in enumerate(pages):
            drop |= {(n, i) for i, ln in enumerate(page.lines) if ln.text in repeated}
    for n, page in enumerate(pages):
        page.lines = [ln for i, ln in enumerate(page.lines) if (n, i) not in drop]


def _margins(lines: list[_Line]) -> tuple[float, float]:
    """Left and right edges of the text column: where most long lines start and end."""
    long = [ln for ln in lines if len(ln.text) >= 8] or lines
    lefts = sorted(ln.x0 for ln in long)
    rights = sorted(ln.x1 for ln in long)
    return lefts[len(lefts) // 10], rights[min(len(rights) - 1, len(rights) * 9 // 10)]


def _reaches(line: _Line, right: float, slack: float) -> bool:
    """The line ends within `slack` characters of the right margin."""
    return line.x1 >= right - slack * line.size


def _indented(line: _Line, left: float) -> bool:
    return line.x0 > left + 0.8 * line.size


def _indents_paragraphs(lines: list[_Line], left: float) -> bool:
    """Whether the document marks a paragraph's start by a two-character indent: enough of its
    lines start there (a paragraph of a few lines has one); a document of block paragraphs has
    almost none (its centred headings start anywhere)."""
    two = sum(1.5 * ln.size <= ln.x0 - left <= 2.6 * ln.size for ln in lines)
    return two >= max(2, 0.05 * len(lines))


def _pitch(lines: list[_Line]) -> float:
    """The distance from one baseline to the next inside a paragraph, the document's most
    common (official documents set a fixed leading, 28 pt and more for 16 pt type: over 1.7
    times the font size)."""
    steps = Counter(round(a.y - b.y) for a, b in zip(lines, lines[1:])
                    if abs(a.size - b.size) <= 0.2 * a.size and 0 < a.y - b.y <= 4 * a.size)
    return float(steps.most_common(1)[0][0]) if steps else 0.0


def _continues(a: _Line, b: _Line, left: float, right: float, indents: bool,
               pitch: float = 0.0) -> bool:
    """Line b is the rest of the paragraph line a broke to fit the page. Where paragraphs start
    indented, an unindented line after one that nearly reached the margin continues it (a
    typesetter that does not justify leaves a few characters' room); where they do not, only a
    full line continues, and not when it ends a sentence."""
    em = a.size
    broke = _reaches(a, right, 4.0) if indents else \
        _reaches(a, right, 1.2) and not a.text.endswith(_SENTENCE_STOP)
    broke = broke or _pushed_down(a, b, right)
    return (broke and not _indented(b, left) and abs(a.size - b.size) <= 0.2 * em
            and (b.y < a.y and a.y - b.y <= max(2.5 * em, 1.25 * pitch)  # the next line,
                 or b.y > a.y)  # or the next page's first
            and a.gap < _CELL_GAP and b.gap < _CELL_GAP and not _HEADING.match(b.text))


def _pushed_down(a: _Line, b: _Line, right: float) -> bool:
    """Line a ended short only because b's first word would not fit after it: a run of digits
    and Latin with the punctuation bound to it (25.6％、19.3％、10.5％；) is not broken, so in text
    set flush left it moves to the next line whole. Its width is estimated (digits and Latin half
    a character, the rest one)."""
    word = _UNBROKEN.match(b.text)
    if word is None or a.text.endswith(_SENTENCE_STOP):
        return False
    width = sum(0.55 if ch.isascii() else 1.0 for ch in word[0]) * b.size
    return a.x1 + width > right


def _paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    left, right = _margins(lines)
    indents = _indents_paragraphs(lines, left)
    pitch = _pitch(lines)
    out: list[list[str]] = []
    previous = None
    for ln in lines:
        if previous is not None and _continues(previous, ln, left, right, indents, pitch):
            out[-1].append(ln.text)
        else:
            out.append([ln.text])
        previous = ln
    return ["".join(parts) for parts in out]
