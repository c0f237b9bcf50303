"""Every example and counter-example written in rules/*.yaml runs here, one test each: the same
check `reportx rules check` makes for a user's folder."""
from __future__ import annotations

import pytest

from reportx.engine.rulecheck import check_case, example_cases
from reportx.engine.ruleset import load_rules

_RS = load_rules()
_CASES = list(example_cases(_RS))


def test_there_are_examples_for_every_quantity_rule():
    with_examples = {rule.id for rule, kind, _, _ in _CASES if kind == "example"}
    assert with_examples == {r.id for r in _RS.quantities}


@pytest.mark.parametrize("rule,kind,text,expected", _CASES,
                         ids=[f"{r.id}-{k}-{t[:12]}" for r, k, t, _ in _CASES])
def test_rule_example(rule, kind, text, expected):
    assert check_case(_RS, rule, kind, text, expected) == []
