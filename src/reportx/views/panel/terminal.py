"""The panel for people, in the terminal: one line per indicator and place, one column per year,
each cell `target → outcome` marked ✓ (met) or ✗ (missed).

Nothing is cut to fit a narrow terminal: a cell first goes on two lines (the target, then
`→ outcome ✓`), and if the years still do not fit, they are split over several tables, each
repeating the indicator and place columns."""
from __future__ import annotations

from reportx.views.comparison import UNIT_NAMES

MISSING = "—"
MARKS = {True: ("✓", "bold green"), False: ("✗", "bold red")}
ARROW = " → "
# The indicator column is at most this wide (城镇居民人均可支配 / 收入 wraps onto two lines).
LABEL_CELLS = 18
# A column's padding (one cell each side) and the divider between columns (SIMPLE_HEAD: a space).
GUTTER = 3
LEGEND = (f"target{ARROW}outcome · ✓ met, ✗ missed (gap and met rule: reportx panel --help) · "
          f"{MISSING} no figure (the files give the reason in `note`)")


def panel_tables(frame, width: int | None = None):
    """A rich renderable of the frame (CONTRACT.md's panel rows, already selected): one table,
    or several covering consecutive years when one would be wider than `width`."""
    from rich.console import Group
    from rich.text import Text

    layout = _Layout(frame)
    stacked = width is not None and layout.width(layout.years, stacked=False) > width
    groups = _year_groups(layout, width, stacked) if width is not None else [layout.years]
    parts = []
    for i, years in enumerate(groups):
        if i:
            parts.append(Text(""))
        parts.append(layout.table(years, stacked, title=layout.title if i == 0 else None))
    return Group(*parts)


class _Layout:
    """The frame's places, years, series and cells, and how wide each column needs to be."""

    def __init__(self, frame):
        self.places = list(dict.fromkeys(frame["place"]))
        # a year column only where some cell has a figure (a series' inner gap is still shown)
        has = frame["target_display"].notna() | frame["actual_display"].notna()
        self.years = sorted({int(y) for y in frame.loc[has, "year"]})
        self.series = list(dict.fromkeys(zip(frame["indicator_id"], frame["indicator"],
                                             frame["unit"])))
        units: dict[str, set] = {}
        for ident, _, unit in self.series:
            units.setdefault(ident, set()).add(unit)
        self.labels = {(ident, unit): _label(indicator, unit, len(units[ident]) > 1)
                       for ident, indicator, unit in self.series}
        self.cells = {(r["place"], r["indicator_id"], r["unit"], int(r["year"])): r
                      for r in frame.to_dict(orient="records")}
        self.title = self.places[0] if len(self.places) == 1 else None

    def label_width(self) -> int:
        from rich.cells import cell_len

        return min(LABEL_CELLS, max(map(cell_len, self.labels.values()), default=0))

    def place_width(self) -> int:
        from rich.cells import cell_len

        return max(map(cell_len, self.places)) if len(self.places) > 1 else 0

    def year_width(self, year: int, stacked: bool) -> int:
        """The longest line of the year's cells, header included."""
        from rich.cells import cell_len

        lines = [str(year)] + [line for key, r in self.cells.items() if key[3] == year
                               for line in _cell(r, stacked).plain.splitlines()]
        return max(map(cell_len, lines))

    def width(self, years, stacked: bool) -> int:
        fixed = self.label_width() + GUTTER + (self.place_width() + GUTTER if self.place_width() else 0)
        return fixed + sum(self.year_width(y, stacked) + GUTTER for y in years)

    def table(self, years, stacked: bool, title=None):
        from rich import box
        from rich.table import Table
        from rich.text import Text

        table = Table(title=title, header_style="bold", box=box.SIMPLE_HEAD, show_edge=False,
                      pad_edge=False, title_justify="left")
        table.add_column("indicator", overflow="fold", min_width=self.label_width(),
                         max_width=self.label_width())
        if len(self.places) > 1:
            table.add_column("place", no_wrap=True, min_width=self.place_width())
        for year in years:
            table.add_column(str(year), overflow="fold",
                             min_width=self.year_width(year, stacked) if stacked else None)
        for i, (ident, _, unit) in enumerate(self.series):
            rows = [(place, [self.cells.get((place, ident, unit, y)) for y in years])
                    for place in self.places]
            rows = [(place, cells) for place, cells in rows if any(cells)]
            if not rows:
                continue
            if table.row_count:
                table.add_section()
            for j, (place, cells) in enumerate(rows):
                line = [Text(self.labels[(ident, unit)] if j == 0 else "")]
                if len(self.places) > 1:
                    line.append(Text(place))
                table.add_row(*line, *[_cell(r, stacked) for r in cells])
        return table


def _year_groups(layout: _Layout, width: int, stacked: bool) -> list[list[int]]:
    """Consecutive years packed into tables no wider than width (at least one year each)."""
    groups, current = [], []
    for year in layout.years:
        if current and layout.width([*current, year], stacked) > width:
            groups.append(current)
            current = []
        current.append(year)
    return [*groups, current] if current else groups or [[]]


def _label(indicator: str, unit: str, with_unit: bool) -> str:
    """地区生产总值, or 地区生产总值（%） when the indicator has rows in two units."""
    return f"{indicator}（{UNIT_NAMES.get(unit, unit)}）" if with_unit else indicator


def _cell(record, stacked: bool = False):
    """`5%左右 → +5.2% ✓` (stacked: on two lines, the arrow starting the second); a year
    without either figure is a dim dash."""
    from rich.text import Text

    if record is None:
        return Text("")
    target, outcome = _shown(record["target_display"]), _shown(record["actual_display"])
    if target is None and outcome is None:
        return Text(MISSING, style="dim")
    text = Text(target or MISSING, style=None if target else "dim")
    text.append("\n→ " if stacked else ARROW, style="dim")
    text.append(outcome or MISSING, style=None if outcome else "dim")
    mark = MARKS.get(record["met"])
    if mark:
        text.append(f" {mark[0]}", style=mark[1])
    return text


def _shown(value):
    return value if isinstance(value, str) and value else None
