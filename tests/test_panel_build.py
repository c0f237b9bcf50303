"""The long panel from hand-made reports and claims: which report gives a year's target and
outcome, ranges, multi-year figures, missing years and targets, duplicates, decreases.

The claims are made by hand (not extracted) so that these tests pin the panel's own logic, and
can use the `span` and `value_high` fields before the engine fills them everywhere."""
from __future__ import annotations

import pandas as pd
import pytest

from reportx.engine.claim import Claim
from reportx.engine.document import Document
from reportx.views.comparison import compare_claims
from reportx.views.panel import panel_of, select
from reportx.views.panel.columns import COLUMNS

# CONTRACT.md, "Panel rows", in its order.
CONTRACT_COLUMNS = [
    "place", "indicator_id", "indicator", "unit", "year",
    "target_value", "target_value_high", "target_qualifier", "target_display", "target_doc",
    "target_sentence",
    "actual_value", "actual_direction", "actual_display", "actual_doc", "actual_sentence",
    "gap", "met", "note"]


def report(key, city, year, *statements):
    """A Document and its claims. Each statement: (sentence, surface, fields) with fields id,
    period, kind, value and optionally unit, qualifier, direction, span, value_high."""
    text = "\n".join(sentence for sentence, _, _ in statements)
    doc = Document(key=key, text=text, city=city, year=year)
    claims = []
    for sentence, surface, f in statements:
        start = text.index(sentence) + sentence.index(surface)
        claims.append(Claim(
            doc=key, city=city, year=year, start=start, end=start + len(surface),
            surface=surface, value=float(f["value"]), unit=f.get("unit", "%"),
            raw_number=str(f["value"]), raw_unit=None, classifier=None,
            indicator=f.get("indicator"), indicator_id=f["id"], period=str(f["period"]),
            span=f.get("span"), kind=f["kind"], qualifier=f.get("qualifier"),
            value_high=f.get("value_high"), direction=f.get("direction", "increase"),
            section="", sentence=sentence, rule="hand"))
    return doc, claims


def actual(ident, period, value, **more):
    return {"id": ident, "period": period, "kind": "actual", "value": value, **more}


def target(ident, period, value, **more):
    return {"id": ident, "period": period, "kind": "target", "value": value, **more}


def build(rules, *reports):
    documents = [doc for doc, _ in reports]
    claims = {doc.key: cs for doc, cs in reports}
    return panel_of(compare_claims(documents, claims, catalog=rules.indicators), rules)


def row(frame, year, ident="gdp", unit="%", place=None):
    found = frame[(frame.year == year) & (frame.indicator_id == ident) & (frame.unit == unit)
                  & ((frame.place == place) if place else True)]
    assert len(found) == 1, f"{len(found)} rows for {ident} {unit} {year}"
    return found.iloc[0]


@pytest.fixture(scope="module")
def series(rules):
    """测试市 2013-2015: a target and an outcome every year, a range, a revision."""
    return build(
        rules,
        report("t-2013", "测试市", 2013,
               ("地区生产总值增长8％。", "8％", actual("gdp", 2012, 8)),
               ("主要预期目标是：地区生产总值增长7％左右。", "7％", target("gdp", 2013, 7, qualifier="approx"))),
        report("t-2014", "测试市", 2014,
               ("地区生产总值增长7.1％。", "7.1％", actual("gdp", 2013, 7.1)),
               ("主要预期目标是：地区生产总值增长7％—7.5％。", "7％—7.5％",
                target("gdp", 2014, 7, qualifier="range", value_high=7.5))),
        report("t-2015", "测试市", 2015,
               ("地区生产总值增长6.9％。", "6.9％", actual("gdp", 2014, 6.9)),
               ("2013年地区生产总值修订为增长7.2％。", "7.2％", actual("gdp", 2013, 7.2)),
               ("主要预期目标是：地区生产总值增长7％。", "7％", target("gdp", 2015, 7))),
    )


