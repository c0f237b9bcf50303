"""The long panel: one row per (place, indicator, unit, year), the target set for that year next
to the outcome reported for it.

The panel adds no extraction and no choice of its own: which statement of a figure counts for an
(indicator, unit, period, kind) in one report is what `reportx compare` shows in that report's
cell (views/comparison.py). The panel only lines the cells up:

- the **target** of year Y is report Y's cell of kind target, period Y (a target for a later
  year, 到2020年, is not an annual target of Y and stays out);
- the **outcome** of year Y is the cell of kind actual, period Y of the earliest later report
  that has one: normally report Y+1's review. Later reports that state it again are listed in
  `actual_restated` (doc: as written), so a revision shows; a statement that covers several
  years (十二五年均增长, 五年累计: a claim's `span`) never stands as an annual outcome;
- **gap** and **met** by the rule in met.py (written out there and in the README);
- a **series** (place, indicator, unit) runs from the first to the last year it has a figure;
  every year in between has its row, so a gap is a blank row with a `note` saying why (no report
  for that year, the report sets no such target, the next report gives no such outcome, or only a
  multi-year figure), never a shifted row.

Which indicators: the catalog's headline ones; `include_all` adds every other catalog indicator
that compare finds in two or more of the reports.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reportx.engine.claim import Claim
from reportx.engine.document import Document
from reportx.views.comparison import UNIT_ORDER
from reportx.views.panel.columns import COLUMNS
from reportx.views.panel.met import MetRule, Side
from reportx.views.panel.reports import place_of, place_reports



@dataclass
class Panel:
    """Everything `reportx panel` shows: the long rows, the reports behind them, what was said."""
    rows: "object"                                         # pandas DataFrame, COLUMNS
    documents: list[Document]                              # the reports used, (place, year) order
    dropped: list[Document] = field(default_factory=list)  # duplicates and reports without a year
    warnings: list[str] = field(default_factory=list)
    claims: dict[str, int] = field(default_factory=dict)   # doc key → its number of claims

    def sources(self):
        """One row per report read: where it came from and whether the panel uses it."""
        import pandas as pd

        used = {id(d) for d in self.documents}
        return pd.DataFrame(
            [{"doc": d.key, "place": place_of(d), "year": d.year, "date": d.date,
              "speaker": d.speaker, "title": d.title, "file": d.source,
              "claims": self.claims.get(d.key, 0), "used": id(d) in used}
             for d in [*self.documents, *self.dropped]],
            columns=["doc", "place", "year", "date", "speaker", "title", "file", "claims", "used"])


@dataclass
class _Figure:
    """A cell of one report: the statement compare chose, how it reads, and the report."""
    doc: Document
    claim: Claim
    display: str


def build_panel(sources, *, rules=None, include_all: bool = False) -> Panel:
    """Load and extract the reports, compare each, line the cells up by place and year."""
    from reportx.engine.ruleset import load_rules
    from reportx.views.comparison import build_comparison

    rs = rules or load_rules()
    return panel_of(build_comparison(sources, rules=rs, include_all=include_all), rs)


def panel_of(comparison, rules) -> Panel:
    """The panel of a Comparison (reports already compared): place the reports, line up the
    cells; `rules` gives the catalog and the met rule's parameters."""
    placed = place_reports(comparison.documents)
    frame = assemble(comparison, placed.reports, rules.indicators,
                     MetRule.from_context(rules.context))
    return Panel(rows=frame, documents=list(placed.reports.values()), dropped=placed.dropped,
                 warnings=placed.warnings,
                 claims={k: len(v) for k, v in comparison.claims.items()})


def assemble(comparison, reports: dict[tuple[str, int], Document], catalog, rule: MetRule):
    """The long frame from a Comparison's cells; `reports` are the ones that count."""
    import pandas as pd

    names = {ind.id: ind.name for ind in catalog}
    order = {ind.id: i for i, ind in enumerate(catalog)}
    used = {id(d) for d in reports.values()}
    by_key = {d.key: d for d in comparison.documents if id(d) in used}
    targets, outcomes = _line_up(comparison.cells, by_key, names)
    spans = _multi_year(comparison.claims, by_key)
    series: dict[tuple, set[int]] = {}
    for place, ident, unit, year in [*targets, *outcomes]:
        series.setdefault((place, ident, unit), set()).add(year)
    records = []
    for (place, ident, unit), years in series.items():
        for year in range(min(years), max(years) + 1):
            key = (place, ident, unit, year)
            said = sorted(outcomes.get(key, ()), key=lambda f: f.doc.year)
            records.append(_record(key, names[ident], targets.get(key), said, reports, spans, rule))
    records.sort(key=lambda r: (r["place"], order[r["indicator_id"]], _unit_rank(r["unit"]),
                                r["year"]))
    frame = pd.DataFrame(records, columns=list(COLUMNS))
    for col in ("target_value", "target_value_high", "actual_value", "gap"):
        frame[col] = frame[col].astype(float)
    frame["year"] = frame["year"].astype(int)
    frame["met"] = frame["met"].astype(object)     # True / False / None, not NaN
    return frame


