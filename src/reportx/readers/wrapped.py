"""Text hard-wrapped at a fixed width: a report copied out of a PDF or a document site, saved as
text, whose lines are pieces of paragraphs (地区生产总值 1218 亿元，\\n增长 6.2%). Read as it is,
every line end is a sentence end: 社会消费品零\\n售总额 is two words and a figure on the next line
loses its indicator. Such text is told by its lines, and its wrapped lines are joined.

How it is told: many lines stop at the same display width (a Chinese character is two columns,
as on the page they came from) without the punctuation that ends a sentence or a heading, and
without opening like a numbered heading. A text written one paragraph per line has paragraphs of
every length, ending in 。; in the reports of ../shared/corpus at most 4 % of lines look wrapped,
in hard-wrapped ones 28–47 % do.

Joining changes offsets: the claims of such a file point into the joined text, as those of a
PDF point into the text read from it. The file's reader says so with a warning.
"""
from __future__ import annotations

import re

# what ends a sentence: a line ending so is a paragraph's last line (one ending in ；, ：, a
# bracket or a closing quote at the wrap width goes on: those stand inside sentences)
_ENDS = "。！？!?"
# closing quotes and brackets, after which an end mark still ends the line
_CLOSERS = "”’\"'」』）)】》"
# a numbered heading or list item opens a paragraph of its own (一、 （二） 3. 3、)
NUMBERED = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[、．]|\.(?!\d))")
# and so does an item a bullet opens (●地区生产总值…, ■一般公共预算收入…: an infographic's list, whose
# lines are often of one width and unpunctuated)
OPENS_ITEM = re.compile(NUMBERED.pattern + r"|\s*[●■◆▪•◇○□★☆▶►▲△◎]")
# lines this close to the wrap width (in columns, either side: widths are estimates, and a
# page's digits and Latin letters are narrower than half a Chinese character) are full: a tenth
# of the width, at least this many columns
_SLACK = 4
# a narrower wrap is a column of short lines (a table, a list of names), not wrapped prose
_MIN_WIDTH = 30
# this share of the lines full and unfinished, and at least this many of them, is a wrapped text
_MIN_SHARE, _MIN_LINES = 0.2, 6
# a wrap is the widest a text's lines go: lines past it (a title, a site's footer) are fewer than
# this share of the full lines; more, and the lines that stop near one width are short lines of
# their own among long paragraphs (a digest's list)
_MAX_WIDER = 0.5
_LATIN = re.compile(r"[A-Za-z]")
# a text is double-spaced when this share of its lines is followed by a blank line
_DOUBLED = 0.8
# a page number on a line of its own (— 1 —, - 12 -, 第3页): the page broke a paragraph there
_PAGE_NUMBER = re.compile(r"^[ \t\u3000]*(?:[-—–]+[ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–]+|第\d{1,4}页)"
                          r"[ \t\u3000]*$")
