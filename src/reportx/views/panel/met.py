"""Was a target met? The gap between a year's outcome and its target, and the verdict.

Both figures are read as signed numbers in the row's unit: a rise or a level is positive, a fall
negative (能耗降低3% is −3; 居民消费价格下降0.3% is −0.3). Then

- **which way is good**: an outcome at or above the target ("up"), except that
  - a ceiling (the indicators listed under `panel: ceiling_indicators` in rules/panel.yaml: CPI,
    unemployment, energy and carbon intensity, PM2.5) is met at or below the target ("down"),
    whatever its qualifier (居民消费价格涨幅3%左右 is a ceiling of 3);
  - an `at_most` target (以内, 不超过, 控制在…以内) is "down";
  - a decrease target turns the sense over: 能耗降低3% (−3) is met by a fall of 3 or more, so by an
    outcome at or below −3; 下降3%以内 is met by a fall of at most 3 (an outcome at or above −3).
- **the target's figure**: its value; for a range (5%—5.5%) the end that decides: the lower end
  when "up" (within or above the range is met), the upper end when "down" (within or below).
- **gap** = outcome − that figure, in the unit's own terms: percentage points for a % rate, yuan
  for 元, persons for 人. Rounded to 6 decimals (no float noise: 7.2 − 7.5 is −0.3).
- **met** = gap ≥ 0 ("up") or gap ≤ 0 ("down"). An `approx` target (左右, 约) allows a shortfall
  of the tolerance in rules/panel.yaml (`approx_tolerance`): 0.2 percentage points for a rate
  (% and pp), 2% of the target for a level. An outcome beyond the target in the good direction is
  met (7% against 5%左右 is met).
- **null** when either side is missing.
"""
from __future__ import annotations

from dataclasses import dataclass

RATE_UNITS = ("%", "pp")
# float noise: 5.2 - 5.0 is 0.20000000000000018
DECIMALS = 6


@dataclass(frozen=True)
class Side:
    """One side of a panel row: a figure as a claim gives it (value never negative)."""
    value: float
    direction: str | None = None     # increase | decrease | None (a level)
    qualifier: str | None = None     # approx | at_least | at_most | range | None
    value_high: float | None = None  # a range's upper end


@dataclass(frozen=True)
class MetRule:
    """The rule's parameters, from rules/panel.yaml's `panel` context entry."""
    ceilings: frozenset[str] = frozenset()
    rate_tolerance: float = 0.2
    level_share: float = 0.02

    @classmethod
    def from_context(cls, context: dict) -> "MetRule":
        panel = (context or {}).get("panel") or {}
        tol = panel.get("approx_tolerance") or {}
        return cls(ceilings=frozenset(panel.get("ceiling_indicators") or ()),
                   rate_tolerance=float(tol.get("rate", cls.rate_tolerance)),
                   level_share=float(tol.get("level_share", cls.level_share)))

    def sense(self, indicator_id: str | None, target: Side) -> str:
        """'up' when an outcome at or above the target meets it, 'down' when at or below."""
        if indicator_id in self.ceilings:
            return "down"
        up = target.qualifier != "at_most"
        if target.direction == "decrease":
            up = not up
        return "up" if up else "down"

    def judge(self, indicator_id: str | None, unit: str, target: Side | None,
              outcome: Side | None) -> tuple[float | None, bool | None]:
        """(gap, met) of an outcome against a target; (None, None) when a side is missing.

        >>> rule = MetRule(ceilings=frozenset({"cpi"}))
        >>> rule.judge("gdp", "%", Side(21, "increase"), Side(18.5, "increase"))
        (-2.5, False)
        >>> rule.judge("gdp", "%", Side(5, "increase", "approx"), Side(4.9, "increase"))
        (-0.1, True)
        >>> rule.judge("cpi", "%", Side(3, None, "approx"), Side(0.2, "increase"))
        (-2.8, True)
        >>> rule.judge("energy_intensity", "%", Side(3, "decrease"), Side(3.5, "decrease"))
        (-0.5, True)
        >>> rule.judge("gdp", "%", Side(5, "increase", "range", 5.5), Side(5.2, "increase"))
        (0.2, True)
        >>> rule.judge("gdp", "%", Side(5, "increase"), None)
        (None, None)
        """
        if target is None or outcome is None:
            return None, None
        sense = self.sense(indicator_id, target)
        ends = [signed(target.value, target.direction)]
        if target.qualifier == "range" and target.value_high is not None:
            ends.append(signed(target.value_high, target.direction))
        bound = min(ends) if sense == "up" else max(ends)
        gap = round(signed(outcome.value, outcome.direction) - bound, DECIMALS)
        slack = self.tolerance(unit, bound) if target.qualifier == "approx" else 0.0
        met = gap >= -slack if sense == "up" else gap <= slack
        return gap, bool(met)

    def tolerance(self, unit: str, target: float) -> float:
        """How far short of an approximate target still counts as met."""
        if unit in RATE_UNITS:
            return self.rate_tolerance
        return abs(target) * self.level_share


def signed(value: float, direction: str | None) -> float:
    """A claim's magnitude with its direction as a sign: 降低3% → −3."""
    return -value if direction == "decrease" else value
