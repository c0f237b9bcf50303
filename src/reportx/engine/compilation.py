"""A file that holds several reports — a compilation (政府工作报告汇编: a city's reports of ten years
in one PDF, a county's and its towns' in one Word file) — and where each report in it begins.

Read as one report, a compilation's later reports would take the first one's place and year, and
their plans and reviews would be dated wrong. So each is read as a report of its own (`reports_of`:
a Document per report, keyed FILE-01, FILE-02, …, knowing its offset in the file's text), as
extraction, compare and panel do; build_document says so, and `reportx split` writes each to a
file of its own.

How they are told (rules/document.yaml `compilation`): a report's speech opens once, a paragraph
in which the government speaks to the congress (现在，我代表市人民政府，向大会报告工作); each opening
starts a candidate report at its title (the last line above it that names a 工作报告, else its
delivery line, else its salutation). Candidates whose headers give the same place and year as
the one before are one report shown twice (a digest above the full text, a mirror's copy) and
are read as one, as a text of one report is.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import regex

from reportx.engine.rules_io import load_yaml
from reportx.paths import rules_dir

if TYPE_CHECKING:
    from reportx.engine.claim import Claim
    from reportx.engine.document import Document

_HAN = regex.compile(r"\p{Han}")


class _Rules(NamedTuple):
    opening: regex.Pattern
    title: regex.Pattern
    delivery: regex.Pattern
    salutation: regex.Pattern
    min_han: int
    header_lines: int
    header_chars: int


@lru_cache(maxsize=4)
def _rules(path: str) -> _Rules:
    data = load_yaml(Path(path))["compilation"]
    return _Rules(*(regex.compile(data[k]) for k in ("opening", "title", "delivery", "salutation")),
                  int(data["min_han"]), int(data["header_lines"]), int(data["header_max_chars"]))


def candidate_starts(norm: str, layout: str | Path | None = None) -> list[int]:
    """Where the reports of a (folded) text may begin: [0], and each later opening's title, when
    a report's worth of Chinese stands before it and after it."""
    rules = _rules(str(layout or rules_dir() / "document.yaml"))
    openings = [m.start() for m in rules.opening.finditer(norm)]
    if len(openings) < 2:
        return [0]
    kept = [openings[0]]
    for at in openings[1:]:
        if _han_between(norm, kept[-1], at) >= rules.min_han:
            kept.append(at)
    if len(kept) > 1 and _han_between(norm, kept[-1], len(norm)) < rules.min_han:
        kept.pop()
    return [0] + [_header_start(norm, at, previous, rules) for previous, at in zip(kept, kept[1:])]


def part_key(key: str, k: int) -> str:
    """The key of a compilation's k-th report (from 1): guigang-huibian-01."""
    return f"{key}-{k:02d}"


def reports_of(doc: "Document") -> list["Document"]:
    """The reports a Document holds: itself, or for a compilation one Document per report, read
    from its own part of the text with its own header (warnings about its header are the
    file's, said once when the whole was read). Worked out once per Document."""
    if doc.reports is None:
        doc.reports = _parts(doc)
    return doc.reports


def _parts(doc: "Document") -> list["Document"]:
    import warnings

    from reportx.engine.document import build_document

    starts = candidate_starts(doc.norm)
    if len(starts) < 2:
        return [doc]
    spans = list(zip(starts, starts[1:] + [len(doc.text)]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # (said once, of the whole)
        read = [build_document(doc.text[s:e], key=doc.key, source=doc.source) for s, e in spans]
    # the same place and year again is the same report again: one span with the one before
    # (start, end, the Document read if the stretch is one candidate's, else None: read again
    # whole; the place and year)
    merged: list[tuple[int, int, "Document | None", tuple]] = []
    for (start, end), part in zip(spans, read):
        last = merged[-1] if merged else None
        if last is not None and (part.city, part.year) == last[3]:
            merged[-1] = (last[0], end, None, last[3])
        else:
            merged.append((start, end, part, (part.city, part.year)))
    if len(merged) < 2:
        return [doc]
    parts = []
    for k, (start, end, part, _) in enumerate(merged, 1):
        if part is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                part = build_document(doc.text[start:end], source=doc.source)
        part = replace(part, key=part_key(doc.key, k), offset=doc.offset + start)
        part.reports = [part]
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


def _han_between(text: str, start: int, end: int) -> int:
    return len(_HAN.findall(text, start, end))


def _header_start(norm: str, opening: int, floor: int, rules: _Rules) -> int:
    """Where the report whose opening is at `opening` begins: at the last title line above it
    (a line of no 。 naming a 工作报告), else its delivery line, else its salutation, else the
    opening's own line; looked for among the `header_lines` short lines right above, never in
    the report before (`floor`, its opening)."""
    own = norm.rfind("\n", floor, opening) + 1
    if own <= floor:
        return opening
    lines = []           # (start, text) of the lines above, nearest first
    start = own
    while len(lines) < rules.header_lines:
        above = norm.rfind("\n", floor, start - 1) + 1
        if above <= floor:
            break
        line = norm[above:start - 1].strip()
        if len(line) > rules.header_chars or "。" in line:
            break
        if line:
            lines.append((above, line))
        start = above
    for test in (rules.title, rules.delivery):
        found = [at for at, line in lines if test.search(line)]
        if found:
            # a two-line header (政府工作报告 / ——2024年…) starts at its upper line
            return min(found) if test is rules.delivery else found[0]
    salutes = [at for at, line in lines if rules.salutation.match(line)]
    return salutes[0] if salutes else own