# a copying site's watermark at a line's end (see watermarks), and the kinds of its characters
_MARK = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{3}$")
_KINDS = (re.compile("[a-z]"), re.compile("[A-Z]"), re.compile("[0-9]"))
_MARK_LINES = 3
# East Asian wide and full-width characters (Unicode's W and F), and the ASCII punctuation
# that stands for full-width punctuation in Chinese text
_WIDE = re.compile("[,.:;!?()\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf"
                   "\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
                   "\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def width(line: str) -> int:
    """Display columns of a line: two for a wide (Chinese, full-width) character, else one.
    Punctuation counts two either way: in Chinese text it was full-width on the page, and a
    copy that made it ASCII (，→ ,) would otherwise make its lines look short. (The wide
    characters are counted by one substitution in C: this runs on every line of every file.)"""
    return len(line) + len(line) - len(_WIDE.sub("", line))


def _slack(wrap: int) -> int:
    return max(_SLACK, wrap // 10)


def watermarks(lines: list[str]) -> frozenset[str]:
    """The tokens a copying site stamps at the end of lines (…目标任务。9ti, 各位代表:nzH): three
    letters and digits of mixed kinds, ending at least three lines. Not words: APP, www, jpg and
    a phone code (021) are of one kind."""
    counts: dict[str, int] = {}
    for line in lines:
        m = _MARK.search(line.rstrip())
        if m and sum(1 for kind in _KINDS if kind.search(m[0])) >= 2:
            counts[m[0]] = counts.get(m[0], 0) + 1
    return frozenset(t for t, n in counts.items() if n >= _MARK_LINES)


def _unmarked(line: str, marks: frozenset[str]) -> str:
    """The line without a watermark at its end."""
    return line[:-3].rstrip() if marks and line[-3:] in marks and len(line) > 3 else line


def _fits(columns: int, wrap: int) -> bool:
    """A line this wide is full at this wrap: a little short of it, or past it by up to twice
    that (the wrap is the middle of the full lines' widths, and a line of digits, Latin letters
    and punctuation is wider than its columns say, or narrower)."""
    return wrap - _slack(wrap) <= columns <= wrap + 2 * _slack(wrap)


def _unfinished(line: str, marks: frozenset[str] = frozenset()) -> bool:
    """The line stops inside a sentence: no end mark at its end, nor one before a closing quote
    or bracket (…干劲更足了。”)."""
    return _unmarked(line, marks).rstrip(_CLOSERS)[-1:] not in _ENDS


def _wrapped_prose(line: str, marks: frozenset[str]) -> bool:
    """A line that looks cut at the wrap: unfinished, and no numbered heading (headings of a
    text written a paragraph per line are often about as wide as a wrap, and end unpunctuated)."""
    return _unfinished(line, marks) and not OPENS_ITEM.match(line)


def wrap_width(lines: list[str]) -> int | None:
    """The width a text's lines were wrapped at (the one most unfinished lines stop near), or
    None when it is not hard-wrapped."""
    return _wrap_and_marks(lines)[0]


def _wrap_and_marks(lines: list[str]) -> tuple[int | None, frozenset[str]]:
    """wrap_width, and the watermarks it read the lines with."""
    kept = [ln.strip() for ln in lines if ln.strip()]
    marks = watermarks(kept)
    cut = [ln for ln in kept if _wrapped_prose(ln, marks)]
    if len(cut) < max(_MIN_LINES, _MIN_SHARE * len(kept)):
        return None, marks     # most lines end their sentence: written a paragraph per line
    counts: dict[int, int] = {}
    for ln in cut:
        w = width(ln)
        counts[w] = counts.get(w, 0) + 1
    best, best_n = None, 0
    for w in sorted(counts):
        if w < _MIN_WIDTH:
            continue
        slack = _slack(w)
        n = sum(counts.get(x, 0) for x in range(w - slack, w + slack + 1))
        if n > best_n:
            best, best_n = w, n
    if best is None or best_n < _MIN_LINES or best_n < _MIN_SHARE * len(kept):
        return None, marks
    wider = sum(1 for ln in kept if not _fits(width(ln), best) and width(ln) > best)
    if wider > _MAX_WIDER * best_n:
        return None, marks     # a list of short lines among longer ones (要点: 國內生產毛額增長 5%)
    return best, marks


def unwrap(text: str) -> str | None:
    """The text with its wrapped lines joined into paragraphs, or None when it is not wrapped.

    A line is joined to the next when it is full (within a few columns of the wrap width) and
    unfinished, and the next line is text that does not open a numbered heading. Latin words
    meeting across the join keep a space between them (a wrap falls on a space and drops it);
    Chinese characters and the digits of a number cut by the wrap (4779\\n1元) need none. In a
    text copied double-spaced (a blank line after every line) the blank line between two pieces
    of one paragraph goes with the join; so does a page number standing between them (— 1 —):
    the page broke the paragraph there."""
    lines = text.split("\n")
    wrap, marks = _wrap_and_marks(lines)
    if wrap is None:
        return None
    double = _double_spaced(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        body = line.rstrip(" \t\r\u3000")
        k = _next_piece(lines, i + 1, double)
        nxt = lines[k].strip() if k < len(lines) else ""
        full = body.strip() and _fits(width(body.strip()), wrap)
        if full and _unfinished(body.strip(), marks) and nxt and not OPENS_ITEM.match(nxt):
            lines[k] = lines[k].lstrip(" \t\u3000")
            space = " " if _LATIN.match(body[-1]) and _LATIN.match(nxt[0]) else ""
            out.append(body + space)
            i = k
        else:
            out.append(line + "\n")
            i += 1
    joined = "".join(out)
    return joined[:-1] if joined.endswith("\n") and not text.endswith("\n") else joined


def _double_spaced(lines: list[str]) -> bool:
    """Most lines of text are followed by one blank line (a copy that doubled every break)."""
    text = [i for i, ln in enumerate(lines[:-1]) if ln.strip()]
    return len(text) >= _MIN_LINES and sum(
        1 for i in text if not lines[i + 1].strip()) >= _DOUBLED * len(text)


def _next_piece(lines: list[str], k: int, double: bool) -> int:
    """The line a wrapped line at k - 1 goes on in: the next one; in a double-spaced text, the
    one after the blank line; past a page number (— 1 —) and its blank line."""
    if double and k < len(lines) and not lines[k].strip():
        k += 1
    if k < len(lines) and _PAGE_NUMBER.match(lines[k]):
        k += 1
        if double and k < len(lines) and not lines[k].strip():
            k += 1
    return k
