"""Spec cases: short report snippets with the claims they must yield (tests/specs/*.yaml).

Each case is one test. For a case the engine's claims must
  1. satisfy text[start:end] == surface, every one of them;
  2. match the expected list by surface and position: each expected surface is located in the text
     (its first unused occurrence after the previous expected one, not inside a longer number), and
     a claim with that surface must start there; claims nobody expected are errors unless their
     surface is listed under the case's `optional:`;
  3. agree on every field the expectation lists (value with relative tolerance 1e-9).
A case with `xfail: reason` runs as a strict xfail.

At the end of the session a summary gives precision and recall over all cases (and field
accuracy over the matched claims). Set REPORTX_SPEC_REPORT=path.json to also dump every case's
expected vs actual claims.
"""
from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
import yaml

import reportx

SPEC_DIR = Path(__file__).parent / "specs"

UNITS = {"%", "pp", "x", "CNY", "person", "person_time", "household", "mu", "hectare", "km",
         "km2", "t", "kW", "item", "rank", "year", "other"}
KINDS = {None, "actual", "target"}
QUALIFIERS = {None, "approx", "at_least", "at_most", "range"}
DIRECTIONS = {None, "increase", "decrease"}
CASE_KEYS = {"id", "source", "text", "year", "claims", "optional", "xfail"}
CLAIM_FIELDS = {"surface", "value", "unit", "raw_number", "raw_unit", "classifier", "indicator",
                "indicator_id", "period", "kind", "qualifier", "direction", "section", "city",
                "year", "doc", "span", "value_high"}

# Characters that continue a number: an expected surface must not start right after one of these
# (so "5%" is not located inside "5.5%") nor, when it ends in a digit, be followed by one.
_DIGITS = set("0123456789.０１２３４５６７８９．")
_CN_NUM = set("零〇一二三四五六七八九十百千万亿两")


def _load_cases() -> list[dict]:
    cases = []
    for path in sorted(SPEC_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for case in data:
            case = dict(case)
            case["_file"] = path.name
            cases.append(case)
    return cases


CASES = _load_cases()


def _param(case):
    marks = []
    if case.get("xfail"):
        marks.append(pytest.mark.xfail(strict=True, reason=str(case["xfail"])))
    return pytest.param(case, id=str(case["id"]), marks=marks)


# ---------------------------------------------------------------- locating expected surfaces

def _boundary_ok(text: str, i: int, surface: str) -> bool:
    if i > 0:
        prev = text[i - 1]
        if surface[0] in _DIGITS and prev in _DIGITS:
            return False
        if surface[0] in _CN_NUM and prev in _CN_NUM:
            return False
    j = i + len(surface)
    if j < len(text) and surface[-1] in _DIGITS and text[j] in _DIGITS:
        return False
    return True


def locate(text: str, surfaces: list[str]) -> list[int]:
    """Start offset of each expected surface: its first fitting occurrence after the previous
    one's end (claims never overlap; -1 when the text has none: a broken spec)."""
    out, cursor = [], 0
    for s in surfaces:
        i = text.find(s, cursor)
        while i >= 0 and not _boundary_ok(text, i, s):
            i = text.find(s, i + 1)
        out.append(i)
        if i >= 0:
            cursor = i + len(s)
    return out


# ---------------------------------------------------------------- comparing

def _same(field, want, got) -> bool:
    if field == "value":
        if got is None:
            return False
        return math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-12)
    if field == "year" and want is not None and got is not None:
        return int(want) == int(got)
    if field == "period" and want is not None:
        return got is not None and str(got) == str(want)
    return got == want


def _brief(c) -> dict:
    return {k: getattr(c, k) for k in ("start", "surface", "value", "unit", "classifier",
                                       "indicator", "indicator_id", "period", "kind",
                                       "qualifier", "direction", "rule")}


def evaluate_case(case: dict) -> dict:
    """Run the engine on one case and compare; returns a result dict (never raises for a
    mismatch; an exception from the engine is recorded)."""
    text = case["text"]
    expected = case.get("claims") or []
    optional = set(str(s) for s in (case.get("optional") or []))
    positions = locate(text, [str(e["surface"]) for e in expected])
    res = {"id": case["id"], "file": case["_file"], "error": None, "bad_offsets": [],
           "matched": [], "missing": [], "unexpected": [], "optional_found": [],
           "field_errors": [], "fields_checked": {}, "fields_wrong": {}, "actual": []}
    try:
        claims = list(reportx.extract(text, year=case.get("year")))
    except Exception as exc:  # noqa: BLE001 - recorded and reported by the test
        res["error"] = f"{type(exc).__name__}: {exc}"
        res["missing"] = [dict(e) for e in expected]
        return res
    res["actual"] = [_brief(c) for c in claims]
    for c in claims:
        if text[c.start:c.end] != c.surface:
            res["bad_offsets"].append({"start": c.start, "end": c.end, "surface": c.surface,
                                       "text_there": text[c.start:c.end]})
    by_pos = {}
    for c in claims:
        by_pos.setdefault((c.start, c.surface), []).append(c)
    used = set()
    for exp, pos in zip(expected, positions):
        surface = str(exp["surface"])
        cands = [c for c in by_pos.get((pos, surface), []) if id(c) not in used]
        if pos < 0 or not cands:
            res["missing"].append(dict(exp, start=pos))
            continue
        got = cands[0]
        used.add(id(got))
        res["matched"].append(surface)
        for field, want in exp.items():
            if field == "surface":
                continue
            res["fields_checked"][field] = res["fields_checked"].get(field, 0) + 1
            have = getattr(got, field, None)
            if not _same(field, want, have):
                res["fields_wrong"][field] = res["fields_wrong"].get(field, 0) + 1
                res["field_errors"].append({"surface": surface, "start": pos, "field": field,
                                            "expected": want, "actual": have})
    for c in claims:
        if id(c) in used:
            continue
        if c.surface in optional:
            res["optional_found"].append(c.surface)
        else:
            res["unexpected"].append(_brief(c))
    return res


