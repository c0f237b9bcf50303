"""The claim record: one numeric claim of a report, with the fields of CONTRACT.md in order."""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Claim:
    doc: str                    # document key: file stem, e.g. guigang-2024
    city: str | None            # place the report is about, as written (贵港市)
    year: int | None            # the report's own year
    start: int                  # offset of the quantity in the decoded text (half-open)
    end: int                    # text[start:end] == surface
    surface: str                # number and unit as written, no qualifier words
    value: float                # magnitude in the base unit, never negative
    unit: str                   # base unit code (CONTRACT.md)
    raw_number: str             # the number as written (1.3万, 百亿)
    raw_unit: str | None        # the unit as written (个, 亿元, ％)
    classifier: str | None      # measure word of an item count
    indicator: str | None       # phrase naming what is measured, as written
    indicator_id: str | None    # canonical id from rules/indicators.yaml
    period: str | None          # the year the figure is about (a span's last year)
    span: int | None            # years a multi-year average or total covers (十四五年均: 5); None: one year
    kind: str | None            # actual | target
    qualifier: str | None       # approx | at_least | at_most | range
    value_high: float | None    # a range's upper end (qualifier range), else None
    direction: str | None       # increase | decrease
    section: str                # heading path
    sentence: str               # the sentence the claim stands in
    rule: str                   # id of the rule that produced the quantity

    def to_dict(self) -> dict:
        # not dataclasses.asdict: that deep-copies every field, and batches make millions of these
        return {name: getattr(self, name) for name in CLAIM_FIELDS}


CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))


def to_frame(claims):
    """A pandas DataFrame whose columns are the contract's, in order (empty claims: no rows)."""
    import pandas as pd

    rows = [c.to_dict() if isinstance(c, Claim) else dict(c) for c in claims]
    return pd.DataFrame(rows, columns=list(CLAIM_FIELDS))
