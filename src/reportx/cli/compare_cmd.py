"""`reportx compare`: reports side by side, one row per indicator and period, one column per
report; a workbook with the comparison, every claim and the sources."""
from __future__ import annotations

import sys
from typing import Annotated

import typer

from reportx.cli import app
from reportx.cli.common import CorpusOpt, FormatOpt, NamesArg, OutputOpt, RulesOpt, guarded, stderr_console

MISSING = "—"
REPEAT_MARK = "*"


@app.command()
@guarded
def compare(
    names: NamesArg,
    include_all: Annotated[bool, typer.Option(
        "--all", help="add every indicator two or more reports share, not only headline ones")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="show the sentence behind each cell, and every repeat")] = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    rules: RulesOpt = None,
    corpus: CorpusOpt = None,
) -> None:
    """Headline figures of reports side by side, results first, then targets, each cell as the
    report writes it (5%左右, +0.1%, 149.3万吨), — where a report says nothing.

    CSV and the table are wide (one column per report); JSON Lines has one row per indicator,
    period and report; a workbook (-o FILE.xlsx) adds every claim and the sources.

    Example: reportx compare guigang yulin -o compare.xlsx
    """
    from reportx.views.comparison import build_comparison
    from reportx.corpus import resolve_all
    from reportx.output.writers import Format, pick_format, write_frame, write_sheets
    from reportx.engine.ruleset import load_rules

    chosen = pick_format(fmt, output)
    paths = resolve_all(names, corpus)
    result = build_comparison(paths, rules=load_rules(rules or []), include_all=include_all)
    err = stderr_console()
    if len(result.documents) < 2:
        err.print(f"reportx: note: only one report to compare ({', '.join(result.keys) or 'none'})",
                  markup=False, highlight=False)
    if chosen is Format.table:
        _print_table(result, verbose)
    elif chosen is Format.xlsx:
        write_sheets(output, {"comparison": result.wide(sentences=verbose), "rows": result.rows,
                              "claims": result.all_claims(), "sources": result.sources()})
    elif chosen is Format.csv:
        write_frame(result.wide(sentences=verbose), chosen, output, stdout=sys.stdout)
    else:
        write_frame(result.rows, chosen, output, stdout=sys.stdout)
    if output is not None:
        err.print(f"{len(result.documents)} reports, {len(result.wide())} rows → {output}",
                  markup=False, highlight=False)


def _print_table(result, verbose: bool) -> None:
    """Rows grouped by kind and period (a rule between groups). A cell the report states more
    than once is marked; --verbose lists every statement with the number of its sentence, and
    the sentences below the table."""
    from rich.table import Table
    from rich.text import Text

    from reportx.cli.common import stdout_console

    console = stdout_console()
    if not result.lines:
        hint = "" if len(result.documents) < 2 else "; --all adds every indicator they share"
        console.print(f"No headline figures in {', '.join(result.keys)}{hint}.",
                      style="dim", markup=False, highlight=False)
        return
    from rich import box

    table = Table(header_style="bold", pad_edge=False, box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("indicator · period", overflow="fold")
    for d in result.documents:
        table.add_column(f"{d.city}\n{d.key}" if d.city else d.key, overflow="fold")
    notes: dict[str, int] = {}
    repeated, missing, group = False, False, None
    for row in result.lines:
        if group is not None and group != (row.kind, row.period):
            table.add_section()
        group = (row.kind, row.period)
        line = [Text(row.label)]
        for d in result.documents:
            said = result.cells.get((row, d.key))
            if not said:
                line.append(Text(MISSING, style="dim"))
                missing = True
                continue
            cell = Text(said[0].display)
            if verbose:
                for i, m in enumerate(said):
                    if i:
                        cell.append("\n" + m.display, style="dim")
                    note = notes.setdefault(m.claim.sentence.strip(), len(notes) + 1)
                    cell.append(f" [{note}]",
                                style="dim")
            elif len(said) > 1:
                cell.append(REPEAT_MARK, style="bold yellow")
                repeated = True
            line.append(cell)
        table.add_row(*line)
    console.print(table)
    legend = [f"{MISSING} the report gives no figure"] if missing else []
    if repeated:
        legend.append(f"{REPEAT_MARK} stated more than once, the first is shown "
                      "(--verbose lists every statement)")
    if legend:
        console.print("; ".join(legend), style="dim", markup=False, highlight=False)
    if notes:
        # A grid, not one line each: a sentence has no spaces to wrap at, so it folds beside
        # its number instead of dropping below it.
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", justify="right", no_wrap=True)
        grid.add_column(overflow="fold")
        for sentence, n in notes.items():
            grid.add_row(f"[{n}]", Text(sentence))
        console.print(grid)
