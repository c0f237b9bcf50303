"""The panel as an Excel workbook: the long table, one wide sheet per indicator with a native
line chart of target against outcome (an Excel chart, so it redraws when a number is edited),
and the reports it was built from. Written atomically, like every output."""
from __future__ import annotations

from pathlib import Path

from reportx.output.writers import atomic_write
from reportx.views.comparison import UNIT_NAMES, KIND_NAMES
from reportx.views.panel.wide import series_keys, wide

# Characters Excel refuses in a sheet name, and its length limit.
BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})
SHEET_CHARS = 31
RESERVED = ("panel", "sources")


def write_workbook(panel, frame, path: Path) -> None:
    """Sheets: panel (the long rows), one per indicator and unit, sources."""
    def write(tmp: Path):
        import pandas as pd

        with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
            _sheet(xw, "panel", frame)
            for name, (ident, indicator, unit) in sheet_names(frame).items():
                table = wide(frame, ident, unit)
                ws = _sheet(xw, name, table)
                if len(table):
                    _chart(ws, table, f"{name}：{KIND_NAMES['target']}与{KIND_NAMES['actual']}")
            _sheet(xw, "sources", panel.sources())
    atomic_write(Path(path), write)


def sheet_names(frame) -> dict[str, tuple[str, str, str]]:
    """A unique, valid sheet name per series: 地区生产总值（%）, 地区生产总值（元）."""
    keys = series_keys(frame)
    units = {}
    for ident, _, unit in keys:
        units.setdefault(ident, set()).add(unit)
    names, used = {}, set(RESERVED)
    for ident, indicator, unit in keys:
        base = indicator if len(units[ident]) == 1 else f"{indicator}（{UNIT_NAMES.get(unit, unit)}）"
        base = base.translate(BAD_SHEET_CHARS)[:SHEET_CHARS]
        name, n = base, 2
        while name in used:
            suffix = f"~{n}"
            name, n = base[:SHEET_CHARS - len(suffix)] + suffix, n + 1
        used.add(name)
        names[name] = (ident, indicator, unit)
    return names


def _sheet(xw, name: str, frame):
    """Write frame as a sheet: header frozen, columns sized to their text, control characters
    made printable (openpyxl refuses them), no more rows than Excel holds."""
    from reportx.output.sheets import check_rows, for_excel

    check_rows(len(frame), xw, name)
    frame = for_excel(frame)
    frame.to_excel(xw, sheet_name=name, index=False)
    ws = xw.sheets[name]
    ws.freeze_panes = "A2"
    for i, col in enumerate(frame.columns, start=1):
        cells = [str(col)] + [str(v) for v in frame[col].head(200).tolist()]
        width = max(_width(c) for c in cells) + 2
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(width, 60)
    return ws


def _chart(ws, table, title: str) -> None:
    """A line chart beside the wide table: per place, the target dashed, the outcome solid."""
    from openpyxl.chart import LineChart, Reference, Series
    from openpyxl.utils import get_column_letter

    years = len(table.columns) - 2
    chart = LineChart()
    chart.title = title
    chart.display_blanks = "gap"
    chart.y_axis.title = table.attrs.get("unit", "")
    chart.height, chart.width = 9, max(16, 2 * years)
    names = {"target": KIND_NAMES["target"], "outcome": KIND_NAMES["actual"]}
    for i, r in enumerate(table.itertuples(index=False), start=2):
        values = Reference(ws, min_col=3, max_col=2 + years, min_row=i, max_row=i)
        line = Series(values, title=f"{r.place} {names[r.series]}")
        line.marker.symbol = "circle" if r.series == "outcome" else "triangle"
        line.smooth = False
        if r.series == "target":
            line.graphicalProperties.line.dashStyle = "dash"
        chart.series.append(line)
    chart.set_categories(Reference(ws, min_col=3, max_col=2 + years, min_row=1, max_row=1))
    ws.add_chart(chart, f"{get_column_letter(years + 4)}2")


def _width(s: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)
