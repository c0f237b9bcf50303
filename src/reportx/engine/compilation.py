"""A file that holds several reports — a compilation (政府工作报告汇编: a city's reports of ten years
in one PDF, a county's and its towns' in one Word file) — and where each report in it begins.

Read as one report, a compilation's later reports would take the first one's place and year, and
their plans and reviews would be dated wrong. So each is read as a report of its own (`reports_of`:
a Document per report, keyed FILE-01, FILE-02, …, knowing its offset in the file's text), as
extraction, compare and panel do; build_document says so, and `reportx split` writes each to a
file of its own. How they are told (rules/document.yaml
`compilation`): a report's speech opens once, with the government's words to the congress (现在，
我代表市人民政府，向大会报告工作); two openings with a report's worth of Chinese between them are two
reports, and each begins at the short header lines right above its opening (its title, delivery
line, speaker, salutation). A page that repeats its one report's opening (a digest above the full
text) has too little between the two to be two.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from reportx.engine.rules_io import load_yaml
from reportx.paths import rules_dir

if TYPE_CHECKING:
    from reportx.engine.claim import Claim
    from reportx.engine.document import Document

_HAN = regex.compile(r"\p{Han}")


@lru_cache(maxsize=4)
def _rules(path: str) -> tuple[regex.Pattern, int, int, int]:
    data = load_yaml(Path(path))["compilation"]
    return (regex.compile(data["opening"]), int(data["min_han"]), int(data["header_lines"]),
            int(data["header_max_chars"]))


def report_starts(norm: str, layout: str | Path | None = None) -> list[int]:
    """The offsets where the reports of a (folded) text begin: [0] for a text of one report."""
    opening, min_han, header_lines, header_chars = _rules(str(layout or rules_dir() / "document.yaml"))
    openings = [m.start() for m in opening.finditer(norm)]
    if len(openings) < 2:
        return [0]
    kept = [openings[0]]
    for at in openings[1:]:
        # the report before this opening must be a report's length, and so must this one
        if _han_between(norm, kept[-1], at) >= min_han:
            kept.append(at)
    if len(kept) > 1 and _han_between(norm, kept[-1], len(norm)) < min_han:
        kept.pop()
    if len(kept) < 2:
        return [0]
    starts = [0]
    for previous, at in zip(kept, kept[1:]):
        starts.append(_header_start(norm, at, previous, header_lines, header_chars))
    return starts


def report_spans(norm: str, layout: str | Path | None = None) -> list[tuple[int, int]]:
    """(start, end) of each report of a text: one span, the whole text, for a text of one."""
    starts = report_starts(norm, layout)
    return list(zip(starts, starts[1:] + [len(norm)]))


def _han_between(text: str, start: int, end: int) -> int:
    return len(_HAN.findall(text, start, end))


def _header_start(norm: str, opening: int, floor: int, header_lines: int, header_chars: int) -> int:
    """Where the header above an opening begins: the start of the run of short lines right above
    the opening's line (blank lines among them), no further back than `header_lines` of them and
    never into the report before (`floor`, its own opening)."""
    start = norm.rfind("\n", floor, opening) + 1 or opening
    if start <= floor:
        return opening
    taken = 0
    while taken < header_lines:
        above = norm.rfind("\n", floor, start - 1) + 1
        if above <= floor:
            break
        line = norm[above:start - 1].strip()
        if len(line) > header_chars:
            break
        start = above
        taken += bool(line)
    while start < opening and norm[start] in "\n\r \t":   # from the header's first line on
        start += 1
    return start


def part_key(key: str, k: int) -> str:
    """The key of a compilation's k-th report (from 1): guigang-huibian-01."""
    return f"{key}-{k:02d}"


def reports_of(doc: "Document") -> list["Document"]:
    """The reports a Document holds: itself, or for a compilation one Document per report, read
    from its own part of the text with its own header (warnings about its header are the
    file's, said once when the whole was read)."""
    import warnings

    from reportx.engine.document import build_document

    spans = report_spans(doc.norm)
    if len(spans) < 2:
        return [doc]
    parts = []
    for k, (start, end) in enumerate(spans, 1):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            part = build_document(doc.text[start:end], key=part_key(doc.key, k), source=doc.source)
        part.offset = doc.offset + start
        parts.append(part)
    return parts


def in_whole(claims: "list[Claim]", part: "Document") -> "list[Claim]":
    """A report's claims with offsets into the whole file's text (a compilation's part's own
    offsets start at its beginning)."""
    return [replace(c, start=c.start + part.offset, end=c.end + part.offset) for c in claims] \
        if part.offset else claims


def in_part(claims: "list[Claim]", part: "Document") -> "list[Claim]":
    """The claims of one report of a compilation, given with offsets into the whole file's text,
    back to offsets into the report's own."""
    mine = [c for c in claims if c.doc == part.key]
    return [replace(c, start=c.start - part.offset, end=c.end - part.offset) for c in mine] \
        if part.offset else mine
