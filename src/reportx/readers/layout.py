"""A page's lines, as positioned on it, back into a report's text: the lines a page broke only to
fit its width joined into paragraphs, and the page's own furniture (page numbers, running heads)
left out. What the fixed-layout readers share (PDF, OFD): each reads its format's glyphs into
Lines with their geometry, and this decides on positions, not on what a line says:

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
  continues too.

Positions are in points (a reader of another unit converts): the leading is measured in whole points.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reportx.readers.paragraphs import CJK

_PAGE_NUMBER = re.compile(r"^[-—–·\s]*(?:第\s*)?(\d{1,4})\s*页?\s*(?:(?:/|共)\s*\d{1,4}\s*页?)?"
                          r"[-—–·\s]*$")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_SENTENCE_STOP = tuple("。！？：；!?:;")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*、|[(（][一二三四五六七八九十]{1,3}[)）]|"
                      r"\d{1,2}\s*[.、．](?!\d))")
# what a line may open with that the typesetter keeps whole: figures, Latin, and the punctuation
# that may not start a line after them
_UNBROKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.．%％‰+\-/、，,；;：:]*")
# The outer band of a page, as a share of its height, where page numbers and running heads sit.
_EDGE_BAND = 0.12
# Gaps between glyphs, in font sizes: wider than a table-cell gap parts cells of a row.
CELL_GAP = 1.2
# Chinese characters, CJK punctuation and full-width forms: a gap next to one is no word space.
CJK_CHAR = re.compile(f"[{CJK}]")


@dataclass
class Line:
    text: str
    x0: float       # left of its first glyph (points)
    x1: float       # right of its last glyph
    y: float        # bottom of its first glyph, from the page's bottom
    size: float     # font size of its first glyph
    gap: float      # widest untyped gap between two of its glyphs, in font sizes


@dataclass
class Page:
    lines: list[Line]
    height: float


def page_text(pages: list[Page]) -> str:
    """The text of a document's pages, in order: furniture dropped, paragraphs joined, one a line."""
    drop_furniture(pages)
    return "\n".join(_paragraphs([ln for p in pages for ln in p.lines if ln.text]))


def _edge_lines(page: Page) -> list[int]:
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


def drop_furniture(pages: list[Page]) -> None:
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


def _margins(lines: list[Line]) -> tuple[float, float]:
    """Left and right edges of the text column: where most long lines start and end."""
    long = [ln for ln in lines if len(ln.text) >= 8] or lines
    lefts = sorted(ln.x0 for ln in long)
    rights = sorted(ln.x1 for ln in long)
    return lefts[len(lefts) // 10], rights[min(len(rights) - 1, len(rights) * 9 // 10)]


def _reaches(line: Line, right: float, slack: float) -> bool:
    """The line ends within `slack` characters of the right margin."""
    return line.x1 >= right - slack * line.size


def _indented(line: Line, left: float) -> bool:
    return line.x0 > left + 0.8 * line.size


def _indents_paragraphs(lines: list[Line], left: float) -> bool:
    """Whether the document marks a paragraph's start by a two-character indent: enough of its
    lines start there (a paragraph of a few lines has one); a document of block paragraphs has
    almost none (its centred headings start anywhere)."""
    two = sum(1.5 * ln.size <= ln.x0 - left <= 2.6 * ln.size for ln in lines)
    return two >= max(2, 0.05 * len(lines))


def _pitch(lines: list[Line]) -> float:
    """The distance from one baseline to the next inside a paragraph, the document's most
    common (official documents set a fixed leading, 28 pt and more for 16 pt type: over 1.7
    times the font size)."""
    steps = Counter(round(a.y - b.y) for a, b in zip(lines, lines[1:])
                    if abs(a.size - b.size) <= 0.2 * a.size and 0 < a.y - b.y <= 4 * a.size)
    return float(steps.most_common(1)[0][0]) if steps else 0.0


def _continues(a: Line, b: Line, left: float, right: float, indents: bool,
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
            and a.gap < CELL_GAP and b.gap < CELL_GAP and not _HEADING.match(b.text))


def _pushed_down(a: Line, b: Line, right: float) -> bool:
    """Line a ended short only because b's first word would not fit after it: a run of digits
    and Latin with the punctuation bound to it (25.6％、19.3％、10.5％；) is not broken, so in text
    set flush left it moves to the next line whole. Its width is estimated (digits and Latin half
    a character, the rest one)."""
    word = _UNBROKEN.match(b.text)
    if word is None or a.text.endswith(_SENTENCE_STOP):
        return False
    width = sum(0.55 if ch.isascii() else 1.0 for ch in word[0]) * b.size
    return a.x1 + width > right


def _paragraphs(lines: list[Line]) -> list[str]:
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
