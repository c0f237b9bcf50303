"""Text whose figures stand on lines of their own: a page converted from a PDF or a word
processor that set numbers in a font of their own, each number its own span, saved with a line
break on either side of every one (地区生产总值增长\\n8%;\\n财政收入增长\\n10%;). Read as it is, each
figure is a paragraph with no words, and the words before it are a paragraph with no figure.

How it is told: many lines that are only a number (digits, a decimal point, a per cent sign, and
a mark of punctuation after them) or only a mark of punctuation (the 。 after a last figure). A
report written one paragraph per line has none such: in ../shared/corpus not one line is only a
number. Such a line is joined to the line after it (2019\\n年 → 2019年), and to the line before
it where that line does not end a sentence or open a numbered heading (一、2019年工作回顾\\n2019\\n
年，… stays a heading and a paragraph).

Joining changes offsets: the claims of such a file point into the joined text, as those of a
wrapped one do. The file's reader says so with a warning.
"""
from __future__ import annotations

import re

from reportx.readers.paragraphs import has_han
from reportx.readers.wrapped import NUMBERED

# a line that is only a figure, or only the punctuation after one
_FIGURE_LINE = re.compile(r"[\d.,%％]*\d[\d.,%％]*[,，;；:：、.。]?|[,，;；:：、。)）]")
# this many such lines, and this share of the text's lines, is a text laid out so
_MIN_LINES, _MIN_SHARE = 5, 0.1
# what a line ends a sentence (or leads a list) with: the figure after it opens a line of its own
_ENDS = "。！？!?：:"
# what continues the sentence of a per cent on the next line: a mark (not a character), or these
# words (a qualifier, a list's or a range's next item, a noun's particle: 6.5%\n和\n7.2%, 5%\n至\n
# 5.5%, 58.3%\n的水平); a label (一般公共预算收入) does not
_PER_CENT = "%％"
_GOES_ON = ("左右", "以上", "以内", "以下", "和", "及", "与", "或", "至", "到", "的", "、")
# what a sentence holds and a heading's title does not
_SENTENCE_MARKS = re.compile("[。，,；;！？!?]")


def _heading(line: str) -> bool:
    """A numbered heading's line (一、2019年工作回顾): its number and a title with no sentence
    inside it. Not the number alone (一、\n2019\n年工作回顾: the heading cut at its figure), nor a
    numbered paragraph (（一）产业转型迈出新步伐。…完成\n921\n亿元)."""
    m = NUMBERED.match(line)
    return m is not None and m.end() < len(line) and not _SENTENCE_MARKS.search(line)


def _goes_on(here: str, after: str) -> bool:
    """A figure line's text goes on on the next line: a number before its unit (2019\n年, 15250\n
    人如期脱贫; not before another number, 5\n128个: a page's number), a figure before the mark or
    the word after it (0.47%\n，即将…, 9%\n。, 6.5%\n和), a mark inside a sentence before its next item
    (8%;\n财政收入增长); not a figure complete with its unit before a label (a table's 6.5%\n一般公共预算
    收入), nor a sentence's end before the next one."""
    if here[-1] in _ENDS:
        return False
    if here[-1].isdigit():
        return not after[0].isdigit()
    if here[-1] in _PER_CENT:
        return not has_han(after[0], 1) or after.startswith(_GOES_ON)
    return True


def join_figure_lines(text: str) -> str | None:
    """The text with its figure lines joined to the words around them, or None when its figures
    do not stand on lines of their own."""
    lines = text.split("\n")
    stripped = [ln.strip() for ln in lines] + [""]     # (and an empty line past the last)
    kept = sum(1 for ln in stripped if ln)
    alone = [i for i, ln in enumerate(stripped) if ln and _FIGURE_LINE.fullmatch(ln)]
    if len(alone) < max(_MIN_LINES, _MIN_SHARE * kept):
        return None
    # join[i]: line i goes on on line i + 1, without its line break
    join = [False] * len(lines)
    for i in alone:
        here, after = stripped[i], stripped[i + 1]
        if after and not NUMBERED.match(after) and _goes_on(here, after):
            join[i] = True
        before = stripped[i - 1] if i else ""
        if before and before[-1] not in _ENDS and not _heading(before) \
                and not (before[-1].isdigit() and here[0].isdigit()):
            join[i - 1] = True
    out = []
    for i, line in enumerate(lines):
        if join[i]:
            out.append(line.rstrip(" \t\r\u3000"))
            lines[i + 1] = lines[i + 1].lstrip(" \t\u3000")
        else:
            out.append(line + ("\n" if i + 1 < len(lines) else ""))
    return "".join(out)
