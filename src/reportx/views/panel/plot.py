"""Target against outcome over the years, one small chart per place and indicator: PNG, SVG, or
an HTML page that works offline.

matplotlib draws it (already a dependency for the workbook's numbers; static files, no browser,
no network). The Chinese font is resolved and checked first (fonts.py): no tofu boxes, or a
one-line error. The SVG stores its text as outlines, so it reads the same on a machine without
the font; the HTML page inlines that SVG and a table of the figures, with no script and no CDN.

In each chart the target is dashed with open triangles (a range is a bar from its lower to its
upper end), the outcome solid with dots coloured by the verdict: green met, red missed, grey
when it cannot be judged. A missing year is a break in the line, never a bridged one.
"""
from __future__ import annotations

import html
import io
import math
from pathlib import Path

from reportx.errors import OutputError
from reportx.output.writers import atomic_write
from reportx.views.comparison import UNIT_NAMES
from reportx.views.panel.fonts import cjk_font
from reportx.views.panel.met import signed

PLOT_SUFFIXES = (".png", ".svg", ".html", ".htm")
# More charts than this make a page nobody reads; the rest are named in the returned note.
MAX_CHARTS = 12
COLUMNS = 3
COLOURS = {True: "#2e7d32", False: "#c62828", None: "#9e9e9e"}
TARGET_COLOUR, OUTCOME_COLOUR = "#1565c0", "#212121"
TITLE = "目标与实际 · target vs outcome"
LEGEND = {"target": "目标 target", "outcome": "实际 outcome", True: "达到 met",
          False: "未达到 missed"}


def plot_kind(path: Path) -> str:
    """png | svg | html from the file's suffix; OutputError for any other."""
    suffix = Path(path).suffix.lower()
    if suffix not in PLOT_SUFFIXES:
        raise OutputError(f"{path}: a plot is .png, .svg or .html")
    return "html" if suffix == ".htm" else suffix[1:]


def write_plot(frame, path: Path, *, scales: dict | None = None) -> str:
    """Draw the frame's series into path (PNG, SVG or HTML by suffix); returns a one-line note
    (how many charts, and how many were left out)."""
    kind = plot_kind(path)
    series = chart_series(frame)
    if not series:
        raise OutputError(f"{path}: nothing to plot (no target or outcome in the selected rows)")
    shown = series[:MAX_CHARTS]
    text = "".join(f"{p}{i}" for p, i, _ in shown)
    figure = draw(frame, shown, cjk_font(text), scales or {})
    note = f"{len(shown)} chart{'s' if len(shown) != 1 else ''}"
    if len(series) > len(shown):
        note += (f" (the first {len(shown)} of {len(series)}; choose with --indicator, "
                 "--place, --from/--to)")
    if kind == "png":
        atomic_write(Path(path), lambda tmp: figure.savefig(tmp, format="png", dpi=150))
    elif kind == "svg":
        atomic_write(Path(path), lambda tmp: tmp.write_bytes(_svg(figure)))
    else:
        page = html_page(frame, shown, _svg(figure).decode("utf-8"), scales)
        atomic_write(Path(path), lambda tmp: tmp.write_text(page, encoding="utf-8"))
    return note


def chart_series(frame) -> list[tuple[str, str, str]]:
    """(place, indicator, unit) of every series with at least one figure, in frame order."""
    has = frame[frame["target_value"].notna() | frame["actual_value"].notna()]
    return list(dict.fromkeys(zip(has["place"], has["indicator"], has["unit"])))


def draw(frame, series, font: Path, scales: dict):
    """A matplotlib Figure (no pyplot, so no global state) with one chart per series."""
    from matplotlib import font_manager
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    import matplotlib as mpl

    font_manager.fontManager.addfont(str(font))
    family = font_manager.FontProperties(fname=str(font)).get_name()
    cols = 2 if len(series) == 4 else min(COLUMNS, len(series))
    rows = math.ceil(len(series) / cols)
    with mpl.rc_context({"font.family": [family, "DejaVu Sans"], "axes.unicode_minus": False,
                         "svg.fonttype": "path"}):
        fig = Figure(figsize=(4.6 * cols, 3.3 * rows + 0.9), layout="constrained")
        axes = fig.subplots(rows, cols, squeeze=False)
        for ax, key in zip(axes.flat, series):
            _chart(ax, frame, key, scales)
        for ax in list(axes.flat)[len(series):]:
            ax.set_visible(False)
        handles = [
            Line2D([], [], color=TARGET_COLOUR, ls="--", marker="^", mfc="white",
                   label=LEGEND["target"]),
            Line2D([], [], color=OUTCOME_COLOUR, marker="o", mfc=COLOURS[None],
                   label=LEGEND["outcome"]),
            Line2D([], [], ls="", marker="o", color=COLOURS[True], label=LEGEND[True]),
            Line2D([], [], ls="", marker="o", color=COLOURS[False], label=LEGEND[False])]
        fig.suptitle(TITLE, fontsize=13)
        fig.legend(handles=handles, loc="outside lower center", ncols=4, frameon=False)
        fig.canvas.draw()     # lay out inside the rc_context, so the font is the CJK one
    return fig


