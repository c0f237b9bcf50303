"""The claim filters of `reportx extract`: --kind, --period and --indicator as one test.

--indicator matches case-insensitively: a catalog id (gdp) or any of its aliases (GDP, 生产总值)
selects that indicator's claims; any word also selects claims whose phrase holds it (学位).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable


def indicator_ids(word: str, catalog: Iterable) -> set[str]:
    """The catalog ids a word names: by id or alias, ignoring case."""
    want = word.casefold()
    return {ind.id for ind in catalog
            if ind.id.casefold() == want or any(a.casefold() == want for a in ind.aliases)}


def claim_filter(kind: str | None, indicator: str | None, period: str | None,
                 catalog: Iterable = ()) -> Callable[[object], bool] | None:
    """A test of a claim, or None when nothing is filtered."""
    if kind is None and not indicator and period is None:
        return None
    ids = indicator_ids(indicator, catalog) if indicator else set()
    word = indicator.casefold() if indicator else None
    return ClaimFilter(kind, period, frozenset(ids), word)


@dataclass(frozen=True)
class ClaimFilter:
    """The test itself: an object, not a closure, so it can go to batch workers (which filter
    and encode their own file's claims)."""
    kind: str | None
    period: str | None
    ids: frozenset
    word: str | None

    def __call__(self, c) -> bool:
        if self.kind is not None and c.kind != self.kind:
            return False
        if self.period is not None and c.period != self.period:
            return False
        if self.word is None:
            return True
        return c.indicator_id in self.ids or bool(c.indicator and self.word in c.indicator.casefold())
