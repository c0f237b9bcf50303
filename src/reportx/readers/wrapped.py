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
# a numbered heading or list item opens a paragraph of its own (一、 （二） 3. 3、)
_NUMBERED = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[、．]|\.(?!\d))")
# lines this close to the wrap width (in columns, either side: widths are estimates, and a
# page's digits and Latin letters are narrower than half a Chinese character) are full: a tenth
# of the width, at least this many columns
_SLACK = 4
# a narrower wrap is a column of short lines (a table, a list of names), not wrapped prose
_MIN_WIDTH = 30
# this share of the lines full and unfinished, and at least this many of them, is a wrapped text
_MIN_SHARE, _MIN_LINES = 0.2, 6
_LATIN = re.compile(r"[A-Za-z]")
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


def _unfinished(line: str) -> bool:
    return line[-1] not in _ENDS


def _wrapped_prose(line: str) -> bool:
    """A line that looks cut at the wrap: unfinished, and no numbered heading (headings of a
    text written a paragraph per line are often about as wide as a wrap, and end unpunctuated)."""
    return _unfinished(line) and not _NUMBERED.match(line)


def wrap_width(lines: list[str]) -> int | None:
    """The width a text's lines were wrapped at (the one most unfinished lines stop near), or
    None when it is not hard-wrapped."""
    kept = [ln.strip() for ln in lines if ln.strip()]
    cut = [ln for ln in kept if _wrapped_prose(ln)]
    if len(cut) < max(_MIN_LINES, _MIN_SHARE * len(kept)):
        return None     # most lines end their sentence: written a paragraph per line
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
        return None
    return best


def unwrap(text: str) -> str | None:
    """The text with its wrapped lines joined into paragraphs, or None when it is not wrapped.

    A line is joined to the next when it is full (within a few columns of the wrap width) and
    unfinished, and the next line is text that does not open a numbered heading. Latin words
    meeting across the join keep a space between them (a wrap falls on a space and drops it);
    Chinese characters and the digits of a number cut by the wrap (4779\\n1元) need none."""
    lines = text.split("\n")
    wrap = wrap_width(lines)
    if wrap is None:
        return None
    out: list[str] = []
    for i, line in enumerate(lines):
        body = line.rstrip(" \t\r\u3000")
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        full = body.strip() and abs(width(body.strip()) - wrap) <= _slack(wrap)
        if full and _unfinished(body.strip()) and nxt and not _NUMBERED.match(nxt):
            lines[i + 1] = lines[i + 1].lstrip(" \t\u3000")
            space = " " if _LATIN.match(body[-1]) and _LATIN.match(nxt[0]) else ""
            out.append(body + space)
        else:
            out.append(line + "\n")
    joined = "".join(out)
    return joined[:-1] if joined.endswith("\n") and not text.endswith("\n") else joined