def _line_up(cells, by_key: dict[str, Document], names: dict[str, str]):
    """Each report's chosen statements as targets of its own year and outcomes of earlier
    years: {(place, indicator, unit, year): figure} and {…: [figures, one per report]}."""
    targets: dict[tuple, _Figure] = {}
    outcomes: dict[tuple, list[_Figure]] = {}
    for (row, key), mentions in cells.items():
        doc = by_key.get(key)
        if doc is None or row.ident not in names or not _is_year(row.period):
            continue
        chosen = next((m for m in mentions if _annual(m.claim)), None)
        if chosen is None:
            continue
        period, place = int(row.period), place_of(doc)
        figure = _Figure(doc, chosen.claim, chosen.display)
        if row.kind == "target" and period == doc.year:
            targets[(place, row.ident, row.unit, period)] = figure
        elif row.kind == "actual" and period < doc.year:
            outcomes.setdefault((place, row.ident, row.unit, period), []).append(figure)
    return targets, outcomes


def _unit_rank(unit: str) -> tuple[int, str]:
    return (UNIT_ORDER.index(unit) if unit in UNIT_ORDER else len(UNIT_ORDER), unit)


def _record(key, indicator, target: _Figure | None, said: list[_Figure], reports, spans,
            rule: MetRule) -> dict:
    place, ident, unit, year = key
    outcome = said[0] if said else None
    t_side = _side(target.claim) if target else None
    o_side = _side(outcome.claim) if outcome else None
    gap, met = rule.judge(ident, unit, t_side, o_side)
    notes = []
    if target is None:
        doc = reports.get((place, year))
        notes.append(f"no report for {year}" if doc is None
                     else f"{doc.key} sets no such target for {year}")
    if outcome is None:
        notes.append(_no_outcome(place, ident, unit, year, reports, spans))
    elif outcome.doc.year != year + 1:
        missing = "no report for" if (place, year + 1) not in reports else "not stated in"
        notes.append(f"outcome from {outcome.doc.key} ({missing} {year + 1})")
    tc, oc = (target.claim if target else None), (outcome.claim if outcome else None)
    return {
        "place": place, "indicator_id": ident, "indicator": indicator, "unit": unit,
        "year": year,
        "target_value": tc.value if tc else None,
        "target_value_high": tc.value_high if tc else None,
        "target_qualifier": tc.qualifier if tc else None,
        "target_display": target.display if target else None,
        "target_doc": target.doc.key if target else None,
        "target_sentence": tc.sentence if tc else None,
        "actual_value": oc.value if oc else None,
        "actual_direction": oc.direction if oc else None,
        "actual_display": outcome.display if outcome else None,
        "actual_doc": outcome.doc.key if outcome else None,
        "actual_sentence": oc.sentence if oc else None,
        "gap": gap, "met": met, "note": "; ".join(notes) or None,
        "target_direction": tc.direction if tc else None,
        "actual_restated": "; ".join(f"{f.doc.key}: {f.display}" for f in said[1:]) or None,
    }


def _no_outcome(place, ident, unit, year, reports, spans) -> str:
    """Why a year has no outcome: no later report, or the next report does not give it."""
    nxt = reports.get((place, year + 1))
    if nxt is None:
        later = any(p == place and y > year for p, y in reports)
        return (f"no report for {year + 1}" if not later
                else f"no report for {year + 1}; no later report gives the outcome")
    span = spans.get((nxt.key, ident, unit, str(year)))
    if span:
        return f"{nxt.key} gives only a {span}-year figure for {year}"
    return f"{nxt.key} gives no such outcome for {year}"


def _side(claim) -> Side:
    return Side(value=claim.value, direction=claim.direction, qualifier=claim.qualifier,
                value_high=getattr(claim, "value_high", None))


def _annual(claim) -> bool:
    """A figure about one year: no span, or a span of one (a five-year average is not one)."""
    span = getattr(claim, "span", None)
    return span is None or span <= 1


def _multi_year(claims: dict, by_key: dict) -> dict[tuple, int]:
    """(doc key, indicator id, unit, period) → span, for the results that cover several years."""
    found = {}
    for key in by_key:
        for c in claims.get(key, ()):
            if c.kind == "actual" and c.indicator_id and not _annual(c):
                found.setdefault((key, c.indicator_id, c.unit, c.period), c.span)
    return found


def _is_year(period) -> bool:
    return isinstance(period, str) and period.isdigit() and len(period) == 4


def select(frame, *, indicators=(), places=(), units=(), start: int | None = None,
           end: int | None = None):
    """The rows of the chosen indicators (a catalog id, or a word of its name), places (a word
    of the place: 海拉尔 or 海拉尔区), units (codes: %, CNY) and years (start and end included)."""
    import numpy as np

    keep = np.ones(len(frame), dtype=bool)
    if indicators:
        keep &= np.array([any(w == ident or w in name for w in indicators)
                          for ident, name in zip(frame["indicator_id"], frame["indicator"])],
                         dtype=bool)
    if places:
        keep &= np.array([any(w in p for w in places) for p in frame["place"]], dtype=bool)
    if units:
        keep &= frame["unit"].isin(list(units)).to_numpy()
    if start is not None:
        keep &= (frame["year"] >= start).to_numpy()
    if end is not None:
        keep &= (frame["year"] <= end).to_numpy()
    out = frame[keep].reset_index(drop=True)
    out.attrs = dict(frame.attrs)
    return out
