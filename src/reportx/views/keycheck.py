"""Headline keys against what `compare` shows: the measure of quality on real reports.

A key file (`tests/real/*.key.json`, made by annotators from the text alone) lists a report's
headline figures: the review year's results and every numeric item of its main-targets paragraph.
For each entry, the comparison cell of the same (indicator id, unit, period, kind) must carry the
entry's value, qualifier and, for a range, its upper end; for a rate, its direction (the sign)
(an entry for a two-tier target's upper tier, 力争7%以上, is scored against the cell's
`stretch_value` and `stretch_qualifier`). An entry with `"value": null` says the
report gives no such annual figure (only a five-year average, say): its cell must be empty; so
must the cell of an entry that gives a figure over several years (`span` above 1: a five-year
plan's average keyed among the year's targets), which CONTRACT says never fills an annual row.

This scores the cell a reader copies, not whether some claim somewhere says the figure: a right
claim that loses to a wrong one for the cell is a wrong cell.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

VALUE_TOLERANCE = 1e-6   # relative: keys are written to the digits the report gives
# Units whose cell carries a sign (a rate rose or fell): there the direction must be right too.
SIGNED_UNITS = ("%", "pp", "x")


@dataclass(frozen=True)
class KeyResult:
    entry: dict
    ok: bool
    why: str = ""            # what the cell shows instead, when not ok


@dataclass
class KeyScore:
    doc: str
    results: list[KeyResult] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def right(self) -> int:
        return sum(r.ok for r in self.results)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0

    def failures(self) -> list[KeyResult]:
        return [r for r in self.results if not r.ok]


def cell_key(entry: dict) -> tuple:
    return (entry["key"], entry["unit"], str(entry["period"]) if entry.get("period") else None,
            entry.get("kind"))


def score_key(doc: str, entries: list[dict], rows: list[dict]) -> KeyScore:
    """Score one report's key entries against its comparison rows (dicts of CONTRACT.md's
    comparison row: indicator_id, unit, period, kind, value, qualifier, value_high, display)."""
    cells = {(r.get("indicator_id"), r.get("unit"), str(r["period"]) if r.get("period") else None,
              r.get("kind")): r for r in rows if r.get("doc", doc) == doc}
    score = KeyScore(doc)
    for e in entries:
        row = cells.get(cell_key(e))
        score.results.append(_judge(e, row))
    return score


def _judge(entry: dict, row: dict | None) -> KeyResult:
    if entry.get("value") is None or (entry.get("span") or 1) > 1:
        if row is None:
            return KeyResult(entry, True)
        return KeyResult(entry, False, f"should be empty, shows {row.get('display')!r}")
    if row is None:
        return KeyResult(entry, False, "no cell")
    if _text(row.get("stretch_value")) is not None and _same(entry["value"], row["stretch_value"]):
        # a two-tier target's upper tier (确保增长6.5%、力争7%以上), shown in the first's cell
        row = dict(row, value=row["stretch_value"], qualifier=row.get("stretch_qualifier"),
                   value_high=None, display=row.get("stretch_display"))
    problems = []
    if not _same(entry["value"], row.get("value")):
        problems.append(f"value {row.get('value')!r}")
    if (entry.get("qualifier") or None) != (_text(row.get("qualifier"))):
        problems.append(f"qualifier {row.get('qualifier')!r}")
    if entry.get("qualifier") == "range" and not _same(entry.get("value_high"), row.get("value_high")):
        problems.append(f"value_high {row.get('value_high')!r}")
    if entry["unit"] in SIGNED_UNITS and "direction" in entry \
            and (entry.get("direction") or None) != _text(row.get("direction")):
        problems.append(f"direction {row.get('direction')!r}")   # the cell's sign (+4.1%, -8.8%)
    if problems:
        return KeyResult(entry, False, f"shows {row.get('display')!r}: " + ", ".join(problems))
    return KeyResult(entry, True)


def _text(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _same(want, got) -> bool:
    got = _text(got)
    if want is None or got is None:
        return want is None and got is None
    want, got = float(want), float(got)
    return math.isclose(want, got, rel_tol=VALUE_TOLERANCE, abs_tol=1e-9)


def label(entry: dict) -> str:
    return (f"{entry['key']} {entry.get('period')} {entry.get('kind')} [{entry['unit']}] "
            f"{entry.get('surface', '')}")
