"""A user's rule folder that is hostile or broken in ways a YAML or regex library does not catch:
alias bombs, deep nesting, patterns nested too deep to compile, runaway context patterns. Each is
one RuleError naming the file, at load or at the first report, never a hang or a traceback."""
from __future__ import annotations

import string
import time

import pytest

import reportx
from reportx.engine.ruleset import load_rules
from reportx.errors import RuleError, RuleTimeout

BOMB = "\n".join(
    [f"{string.ascii_lowercase[0]}: &{string.ascii_lowercase[0]} [" + ", ".join(['"lol"'] * 9) + "]"]
    + [f"{b}: &{b} [" + ", ".join([f"*{a}"] * 9) + "]"
       for a, b in zip(string.ascii_lowercase[:8], string.ascii_lowercase[1:9])]) + "\n"


def _folder(tmp_path, text: str, name: str = "mine.yaml"):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_an_alias_bomb_is_refused_at_load(tmp_path):
    """1 KB of nested aliases expands to 9^9 values: refused while the file is composed."""
    assert len(BOMB) < 1024
    folder = _folder(tmp_path, "context:\n  bomb:\n" + "".join(f"    {ln}\n" for ln in
                                                             BOMB.splitlines()))
    start = time.perf_counter()
    with pytest.raises(RuleError, match=r"mine\.yaml: line \d+: aliases expand to more than"):
        load_rules([folder])
    assert time.perf_counter() - start < 5


def test_deep_nesting_is_refused_at_load(tmp_path):
    folder = _folder(tmp_path, "context:\n  deep: " + "[" * 20000 + "]" * 20000 + "\n")
    with pytest.raises(RuleError, match=r"mine\.yaml: line 2: nested more than \d+ levels deep"):
        load_rules([folder])


def test_a_pattern_nested_too_deep_to_compile_names_its_rule(tmp_path):
    pattern = "(?P<num>\\\\d+)" + "(?:" * 20000 + "%" + ")" * 20000
    folder = _folder(tmp_path, f'quantities:\n  - id: deep_rule\n    unit: "%"\n'
                               f'    pattern: "{pattern}"\n')
    with pytest.raises(RuleError, match=r"mine\.yaml: rule 'deep_rule': pattern nests its groups "
                                        "too deeply"):
        load_rules([folder])


def test_a_chain_of_fragments_too_deep_to_expand_names_a_fragment(tmp_path):
    names = [f"F{a}{b}" for a in string.ascii_uppercase for b in string.ascii_uppercase][:600]
    lines = [f"  {n}: '{{{m}}}'" for n, m in zip(names, names[1:])] + [f"  {names[-1]}: 'x'"]
    folder = _folder(tmp_path, "fragments:\n" + "\n".join(lines) + "\n")
    with pytest.raises(RuleError, match=r"mine\.yaml: rule 'F\w+': fragments refer to each other"):
        load_rules([folder])


def test_rules_check_says_it_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from reportx.cli import app

    folder = _folder(tmp_path, "context:\n  deep: " + "[" * 20000 + "]" * 20000 + "\n")
    result = CliRunner().invoke(app, ["rules", "check", str(folder)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    message = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(message) == 1 and "mine.yaml" in message[0] and "nested more than" in message[0]


@pytest.mark.parametrize("key", ["indicator_tail_pattern", "indicator_head_pattern"])
def test_a_runaway_user_context_pattern_stops_with_its_name(tmp_path, key):
    folder = _folder(tmp_path, f"context:\n  {key}: '(?:a|a)+$'\n")
    rules = load_rules([folder], timeout=0.3)
    text = "全市" + "a" * 40 + "地区生产总值增长5％。"
    start = time.perf_counter()
    with pytest.raises(RuleTimeout, match=rf"mine\.yaml: rule '{key}': pattern took longer"):
        reportx.extract(text, rules=rules, year=2024)
    assert time.perf_counter() - start < 10


def test_bundled_context_patterns_are_not_timed(rules):
    """A bundled pattern is never blamed for a big but ordinary input: only a user's are timed."""
    import regex

    assert all(isinstance(p, regex.Pattern) for p in rules.context_patterns.values())
