"""`reportx panel`: targets against outcomes, across places and years, as a table, a file
(csv, jsonl, json, xlsx with charts, Stata .dta, Parquet) or a plot (png, svg, html)."""

# No `from __future__ import annotations`: typer reads the commands' signatures at every
# start, and would evaluate string annotations anew each time (see reportx.cli.help).
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from reportx.cli import app
from reportx.cli.common import CorpusOpt, NamesArg, OutputOpt, RulesOpt, guarded
from reportx.errors import OutputError


class PanelFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    json = "json"
    xlsx = "xlsx"
    dta = "dta"
    parquet = "parquet"


SUFFIXES = {".csv": PanelFormat.csv, ".jsonl": PanelFormat.jsonl, ".ndjson": PanelFormat.jsonl,
            ".json": PanelFormat.json, ".xlsx": PanelFormat.xlsx, ".dta": PanelFormat.dta,
            ".parquet": PanelFormat.parquet, ".pq": PanelFormat.parquet}
# Formats that are files, never text on the terminal.
BINARY = (PanelFormat.xlsx, PanelFormat.dta, PanelFormat.parquet)


@app.command()
@guarded
def panel(
    names: NamesArg,
    indicator: Annotated[Optional[list[str]], typer.Option(
        "--indicator", "-i",
        help="only this indicator: a catalog id (gdp) or a word of its name (收入); repeatable")] = None,
    place: Annotated[Optional[list[str]], typer.Option(
        "--place", "-p", help="only places whose name holds this word (海拉尔); repeatable")] = None,
    unit: Annotated[Optional[list[str]], typer.Option(
        "--unit", "-u", help="only figures in this unit: % (rates), CNY, person …; repeatable")] = None,
    start: Annotated[Optional[int], typer.Option("--from", help="first year")] = None,
    end: Annotated[Optional[int], typer.Option("--to", help="last year")] = None,
    include_all: Annotated[bool, typer.Option(
        "--all", help="every catalog indicator two or more reports name, not only headline ones")] = False,
    fmt: Annotated[Optional[PanelFormat], typer.Option(
        "--format", "-f", case_sensitive=False,
        help="table | csv | jsonl | json | xlsx | dta | parquet (default: from -o's suffix, else table)")] = None,
    output: OutputOpt = None,
    plot: Annotated[Optional[Path], typer.Option(
        "--plot", help="draw target against outcome into FILE.png, .svg or .html (offline)")] = None,
    rules: RulesOpt = None,
    corpus: CorpusOpt = None,
) -> None:
    """Targets against outcomes: for each place (from the report's header) and year,
    the target report Y set for Y next to the outcome report Y+1 gives for Y, the gap
    (outcome − target; percentage points for %) and whether it was met.

    Met: outcome ≥ target; ≤ for a ceiling (CPI, unemployment) or an
    at_most target (以内); a decrease target (能耗降低3%) is met by a fall
    at least that large; 左右 allows a shortfall of 0.2 points for a rate,
    2% for a level; a range is met within or beyond its end.

    With --plot alone, only the plot is written; add --format or -o for
    the table too.

    Example: reportx panel ../shared/corpus/hailar-*.txt -i gdp -o hailar.xlsx
    """
    from reportx.corpus import resolve_all
    from reportx.engine.ruleset import load_rules
    from reportx.views.panel import build_panel, select

    from reportx.output.safe import refuse_inputs

    chosen = _pick_format(fmt, output)
    if plot is not None:
        from reportx.views.panel.plot import plot_kind

        plot_kind(plot)          # a bad suffix fails before any report is read
    paths = resolve_all(names, corpus)
    for target in (output, plot):  # never overwrite a report (a .html one, say)
        refuse_inputs(target, paths)
    rs = load_rules(rules or [])
    result = build_panel(paths, rules=rs, include_all=include_all)
    for message in result.warnings:      # plain print: a warning is one line, never wrapped
        print(f"reportx: warning: {message}", file=sys.stderr)
    rows = select(result.rows, indicators=indicator or (), places=place or (), units=unit or (),
                  start=start, end=end)
    if plot is not None:
        from reportx.views.panel.plot import write_plot

        note = write_plot(rows, plot, scales=rs.context.get("panel", {}).get("chart_scales"))
        print(f"{note} → {plot}", file=sys.stderr)
        if fmt is None and output is None:
            return
    _write(result, rows, chosen, output)
    if output is not None:
        print(f"{len(result.documents)} reports, {len(rows)} rows → {output}", file=sys.stderr)


def _pick_format(fmt: PanelFormat | None, output: Path | None) -> PanelFormat:
    """The format asked for, else the output file's suffix, else a table for people."""
    if output is not None and output.is_dir():
        raise OutputError(f"{output}: is a folder; give a file name")
    if fmt is None and output is not None:
        fmt = SUFFIXES.get(output.suffix.lower())
        if fmt is None:
            raise OutputError(f"{output}: cannot tell the format from the suffix; give --format "
                              "csv|jsonl|json|xlsx|dta|parquet")
    fmt = fmt or PanelFormat.table
    if fmt is PanelFormat.table and output is not None:
        raise OutputError(f"{output}: a table is for the terminal; give --format "
                          "csv|jsonl|json|xlsx|dta|parquet")
    if fmt in BINARY and output is None:
        raise OutputError(f"--format {fmt.value} writes a file: give -o FILE.{fmt.value}")
    return fmt


def _write(result, rows, fmt: PanelFormat, output: Path | None) -> None:
    from reportx.views.panel.columns import LABELS

    if fmt is PanelFormat.table:
        _print_table(rows, result)
    elif fmt is PanelFormat.xlsx:
        from reportx.views.panel.workbook import write_workbook

        write_workbook(result, rows, output)
    elif fmt is PanelFormat.dta:
        from reportx.output.stata import write_stata

        write_stata(rows, output, LABELS)
    elif fmt is PanelFormat.parquet:
        from reportx.output.parquet import write_parquet

        write_parquet(rows, output, LABELS)
    else:
        from reportx.output.writers import Format, write_frame

        write_frame(rows, Format(fmt.value), output, stdout=sys.stdout)


def _print_table(rows, result) -> None:
    from reportx.cli.common import stdout_console
    from reportx.views.panel.terminal import LEGEND, panel_tables

    console = stdout_console()
    if rows.empty:
        console.print(f"No panel rows in {len(result.documents)} reports for this selection.",
                      style="dim", markup=False, highlight=False)
        return
    console.print(panel_tables(rows, width=console.width))
    console.print(LEGEND, style="dim", markup=False, highlight=False)
