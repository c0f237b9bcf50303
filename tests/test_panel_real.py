"""The panel on real reports (../shared/corpus, beside the repository; skipped without it).

- 海拉尔区 2012-2018, one place over seven years: the headline rows are scored against
  tests/real/hailar-panel.reference.json, a table annotated from the texts by an annotator who
  never saw the panel. Each (indicator, unit, year) has two sides, the target and the outcome;
  a side agrees when both say nothing, or both give the same value (signed: a fall is negative)
  from the same report, and for a target the same qualifier and upper end. The share of sides
  that agree must not fall below FLOOR (what the engine reaches today; raise it as it improves);
  the mismatches are printed (pytest -s, or on failure).
- The 17 provinces' 2026 reports: one panel holding every province's 2026 targets.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportx.views.panel import build_panel, select
from reportx.views.panel.met import signed

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
REFERENCE = ROOT / "tests" / "real" / "hailar-panel.reference.json"
HAILAR = sorted(CORPUS.glob("hailar-*.txt"))
PROVINCES_2026 = sorted(p for p in CORPUS.glob("*-2026.txt"))
# Share of the headline sides that agree with the reference: 167/196 = 0.852 on arrival of the
# panel (commit 2b90779, counting targets beyond the reference's scope as mismatches); 170/176 =
# 0.966 after the engine's real-report work, counting only what the reference covers.
FLOOR = 0.96

pytestmark = pytest.mark.skipif(len(HAILAR) < 7 or len(PROVINCES_2026) < 17,
                                reason=f"the real corpus is not at {CORPUS}")


@pytest.fixture(scope="module")
def hailar():
    return build_panel(HAILAR)


def _missing(value) -> bool:
    return value is None or value != value


def _side(record: dict, side: str):
    """What one side of a row says, comparable across the reference and the panel."""
    if side == "target":
        if _missing(record.get("target_value")):
            return None
        high = record.get("target_value_high")
        qualifier = record.get("target_qualifier")
        return (round(record["target_value"], 6), None if _missing(high) else round(high, 6),
                None if _missing(qualifier) else qualifier, record["target_doc"])
    if _missing(record.get("actual_value")):
        return None
    direction = record.get("actual_direction")
    value = signed(record["actual_value"], None if _missing(direction) else direction)
    return (round(value, 6), record["actual_doc"])


def score(reference: list[dict], rows, indicators: set[str]):
    """(sides agreeing, sides compared, mismatches) over the reference's years."""
    years = {r["year"] for r in reference}
    want, got = {}, {}
    for r in reference:
        if r["key"] in indicators:
            for side in ("target", "actual"):
                want[(r["key"], r["unit"], r["year"], side)] = _side(r, side)
    for r in rows.to_dict(orient="records"):
        if r["indicator_id"] in indicators and r["year"] in years:
            for side in ("target", "actual"):
                got[(r["indicator_id"], r["unit"], r["year"], side)] = _side(r, side)
    # The reference's targets are those of each report's main-targets paragraph (ANNOTATING.md,
    # rule 2): a target the panel finds elsewhere in a plan (旅游收入, 新增就业) is beyond its scope,
    # neither right nor wrong. Its outcomes are every headline result of the review.
    keys = sorted(k for k in set(want) | set(got)
                  if want.get(k) is not None or (k[3] == "actual" and got.get(k) is not None))
    wrong = [(k, want.get(k), got.get(k)) for k in keys if want.get(k) != got.get(k)]
    return len(keys) - len(wrong), len(keys), wrong


def test_hailar_headline_rows_against_the_reference(hailar, rules):
    headline = {ind.id for ind in rules.indicators if ind.headline}
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    agreed, total, wrong = score(reference, hailar.rows, headline)
    share = agreed / total
    report = "\n".join(f"  {'/'.join(map(str, key))}: reference {ref}, panel {got}"
                       for key, ref, got in wrong)
    print(f"\nHailar panel: {agreed}/{total} headline sides agree ({share:.3f}); "
          f"{len(wrong)} mismatches:\n{report}")
    assert share >= FLOOR, f"{share:.3f} < {FLOOR}; mismatches:\n{report}"


def test_hailar_is_one_place_over_its_years(hailar):
    rows = hailar.rows
    assert set(rows.place) == {"海拉尔区"} and not hailar.warnings
    assert [d.year for d in hailar.documents] == list(range(2012, 2019))
    gdp = rows[(rows.indicator_id == "gdp") & (rows.unit == "%")]
    assert list(gdp.year) == list(range(2011, 2019))
    targets = rows.dropna(subset=["target_doc"])
    assert (targets.target_doc == "hailar-" + targets.year.astype(str)).all()
    outcomes = rows.dropna(subset=["actual_doc"])
    assert (outcomes.actual_doc.str[-4:].astype(int) > outcomes.year).all()
    # the last report's targets have no outcome yet, and say why
    last = gdp[gdp.year == 2018].iloc[0]
    assert last.target_display == "6%左右" and last.note == "no report for 2019"


def test_hailar_five_year_figures_are_no_annual_outcome(hailar):
    # report 2016 gives 十二五 averages (GDP 年均增长12.1%) and 2015's own growth (8.9%)
    rows = hailar.rows
    gdp2015 = rows[(rows.indicator_id == "gdp") & (rows.unit == "%") & (rows.year == 2015)].iloc[0]
    assert gdp2015.actual_value == 8.9 and gdp2015.actual_doc == "hailar-2016"


def test_one_panel_holds_every_provinces_2026_targets():
    panel = build_panel(PROVINCES_2026)
    targets = select(panel.rows, start=2026, end=2026).dropna(subset=["target_value"])
    assert len({d.key for d in panel.documents}) == 17
    places = set(targets.place)
    assert len(places) == 17, sorted(places)
    gdp = targets[(targets.indicator_id == "gdp") & (targets.unit == "%")]
    assert len(gdp) == 17 and gdp.target_doc.str.endswith("-2026").all()
    assert set(gdp.target_value) <= {4.5, 5.0, 5.5, 6.0}
    # outcomes of 2026 are not known yet: no verdict in the 2026 rows
    assert targets.met.isna().all()
    print(f"\n2026 targets: {len(targets)} rows, {targets.indicator_id.nunique()} indicators, "
          f"{len(places)} provinces")
