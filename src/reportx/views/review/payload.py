"""What the review page knows about one report, as plain JSON-able data: the text cut into
blocks (title, headings, paragraphs), the sections, every claim with the offsets of its sentence,
the headline table `reportx compare` shows for the report, and the codes the correction form offers.

The page's script renders everything from this; nothing here is HTML.
"""
from __future__ import annotations

import hashlib

from reportx.engine.claim import Claim
from reportx.engine.document import Document

# What the correction form offers: CONTRACT.md's codes. None ("—") is offered beside each.
UNITS = ("%", "pp", "x", "CNY", "person", "person_time", "household", "mu", "hectare", "km",
         "km2", "t", "kW", "item", "rank", "year", "other")
KINDS = ("actual", "target")
QUALIFIERS = ("approx", "at_least", "at_most", "range")
DIRECTIONS = ("increase", "decrease")

# The fields of a claim the page shows and corrects (CONTRACT.md's names), in the order shown.
ITEM_FIELDS = ("start", "end", "surface", "value", "value_high", "unit", "classifier", "indicator",
               "indicator_id", "period", "span", "kind", "qualifier", "direction", "rule",
               "raw_number", "raw_unit", "section")


def identity(doc: Document) -> str:
    """The report's identity for the browser's storage: its key and a hash of its text, so a page
    rebuilt from the same text finds its work again and another version of the text starts afresh."""
    digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:16]
    return f"reportx-review/{doc.key}/{digest}"


def document_payload(doc: Document) -> dict:
    """The report's text and layout: header facts, blocks, sections, and where astral characters
    stand (a browser's string counts them twice; Python offsets count them once)."""
    return {
        "key": doc.key, "title": doc.title, "city": doc.city, "year": doc.year, "date": doc.date,
        "speaker": doc.speaker, "source": doc.source, "storage": identity(doc),
        "text": doc.text,
        "astral": [i for i, ch in enumerate(doc.text) if ord(ch) > 0xFFFF],
        "blocks": blocks(doc),
        "sections": [{"path": s.path, "start": s.start, "end": s.end,
                      "level": s.path.count(" > ") + 1}
                     for s in doc.sections if s.path],
    }


def blocks(doc: Document) -> list[list]:
    """One [start, end, level, heading_end] per non-blank line: level 0 is a paragraph, -1 the
    report's title, N a heading of depth N; heading_end is where the heading's own words end when
    the line goes on with body text (（一）坚定不移做大做强产业。全年…), else the line's end."""
    text = doc.text
    heading_at = {s.start: s for s in doc.sections if s.path}
    out, pos, title_seen = [], 0, False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        start, end = pos + lead, pos + len(body.rstrip())
        pos += len(line)
        if start >= end:
            continue
        level, head_end = 0, end
        section = heading_at.get(start)
        if section is not None:
            level = section.path.count(" > ") + 1
            title = section.path.rsplit(" > ", 1)[-1]
            if text.startswith(title, start):
                head_end = start + len(title)
        elif not title_seen and doc.title and body.strip() == doc.title:
            level = -1
        title_seen = True
        out.append([start, end, level, head_end])
    return out


def claim_item(c: Claim, doc: Document) -> dict:
    """A claim as the page shows it: its fields and the offsets of its sentence in the text."""
    item = {f: getattr(c, f) for f in ITEM_FIELDS}
    item["sent"] = list(doc.sentence_at(c.start))
    return item


def record_item(record: dict, doc: Document) -> dict:
    """A gold record (GUIDELINE.md's form) as the page shows it: `key` is its indicator_id."""
    item = {f: record.get(f) for f in ITEM_FIELDS}
    item["indicator_id"] = record.get("key")
    section = doc.section_at(record["start"])
    item["section"] = section.path if section else ""
    item["optional"] = bool(record.get("optional"))
    item["sent"] = list(doc.sentence_at(record["start"]))
    return item


def headline_payload(comparison, key: str, claims: list[Claim]) -> tuple[list[dict], dict[int, dict]]:
    """The compare table of one report: one {label, kind, period, display, start, end, mentions}
    per row, and for each claim index in it the row it stands in and whether it is the statement
    the cell shows (first) or a repeat."""
    index = {id(c): i for i, c in enumerate(claims)}
    rows, marks = [], {}
    for line in comparison.lines:
        mentions = comparison.cells.get((line, key))
        if not mentions:
            continue
        shown = mentions[0].claim
        rows.append({"label": line.label, "kind": line.kind, "period": line.period,
                     "display": mentions[0].display, "start": shown.start, "end": shown.end,
                     "mentions": len(mentions)})
        for n, m in enumerate(mentions):
            i = index.get(id(m.claim))
            if i is not None:
                marks.setdefault(i, {"row": line.label, "shown": n == 0})
    return rows, marks


def codes(catalog) -> dict:
    """The codes the correction form's selects offer."""
    return {"unit": list(UNITS), "kind": list(KINDS), "qualifier": list(QUALIFIERS),
            "direction": list(DIRECTIONS),
            "indicator_id": [{"id": ind.id, "name": ind.name} for ind in catalog]}
