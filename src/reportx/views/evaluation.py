"""Scoring extracted claims against gold annotations (GUIDELINE.md's JSON Lines form).

Matching is one-to-one by span overlap on half-open offsets, the largest overlap first; at equal
overlap a pair that also agrees on value and unit wins, then a required record over an optional
one, then the nearer start. From one matching come two scores:

- detection: a claim found the quantity (its span overlaps a gold span);
- exact: it also has the gold's unit and a value within a relative 1e-6.

An `optional: true` gold record is neither a miss when nothing finds it nor a false alarm when
something does: a claim overlapping one counts for nothing. Attribute accuracies (qualifier,
direction, period, kind, indicator_id) are taken over the exact pairs of required records, because
an attribute of the wrong quantity says nothing about the attribute logic.

Gold calls the indicator id `key`; claims call it `indicator_id`. Claims may be `Claim` objects or
the dicts `reportx extract --format jsonl` writes.

`headline_check` reads a `*.key.json` list of headline figures and says which ones no claim
states correctly.
"""
from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reportx.errors import InputError

VALUE_TOLERANCE = 1e-6          # relative: gold values are written to a few significant digits
ATTRIBUTES = ("qualifier", "direction", "period", "kind", "indicator_id", "span", "value_high")
# Scored only against gold that annotates them (older annotations have no span or range end).
IF_ANNOTATED = ("span", "value_high")
GOLD_REQUIRED = ("start", "end", "value", "unit")
CONTEXT_CHARS = 20              # text shown either side of a missed span when there is no sentence


