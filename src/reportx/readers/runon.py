"""Text whose paragraphs were run together on one line: a page saved as text from a site that
flattened its layout, where only runs of spaces are left between paragraphs (…提出意见。   一、
2020年工作回顾   刚刚过去的一年…). Read as one line, no heading opens a line, so no part of the
report reads as a review or a plan.

A run of three or more spaces inside a long line, or any space after a sentence's end (。 一、2014
年工作回顾), is taken for a paragraph break: its first space becomes a line end, one character for
one, so offsets stay those of the file. Within a paragraph of a report, spaces come one at a time
and between words (1218 亿元, 习近平 新时代), not after its sentences; a paragraph's indent stands at
the start of its line. A text needs two such breaks to be read so (a short excerpt may have no
more): the reports of ../shared/corpus have at most one.
"""
from __future__ import annotations

import re

# a line at least this long may be paragraphs run together
_LONG_LINE = 200
# fewer breaks than this in the whole text is a stray space (hailar-2013 has one 。 followed by a
# space in its 30,000 characters), not a flattened page
_MIN_BREAKS = 2
_BREAK = re.compile(r"(?<=\S)[ \u3000]{3,}(?=\S)|(?<=[。！？!?])[ \u3000]+(?=\S)")


def split_run_on(text: str) -> str | None:
    """The text with its run-together paragraphs on lines of their own, or None if it has none."""
    lines = text.split("\n")
    long = (line for line in lines if len(line) >= _LONG_LINE)
    breaks = (m for line in long for m in _BREAK.finditer(line))
    if sum(1 for _ in zip(range(_MIN_BREAKS), breaks)) < _MIN_BREAKS:
        return None     # (counted only as far as it takes to know)
    out = []
    for line in lines:
        if len(line) >= _LONG_LINE:
            line = _BREAK.sub(lambda m: "\n" + m[0][1:], line)
        out.append(line)
    return "\n".join(out)


# a numbered heading glued to the sentence before it (…提出意见。一、2019年工作回顾2019年，…), or
# after a space (…提出意见。 一、2020年…工作回顾, where a short excerpt has too few such breaks for
# split_run_on): a page flattened without even spaces. Inside one paragraph of a report a
# numbered heading does not follow a sentence's end (none in ../shared/corpus), so in a long line
# it is a paragraph break; the spaces before it become the line end.
# (a part's number as numbers are written, 一 to 九十九: 五一、端午、中秋 is holidays, not part 51;
# 一、二季度 a list of quarters)
_ORDINAL = r"(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_GLUED_HEADING = re.compile(
    r"(?<=[。！？!?])[ \u3000]*(?=(?:" + _ORDINAL + r"、(?!" + _ORDINAL + r"[、季和至到])|[（(]"
    + _ORDINAL + r"[）)]))")
# the report's title at a long first line's start, a heading glued to it (…政府工作报告一、2022年工作回顾…;
# not …专题报告一、二季度经济运行情况 inside a paragraph)
_GLUED_TITLE = re.compile(r"^([ \u3000]*[^\n。，,；;]{0,40}?政府工作报告)(?=" + _ORDINAL + r"、)")
_HEADING_LINE = 300


def part_glued_headings(text: str) -> str | None:
    """The text with a line end put before each numbered heading glued to the sentence before
    it in a long line, or to the report's title opening the first one, or None if it has none.
    This adds characters: offsets then point into the parted text."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    titled = first is not None and len(lines[first]) >= _HEADING_LINE \
        and _GLUED_TITLE.search(lines[first]) is not None
    if not titled and not any(len(line) >= _HEADING_LINE and _GLUED_HEADING.search(line)
                              for line in lines):
        return None
    if titled:
        lines[first] = _GLUED_TITLE.sub(r"\1\n", lines[first], count=1)
    return "\n".join(_GLUED_HEADING.sub("\n", line) if len(line) >= _HEADING_LINE else line
                     for line in lines)

