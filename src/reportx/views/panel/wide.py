"""The panel wide: for one indicator and unit, places down and years across, a row of targets
and a row of outcomes per place, as signed numbers (a fall is negative), ready for a chart."""
from __future__ import annotations

from reportx.views.panel.met import signed

SERIES = ("target", "outcome")


def series_keys(frame) -> list[tuple[str, str, str]]:
    """(indicator_id, indicator, unit) of each series in the frame, in the frame's order."""
    return list(dict.fromkeys(zip(frame["indicator_id"], frame["indicator"], frame["unit"])))


def wide(frame, indicator_id: str, unit: str):
    """One indicator and unit: columns place, series (target | outcome), then one per year."""
    import pandas as pd

    part = frame[(frame["indicator_id"] == indicator_id) & (frame["unit"] == unit)]
    years = list(range(int(part["year"].min()), int(part["year"].max()) + 1)) if len(part) else []
    lines = []
    for place in dict.fromkeys(part["place"]):
        rows = part[part["place"] == place]
        target = {"place": place, "series": "target"}
        outcome = {"place": place, "series": "outcome"}
        for r in rows.itertuples():
            if _present(r.target_value):
                target[r.year] = signed(r.target_value, r.target_direction)
            if _present(r.actual_value):
                outcome[r.year] = signed(r.actual_value, r.actual_direction)
        lines += [target, outcome]
    return pd.DataFrame(lines, columns=["place", "series", *years])


def _present(value) -> bool:
    """A number, not None and not NaN (pandas' missing)."""
    return value is not None and value == value