def test_columns_are_the_contracts_then_the_extras(series):
    assert list(series.rows.columns)[:len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    assert list(series.rows.columns) == list(COLUMNS)
    assert series.rows["year"].dtype.kind == "i"


def test_target_from_its_own_year_outcome_from_the_next(series):
    r = row(series.rows, 2013)
    assert (r.target_value, r.target_qualifier, r.target_display, r.target_doc) == \
        (7.0, "approx", "7%左右", "t-2013")
    assert (r.actual_value, r.actual_display, r.actual_doc) == (7.1, "+7.1%", "t-2014")
    assert r.target_sentence.startswith("主要预期目标") and r.actual_sentence == "地区生产总值增长7.1％。"
    assert (r.gap, r.met) == (pytest.approx(0.1), True)


def test_a_later_statement_of_the_same_outcome_is_listed_not_used(series):
    r = row(series.rows, 2013)
    assert r.actual_doc == "t-2014" and r.actual_restated == "t-2015: +7.2%"
    assert pd.isna(row(series.rows, 2014).actual_restated)


def test_a_range_target_keeps_both_ends_and_is_missed_below_it(series):
    r = row(series.rows, 2014)
    assert (r.target_value, r.target_value_high, r.target_qualifier) == (7.0, 7.5, "range")
    assert (r.actual_value, r.gap, r.met) == (6.9, pytest.approx(-0.1), False)


def test_the_ends_of_a_series_say_why_a_side_is_empty(series):
    first, last = row(series.rows, 2012), row(series.rows, 2015)
    assert first.actual_value == 8.0 and pd.isna(first.target_value)
    assert first.note == "no report for 2012" and first.met is None
    assert last.target_value == 7.0 and last.note == "no report for 2016"
    assert list(series.rows.year) == [2012, 2013, 2014, 2015]


def test_a_multi_year_figure_never_stands_as_the_annual_outcome(rules):
    panel = build(
        rules,
        report("h-2015", "某区", 2015,
               ("地区生产总值增长8％，", "8％", target("gdp", 2015, 8)),
               ("社会消费品零售总额增长11.5％。", "11.5％", target("retail_sales", 2015, 11.5))),
        report("h-2016", "某区", 2016,
               ("十二五期间地区生产总值年均增长12.1％，", "12.1％", actual("gdp", 2015, 12.1, span=5)),
               ("社会消费品零售总额年均增长14.9％。", "14.9％", actual("retail_sales", 2015, 14.9, span=5)),
               ("2015年地区生产总值增长8.9％。", "8.9％", actual("gdp", 2015, 8.9))))
    gdp = row(panel.rows, 2015)
    assert (gdp.actual_value, gdp.actual_doc, gdp.met) == (8.9, "h-2016", True)
    retail = row(panel.rows, 2015, "retail_sales")
    assert pd.isna(retail.actual_value) and retail.met is None
    assert retail.note == "h-2016 gives only a 5-year figure for 2015"


def test_a_missing_year_is_a_blank_row_not_a_shifted_one(rules):
    panel = build(
        rules,
        report("m-2012", "某县", 2012, ("目标：生产总值增长10％。", "10％", target("gdp", 2012, 10))),
        report("m-2014", "某县", 2014,
               ("生产总值增长9％。", "9％", actual("gdp", 2013, 9)),
               ("目标：生产总值增长8％。", "8％", target("gdp", 2014, 8))))
    assert list(panel.rows.year) == [2012, 2013, 2014]
    y2012, y2013, y2014 = (row(panel.rows, y) for y in (2012, 2013, 2014))
    assert y2012.target_value == 10 and pd.isna(y2012.actual_value)
    assert y2012.note == "no report for 2013; no later report gives the outcome"
    assert pd.isna(y2013.target_value) and y2013.actual_value == 9
    assert y2013.note == "no report for 2013"
    assert y2014.target_value == 8 and y2014.note == "no report for 2015"


def test_an_outcome_from_a_later_report_when_the_next_is_missing(rules):
    panel = build(
        rules,
        report("n-2012", "某县", 2012, ("目标：生产总值增长10％。", "10％", target("gdp", 2012, 10))),
        report("n-2014", "某县", 2014, ("2012年生产总值增长9.5％。", "9.5％", actual("gdp", 2012, 9.5))))
    r = row(panel.rows, 2012)
    assert (r.actual_value, r.actual_doc, r.met) == (9.5, "n-2014", False)
    assert r.note == "outcome from n-2014 (no report for 2013)"


def test_a_year_that_sets_no_target(rules):
    panel = build(
        rules,
        report("s-2013", "某市", 2013, ("目标：生产总值增长7％。", "7％", target("gdp", 2013, 7))),
        report("s-2014", "某市", 2014,
               ("生产总值增长7.5％。", "7.5％", actual("gdp", 2013, 7.5)),
               ("居民消费价格涨幅3％左右。", "3％", target("cpi", 2014, 3, qualifier="approx", direction=None))),
        report("s-2015", "某市", 2015,
               ("生产总值增长6.8％，居民消费价格上涨1.5％。", "6.8％", actual("gdp", 2014, 6.8)),
               ("居民消费价格上涨1.5％。", "1.5％", actual("cpi", 2014, 1.5))))
    gdp = row(panel.rows, 2014)
    assert pd.isna(gdp.target_value) and gdp.actual_value == 6.8
    assert gdp.note == "s-2014 sets no such target for 2014" and gdp.met is None
    cpi = row(panel.rows, 2014, "cpi")
    assert (cpi.gap, cpi.met) == (pytest.approx(-1.5), True)


def test_a_decrease_target_compares_decreases(rules):
    panel = build(
        rules,
        report("e-2014", "某市", 2014,
               ("单位地区生产总值能耗降低3％。", "3％", target("energy_intensity", 2014, 3, direction="decrease"))),
        report("e-2015", "某市", 2015,
               ("单位地区生产总值能耗下降3.5％。", "3.5％", actual("energy_intensity", 2014, 3.5, direction="decrease"))))
    r = row(panel.rows, 2014, "energy_intensity")
    assert (r.target_value, r.target_direction, r.target_display) == (3.0, "decrease", "-3%")
    assert (r.actual_value, r.actual_direction) == (3.5, "decrease")
    assert (r.gap, r.met) == (pytest.approx(-0.5), True)


def test_two_reports_of_one_place_and_year_warn_and_the_later_wins(rules):
    panel = build(
        rules,
        report("first", "某市", 2014, ("目标：生产总值增长7％。", "7％", target("gdp", 2014, 7))),
        report("second", "某市", 2014, ("目标：生产总值增长7.5％。", "7.5％", target("gdp", 2014, 7.5))))
    assert panel.warnings == ["first and second are both 某市 2014; using second (given later)"]
    assert row(panel.rows, 2014).target_value == 7.5
    assert [d.key for d in panel.documents] == ["second"]
    sources = panel.sources().set_index("doc")
    assert not sources.loc["first", "used"] and sources.loc["second", "used"]


def test_places_come_from_the_header_and_a_report_without_one_is_kept_by_key(rules):
    panel = build(
        rules,
        report("zz-2026", "浙江省", 2026, ("目标：生产总值增长5％。", "5％", target("gdp", 2026, 5))),
        report("aa-2026", None, 2026, ("目标：生产总值增长5.5％。", "5.5％", target("gdp", 2026, 5.5))),
        report("no-year", "某市", None, ("目标：生产总值增长6％。", "6％", target("gdp", 2026, 6))))
    assert sorted(panel.rows.place) == ["aa-2026", "浙江省"]
    assert "aa-2026: the header names no place; its rows are under 'aa-2026'" in panel.warnings
    assert "no-year: the header gives no year; left out of the panel" in panel.warnings


def test_a_target_for_a_later_year_is_not_that_years_target(rules):
    panel = build(
        rules,
        report("f-2016", "某市", 2016,
               ("到2020年地区生产总值达到500亿元。", "500亿元", target("gdp", 2020, 5e10, unit="CNY", direction=None)),
               ("目标：生产总值增长7％。", "7％", target("gdp", 2016, 7))))
    assert set(zip(panel.rows.unit, panel.rows.year)) == {("%", 2016)}


def test_select_by_indicator_place_and_years(series, rules):
    both = build(
        rules,
        report("a-2014", "甲市", 2014, ("目标：生产总值增长7％，", "7％", target("gdp", 2014, 7)),
               ("居民消费价格涨幅3％。", "3％", target("cpi", 2014, 3, direction=None))),
        report("b-2014", "乙县", 2014, ("目标：生产总值增长8％。", "8％", target("gdp", 2014, 8)))).rows
    assert set(select(both, indicators=["cpi"]).indicator_id) == {"cpi"}
    assert set(select(both, indicators=["生产总值"]).indicator_id) == {"gdp"}
    assert set(select(both, places=["乙"]).place) == {"乙县"}
    assert select(both, indicators=["nothing"]).empty
    years = select(series.rows, start=2013, end=2014).year
    assert list(years) == [2013, 2014]