@dataclass(frozen=True, slots=True)
class Metrics:
    """Counts of one kind of match and the rates they give.

    A rate whose denominator is empty is 1.0 when the other side is empty too (nothing to find,
    nothing found) and 0.0 otherwise, so an extractor that says nothing never scores well.
    """
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, empty_ok=self.fn == 0)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, empty_ok=self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class Finding:
    """A gold record nothing found (a miss) or a claim that matches nothing (a false alarm)."""
    surface: str
    start: int
    end: int
    value: float | None
    unit: str | None
    indicator_id: str | None    # gold `key` or the claim's indicator_id
    context: str                # the claim's sentence, or the text around a missed span; "" if unknown


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A gold record and the claim that overlaps it, with a different value or unit: a detection
    hit, but one exact miss and one exact false alarm."""
    gold: Finding
    claim: Finding


@dataclass(frozen=True, slots=True)
class Disagreement:
    """An exact pair whose attribute differs."""
    attribute: str              # qualifier | direction | period | kind | indicator_id
    surface: str                # the gold's surface
    start: int
    gold: str | None
    claimed: str | None
    context: str


@dataclass(frozen=True)
class Score:
    """Everything `evaluate` measures. `gold` counts required records only."""
    gold: int                   # required gold records
    optional: int               # optional gold records
    claims: int                 # claims scored
    neutral: int                # claims overlapping an optional record: neither hit nor false alarm
    detection: Metrics          # span overlap
    exact: Metrics              # overlap, same unit, value within VALUE_TOLERANCE
    accuracy: dict[str, float | None]       # attribute → share right over exact pairs (None: no pairs)
    agreement: dict[str, tuple[int, int]]   # attribute → (right, compared)
    misses: list[Finding] = field(default_factory=list)
    false_alarms: list[Finding] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["detection"], out["exact"] = self.detection.to_dict(), self.exact.to_dict()
        out["agreement"] = {k: list(v) for k, v in self.agreement.items()}
        return out


@dataclass(frozen=True, slots=True)
class _Item:
    """A gold record or a claim reduced to what scoring reads."""
    index: int
    start: int
    end: int
    surface: str
    value: float | None
    unit: str | None
    attrs: dict
    sentence: str
    optional: bool = False


def evaluate(gold: list[dict], claims, *, text: str | None = None) -> Score:
    """Score claims (Claim objects or dicts) against gold records (dicts as in tests/gold).

    text: the report's text, used only to show where a missed gold span stands.
    """
    gold_items = [_gold_item(i, g) for i, g in enumerate(gold)]
    claim_items = [_claim_item(i, c) for i, c in enumerate(claims)]
    pairs = _match(gold_items, claim_items)
    matched_claims = {c.index for _, c in pairs}
    matched_gold = {g.index for g, _ in pairs}
    optional_spans = [g for g in gold_items if g.optional]
    required_pairs = [(g, c) for g, c in pairs if not g.optional]
    exact_pairs = [(g, c) for g, c in required_pairs if _agree(g, c)]
    mismatches = [Mismatch(_finding(g, text), _finding(c, text))
                  for g, c in required_pairs if not _agree(g, c)]
    misses = [_finding(g, text) for g in gold_items
              if not g.optional and g.index not in matched_gold]
    unmatched = [c for c in claim_items if c.index not in matched_claims]
    # A claim on an optional record is neutral even when another claim took the record first.
    false_alarms = [_finding(c, text) for c in unmatched if not _overlaps_any(c, optional_spans)]
    neutral = len(claim_items) - len(required_pairs) - len(false_alarms)
    agreement, disagreements = _attributes(exact_pairs, text)
    return Score(
        gold=sum(not g.optional for g in gold_items),
        optional=len(optional_spans),
        claims=len(claim_items),
        neutral=neutral,
        detection=Metrics(len(required_pairs), len(false_alarms), len(misses)),
        exact=Metrics(len(exact_pairs), len(false_alarms) + len(mismatches),
                      len(misses) + len(mismatches)),
        accuracy={a: (right / n if n else None) for a, (right, n) in agreement.items()},
        agreement=agreement,
        misses=misses,
        false_alarms=false_alarms,
        mismatches=mismatches,
        disagreements=disagreements,
    )


def _ratio(part: int, whole: int, empty_ok: bool) -> float:
    if whole:
        return part / whole
    return 1.0 if empty_ok else 0.0


def _overlap(a: _Item, b: _Item) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _overlaps_any(item: _Item, others: list[_Item]) -> bool:
    return any(_overlap(item, o) > 0 for o in others)


def _agree(g: _Item, c: _Item) -> bool:
    """Same unit and a value within the relative tolerance."""
    if g.unit != c.unit or g.value is None or c.value is None:
        return False
    return math.isclose(g.value, c.value, rel_tol=VALUE_TOLERANCE)


def _candidate_pairs(gold: list[_Item], claims: list[_Item]):
    """Every (gold, claim) whose spans overlap. Claims are sorted by start, so only those starting
    within the longest claim's length before a gold span can reach into it."""
    ordered = sorted(claims, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    longest = max((c.end - c.start for c in ordered), default=0)
    for g in gold:
        lo = bisect.bisect_left(starts, g.start - longest)
        hi = bisect.bisect_left(starts, g.end)
        for c in ordered[lo:hi]:
            if _overlap(g, c) > 0:
                yield g, c


def _match(gold: list[_Item], claims: list[_Item]) -> list[tuple[_Item, _Item]]:
    """Greedy one-to-one matching, the best pair first (see the module docstring)."""
    def rank(pair):
        g, c = pair
        return (-_overlap(g, c), not _agree(g, c), g.optional, abs(g.start - c.start),
                g.index, c.index)

    taken_gold, taken_claims, pairs = set(), set(), []
    for g, c in sorted(_candidate_pairs(gold, claims), key=rank):
        if g.index in taken_gold or c.index in taken_claims:
            continue
        taken_gold.add(g.index)
        taken_claims.add(c.index)
        pairs.append((g, c))
    return sorted(pairs, key=lambda p: p[0].start)


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold record and the claim the matching paired it with (indices into the inputs)."""
    gold: int
    claim: int
    exact: bool                 # same unit, value within VALUE_TOLERANCE
    differs: tuple[str, ...]    # the ATTRIBUTES whose values differ


def matching(gold: list[dict], claims) -> list[Pair]:
    """The one-to-one matching `evaluate` scores, pair by pair, in gold order: for views that
    show each record's fate (the review page's diff) rather than the counts."""
    gold_items = [_gold_item(i, g) for i, g in enumerate(gold)]
    claim_items = [_claim_item(i, c) for i, c in enumerate(claims)]
    return [Pair(g.index, c.index, _agree(g, c),
                 tuple(a for a in ATTRIBUTES if a in g.attrs and g.attrs[a] != c.attrs.get(a)))
            for g, c in _match(gold_items, claim_items)]


def _attributes(exact_pairs, text):
    """(attribute → (right, compared), the disagreements in gold order)."""
    agreement, disagreements = {}, []
    for attr in ATTRIBUTES:
        right = 0
        compared = 0
        for g, c in exact_pairs:
            if attr not in g.attrs:
                continue
            compared += 1
            want, got = g.attrs.get(attr), c.attrs.get(attr)
            if want == got:
                right += 1
            else:
                disagreements.append(Disagreement(attr, g.surface, g.start, want, got,
                                                  c.sentence or _context(text, g)))
        agreement[attr] = (right, compared)
    disagreements.sort(key=lambda d: (d.start, ATTRIBUTES.index(d.attribute)))
    return agreement, disagreements


def _finding(item: _Item, text: str | None) -> Finding:
    return Finding(item.surface, item.start, item.end, item.value, item.unit,
                   item.attrs.get("indicator_id"), item.sentence or _context(text, item))


def _context(text: str | None, item: _Item) -> str:
    if not text:
        return ""
    before, span, after = context_window(text, item.start, item.end)
    return before + span + after


def context_window(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(text before, the span, text after): up to `chars` either side, within the span's line
    (a report's paragraphs are lines)."""
    lo = max(0, start - chars, text.rfind("\n", 0, start) + 1)
    line_end = text.find("\n", end)
    hi = min(len(text), end + chars, line_end if line_end >= 0 else len(text))
    return text[lo:start], text[start:end], text[end:max(hi, end)]


