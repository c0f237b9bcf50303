"""Plain text: bytes in any of the encodings Chinese reports come in, line ends made usable.

Encodings, in the order they are tried: a BOM (UTF-8, UTF-16 LE/BE); UTF-16 without a BOM (told
by where ASCII's zero bytes fall); UTF-8; GB18030 (the superset of GBK and GB2312 that older
files use); then charset-normalizer. A file with a few damaged bytes (a cut-off download, a bad
sector) keeps the encoding that fits it, with U+FFFD where the damage is and a warning; a file
that is mostly control characters or undecodable bytes is binary, judged over the whole file
so that where the damage falls does not change the verdict.

Line ends: a lone CR (old Mac files, some exports), a vertical tab (Word's manual line break in
a text export), a form feed (pdftotext's page break) and the Unicode line and paragraph
separators each become one LF. The replacement is one character for one, so the text keeps its
length and CRLF stays as it is: the document reader takes "\\r\\n" as a line end.
"""
from __future__ import annotations

import re

from reportx.errors import InputError
from reportx.readers.paragraphs import MIN_HAN, has_han, is_blank, warn
from reportx.readers.table import table_text

BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# C0 controls other than tab, newline and carriage return, and DEL: text files have none.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# More damage than this share of the characters (controls, undecodable bytes) and it is binary.
_BINARY_SHARE = 0.01
_TEXTLIKE = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u303f"
                       r"\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
# one character for one: offsets into the returned text stay those of the decoded file
_LINE_ENDS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n",
                            "\u2029": "\n"})
_LONE_CR = re.compile(r"\r(?!\n)")


def normalize_line_ends(text: str) -> str:
    """Every line end a report may use as one LF (CRLF kept), one character for one."""
    if any(chr(c) in text for c in _LINE_ENDS):  # scans, cheaper than a copy when none occurs
        text = text.translate(_LINE_ENDS)
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    return text


def _damage(text: str) -> int:
    """Characters no text file holds: control characters and undecodable-byte marks."""
    return len(_CONTROL.findall(text)) + text.count("\ufffd")


def _is_binary(text: str) -> bool:
    return _damage(text) > max(2, len(text) * _BINARY_SHARE)


def utf16_order(data: bytes) -> str | None:
    """The likelier codec of UTF-16 bytes without a BOM (None when there are no zero bytes):
    ASCII characters (digits, newlines, markup) put their zero byte on one side of each pair."""
    head = data[:65536]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if not (even or odd):
        return None
    return "utf-16-le" if odd >= even else "utf-16-be"


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of BOM-less UTF-16 bytes, if in one byte order they read as text."""
    first = utf16_order(data)
    if first is None or len(data) < 4:
        return None
    if len(data) % 2:  # cut off mid-character
        data = data[:-1]
    for codec in (first, "utf-16-be" if first == "utf-16-le" else "utf-16-le"):
        text = data.decode(codec, errors="replace")
        if not _is_binary(text) and len(_TEXTLIKE.findall(text)) >= 0.95 * len(text):
            return text
    return None


def _best_guess(data: bytes, name: str) -> str:
    """UTF-8 or GB18030 with the fewest undecodable bytes; charset-normalizer when both fail."""
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    candidates = [data.decode(codec, errors="replace") for codec in ("utf-8", "gb18030")]
    text = min(candidates, key=lambda t: t.count("\ufffd"))
    bad = text.count("\ufffd")
    if bad <= max(2, len(text) * _BINARY_SHARE):
        warn(name, f"{bad} undecodable byte sequence(s) read as U+FFFD (a damaged file?)")
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: looks like a binary file, not a report's text "
                         "(not UTF-8, GBK or UTF-16)")
    return str(best)


def decode_text(data: bytes, name: str = "<bytes>") -> str:
    """Bytes to str in the encoding they are in, with no judgement on what the text holds."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
    return _best_guess(data, name)


def plain_text(data: bytes, name: str = "<bytes>") -> str:
    """A text file's report text: decoded, then each shape of text saved from elsewhere put
    back as the report it is (_layout_repairs, in order), each saying so in a warning."""
    text = decode_bytes(data, name)
    # (before the look for Chinese: a JSON record may write all of it as \u escapes)
    if (table := table_text(text)) is not None:
        text, records, field = table
        warn(name, f"read as a table of {records} record{'s' if records != 1 else ''}, "
                   f"each one's report text from its field {field!r}")
    if not has_han(text, MIN_HAN):
        return text                     # no report text: nothing to lay out
    for repair, message in _layout_repairs():
        repaired = repair(text)
        if repaired is not None:
            warn(name, message)
            text = repaired
    return text


def _layout_repairs():
    """What may be wrong with a saved text's layout, and what its warning says, in the order
    they are undone: paragraphs run together (the spaces that part them become line ends, one
    for one), pinyin glosses, headings glued to the sentence before, figures on lines of their
    own, or every span of text on a line of its own, lines wrapped at a width, figures set digit
    by digit, per cent signs lost."""
    from reportx.readers.figure_lines import join_figure_lines
    from reportx.readers.lost_percent import restore_percent
    from reportx.readers.ruby import drop_pinyin
    from reportx.readers.runon import part_glued_headings, split_run_on
    from reportx.readers.spaced_digits import join_spaced_digits
    from reportx.readers.spans import join_spans
    from reportx.readers.wrapped import unwrap

    return (
        (split_run_on, "its paragraphs run together on long lines, parted by runs of spaces; "
                       "each run was read as a paragraph break (offsets unchanged)"),
        (drop_pinyin, "characters are glossed with their pinyin in brackets (現(xiàn)在: a "
                      "mirror site's copy); the glosses were dropped, so offsets point into "
                      "the text without them"),
        (part_glued_headings, "numbered headings run on from the sentence before them; each "
                              "was put on a line of its own, so offsets point into the parted "
                              "text"),
        (join_spans, "its lines are pieces of a few characters (a page converted from a PDF, "
                     "every span of text on a line of its own); each paragraph's were joined, "
                     "so offsets point into the joined text"),
        (join_figure_lines, "its figures stand on lines of their own (a converted page?); each "
                            "was joined to the words around it, so offsets point into the "
                            "joined text"),
        (unwrap, "its lines are wrapped at a fixed width (text copied from a PDF?); they were "
                 "joined into paragraphs, so offsets point into the joined text"),
        (join_spaced_digits, "its figures are set digit by digit (1 9 9 7 年: a page typeset with "
                             "letter-spacing); the spaces between digits were dropped, so offsets "
                             "point into the joined text"),
        (restore_percent, "it has no per cent sign, and its growths and rates stand bare (增长7.2；: "
                          "a copy that lost them); a % was put back after each, so offsets point "
                          "into the repaired text"),
    )


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode report bytes to text; raise InputError for empty, binary or undecodable input."""
    if is_blank(data):
        raise InputError(f"{name}: file is empty")
    text = decode_text(data, name)
    if is_blank(text):
        raise InputError(f"{name}: file is empty")
    text = normalize_line_ends(text)
    if _is_binary(text):
        raise InputError(f"{name}: looks like a binary file, not a report's text")
    return text
