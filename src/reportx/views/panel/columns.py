"""The panel's columns (CONTRACT.md, "Panel rows"), then the extras, each with the label that
Stata shows as its variable label and Parquet keeps as its field description."""
from __future__ import annotations

PANEL_FIELDS: tuple[str, ...] = (
    "place", "indicator_id", "indicator", "unit", "year",
    "target_value", "target_value_high", "target_qualifier", "target_display", "target_doc",
    "target_sentence",
    "actual_value", "actual_direction", "actual_display", "actual_doc", "actual_sentence",
    "gap", "met", "note")
# After the contract's columns: the target's direction (its value, like every value, is a
# magnitude: 能耗降低3% is 3 with direction decrease) and the later reports that state the same
# outcome again, with how each writes it (revisions show here).
EXTRA_FIELDS: tuple[str, ...] = ("target_direction", "actual_restated")
COLUMNS: tuple[str, ...] = (*PANEL_FIELDS, *EXTRA_FIELDS)

# Stata's variable labels hold at most 80 characters.
LABELS: dict[str, str] = {
    "place": "place, as the report header names it (全国: State Council)",
    "indicator_id": "indicator id (reportx catalog)",
    "indicator": "indicator name",
    "unit": "base unit code (%, pp, CNY, person, ...)",
    "year": "the year the target and the outcome are about",
    "target_value": "target: value in the base unit (a range's lower end)",
    "target_value_high": "target: a range's upper end",
    "target_qualifier": "target: approx | at_least | at_most | range",
    "target_display": "target as written (5%左右)",
    "target_doc": "target: the report it is from (that year's)",
    "target_sentence": "target: the sentence it stands in",
    "actual_value": "outcome: value in the base unit (magnitude)",
    "actual_direction": "outcome: increase | decrease",
    "actual_display": "outcome as written (+5.2%)",
    "actual_doc": "outcome: the report it is from (normally the next year's)",
    "actual_sentence": "outcome: the sentence it stands in",
    "gap": "outcome minus target, signed, in the unit (pp for %)",
    "met": "target met: 1 yes, 0 no, missing: cannot be judged",
    "note": "why a side is empty, or where the outcome came from",
    "target_direction": "target: increase | decrease",
    "actual_restated": "outcome stated again in later reports (doc: as written)",
}
