"""Find every quantity (number + unit) in a text with the rule set's quantity patterns.

All patterns run over the folded text; where matches overlap, the longer one wins, then the rule
listed first. A quantity overlapping an exclusion (dates, programme names …) is dropped.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import Decimal

from reportx.errors import RuleTimeout
from reportx.engine.numerals import NumberError, parse_number
from reportx.engine.ruleset import QuantityRule, RuleSet


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    raw_number: str           # the number, folded (full-width digits made ASCII)
    raw_unit: str | None
    num_span: tuple[int, int]                 # where the number and the unit word stand, so
    unit_span: tuple[int, int] | None         # the claim can quote them as written
    value: Decimal            # in the base unit
    unit: str                 # base unit code, or "implied" (decided from the context)
    classifier: str | None
    qualifier: str | None     # set by the rule (前2 → at_most, range) or by 多/余 in the number
    rule: str
    value_high: Decimal | None = None   # a range's upper end, in the base unit


_LARGEST = Decimal("1e30")
# no power of a base above 1 with a larger exponent stays below _LARGEST (2**100 > 1e30): the
# power is not worked out
_LARGEST_EXPONENT = 100


# A user's rule may search one text for rs.timeout seconds per this many characters, and never
# less than rs.timeout: a big report takes longer to search, and that is no runaway pattern.
TIMEOUT_CHARS = 1_000_000


def _search(rule, text: str, rs: RuleSet):
    """All matches of a rule. A user's rule has a time limit, so that a runaway pattern cannot
    hang a batch. The bundled rules have none: they are tested and linear in the text
    (`benchmarks/bench.py --only size`), and a limit would cost time on every search and, on a
    big report, stop and name a rule that is not at fault."""
    if rule.bundled:
        return list(rule.pattern.finditer(text))
    timeout = rs.timeout * max(1.0, len(text) / TIMEOUT_CHARS)
    try:
        return list(rule.pattern.finditer(text, timeout=timeout))
    except TimeoutError:
        raise RuleTimeout(rule.file, rule.id,
                          f"pattern took longer than {timeout:g} s on one report "
                          "(catastrophic backtracking?); simplify it") from None


def _build(rule: QuantityRule, m, rs: RuleSet, in_number_quals: dict) -> Quantity | None:
    raw_number = m["num"]
    has_unit = "unit" in rule.pattern.groupindex and m["unit"] is not None
    raw_unit = m["unit"] if has_unit else None
    try:
        number = parse_number(raw_number)
    except NumberError:
        return None
    classifier = None
    if rule.unit in (None, "item") and raw_unit in rs.units:
        unit, factor = rs.units[raw_unit]
    elif rule.unit == "item" or (rule.unit is None and raw_unit in rs.classifiers):
        unit, factor, classifier = "item", 1, raw_unit
    else:
        unit, factor = rule.unit or "other", 1
    if unit in rule.exclude_units:
        return None
    if rule.min_value is not None and number < rule.min_value:
        return None
    if rule.power_of is not None:
        if number > _LARGEST_EXPONENT:
            return None
        number = rule.power_of ** number      # 翻1.2番: 2 to the 1.2 times the base
    if "next" in rule.pattern.groupindex and m["next"] is not None:
        number = _scaled_as(number, raw_number, m["next"])
        if number is None:
            return None
    qualifier = rule.qualifier
    if qualifier is None:
        qualifier = next((q for w, q in in_number_quals.items() if w in raw_number), None)
    value = number * factor if factor != 1 else number
    high, num_span = None, m.span("num")
    if "high" in rule.pattern.groupindex and m["high"] is not None:
        high = _range_high(m, number, rs)
        if high is None:
            return None
        value, high = high[0] * factor, high[1] * factor
        num_span = (m.start("num"), m.end("high"))
    if value > _LARGEST:      # a run of digits no report means as an amount (and beyond a float)
        return None
    return Quantity(m.start(), m.end(), raw_number, raw_unit, num_span,
                    m.span("unit") if has_unit else None, value, unit, classifier,
                    qualifier, rule.id, high)


def _range_high(m, low: Decimal, rs: RuleSet) -> tuple[Decimal, Decimal] | None:
    """Both ends of a range (5%—5.5%, 3-5万人): a low end written without the high end's 万/亿
    takes it (3-5万人 is 30000 to 50000); a unit written after the low end must be the same one;
    a range whose ends run downwards is no range."""
    try:
        high = parse_number(m["high"])
    except NumberError:
        return None
    low_unit, unit = m.groupdict().get("low_unit"), m.groupdict().get("unit")
    if low_unit is not None and low_unit != unit:       # (百分之八至九 has neither)
        lo, hi = rs.units.get(low_unit), rs.units.get(unit)
        if lo is None or hi is None or lo[0] != hi[0]:
            return None
    if low == parse_number(_digits(m["num"])) and (scale := _scale(m["high"])) is not None:
        low = low * scale
    if not any(ch.isdigit() for ch in m["num"]):
        low = low * _chinese_low_scale(m["num"], m["high"], high)
    return (low, high) if low < high else None


_BIG = "万亿"
_ONE_NUMERAL = "一二两三四五六七八九"
_UNITS_OF_TEN = "十百千万亿"


def _chinese_low_scale(low_raw: str, high_raw: str, high: Decimal) -> Decimal:
    """What a low end in Chinese numerals without 万/亿 of its own takes from the high end:
    八至九万 → 八万, 五至六千亿 → 五千亿 (one numeral: the high end's whole multiplier), 一千至一千二百万
    → 一千万 (its 万/亿)."""
    low_raw = low_raw.rstrip("多余")
    if any(ch in _BIG for ch in low_raw):
        return Decimal(1)
    if len(low_raw) == 1 and low_raw in _ONE_NUMERAL and len(high_raw) > 1 \
            and high_raw[0] in _ONE_NUMERAL and high_raw[1] in _UNITS_OF_TEN:
        try:
            return high / parse_number(high_raw[0])
        except (NumberError, ArithmeticError):
            return Decimal(1)
    trailing = len(high_raw) - len(high_raw.rstrip(_BIG))
    return parse_number("一" + high_raw[-trailing:]) if trailing else Decimal(1)


def _scaled_as(number: Decimal, raw: str, following: str) -> Decimal | None:
    """A bare number that shares the unit of the number after it (12488和10163亿元) takes that
    one's 万/亿 too, having none of its own."""
    scale = _scale(following)
    if scale is None:
        return None
    return number * scale if _digits(raw) == raw else number


def _scale(raw: str) -> Decimal | None:
    """What a number's 万/亿 multiply its digits by (5万 → 10000; 1 with none), None if it does
    not read."""
    try:
        scaled, digits = parse_number(raw), parse_number(_digits(raw))
    except NumberError:
        return None
    return scaled / digits if digits else Decimal(1)


def _digits(raw: str) -> str:
    """The digits of a number as written, without its 万/亿 and 多/余 (3-5万 → 5)."""
    end = 0
    while end < len(raw) and (raw[end].isdigit() or raw[end] in ".,"):
        end += 1
    return raw[:end] or raw


def find_quantities(norm: str, rs: RuleSet) -> list[Quantity]:
    """Non-overlapping quantities of a (folded) text, in order."""
    quals = rs.context.get("qualifiers", {}).get("in_number", {})
    # the matches, longest first, then by rule order and place; a match is built into a
    # quantity only when its stretch is still free (building is most of the cost, and a match
    # that loses to a longer one needs none; one that fails to build leaves its stretch free,
    # as if it had never matched)
    candidates = []
    for order, rule in enumerate(rs.quantities):
        for m in _search(rule, norm, rs):
            start, end = m.span()
            candidates.append((start - end, order, start, end, m, rule))
    blocked = _Blocked(_excluded_spans(norm, rs))
    candidates.sort(key=lambda c: c[:3])
    taken: list[Quantity] = []
    occupied = bytearray(len(norm) + 1)
    for _, _, start, end, m, rule in candidates:
        if any(occupied[start:end]) or blocked.overlaps(start, end):
            continue
        q = _build(rule, m, rs, quals)
        if q is None:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append(q)
    return sorted(taken, key=lambda q: q.start)


def _excluded_spans(norm: str, rs: RuleSet) -> list[tuple[int, int]]:
    spans = []
    for ex in rs.exclusions:
        spans += [m.span() for m in _search(ex, norm, rs) if m.end() > m.start()]
    return sorted(spans)


class _Blocked:
    """The excluded spans, asked whether a candidate overlaps one: a span starting before the
    candidate's end that ends after its start. Sorted by start with the running maximum of their
    ends, each question is one binary search (a big report has thousands of spans and tens of
    thousands of candidates)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.reach, furthest = [], -1
        for _, e in spans:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start
