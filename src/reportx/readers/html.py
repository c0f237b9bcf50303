"""A saved web page: the report's running text, one line per paragraph, and nothing of the page.

The page is laid out as a browser would, one line per block (paragraph, list item, table row,
<br>), and each line is judged by what it says, never by its class names or ids (one
accessibility plugin puts `skipAutoFix` on every element of some government pages; "skip",
"top" or "info" in a class say nothing about the text inside):

- running text: a line of Chinese with sentence punctuation, little of it link text; it weighs
  its Chinese characters;
- page controls: a line mostly link text (menus, related articles, share buttons), a field with
  a number or a time (访问量：1632, 发布时间：2024-02-05 10:30), or only buttons (【返回顶部】
  【关闭本页】); it weighs against, and is never kept;
- short: anything else (headings, the date line, 关联稿件); a small weight against, so that it
  stays only where running text surrounds it.

The report is the run of consecutive lines of greatest total weight (the longest stretch of
paragraphs, allowing the headings between them). Before it, the lines of the same page block
(the innermost element holding the whole run) are kept up to the first page control: they are
the report's title, date line and speaker. After it nothing is kept: what follows a report's last
paragraph on a page is the page's (关联稿件, 扫一扫在手机打开当前页). The
page's <h1> before the report heads the text, as its title, unless the text already starts so.

A page from which less than a plausible report is kept, or on which much of the running text lay
outside the run, gives a ReportxWarning naming what was kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reportx.errors import InputError
from reportx.readers.paragraphs import CELL_GAP as _CELL_GAP, PLAUSIBLE_HAN, han_count, join_lines, \
    snippet, warn
from reportx.readers.plain import BOMS, decode_text, utf16_order

# elements a browser does not render as text
_UNRENDERED = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg",
               "canvas", "iframe", "object", "embed", "select", "option", "button", "datalist",
               "map", "dialog", "audio", "video", "picture", "math"}
_BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table",
           "section", "article", "main", "blockquote", "pre", "dd", "dt", "dl", "center", "hr",
           "figure", "figcaption", "address", "tbody", "thead", "tfoot", "caption", "header",
           "footer", "nav", "aside", "form", "fieldset", "legend", "details", "summary", "body",
           "html", "hgroup", "menu", "textarea"}
_CELLS = {"td", "th"}
_PREFORMATTED = {"pre", "textarea", "xmp", "plaintext", "listing"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# what ends or divides a sentence: a line of running text has at least one
_SENTENCE_MARKS = re.compile(r"[，。；！？、,;!?]")
_PAGE_FIELD = re.compile(r"\w{1,6}\s*[：:]\s*\d[\d\s\-/.:年月日]*(?:\s|$)")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_BUTTONS = re.compile(r"^(?:\s*[【\[][^】\]]{1,10}[】\]])+\s*$")

# Weights (in Chinese characters of running text): a short line costs a little, a line of links
# costs its length, so that a menu between two blocks of text parts them.
_SHORT_WEIGHT = -8
_LINK_EXTRA = -10
_MIN_RUNNING_HAN = 2
_LEFT_OUT_SHARE = 0.25


@dataclass
class _Line:
    text: str
    link_chars: int        # characters of link text
    elem: object           # the element the line started in
    order: int             # that element's position in document order
    h1: bool               # the line is (in) an <h1>


def _decode(data: bytes, name: str, charset: str | None) -> str:
    """Bytes of a page to str: the charset its container declares, a BOM, BOM-less UTF-16, the
    page's own <meta charset>, then detection."""
    if charset:
        text = _decode_as(data, charset, name)
        if text is not None:
            return text
    if any(data.startswith(bom) for bom, _ in BOMS) or (b"\x00" in data[:4096]
                                                         and utf16_order(data[:4096])):
        return decode_text(data, name)
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", data[:4096], re.I)
    if m:
        text = _decode_as(data, m.group(1).decode("ascii", "ignore"), name)
        if text is not None:
            return text
    return decode_text(data, name)


