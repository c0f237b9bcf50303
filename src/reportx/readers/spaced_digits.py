"""Text whose figures are set digit by digit (1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元): an old page
typeset with letter-spacing, saved as text. Read as it is, 7 4 7 7 2 亿元 is 2亿元 and a year is
no year.

How it is told: runs of three digits or more parted by single spaces are most of the text's
numbers of three digits or more (a report written so has none of the one kind, dozens of the
other). The spaces after a digit or a decimal point, before a digit, a point, a per cent sign
or a Chinese character, are then dropped everywhere in the text: offsets point into the joined
text, and the file's reader says so with a warning.
"""
from __future__ import annotations

import re

# three digits or more, each parted from the next by one space
_SPACED_RUN = re.compile(r"(?<![\d ])\d(?: \d){2,}(?!\d)")
_WHOLE_RUN = re.compile(r"\d{3,}")
# the spaces the letter-spacing put inside a figure and between it and its unit or the word after
# it (6 5 . 6 %, 1 9 9 7 年, 7 4 7 7 2 亿元)
_BETWEEN_DIGITS = re.compile(r"(?<=[\d.．]) (?=[\d.．%％\u4e00-\u9fff])")
# at least this many spaced runs, and this share of the runs of three digits or more
_MIN_RUNS = 5
_MIN_SHARE = 0.6


def join_spaced_digits(text: str) -> str | None:
    """The text with its digits joined, or None when its figures are not set digit by digit."""
    spaced = sum(1 for _ in _SPACED_RUN.finditer(text))
    if spaced < _MIN_RUNS:
        return None
    whole = sum(1 for _ in _WHOLE_RUN.finditer(text))
    if spaced < _MIN_SHARE * (spaced + whole):
        return None
    return _BETWEEN_DIGITS.sub("", text)