def _chart(ax, frame, key, scales) -> None:
    place, indicator, unit = key
    rows = frame[(frame["place"] == place) & (frame["indicator"] == indicator)
                 & (frame["unit"] == unit)].sort_values("year")
    factor, label = _scale(rows, unit, scales)
    years = rows["year"].tolist()

    def values(kind):
        return [signed(v, d) / factor if _present(v) else math.nan
                for v, d in zip(rows[f"{kind}_value"], rows[f"{kind}_direction"])]

    target, outcome = values("target"), values("actual")
    ax.plot(years, target, ls="--", marker="^", mfc="white", color=TARGET_COLOUR, zorder=2)
    for year, low, high, d in zip(years, rows["target_value"], rows["target_value_high"],
                                  rows["target_direction"]):
        if _present(high) and _present(low):  # a range: a bar from one end to the other
            ends = sorted((signed(low, d) / factor, signed(high, d) / factor))
            ax.vlines(year, *ends, color=TARGET_COLOUR, lw=4, alpha=0.35, zorder=1)
    ax.plot(years, outcome, color=OUTCOME_COLOUR, lw=1.5, zorder=3)
    colours = [COLOURS[m if isinstance(m, bool) else None] for m in rows["met"]]
    ax.scatter(years, outcome, c=colours, s=36, zorder=4, edgecolors=OUTCOME_COLOUR,
               linewidths=0.6)
    ax.set_title(f"{place} · {indicator}（{UNIT_NAMES.get(unit, unit)}）", fontsize=10)
    ax.set_ylabel(label)
    ax.set_xticks(years)
    ax.tick_params(axis="x", labelrotation=45 if len(years) > 6 else 0, labelsize=8)
    ax.grid(alpha=0.3)


def _scale(rows, unit: str, scales: dict) -> tuple[float, str]:
    """The axis factor and label: 亿元 for yuan in the billions, else the unit's own name."""
    rule = scales.get(unit) or {}
    factor = float(rule.get("factor", 1))
    biggest = max([abs(v) for v in [*rows["target_value"], *rows["actual_value"]] if _present(v)],
                  default=0)
    if rule and biggest >= factor:
        return factor, str(rule.get("label", unit))
    return 1.0, UNIT_NAMES.get(unit, unit)


def _svg(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg")
    return buffer.getvalue()


def html_page(frame, series, svg: str, scales: dict | None = None) -> str:
    """A self-contained page: the chart as inline SVG, then each series' figures as a table
    (a level's gap in the chart's unit: -4.8亿元)."""
    scales = scales or {}
    svg = svg[svg.find("<svg"):]         # inline: drop the XML declaration and doctype
    places = list(dict.fromkeys(p for p, _, _ in series))
    heading = "reportx panel · " + "、".join(places[:6]) + ("…" if len(places) > 6 else "")
    parts = [f"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
             f"<title>{html.escape(heading)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{html.escape(heading)}</h1>", f"<figure>{svg}</figure>"]
    for place, indicator, unit in series:
        rows = frame[(frame["place"] == place) & (frame["indicator"] == indicator)
                     & (frame["unit"] == unit)].sort_values("year")
        factor, label = _scale(rows, unit, scales)
        parts.append(f"<h2>{html.escape(place)} · {html.escape(indicator)} "
                     f"({html.escape(UNIT_NAMES.get(unit, unit))})</h2>")
        parts.append("<table><tr><th>year</th><th>目标 target</th><th>实际 outcome</th>"
                     "<th>gap</th><th>met</th><th>from</th><th>note</th></tr>")
        for r in rows.itertuples():
            met = {True: "✓", False: "✗"}.get(r.met, "")
            cls = {True: "met", False: "missed"}.get(r.met, "")
            gap = "" if not _present(r.gap) else f"{r.gap / factor:+g}" + ("" if factor == 1 else label)
            source = " → ".join(d for d in (r.target_doc, r.actual_doc) if isinstance(d, str))
            parts.append(
                f"<tr><td>{r.year}</td><td>{_esc(r.target_display)}</td>"
                f"<td>{_esc(r.actual_display)}</td><td>{gap}</td>"
                f"<td class=\"{cls}\">{met}</td><td>{_esc(source)}</td><td>{_esc(r.note)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _present(value) -> bool:
    """A number, not None and not NaN (pandas' missing)."""
    return value is not None and value == value


def _esc(value) -> str:
    return html.escape(value) if isinstance(value, str) else ""


_CSS = ("body{font-family:system-ui,'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;"
        "margin:2em;color:#212121}figure{margin:0}svg{max-width:100%;height:auto}"
        "table{border-collapse:collapse;margin-bottom:1.5em;font-size:14px}"
        "td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}th{background:#f5f5f5}"
        ".met{color:#2e7d32;font-weight:bold}.missed{color:#c62828;font-weight:bold}")