def _codec(label: str) -> str:
    label = label.strip().lower()
    if label in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn"):
        return "gb18030"  # GB2312 and GBK pages often hold characters only their superset names
    if label.startswith(("utf-16", "utf16", "ucs-2", "unicode")):
        return "utf-8"  # a charset readable as ASCII is not UTF-16: browsers read it as UTF-8
    return label


def _decode_as(data: bytes, label: str, name: str) -> str | None:
    """The page in its declared encoding; a few damaged bytes are marked, not a reason to guess."""
    codec = _codec(label)
    try:
        return data.decode(codec)
    except LookupError:
        return None
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if bad > max(2, len(text) // 100):
            return None
        warn(name, f"{bad} byte sequence(s) not valid {label}, read as U+FFFD (a damaged page?)")
        return text


def _parse(markup: str, name: str):
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True,
                                  remove_pis=True)
    data = markup.replace("\x00", "\ufffd").encode("utf-8", errors="replace")
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):  # nothing but whitespace or a stray declaration
        return None
    # libxml2 stops at a resource limit (elements nested over 2,048 deep) and drops the rest
    # without raising: that is a page not read, not a page without text
    limit = next((e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    if limit is not None:
        raise InputError(f"{name}: elements nested too deep to read, no real page nests so "
                         f"deep ({limit.message.split(',')[0]})")
    return root


def _hidden(el) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _layout(root) -> tuple[list[_Line], dict, dict]:
    """The page's lines in reading order, each element's position in document order and that of
    its last descendant (so that line L lies inside element E when
    `order[E] <= L.order <= last[E]`)."""
    from lxml import etree

    lines: list[_Line] = []
    order: dict = {}
    last: dict = {}
    pieces: list[str] = []
    state = {"link": 0, "elem": None, "h1": 0, "pre": 0, "in_link": 0, "line_h1": False}
    stack: list = []  # the open elements
    layout_cells: set = set()  # table cells that hold blocks: lines of their own, not row cells

    def flush():
        if pieces:
            text = "".join(pieces)
            if text.strip():
                elem = state["elem"]
                lines.append(_Line(text, state["link"], elem, order[elem], state["line_h1"]))
            pieces.clear()
        state["link"] = 0
        state["elem"] = None

    def add(text: str | None):
        if not text:
            return
        if state["pre"]:
            first, *rest = text.replace("\r\n", "\n").split("\n")
            add_inline(first)
            for piece in rest:
                flush()
                add_inline(piece)
        else:
            add_inline(text.replace("\r", " ").replace("\n", " "))

    def add_inline(text: str):
        if not text:
            return
        if state["elem"] is None and text.strip():
            state["elem"] = stack[-1]
            state["line_h1"] = state["h1"] > 0
        pieces.append(text)
        if state["in_link"]:
            state["link"] += len(text) - text.count(" ")

    walker = etree.iterwalk(root, events=("start", "end"))
    counter = 0
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            order[el] = counter
            counter += 1
            if tag in _UNRENDERED or _hidden(el):
                walker.skip_subtree()
                last[el] = order[el]
                continue  # its end event still comes, for its tail
            stack.append(el)
            if tag in _CELLS and next(el.iter(*_BLOCKS), None) is not None:
                layout_cells.add(el)  # a cell of a page's layout table holds paragraphs
            if tag in _BLOCKS or el in layout_cells:
                flush()
            elif tag in _CELLS and state["elem"] is not None:  # a cell after one with text
                pieces.append(_CELL_GAP)
            state["in_link"] += tag == "a"
            state["h1"] += tag == "h1"
            state["pre"] += tag in _PREFORMATTED
            add(el.text)
        else:
            if el in last:  # a skipped element: only its tail is text
                add(el.tail)
                continue
            last[el] = counter - 1
            stack.pop()
            state["in_link"] -= tag == "a"
            state["h1"] -= tag == "h1"
            state["pre"] -= tag in _PREFORMATTED
            if tag in _BLOCKS or el in layout_cells:
                flush()
            if stack:
                add(el.tail)
    flush()
    return lines, order, last


def _is_page_control(text: str) -> bool:
    """A line of the page's own: a field with a number or a time (访问量：1632, 发布时间：2024-02-05
    10:30) or only buttons (【返回顶部】【关闭本页】). A report's lines have neither shape."""
    if _SENTENCE_MARKS.search(text):
        return False
    return bool(_PAGE_FIELD.search(text) or _CLOCK.search(text) or _BUTTONS.match(text))


def _weight(line: _Line) -> int:
    visible = len(line.text) - line.text.count(" ")
    if line.link_chars * 2 > visible or _is_page_control(line.text.strip()):
        return _LINK_EXTRA - visible
    han = han_count(line.text)
    if han >= _MIN_RUNNING_HAN and _SENTENCE_MARKS.search(line.text):
        return han
    return _SHORT_WEIGHT


def _best_run(weights: list[int]) -> tuple[int, int] | None:
    """The run of consecutive lines of greatest total weight (first and last index), if any
    weighs more than nothing."""
    best, best_span = 0, None
    total, start = 0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0, i
        total += w
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _container(lines: list[_Line], first: int, last_i: int, last: dict):
    """The innermost element holding lines first..last_i."""
    el = lines[first].elem
    end = lines[last_i].order
    while el.getparent() is not None and last[el] < end:
        el = el.getparent()
    return el


def _is_links(weight: int) -> bool:
    return weight <= _LINK_EXTRA


def html_text(data: bytes, name: str = "<html>", charset: str | None = None) -> str:
    """The report's text on a saved web page: its running text only, one line per paragraph.
    charset: the encoding a container (an .mhtml part) declares, if any."""
    root = _parse(_decode(data, name, charset), name)
    if root is None:
        return ""
    lines, order, last = _layout(root)
    weights = [_weight(ln) for ln in lines]
    run = _best_run(weights)
    if run is None:
        return ""
    first, end = run
    box = _container(lines, first, end, last)
    # the title, date line and speaker before the first paragraph, within the same block
    start = first
    while start > 0 and not _is_links(weights[start - 1]) \
            and order[box] <= lines[start - 1].order <= last[box]:
        start -= 1
    # a menu or a pager inside the run (between two pages of one article) is not text either
    text = join_lines(ln.text for ln, w in zip(lines[start:end + 1], weights[start:end + 1])
                      if not _is_links(w))
    title = next((ln for ln in reversed(lines[:start])
                  if ln.h1 and not _is_links(_weight(ln))), None)
    if title is not None:
        title_text = join_lines([title.text])
        if title_text and title_text not in text[: len(title_text) + 200]:
            text = f"{title_text}\n{text}"
    _warn_if_partial(name, text, weights, first, end)
    return text


def _warn_if_partial(name: str, text: str, weights: list[int], first: int, end: int) -> None:
    """Say so when what was kept is not a whole report, or the page had more running text."""
    kept = han_count(text)
    lines = text.splitlines()
    what = ("nothing" if not lines else f"“{snippet(lines[0])}”" if len(lines) == 1 else
            f"{len(lines)} lines, from “{snippet(lines[0])}” to “{snippet(lines[-1])}”")
    if kept < PLAUSIBLE_HAN:
        warn(name, f"only {kept} Chinese characters kept from this page ({what}); a work report "
             "has thousands: the page may hold only part of it")
        return
    running = sum(w for w in weights if w > 0)
    in_run = sum(w for w in weights[first:end + 1] if w > 0)
    # a sidebar's few sentences are furniture; a quarter of the report's size elsewhere is a
    # report cut in parts (a long menu between two pages of it), and the user should know
    if running - in_run > _LEFT_OUT_SHARE * in_run:
        warn(name, f"kept {in_run} of the {running} Chinese characters of running text on this "
             f"page ({what}); the rest lay apart from it and was left out as page furniture")
