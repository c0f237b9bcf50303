"""Two annotators' files against each other: how far double coding agrees.

Both files are in GUIDELINE.md's gold form. Records are paired by the very matching `reportx eval`
uses (views.evaluation.matching: one-to-one by span overlap, the largest overlap first), with the
first file in the gold's place. From the pairs:

- span F1: pairs whose start and end are identical, as an F1 over both files (2·tp / (|A| + |B|),
  which is the same whichever file is taken as the reference);
- value F1: pairs with the same unit and value (within evaluation.VALUE_TOLERANCE);
- Cohen's kappa on `kind` and on `qualifier`, over the pairs: the agreement beyond what the two
  annotators' own label frequencies would give by chance (null, "no qualifier", is a label too).

A record its annotator marked `optional` and that the other file does not pair is left out of the
F1 denominators, as `reportx eval` leaves it out of misses and false alarms.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reportx.views.evaluation import matching

KAPPA_ATTRIBUTES = ("kind", "qualifier")


@dataclass(frozen=True, slots=True)
class Kappa:
    """Cohen's kappa of one attribute over the paired records."""
    value: float | None     # None: undefined (both annotators used one and the same label only)
    observed: float | None  # share of pairs with the same label (None: no pairs)
    pairs: int

    def to_dict(self) -> dict:
        return {"kappa": self.value, "observed": self.observed, "pairs": self.pairs}


@dataclass(frozen=True)
class Agreement:
    a: int                  # records in the first file
    b: int                  # records in the second
    pairs: int              # records the matching pairs
    same_span: int          # pairs with identical start and end
    same_value: int         # pairs with the same unit and value
    counted: int            # |A| + |B| without unpaired optional records: the F1 denominator
    kappa: dict[str, Kappa]

    @property
    def span_f1(self) -> float:
        return 2 * self.same_span / self.counted if self.counted else 1.0

    @property
    def value_f1(self) -> float:
        return 2 * self.same_value / self.counted if self.counted else 1.0

    def to_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "pairs": self.pairs, "same_span": self.same_span,
                "same_value": self.same_value, "span_f1": self.span_f1,
                "value_f1": self.value_f1,
                "kappa": {k: v.to_dict() for k, v in self.kappa.items()}}


def as_claims(records: list[dict]) -> list[dict]:
    """Gold records read as claims: the gold calls the indicator id `key`, claims `indicator_id`."""
    return [dict(r, indicator_id=r.get("key")) for r in records]


def agreement(a: list[dict], b: list[dict]) -> Agreement:
    """How far two annotation files of one report agree (see the module docstring)."""
    pairs = matching(a, as_claims(b))
    paired_a = {p.gold for p in pairs}
    paired_b = {p.claim for p in pairs}
    left_out = (sum(1 for i, r in enumerate(a) if r.get("optional") and i not in paired_a)
                + sum(1 for i, r in enumerate(b) if r.get("optional") and i not in paired_b))
    same_span = sum(1 for p in pairs
                    if (a[p.gold]["start"], a[p.gold]["end"]) == (b[p.claim]["start"], b[p.claim]["end"]))
    kappa = {attr: cohen_kappa([(_label(a[p.gold].get(attr)), _label(b[p.claim].get(attr)))
                                for p in pairs])
             for attr in KAPPA_ATTRIBUTES}
    return Agreement(a=len(a), b=len(b), pairs=len(pairs), same_span=same_span,
                     same_value=sum(p.exact for p in pairs), counted=len(a) + len(b) - left_out,
                     kappa=kappa)


def cohen_kappa(labels: list[tuple[str | None, str | None]]) -> Kappa:
    """Cohen's kappa of (first annotator's label, second's) pairs.

    >>> k = cohen_kappa([("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15)
    >>> round(k.value, 3), k.observed
    (0.4, 0.7)
    """
    n = len(labels)
    if not n:
        return Kappa(None, None, 0)
    observed = sum(x == y for x, y in labels) / n
    first, second = Counter(x for x, _ in labels), Counter(y for _, y in labels)
    chance = sum(first[label] * second[label] for label in first) / (n * n)
    if chance == 1:
        return Kappa(None, observed, n)
    return Kappa((observed - chance) / (1 - chance), observed, n)


def _label(value) -> str | None:
    """A missing value and an empty one are the same label: none."""
    return value if value not in ("", None) else None
