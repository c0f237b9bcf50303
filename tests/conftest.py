"""Shared fixtures: the repository's folders and the bundled rule set, loaded once."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"


def seed_text(name: str) -> str:
    """A bundled report's text (seeds/<name>.txt)."""
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def claim_facts(claims) -> list[tuple]:
    """What claims say, apart from where they stand: for comparing two readings of one report
    whose offsets differ (a reader that joined its lines)."""
    return sorted((c.value, c.unit, c.indicator_id or "", c.period or "", c.kind or "",
                   c.qualifier or "", c.direction or "") for c in claims)


@pytest.fixture(scope="session")
def rules():
    from reportx.engine.ruleset import load_rules

    return load_rules()
