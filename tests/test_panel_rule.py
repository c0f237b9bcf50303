"""The gap and met rule of `reportx panel` (views/panel/met.py), case by case, with the
parameters read from the bundled rules/panel.yaml."""
from __future__ import annotations

import pytest

from reportx.views.panel.met import MetRule, Side


@pytest.fixture(scope="module")
def rule(rules):
    return MetRule.from_context(rules.context)


def test_the_bundled_rule_names_its_ceilings_and_tolerances(rule):
    assert {"cpi", "unemployment_rate", "registered_unemployment_rate"} <= rule.ceilings
    assert rule.rate_tolerance == 0.2 and rule.level_share == 0.02


CASES = [
    # indicator, unit, target (value, direction, qualifier, high), outcome (value, direction), gap, met
    ("gdp", "%", (21, "increase", None, None), (18.5, "increase"), -2.5, False),
    ("gdp", "%", (8, "increase", None, None), (8.9, "increase"), 0.9, True),
    ("gdp", "%", (7.5, "increase", None, None), (7.5, "increase"), 0.0, True),
    ("gdp", "%", (5, "increase", "at_least", None), (4.9, "increase"), -0.1, False),
    # 左右: a shortfall of up to 0.2 points is met, more is not; any overshoot is met
    ("gdp", "%", (5, "increase", "approx", None), (4.8, "increase"), -0.2, True),
    ("gdp", "%", (5, "increase", "approx", None), (4.7, "increase"), -0.3, False),
    ("gdp", "%", (5, "increase", "approx", None), (7.0, "increase"), 2.0, True),
    # a level: 2% of the target
    ("gdp", "CNY", (240e8, None, "approx", None), (236e8, None), -4e8, True),
    ("gdp", "CNY", (240e8, None, "approx", None), (235e8, None), -5e8, False),
    # a fall in the outcome of a growth target is negative
    ("fiscal_revenue", "%", (5, "increase", None, None), (3.2, "decrease"), -8.2, False),
    # ceilings: CPI and unemployment are met at or below, whatever the qualifier
    ("cpi", "%", (3, None, "approx", None), (0.2, "increase"), -2.8, True),
    ("cpi", "%", (3, None, "at_most", None), (3.1, "increase"), 0.1, False),
    ("cpi", "%", (2, None, "approx", None), (2.2, "increase"), 0.2, True),
    ("cpi", "%", (2, None, "approx", None), (0.3, "decrease"), -2.3, True),
    ("unemployment_rate", "%", (5.5, None, None, None), (5.6, None), 0.1, False),
    ("registered_unemployment_rate", "%", (4, None, "at_most", None), (3.79, None), -0.21, True),
    # at_most on anything else is a ceiling too
    ("new_urban_jobs", "person", (5000, "increase", "at_most", None), (4000, "increase"), -1000, True),
    # decreases: 能耗降低3% is met by a fall of 3 or more
    ("energy_intensity", "%", (3, "decrease", None, None), (3.5, "decrease"), -0.5, True),
    ("energy_intensity", "%", (3, "decrease", None, None), (2.0, "decrease"), 1.0, False),
    ("rural_poverty_reduction", "person", (1000, "decrease", None, None), (1200, "decrease"), -200, True),
    ("rural_poverty_reduction", "person", (1000, "decrease", None, None), (800, "decrease"), 200, False),
    # a fall of at most 3 (下降3%以内): met at or above -3
    ("grain_output", "%", (3, "decrease", "at_most", None), (2.0, "decrease"), 1.0, True),
    # ranges: within or above meets; the gap is from the lower end
    ("gdp", "%", (5, "increase", "range", 5.5), (5.2, "increase"), 0.2, True),
    ("gdp", "%", (5, "increase", "range", 5.5), (6.1, "increase"), 1.1, True),
    ("gdp", "%", (5, "increase", "range", 5.5), (4.9, "increase"), -0.1, False),
    # a ceiling range (CPI 2%-3%): within or below meets, the gap is from the upper end
    ("cpi", "%", (2, None, "range", 3), (2.5, "increase"), -0.5, True),
    ("cpi", "%", (2, None, "range", 3), (3.4, "increase"), 0.4, False),
]


@pytest.mark.parametrize("ident,unit,target,outcome,gap,met", CASES,
                         ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in CASES])
def test_gap_and_met(rule, ident, unit, target, outcome, gap, met):
    value, direction, qualifier, high = target
    got = rule.judge(ident, unit, Side(value, direction, qualifier, high), Side(*outcome))
    assert got == (pytest.approx(gap), met)
    assert isinstance(got[1], bool)


@pytest.mark.parametrize("target,outcome", [(Side(5, "increase"), None),
                                            (None, Side(5.2, "increase")), (None, None)])
def test_a_missing_side_cannot_be_judged(rule, target, outcome):
    assert rule.judge("gdp", "%", target, outcome) == (None, None)


def test_the_gap_has_no_float_noise(rule):
    gap, _ = rule.judge("gdp", "%", Side(7.5, "increase"), Side(7.2, "increase"))
    assert gap == -0.3


def test_a_users_rules_change_the_tolerance():
    own = MetRule.from_context({"panel": {"approx_tolerance": {"rate": 0.5}}})
    assert own.judge("gdp", "%", Side(5, "increase", "approx"), Side(4.6, "increase")) == (-0.4, True)
    assert own.level_share == 0.02 and own.ceilings == frozenset()


def test_the_rules_docstring_examples_hold():
    import doctest

    from reportx.views.panel import met

    failures, tried = doctest.testmod(met)
    assert tried >= 6 and failures == 0
