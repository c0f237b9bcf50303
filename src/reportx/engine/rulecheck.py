"""Run the examples written in rule files: every quantity rule's `examples` must give exactly the
listed claims, its `counter_examples` none, and every exclusion's `examples` must hold a match
of the exclusion that no claim overlaps. The test suite and `reportx rules check` both call this.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from reportx.engine.ruleset import RuleSet


@dataclass(frozen=True)
class Problem:
    file: str
    rule: str
    text: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: rule {self.rule!r}: {self.text!r}: {self.message}"


def example_cases(rs: RuleSet):
    """(rule, kind, text, expected) for every example: kind is example | counter | exclusion.

    An example's text must give exactly its claims (from any rule: examples test the whole
    pipeline); a counter-example's text must give nothing from that rule."""
    for rule in rs.quantities:
        for ex in rule.examples:
            yield rule, "example", ex["text"], ex["claims"]
        for text in rule.counter_examples:
            yield rule, "counter", text, []
    for ex in rs.exclusions:
        for text in ex.examples:
            yield ex, "exclusion", text, None


def check_case(rs: RuleSet, rule, kind: str, text: str, expected) -> list[str]:
    """What is wrong with one example (empty: it holds)."""
    from reportx.extraction import extract

    claims = extract(text, rules=rs)
    bad = [f"offsets: text[{c.start}:{c.end}] != {c.surface!r}" for c in claims
           if text[c.start:c.end] != c.surface]
    if kind == "counter":
        mine = [c.surface for c in claims if c.rule == rule.id]
        return bad + ([f"this rule should find nothing here, found {mine}"] if mine else [])
    if kind == "exclusion":
        spans = [m.span() for m in rule.pattern.finditer(text)]
        if not spans:
            return bad + ["the exclusion pattern does not match its own example"]
        hit = [c.surface for c in claims if any(s < c.end and c.start < e for s, e in spans)]
        return bad + ([f"claims inside the excluded text: {hit}"] if hit else [])
    got = [c.surface for c in claims]
    want = [e["surface"] for e in expected]
    if got != want:
        return bad + [f"gave {got}, expected {want}"]
    for c, e in zip(claims, expected):
        for key, value in e.items():
            have = getattr(c, key if key != "key" else "indicator_id")
            if key == "value":
                if not math.isclose(have, float(value), rel_tol=1e-9):
                    bad.append(f"{c.surface}: value {have} != {value}")
            elif have != value and not (key == "period" and str(have) == str(value)):
                bad.append(f"{c.surface}: {key} {have!r} != {value!r}")
    return bad


def check_rules(rs: RuleSet) -> tuple[int, list[Problem]]:
    """(number of examples run, problems found)."""
    problems, n = [], 0
    for rule, kind, text, expected in example_cases(rs):
        n += 1
        for msg in check_case(rs, rule, kind, text, expected):
            problems.append(Problem(rule.file, rule.id, text, msg))
    return n, problems
