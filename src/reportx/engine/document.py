"""A report as text plus what the extractor needs to know about it: header facts (city, year,
date, speaker), the heading tree (each section knows whether it reviews or plans), sentences.

`text` is the decoded original; `norm` is the same text with full-width forms folded to ASCII,
one character for one, so an offset in `norm` is an offset in `text`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from reportx.engine.rules_io import load_yaml
from reportx.paths import rules_dir

# Full-width digits, letters and the punctuation numbers use, folded one-for-one.
_FOLD = {0x3000: " "}
_FOLD.update({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})
_FOLD_TABLE = str.maketrans({k: chr(v) if isinstance(v, int) else v for k, v in _FOLD.items()})


def fold(text: str) -> str:
    """Full-width forms to ASCII, same length: ０-９ → 0-9, ％ → %, ． → ., （ → (."""
    return text.translate(_FOLD_TABLE)


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    path: str            # "一、2023年工作回顾 > （一）坚定不移做大做强产业"
    part: str | None     # review | plan | None (preamble, or a text with no headings)
    horizon: int = 0     # years past the report's year a plan section is about (今后五年: 4)


@dataclass
class Document:
    key: str                         # file stem, e.g. guigang-2024
    text: str                        # decoded original, BOM stripped
    norm: str = ""                   # folded copy, same offsets
    title: str | None = None
    city: str | None = None
    year: int | None = None
    date: str | None = None          # ISO date of delivery, when the header gives it
    speaker: str | None = None
    source: str | None = None        # file path it came from
    sections: list[Section] = field(default_factory=list)
    sentence_bounds: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self):
        # the folded copy is derived; a Document made by hand gets it too
        if len(self.norm) != len(self.text):
            self.norm = fold(self.text)

    def section_at(self, pos: int) -> Section | None:
        i = bisect.bisect_right(self.sections, pos, key=lambda s: s.start) - 1
        return self.sections[i] if i >= 0 else None

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_bounds, pos, key=lambda b: b[0]) - 1
        return self.sentence_bounds[i] if i >= 0 else (0, len(self.text))


@lru_cache(maxsize=4)
def _layout_rules(path: str):
    data = load_yaml(Path(path))
    header = {k: (regex.compile(v, regex.M) if isinstance(v, str) else v)
              for k, v in data["header"].items()}
    headings = [(h["level"], regex.compile(h["pattern"], regex.M)) for h in data["headings"]]
    parts = dict(data["parts"], sentence_end=regex.compile(data["sentence_end"]),
                 year=header["title_year"])
    return header, headings, parts



def build_document(text: str, key: str = "text", source: str | None = None,
                   layout: str | Path | None = None, year: int | None = None) -> Document:
    """Read header, headings and sentences of a report's text. `year` is the report's year for
    a text whose header does not say it (a snippet)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    header, headings, parts = _layout_rules(str(layout or rules_dir() / "document.yaml"))
    doc = Document(key=key, text=text, norm=fold(text), source=source)
    _read_header(doc, header)
    if doc.year is None:
        doc.year = year or _year_from_headings(doc.norm, headings, parts)
    doc.sections = _read_sections(doc, headings, parts)
    doc.sentence_bounds = _split_sentences(doc.norm, parts["sentence_end"])
    return doc


def _read_header(doc: Document, header) -> None:
    lines = [ln.strip() for ln in doc.norm.splitlines() if ln.strip()][: header["lines"]]
    head = "\n".join(lines)
    if lines:
        doc.title = doc.text.strip().splitlines()[0].strip()
    if m := header["date"].search(head):
        doc.year = int(m["year"])
        doc.date = f"{int(m['year']):04d}-{int(m['month']):02d}-{int(m['day']):02d}"
    elif lines and header["title"].search(lines[0]) and (m := header["title_year"].search(lines[0])):
        doc.year = int(m["year"])
    if m := header["city"].search(head):
        doc.city = m["city"]
    elif header["national"].search(head):
        doc.city = "全国"
    if m := header["speaker"].search(head):
        doc.speaker = m["speaker"]


def _year_from_headings(norm: str, headings, parts) -> int | None:
    """No dated header: a plan heading (二、2024年工作安排) gives the report's year, a review
    heading (一、2023年工作回顾) the year before it."""
    top = [pat for level, pat in headings if level == 1]
    for pat in top:
        for m in pat.finditer(norm):
            end = norm.find("\n", m.start())
            line = norm[m.start():end if end >= 0 else len(norm)]
            y = parts["year"].search(line)
            if not y:
                continue
            if any(w in line for w in parts["review"]):
                return int(y["year"]) + 1
            return int(y["year"])
    return None


def _heading_title(line: str) -> str:
    for stop in ("。", "："):
        if stop in line:
            line = line.split(stop, 1)[0]
    return line.strip()[:40]


def _part_of(title: str, year: int | None, parts) -> str | None:
    m = parts["year"].search(title)
    if m and year:
        return "review" if int(m["year"]) < year else "plan"
    if any(w in title for w in parts["review"]):
        return "review"
    if any(w in title for w in parts["plan"]):
        return "plan"
    return None


def _read_sections(doc: Document, headings, parts) -> list[Section]:
    found = []  # (start, level, title)
    for level, pat in headings:
        for m in pat.finditer(doc.norm):
            line_end = doc.norm.find("\n", m.start())
            line_end = len(doc.norm) if line_end < 0 else line_end
            found.append((m.start() + len(m[0]) - len(m[0].lstrip()),
                          level, _heading_title(doc.text[m.start():line_end])))
    found.sort()
    sections, stack, part, horizon = [], [], None, 0
    for i, (start, level, title) in enumerate(found):
        stack = [t for t in stack if t[0] < level] + [(level, title)]
        if level == 1:
            part = _part_of(title, doc.year, parts)
            horizon = next((n for w, n in parts.get("horizons", {}).items() if w in title), 0) \
                if part == "plan" else 0
        end = found[i + 1][0] if i + 1 < len(found) else len(doc.text)
        sections.append(Section(start, end, " > ".join(t for _, t in stack), part, horizon))
    if not sections or sections[0].start > 0:
        first = sections[0].start if sections else len(doc.text)
        sections.insert(0, Section(0, first, "", None))
    return sections


def _split_sentences(norm: str, sentence_end) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in sentence_end.finditer(norm):
        if m.end() > start:
            bounds.append((start, m.end()))
        start = m.end()
    if start < len(norm):
        bounds.append((start, len(norm)))
    return bounds