def _failure_message(case, res) -> str:
    lines = [f"case {case['id']} ({case['_file']}): {case.get('source', '')}",
             f"text: {case['text']!r}"]
    if res["error"]:
        lines.append(f"engine raised {res['error']}")
    for b in res["bad_offsets"]:
        lines.append(f"text[start:end] != surface: {b}")
    for m in res["missing"]:
        lines.append(f"MISSING   {m}")
    for u in res["unexpected"]:
        lines.append(f"UNEXPECTED {u}")
    for f in res["field_errors"]:
        lines.append(f"FIELD     {f['surface']}@{f['start']}: {f['field']} expected "
                     f"{f['expected']!r}, got {f['actual']!r}")
    lines.append("engine output:")
    lines.extend(f"  {a}" for a in res["actual"])
    return "\n".join(lines)


# ---------------------------------------------------------------- session summary

RESULTS: dict[str, dict] = {}


class _SpecSummary:
    """Registered as a plugin by the fixture below: prints precision/recall at the end."""

    def pytest_terminal_summary(self, terminalreporter):
        if not RESULTS:
            return
        tp = sum(len(r["matched"]) for r in RESULTS.values())
        fn = sum(len(r["missing"]) for r in RESULTS.values())
        fp = sum(len(r["unexpected"]) for r in RESULTS.values())
        checked, wrong = {}, {}
        for r in RESULTS.values():
            for k, v in r["fields_checked"].items():
                checked[k] = checked.get(k, 0) + v
            for k, v in r["fields_wrong"].items():
                wrong[k] = wrong.get(k, 0) + v
        clean = sum(1 for r in RESULTS.values() if _clean(r))
        p = tp / (tp + fp) if tp + fp else 1.0
        rc = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        tr = terminalreporter
        tr.write_sep("=", "reportx spec summary")
        tr.write_line(f"cases: {len(RESULTS)}, fully correct: {clean}")
        tr.write_line(f"claims: expected {tp + fn}, matched {tp}, missed {fn}, unexpected {fp}")
        tr.write_line(f"precision {p:.3f}  recall {rc:.3f}  F1 {f1:.3f}")
        parts = [f"{k} {1 - wrong.get(k, 0) / n:.3f} ({n - wrong.get(k, 0)}/{n})"
                 for k, n in sorted(checked.items())]
        if parts:
            tr.write_line("field accuracy on matched claims: " + ", ".join(parts))
        dump = os.environ.get("REPORTX_SPEC_REPORT")
        if dump:
            Path(dump).write_text(json.dumps(RESULTS, ensure_ascii=False, indent=1,
                                             default=str), encoding="utf-8")
            tr.write_line(f"per-case details written to {dump}")


def _clean(res) -> bool:
    return not (res["error"] or res["bad_offsets"] or res["missing"] or res["unexpected"]
                or res["field_errors"])


@pytest.fixture(scope="session", autouse=True)
def _spec_summary(request):
    pm = request.config.pluginmanager
    if not pm.has_plugin("reportx-spec-summary"):
        pm.register(_SpecSummary(), "reportx-spec-summary")
    yield


# ---------------------------------------------------------------- tests

def test_specs_well_formed():
    """The spec files themselves: unique ids, known keys and codes, surfaces present in order."""
    problems, seen = [], set()
    for case in CASES:
        cid = case.get("id")
        if not cid or cid in seen:
            problems.append(f"missing or duplicate id: {cid!r}")
        seen.add(cid)
        for k in case:
            if k not in CASE_KEYS and k != "_file":
                problems.append(f"{cid}: unknown key {k!r}")
        if not isinstance(case.get("text"), str) or "claims" not in case:
            problems.append(f"{cid}: needs text and claims")
            continue
        expected = case.get("claims") or []
        for e in expected:
            for k in e:
                if k not in CLAIM_FIELDS:
                    problems.append(f"{cid}: unknown claim field {k!r}")
            if "unit" in e and e["unit"] not in UNITS:
                problems.append(f"{cid}: unit {e['unit']!r}")
            if "kind" in e and e["kind"] not in KINDS:
                problems.append(f"{cid}: kind {e['kind']!r}")
            if "qualifier" in e and e["qualifier"] not in QUALIFIERS:
                problems.append(f"{cid}: qualifier {e['qualifier']!r}")
            if "direction" in e and e["direction"] not in DIRECTIONS:
                problems.append(f"{cid}: direction {e['direction']!r}")
            if "value" in e and (not isinstance(e["value"], (int, float)) or e["value"] < 0):
                problems.append(f"{cid}: value {e['value']!r} must be a non-negative number")
            if "period" in e and e["period"] is not None and not isinstance(e["period"], str):
                problems.append(f"{cid}: period must be a quoted string")
        for e, pos in zip(expected, locate(case["text"], [str(e["surface"]) for e in expected])):
            if pos < 0:
                problems.append(f"{cid}: surface {e['surface']!r} not found (in order)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_spec(case):
    res = evaluate_case(case)
    RESULTS[case["id"]] = res
    assert _clean(res), _failure_message(case, res)
