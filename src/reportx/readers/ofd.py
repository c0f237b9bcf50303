"""OFD (.ofd, GB/T 33190): the fixed-layout format Chinese government sites publish beside PDF
(Suwell, Foxit, WPS and the national office suites write it). Each page's text is read into
positioned lines that readers/layout.py joins back into paragraphs, as the PDF reader's are.

An OFD is a ZIP archive with OFD.xml at its root. That names each document's Document.xml
(DocBody/DocRoot), which lists the pages in order (Pages/Page, its BaseLoc an attribute or a
child); a page's Content.xml holds layers of text, path and image objects, grouped in PageBlocks
too. A text object (TextObject) has a boundary (x y width height, millimetres from the page's top
left), a size, an optional matrix (CTM) and text codes (TextCode): a run of characters whose first
glyph stands at X, Y (its baseline, in the object's own space), each next one DeltaX further
("g 5 2.03" is five steps of 2.03). Producers cut text differently: a whole line an object
(converters), a character an object under a matrix (Suwell's), a line in several runs. So the
glyphs of a page are gathered first, and a line is the glyphs whose baselines agree, left to
right.

Not read: templates (a page's background: a letterhead, page numbers set once), annotations,
signatures, attachments. Tags are matched by their local name, so a producer that writes another
namespace than the standard's is read too. A part's path is looked up beside the file that names
it, then from the archive's root, and without regard to case (producers on Windows differ).
"""
from __future__ import annotations

import math
import posixpath
import re
import zipfile
from dataclasses import dataclass

from reportx.errors import InputError
from reportx.readers.archive import SAFE_XML, check_part_size, unreadable_part_errors
from reportx.readers.layout import CELL_GAP, CJK_CHAR, Line, Page, page_text
from reportx.readers.paragraphs import CELL_GAP as _CELL_SEPARATOR, clean_line, warn

ROOT = "OFD.xml"
_POINTS_PER_MM = 72 / 25.4
# a glyph's advance when DeltaX does not give it, in font sizes: a digit or Latin letter about
# half its em, any other character (Chinese, full-width, a dash or a quote of a Chinese font) all
_WIDE_ADVANCE, _NARROW_ADVANCE = 1.0, 0.5
# glyphs whose baselines are this close (in font sizes) stand on one line: a digit or a quote set
# in another font sits a little off the Chinese baseline, the next line a whole leading away
_SAME_LINE = 0.5
# a gap between glyphs this wide (font sizes), with no space typed, is a space between Latin words
_WORD_GAP = 0.3
_DELTA = re.compile(r"g\s+(\d+)\s+(-?[\d.]+)|(-?[\d.]+(?:[eE]-?\d+)?)")
# A4 portrait, for a page that states no size
_A4 = (210.0, 297.0)
# an element of this local name in any namespace or none (lxml's wildcard): producers differ
_ANY_NS = "{*}"


@dataclass
class _Glyph:
    char: str
    x: float        # left of the glyph, millimetres from the page's left
    advance: float  # its width
    y: float        # its baseline, millimetres from the page's top
    size: float     # its font size


def is_ofd(z: zipfile.ZipFile) -> bool:
    """Whether an opened ZIP archive is an OFD package: OFD.xml at its root (or in the one folder
    at its root: a package zipped with its folder)."""
    return _root(z) is not None


def _root(z: zipfile.ZipFile) -> str | None:
    """The package's OFD.xml: at the archive's root, else one folder down."""
    found = _member(z, ROOT)
    if found is not None:
        return found
    nested = [n for n in z.namelist() if n.count("/") == 1 and n.lower().endswith("/ofd.xml")]
    return nested[0] if len(nested) == 1 else None


