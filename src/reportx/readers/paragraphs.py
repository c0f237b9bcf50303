"""What every reader does to the lines it recovers: trim a paragraph's padding, drop blank lines,
count the Chinese characters that say whether any report text was found, and warn when a file
was read only in part."""
from __future__ import annotations

import re
import warnings

from reportx.errors import ReportxWarning

# Fewer Han characters than this and a file holds no report text at all (a report has thousands).
MIN_HAN = 4
# Fewer than this kept from a page and it is not a whole work report (the shortest real ones,
# abridged newspaper versions, have several thousand).
PLAUSIBLE_HAN = 2000

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# C0 controls other than tab, line feed and carriage return, and DEL
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Chinese characters, CJK punctuation and full-width forms (a character class's ranges)
CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# between the cells of a table row, in every reader: survives the clean-up of ASCII spaces
CELL_GAP = "\u3000"
# Whitespace between two CJK characters is a line wrap of the source, not a space in the text.
_SPACE_IN_CJK = re.compile(rf"(?<=[{CJK}])[ ]+(?=[{CJK}])")
# Only ASCII whitespace collapses (as in HTML): an em space or a no-break space is the author's.
_SPACES = re.compile(r"[ \t\r\f\v]+")
# what indents or pads a paragraph at either end
_PAD = " \t\r\f\v\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"


def han_count(text: str) -> int:
    """Han characters in the text. Counted by what is left once they are removed: findall would
    build one string per character (2.5 GB for a 64 MB file)."""
    return len(text) - len(_HAN.sub("", text))


def has_han(text: str, n: int) -> bool:
    """At least n Han characters, found without reading further than needed."""
    return sum(1 for _ in zip(range(n), _HAN.finditer(text))) >= n


def is_blank(data: bytes | str) -> bool:
    """Empty or only whitespace, without the copy that strip() makes."""
    return not data or data.isspace()


def clean_line(line: str, collapse: bool = True) -> str:
    """One paragraph, its indent and trailing padding trimmed (including the full-width spaces
    that indent Chinese paragraphs). collapse: runs of ASCII spaces made one and those between
    Chinese characters dropped, for text whose line breaks were layout (HTML source, PDF)."""
    if collapse:
        line = _SPACES.sub(" ", line)
        line = _SPACE_IN_CJK.sub("", line)
    return line.strip(_PAD)


def join_lines(lines, collapse: bool = True) -> str:
    return "\n".join(ln for ln in (clean_line(x, collapse) for x in lines) if ln)


def scrub_controls(text: str, name: str) -> str:
    """Control characters left in a report's text (the NUL or ESC of a damaged copy) as U+FFFD,
    one for one, with a warning: they mean nothing in a report, and break spreadsheets, XML and
    terminals downstream."""
    if not _CONTROLS.search(text):
        return text
    text, n = _CONTROLS.subn("\ufffd", text)
    warn(name, f"{n} control character(s) in the text read as U+FFFD (a damaged file?)")
    return text


def snippet(line: str, width: int = 24) -> str:
    """A line short enough to quote in a one-line message."""
    return line if len(line) <= width else line[: width - 1] + "…"


def warn(name: str, message: str) -> None:
    """A file was read, but maybe not all of it: say so (the CLI prints one line)."""
    warnings.warn(ReportxWarning(f"{name}: {message}"), stacklevel=3)
