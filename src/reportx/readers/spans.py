"""Text set one span per line: a page converted from a PDF whose every run of text in a font of
its own (a number, a quote mark, a Latin word, a piece of a line) was saved as a line
(全年完成地区生产总值\\n67\\n4.1\\n亿元,增长\\n2.\\n3\\n%\\n;一般公共预算收入). Read as it is, a number is
cut in two (67 and 4.1 for 674.1), a heading is spread over seven lines (一、\\n2020\\n年和\\n“\\n十三五
\\n”\\n时期工作回顾) and every figure is a paragraph with no words.

How it is told: the lines are mostly a few characters long. A report written one paragraph per
line has lines of a hundred characters and more; a hard-wrapped one (readers/wrapped.py) of
thirty and more; one whose figures alone stand on lines of their own (readers/figure_lines.py)
keeps its sentences whole. Here half the lines with words or more are pieces of a few characters.

The lines of a paragraph are joined where none ends a sentence (。！？) or a lead (各位代表：), and a
numbered heading (一、, （二）) opens a line of its own. Joining changes offsets: the claims of such
a file point into the joined text. The file's reader says so with a warning.
"""
from __future__ import annotations

import re
from statistics import median

from reportx.readers.paragraphs import has_han
from reportx.readers.wrapped import NUMBERED

# a text of at least this many lines, half of those with words this short or shorter, is one set
# in spans
_MIN_LINES = 30
_SHORT = 6
# what ends a paragraph's last span: a sentence's end, or a lead's colon (各位代表：)
_ENDS = tuple("。！？!?：:")
# a number's digits and point alone on a line (增长\n2.\n3\n%), cut from its decimals
_CUT_DECIMAL = re.compile(r"\d+\.")


def join_spans(text: str) -> str | None:
    """The text with the spans of each paragraph joined on one line, or None when its lines
    are not spans."""
    lines = text.split("\n")
    kept = [ln.strip() for ln in lines if ln.strip()]
    # (the lines with words: a text whose figures alone stand apart keeps its sentences whole
    # between them, lines of a dozen characters and more)
    worded = [ln for ln in kept if has_han(ln, 1)]
    if len(kept) < _MIN_LINES or not worded or median(len(ln) for ln in worded) > _SHORT:
        return None
    pieces = [ln.strip(" \t\r\u3000") for ln in lines]
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if not piece:
            if out and out[-1]:
                out.append("")          # a blank line parts paragraphs as it did
            continue
        if out and out[-1] and not out[-1].endswith(_ENDS) \
                and not _opens_item(piece, pieces[i + 1] if i + 1 < len(pieces) else ""):
            out[-1] += piece
        else:
            out.append(piece)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _opens_item(piece: str, after: str) -> bool:
    """A numbered heading or list item starts here (一、, （二）, 3.): not a number's digits and
    point cut from its decimals (增长\\n2.\\n3\\n%)."""
    if NUMBERED.match(piece) is None:
        return False
    return not (_CUT_DECIMAL.fullmatch(piece) and after[:1].isdigit())