def read_ofd(z: zipfile.ZipFile, name: str) -> str:
    """The text of an OFD package (an archive already open): its documents' pages in order,
    paragraphs whole, page furniture dropped."""
    root = _root(z) or ROOT
    top = posixpath.dirname(root)     # the package's folder ("" at the archive's root)
    if _member(z, posixpath.join(top, "Encryptions.xml")) is not None:
        raise InputError(f"{name}: the OFD is encrypted; open it in an OFD reader and save it "
                         "unencrypted, or as PDF")
    pages: list[Page] = []
    seen: set[str] = set()            # a part listed twice is read once (each can be large)
    for doc_path in _texts(_xml(z, root, name), "DocRoot"):
        path = _resolve(z, top, top, doc_path, name)
        if path not in seen:
            seen.add(path)
            pages.extend(_document_pages(z, top, path, name, seen))
    blank = sum(1 for p in pages if not p.lines)
    if blank and blank < len(pages):
        warn(name, f"{blank} of {len(pages)} pages have no text (scanned images?): their text is "
             "missing")
    return page_text(pages)


def _document_pages(z: zipfile.ZipFile, top: str, path: str, name: str,
                    seen: set[str]) -> list[Page]:
    root = _xml(z, path, name)
    default = _box(_first(root, "PageArea")) or _A4
    base = posixpath.dirname(path)
    pages = []
    for page in _children(root, "Pages", "Page"):
        loc = page.get("BaseLoc") or next(_texts(page, "BaseLoc"), "")
        if not loc:
            continue
        found = _resolve(z, top, base, loc, name)
        if found not in seen:
            seen.add(found)
            pages.append(_page(z, found, default, name))
    return pages


def _page(z: zipfile.ZipFile, path: str, default: tuple[float, float], name: str) -> Page:
    root = _xml(z, path, name)
    width, height = _box(_first(root, "Area")) or default
    glyphs: list[_Glyph] = []
    for obj in root.iter(_ANY_NS + "TextObject"):
        glyphs.extend(_object_glyphs(obj))
    return Page(_lines(glyphs, height), height * _POINTS_PER_MM)


def _object_glyphs(obj) -> list[_Glyph]:
    """The glyphs of one text object, placed on the page."""
    bx, by = (_numbers(obj.get("Boundary", "")) + [0.0, 0.0])[:2]
    size = _number(obj.get("Size") or obj.get("size"), 3.5)
    ctm = _numbers(obj.get("CTM", ""))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    scale = math.sqrt(abs(a * d - b * c)) or 1.0
    out: list[_Glyph] = []
    x = y = 0.0
    for code in obj.iterchildren(_ANY_NS + "TextCode"):
        if not code.text:
            continue
        x = _number(code.get("X"), x)
        y = _number(code.get("Y"), y)
        text = code.text
        across = _deltas(code.get("DeltaX", ""), len(text))
        # vertical text steps down (DeltaY) and not across: each glyph its own line
        down = _deltas(code.get("DeltaY", ""), len(text))
        for i, ch in enumerate(text):
            own = size * (_NARROW_ADVANCE if ch.isascii() else _WIDE_ADVANCE)   # its width, estimated
            step = across[i] if i < len(across) else 0.0 if down else own
            out.append(_Glyph(ch, bx + a * x + c * y + e, (step or own) * (abs(a) or 1.0),
                              by + b * x + d * y + f, size * scale))
            x += step
            y += down[i] if i < len(down) else 0.0
    return out


def _lines(glyphs: list[_Glyph], page_height: float) -> list[Line]:
    """The page's lines, top to bottom: glyphs grouped by baseline, each line left to right."""
    glyphs = [g for g in glyphs if not g.char.isspace() or g.char == " "]
    glyphs.sort(key=lambda g: (g.y, g.x))
    rows: list[list[_Glyph]] = []
    for g in glyphs:
        if rows and abs(g.y - rows[-1][0].y) <= _SAME_LINE * max(g.size, rows[-1][0].size):
            rows[-1].append(g)
        else:
            rows.append([g])
    lines = []
    for row in rows:
        row.sort(key=lambda g: g.x)
        line = _line(row, page_height)
        if line is not None:
            lines.append(line)
    return lines