def _attr_text(value) -> str | None:
    """An attribute as a string, so that period 2023 (int), 2023.0 (from a spreadsheet) and
    "2023" compare equal; None, NaN and "" all mean no value."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _gold_item(index: int, record: dict) -> _Item:
    problem = gold_problem(record)
    if problem:
        raise InputError(f"gold record {index + 1}: {problem}")
    attrs = {a: _attr_text(record.get("key" if a == "indicator_id" else a)) for a in ATTRIBUTES
             if a not in IF_ANNOTATED or a in record}
    return _Item(index, record["start"], record["end"], record.get("surface") or "",
                 _number(record["value"]), _attr_text(record["unit"]), attrs, "",
                 optional=bool(record.get("optional")))


def _claim_item(index: int, claim) -> _Item:
    get = claim.get if isinstance(claim, dict) else lambda name, default=None: getattr(claim, name, default)
    attrs = {a: _attr_text(get(a)) for a in ATTRIBUTES}
    return _Item(index, int(get("start")), int(get("end")), get("surface") or "",
                 _number(get("value")), _attr_text(get("unit")), attrs, get("sentence") or "")


def gold_problem(record) -> str | None:
    """What makes a gold record unusable, or None."""
    if not isinstance(record, dict):
        return "not a JSON object"
    missing = [f for f in GOLD_REQUIRED if f not in record]
    if missing:
        return f"missing field(s): {', '.join(missing)}"
    start, end = record["start"], record["end"]
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        return "start and end must be integers"
    if not 0 <= start < end:
        return f"bad span {start}:{end} (need 0 <= start < end)"
    return None


def load_gold(path: str | Path) -> list[dict]:
    """The records of a gold JSON Lines file (blank lines skipped). A line that is not a usable
    record raises InputError naming the file and line."""
    p = Path(path)
    lines = _read_lines(p)
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}: line {number}: not JSON ({exc.msg})") from None
        problem = gold_problem(record)
        if problem:
            raise InputError(f"{p}: line {number}: {problem}")
        records.append(record)
    if not records:
        raise InputError(f"{p}: no gold records")
    return records


def _read_lines(p: Path) -> list[str]:
    try:
        return p.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, not a gold file") from None
    except UnicodeDecodeError:
        raise InputError(f"{p}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None


def gold_documents(gold: list[dict]) -> list[str]:
    """The distinct `doc` keys of gold records, in order of first appearance."""
    return list(dict.fromkeys(r["doc"] for r in gold if r.get("doc")))


# how far from where the gold put it a surface is looked for in the text reportx read, beyond the
# shift of the records before it
_REANCHOR_REACH = 400


def reanchor(gold: list[dict], text: str) -> tuple[list[dict], int, list[dict]]:
    """The gold's records placed on the text reportx read, where its readers' repairs (a pinyin
    gloss dropped, digits set apart joined, a page's markup read) moved them from the offsets the
    annotator counted in the file as decoded: each record whose surface the text does not hold at
    its offsets is looked for near them, shifted as the records before it were, as written or
    without the spaces and glosses a repair drops. Returns (records, how many moved, the ones not
    found, which stay where they were)."""
    placed, moved, lost, shift, floor = [], 0, [], 0, 0
    for g in sorted(gold, key=lambda r: r.get("start", 0)):
        surface = g.get("surface")
        if not surface or text[g["start"]:g["end"]] == surface:
            placed.append(g)
            shift, floor = 0, g.get("end", floor)
            continue
        at = _find_near(text, surface, g["start"] + shift, floor)
        if at is None:
            lost.append(g)
            placed.append(g)
            continue
        start, found = at
        shift, floor, moved = start - g["start"], start + len(found), moved + 1
        placed.append({**g, "start": start, "end": start + len(found), "surface": found})
    return placed, moved, lost


def _find_near(text: str, surface: str, guess: int, floor: int) -> tuple[int, str] | None:
    """(start, form) of the surface, or of its form a reader's repair makes, nearest `guess` and
    not before `floor`."""
    lo, hi = max(floor, guess - _REANCHOR_REACH), guess + _REANCHOR_REACH + len(surface)
    for form in dict.fromkeys((surface, _repaired(surface))):
        if not form:
            continue
        starts = []
        at = text.find(form, lo, hi)
        while at >= 0:
            starts.append(at)
            at = text.find(form, at + 1, hi)
        if starts:
            return min(starts, key=lambda s: abs(s - guess)), form
    return None


_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)|\s+")


def _repaired(surface: str) -> str:
    """A surface as the readers leave it: spaces inside it and a pinyin gloss (萬(wàn)) dropped."""
    return _GLOSS.sub("", surface)


KEY_FIELDS = ("key", "period", "kind", "value", "unit")


def load_key(path: str | Path) -> list[dict]:
    """The headline figures of a `*.key.json` file (a JSON list of objects with KEY_FIELDS,
    qualifier, direction and surface)."""
    p = Path(path)
    try:
        entries = json.loads("\n".join(_read_lines(p)))
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: line {exc.lineno}: not JSON ({exc.msg})") from None
    if not isinstance(entries, list):
        raise InputError(f"{p}: expected a JSON list of headline figures")
    for i, entry in enumerate(entries, start=1):
        missing = [f for f in KEY_FIELDS if not isinstance(entry, dict) or f not in entry]
        if missing:
            raise InputError(f"{p}: entry {i}: missing field(s): {', '.join(missing)}")
    return entries


def headline_check(key_entries: list[dict], claims) -> list[str]:
    """One line per headline figure that no claim states as the entry does: no claim with its
    indicator_id, period, kind, unit and value, or only ones with another qualifier or direction.
    An empty list means every headline figure is right."""
    items = [_claim_item(i, c) for i, c in enumerate(claims)]
    return [p for p in (_headline_problem(e, items) for e in key_entries) if p]


def _headline_problem(entry: dict, claims: list[_Item]) -> str | None:
    want = {a: _attr_text(entry.get(a)) for a in ("qualifier", "direction")}
    label = _headline_label(entry)
    same_id = [c for c in claims if c.attrs["indicator_id"] == _attr_text(entry["key"])]
    found = [c for c in same_id if _same_figure(entry, c)]
    if not found:
        return f"{label}: {_nearest(entry, same_id)}"
    if any(all(c.attrs[a] == want[a] for a in want) for c in found):
        return None
    c = found[0]
    wrong = [f"{a} {c.attrs[a]} (want {want[a]})" for a in want if c.attrs[a] != want[a]]
    return f"{label}: found at {c.start} with " + ", ".join(wrong)


def _same_figure(entry: dict, c: _Item) -> bool:
    value = _number(entry["value"])
    return (c.attrs["period"] == _attr_text(entry["period"])
            and c.attrs["kind"] == _attr_text(entry["kind"])
            and c.unit == _attr_text(entry["unit"])
            and value is not None and c.value is not None
            and math.isclose(value, c.value, rel_tol=VALUE_TOLERANCE))


def _nearest(entry: dict, same_id: list[_Item]) -> str:
    """Why nothing fits, naming the claims of that indicator that came closest."""
    if not same_id:
        return f"no claim with indicator_id {entry['key']}"
    period, kind, unit = (_attr_text(entry[f]) for f in ("period", "kind", "unit"))
    close = [c for c in same_id if (c.attrs["period"], c.attrs["kind"], c.unit) == (period, kind, unit)]
    if close:
        seen = ", ".join(f"{_fmt(c.value)} at {c.start}" for c in close[:3])
        return f"value differs: claims say {seen}"
    seen = "; ".join(f"{c.attrs['period']} {c.attrs['kind']} {_fmt(c.value)} {c.unit} at {c.start}"
                     for c in same_id[:3])
    return f"no claim with this period, kind and unit (claims of {entry['key']}: {seen})"


def _headline_label(entry: dict) -> str:
    figure = f"{_fmt(_number(entry['value']))} {entry['unit']}"
    written = f" ({entry['surface']})" if entry.get("surface") else ""
    return f"{entry['key']} {entry['period']} {entry['kind']} {figure}{written}"


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if value.is_integer() else f"{value:g}"
