"""Time limits on rule searches (engine/quantities.py): a user's rule is bounded, more loosely on a
bigger text; reportx's own rules are not bounded at all, so a big ordinary report never stops
with a RuleTimeout naming a bundled rule."""
from __future__ import annotations

import dataclasses

import reportx
from reportx.engine import quantities
from reportx.engine.ruleset import load_rules


def test_bundled_rules_have_no_limit():
    rules = load_rules(timeout=1e-9)      # any search with a limit this small would stop
    assert all(r.bundled for r in [*rules.quantities, *rules.exclusions])
    claims = reportx.extract(reportx.find_report("guigang"), rules=rules)
    assert len(claims) > 200


def test_user_rules_are_limited(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "sheep.yaml").write_text(
        "quantities:\n  - id: sheep\n    pattern: '(?P<num>\\d+)只羊'\n    unit: item\n",
        encoding="utf-8")
    rules = load_rules([folder])
    (mine,) = [r for r in rules.quantities if not r.bundled]
    assert mine.id == "sheep"


class _Recorder:
    """A pattern that records the time limit it was searched with."""
    groupindex: dict = {}

    def __init__(self):
        self.limits = []

    def finditer(self, text, timeout=None):
        self.limits.append(timeout)
        return iter(())


def test_user_limit_grows_with_the_text():
    rules = load_rules()
    rule = dataclasses.replace(rules.quantities[0], pattern=_Recorder(), bundled=False)
    for length in (10, quantities.TIMEOUT_CHARS, 8 * quantities.TIMEOUT_CHARS):
        quantities._search(rule, "字" * length, rules)
    assert rule.pattern.limits == [rules.timeout, rules.timeout, 8 * rules.timeout]
    bundled = dataclasses.replace(rule, pattern=_Recorder(), bundled=True)
    quantities._search(bundled, "字" * 10, rules)
    assert bundled.pattern.limits == [None]
