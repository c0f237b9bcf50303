"""The claims table for a terminal: one line per claim at any width.

Every column but the indicator keeps its natural width. When the terminal is too narrow for
all of them, the least needed go first (the catalog id, then the unit code, then the base
value, which the figure as written already shows); the indicator phrase takes what is left
and is cut with … rather than wrapped, so the table stays one line per claim.
"""
from __future__ import annotations

from reportx.output.display import cell, format_range, width

SHORT = {"approx": "≈", "at_least": "≥", "at_most": "≤", "range": "–",
         "increase": "↑", "decrease": "↓"}
# Columns in the order shown, and the order in which they are dropped when space runs out.
COLUMNS = ("doc", "#", "as written", "value", "unit", "indicator", "id", "period", "kind", "q", "dir")
DROP_ORDER = ("id", "unit", "value")
MIN_INDICATOR = 16          # terminal cells the indicator keeps before columns are dropped
MAX_SURFACE = 18
GAP = 2                     # cells between two columns


def period_text(period, span) -> str:
    """2023; a multi-year figure shows its years: 2021–2025."""
    if period is None:
        return ""
    if span and str(period).isdigit() and span > 1:
        return f"{int(period) - int(span) + 1}–{period}"
    return str(period)


def rows_of(claims, multi: bool) -> list[dict]:
    """The cells of each claim, by column name."""
    rows = []
    for i, c in enumerate(claims, start=1):
        rows.append({"doc": c.doc, "#": str(i), "as written": c.surface,
                     "value": format_range(c.value, c.value_high), "unit": c.unit,
                     "indicator": cell(c.indicator), "id": cell(c.indicator_id),
                     "period": period_text(c.period, c.span), "kind": cell(c.kind),
                     "q": SHORT.get(c.qualifier, cell(c.qualifier)),
                     "dir": SHORT.get(c.direction, cell(c.direction))})
    if not multi:
        for r in rows:
            del r["doc"]
    return rows


def layout(rows: list[dict], total: int, columns: list[str]) -> tuple[list[str], dict[str, int]]:
    """The columns that fit in `total` cells and each one's width (the indicator's: the rest)."""
    widths = {c: max([width(c)] + [width(r[c]) for r in rows]) for c in columns}
    widths["as written"] = min(widths.get("as written", 0), MAX_SURFACE)
    shown = list(columns)

    def room() -> int:
        fixed = sum(widths[c] for c in shown if c != "indicator")
        return total - fixed - GAP * (len(shown) - 1)
    for victim in DROP_ORDER:
        if room() >= min(MIN_INDICATOR, widths["indicator"]) or victim not in shown:
            continue
        shown.remove(victim)
    widths["indicator"] = max(4, min(widths["indicator"], room()))
    return shown, widths


def claims_table(claims, *, multi: bool, total_width: int, columns: list[str] | None = None):
    """A Rich table of the claims laid out for a terminal `total_width` cells wide."""
    from rich.table import Table

    rows = rows_of(claims, multi)
    wanted = [c for c in (columns or COLUMNS) if c != "doc" or multi]
    shown, widths = layout(rows, total_width, wanted)
    table = Table(header_style="bold", pad_edge=False, box=None, padding=(0, GAP // 2))
    for c in shown:
        table.add_column(c, no_wrap=True, overflow="ellipsis", width=widths[c],
                         justify="right" if c in ("#", "value") else "left")
    for r in rows:
        table.add_row(*(r[c] for c in shown))
    return table