def _line(row: list[_Glyph], page_height: float) -> Line | None:
    """One line of glyphs as text with its geometry (in points, as the layout rules are): a gap
    as wide as a table cell's parts cells, a narrower one between Latin words is a space."""
    inked = [g for g in row if g.char != " "]
    if not inked:
        return None
    anchor = next((g for g in inked[:12] if CJK_CHAR.match(g.char)), inked[0])
    pieces, widest, previous = [], 0.0, None
    for g in row:
        if previous is not None and g.char != " " and previous.char != " ":
            gap = (g.x - previous.x - previous.advance) / (anchor.size or 1.0)
            widest = max(widest, gap)
            if gap >= CELL_GAP:
                pieces.append(_CELL_SEPARATOR)
            elif gap >= _WORD_GAP and not (CJK_CHAR.match(g.char) or CJK_CHAR.match(previous.char)):
                pieces.append(" ")
        pieces.append(g.char)
        previous = g
    text = clean_line("".join(pieces))
    last = inked[-1]
    return Line(text, inked[0].x * _POINTS_PER_MM, (last.x + last.advance) * _POINTS_PER_MM,
                (page_height - anchor.y) * _POINTS_PER_MM, anchor.size * _POINTS_PER_MM,
                widest) if text else None


def _deltas(spec: str, limit: int) -> list[float]:
    """DeltaX (or DeltaY) as a list of steps, numbers and "g N d" for N steps of d: no more than
    `limit`, the glyphs they step between (a file may declare millions)."""
    out: list[float] = []
    for m in _DELTA.finditer(spec):
        if len(out) >= limit:
            break
        if m[1]:
            out.extend([float(m[2])] * min(int(m[1]), limit - len(out)))
        else:
            out.append(float(m[3]))
    return out


def _numbers(text: str) -> list[float]:
    try:
        return [float(t) for t in text.split()]
    except ValueError:
        return []


def _number(text: str | None, default: float) -> float:
    try:
        return float(text) if text is not None else default
    except ValueError:
        return default


def _box(el) -> tuple[float, float] | None:
    """Width and height of an area's PhysicalBox (x y width height)."""
    if el is None:
        return None
    box = next(_texts(el, "PhysicalBox"), "")
    values = _numbers(box)
    return (values[2], values[3]) if len(values) == 4 and values[3] > 0 else None


def _first(root, local: str):
    return next(root.iter(_ANY_NS + local), None)


def _children(root, parent: str, child: str):
    holder = _first(root, parent)
    return [] if holder is None else list(holder.iterchildren(_ANY_NS + child))


def _texts(root, local: str):
    """The stripped texts of the elements of this local name under root."""
    return (el.text.strip() for el in root.iter(_ANY_NS + local) if el.text and el.text.strip())


def _member(z: zipfile.ZipFile, path: str) -> str | None:
    """The archive's member of this path, matched without regard to case (the exact name is
    one lookup; only a miss walks the names)."""
    try:
        return z.getinfo(path).filename
    except KeyError:
        low = path.lower()
        return next((n for n in z.namelist() if n.lower() == low), None)


def _resolve(z: zipfile.ZipFile, top: str, base: str, loc: str, name: str) -> str:
    """The member a BaseLoc or DocRoot names: beside the file that names it, or from the
    package's root (`top`, its folder in the archive)."""
    loc = loc.replace("\\", "/")
    tries = [posixpath.join(top, loc.lstrip("/"))] if loc.startswith("/") else \
        [posixpath.normpath(posixpath.join(base, loc)), posixpath.normpath(posixpath.join(top, loc))]
    for path in tries:
        found = _member(z, path)
        if found is not None:
            return found
    raise InputError(f"{name}: a damaged OFD: {loc} is named but not in the archive")


def _xml(z: zipfile.ZipFile, path: str, name: str):
    from lxml import etree

    member = _member(z, path)
    if member is None:
        raise InputError(f"{name}: a damaged OFD: no {path} in the archive")
    check_part_size(z, member, name)
    try:
        return etree.fromstring(z.read(member), etree.XMLParser(**SAFE_XML, huge_tree=True))
    except unreadable_part_errors() as exc:
        raise InputError(f"{name}: not a readable OFD ({type(exc).__name__} in {member})") from None
