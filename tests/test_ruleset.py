"""Broken rule files fail loudly: the error names the file, the rule and the problem."""
from __future__ import annotations

import pytest

from reportx.errors import RuleError, RuleTimeout
from reportx.extraction import extract
from reportx.engine.ruleset import load_rules


def _folder(tmp_path, text: str):
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("text,needle", [
    ("quantities:\n  - id: broken\n    pattern: '(?P<num>\\d+'\n    unit: item\n",
     "rule 'broken': pattern does not compile"),
    ("quantities:\n  - id: nounit\n    pattern: '(?P<num>\\d+)'\n", "rule 'nounit'"),
    ("quantities:\n  - id: badunit\n    pattern: '(?P<num>\\d+)只羊'\n    unit: sheep\n",
     "unit 'sheep'"),
    ("quantities:\n  - id: nonum\n    pattern: '\\d+只'\n    unit: item\n", "named group"),
    ("quantities:\n  - id: extra\n    pattern: '(?P<num>\\d+)只'\n    unit: item\n    colour: red\n",
     "unknown field(s) colour"),
    ("quantities:\n  - id: measure\n    pattern: '(?P<num>\\d+)只'\n    unit: item\n",
     "duplicate id"),
    ("quantities:\n  - id: frag\n    pattern: '{NOPE}(?P<num>\\d+)'\n    unit: item\n",
     "unknown fragment {NOPE}"),
    ("indicators:\n  - id: poor\n    aliases: [贫困人口]\n    changes: 脱贫\n",
     "changes must be a list of words"),
    ("indicators:\n  - id: money\n    aliases: [收入]\n    prefer: 地方\n",
     "prefer must be a list of words"),
    ("indicators:\n  - id: made\n    aliases: [工业增加值]\n    bare_rates: 工业\n",
     "bare_rates must be a list of words"),
    ("indicators:\n  - id: nameless\n    units: [\"%\"]\n", "aliases must be a non-empty list"),
    ("quantities: [\n", "not valid YAML"),
    ("context:\n  a: 1\n  a: 2\n", "duplicate key 'a'"),
    ("colours: []\n", "unknown section 'colours'"),
])
def test_broken_rule_file_is_named(tmp_path, text, needle):
    folder = _folder(tmp_path, text)
    with pytest.raises(RuleError) as info:
        load_rules([folder])
    message = str(info.value)
    assert "mine.yaml" in message
    assert needle in message


def test_user_rule_adds_a_quantity(tmp_path):
    folder = _folder(tmp_path, "quantities:\n  - id: sheep\n    pattern: '(?P<num>{NUM})只羊'\n"
                               "    unit: item\n")
    rs = load_rules([folder])
    claims = extract("一、2023年工作回顾\n全县存栏12万只羊。", rules=rs)
    assert [(c.surface, c.value, c.rule) for c in claims] == [("12万只羊", 120000.0, "sheep")]


def test_catastrophic_user_pattern_times_out(tmp_path):
    folder = _folder(tmp_path, "quantities:\n  - id: slow\n"
                               "    pattern: '(?P<num>(?:(?:1|11)+)+)x'\n    unit: item\n")
    rs = load_rules([folder], timeout=0.2)
    with pytest.raises(RuleTimeout) as info:
        extract("1" * 40 + "y", rules=rs)
    assert "slow" in str(info.value) and "mine.yaml" in str(info.value)


def test_missing_rule_folder(tmp_path):
    with pytest.raises(RuleError, match="does not exist"):
        load_rules([tmp_path / "nope"])


@pytest.mark.parametrize("text,needle", [
    ("units:\n  - code: t\n    surfaces: {担: abc}\n", "is not a number"),
    ("quantities:\n  - id: tiny\n    pattern: '(?P<num>\\d+)只'\n    unit: item\n    min_value: lots\n",
     "rule 'tiny'"),
    ("context:\n  period_year: '(?P<year>\\d{4}'\n", "rule 'period_year': pattern does not compile"),
    ("quantities:\n  - id: typo\n    pattern: '(?P<num>\\d+)只'\n    unit: item\n    examples:\n"
     "      - text: 12只\n        claims: [{surface: 12只, untis: item}]\n", "untis"),
    ("headings:\n  - level: 1\n    pattern: 'x'\n", "may not change the layout"),
    ("context:\n  adverbial_rules: [streak_yeras]\n", "names no quantity rule: streak_yeras"),
    ("quantities:\n  - id: halving\n    pattern: '减(?P<num>\\d+)半'\n    unit: x\n    power_of: 0\n",
     "power_of 0 must be a number above 1"),
])
def test_broken_user_context_and_examples_are_named(tmp_path, text, needle):
    with pytest.raises(RuleError) as info:
        load_rules([_folder(tmp_path, text)])
    assert "mine.yaml" in str(info.value) and needle in str(info.value)


def test_an_indicator_may_give_bare_names_only(tmp_path):
    # 产业投资: named with nothing but a scope word before it, so no alias of its own
    folder = _folder(tmp_path, "indicators:\n  - id: sheep_stock\n    units: [item]\n"
                               "    bare: [存栏羊]\n")
    rs = load_rules([folder])
    found = {c.surface: c.indicator_id for c in
             extract("一、2023年工作回顾\n全县存栏羊12万只，山区存栏羊3万只。", rules=rs)}
    assert found == {"12万只": "sheep_stock", "3万只": None}
