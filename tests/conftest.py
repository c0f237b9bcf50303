"""Shared fixtures: the repository's folders and the bundled rule set, loaded once."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def rules():
    from reportx.engine.ruleset import load_rules

    return load_rules()
