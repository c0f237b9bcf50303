"""The panel for people, in the terminal: one line per indicator and place, one column per year,
each cell `target → outcome` marked ✓ (met) or ✗ (missed)."""
from __future__ import annotations

from reportx.views.comparison import UNIT_NAMES

MISSING = "—"
MARKS = {True: ("✓", "bold green"), False: ("✗", "bold red")}
ARROW = " → "


def panel_table(frame):
    """A rich Table of the frame (CONTRACT.md's panel rows, already selected)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    places = list(dict.fromkeys(frame["place"]))
    # a year column only where some cell has a figure (a series' inner gap is still shown)
    has = frame["target_display"].notna() | frame["actual_display"].notna()
    years = sorted(set(int(y) for y in frame.loc[has, "year"]))
    units: dict[str, set] = {}
    for ident, unit in zip(frame["indicator_id"], frame["unit"]):
        units.setdefault(ident, set()).add(unit)
    title = places[0] if len(places) == 1 else None
    table = Table(title=title, header_style="bold", box=box.SIMPLE_HEAD, show_edge=False,
                  pad_edge=False, title_justify="left")
    table.add_column("indicator", overflow="fold")
    if len(places) > 1:
        table.add_column("place", overflow="fold")
    for year in years:
        table.add_column(str(year), overflow="fold")
    cells = {(r["place"], r["indicator_id"], r["unit"], int(r["year"])): r
             for r in frame.to_dict(orient="records")}
    # one line per series, grouped by indicator (the frame's order: catalog, then unit)
    series = list(dict.fromkeys(zip(frame["indicator_id"], frame["indicator"], frame["unit"])))
    for i, (ident, indicator, unit) in enumerate(series):
        if i:
            table.add_section()
        label = (f"{indicator}（{UNIT_NAMES.get(unit, unit)}）" if len(units[ident]) > 1
                 else indicator)
        first = True
        for place in places:
            row = [cells.get((place, ident, unit, y)) for y in years]
            if not any(row):
                continue
            line = [Text(label if first else "")]
            if len(places) > 1:
                line.append(Text(place))
            line += [_cell(r) for r in row]
            table.add_row(*line)
            first = False
    return table


def _cell(record):
    """`5%左右 → +5.2% ✓`; a year without either figure is a dim dash."""
    from rich.text import Text

    if record is None:
        return Text("")
    target, outcome = _shown(record["target_display"]), _shown(record["actual_display"])
    if target is None and outcome is None:
        return Text(MISSING, style="dim")
    text = Text(target or MISSING, style=None if target else "dim")
    text.append(ARROW, style="dim")
    text.append(outcome or MISSING, style=None if outcome else "dim")
    mark = MARKS.get(record["met"])
    if mark:
        text.append(f" {mark[0]}", style=mark[1])
    return text


def _shown(value):
    return value if isinstance(value, str) and value else None


LEGEND = (f"target{ARROW}outcome · ✓ met, ✗ missed (gap and met rule: reportx panel --help) · "
          f"{MISSING} no figure (the files give the reason in `note`)")
