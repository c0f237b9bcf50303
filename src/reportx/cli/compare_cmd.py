"""`reportx compare`: reports side by side, one row per indicator and period, one column per
report; a workbook with the comparison, every claim and the sources.

Files are read like `extract` reads them: in worker processes (--jobs), with a progress bar on
a terminal, and a file that cannot be read is named with its reason while the others are still
compared (exit code 1 says something failed).
"""

# No `from __future__ import annotations`: typer reads the commands' signatures at every
# start, and would evaluate string annotations anew each time (see reportx.cli.help).
import sys
from typing import Annotated

import typer

from reportx.cli import app
from reportx.cli.common import (ColorOpt, CorpusOpt, ExcludeOpt, FormatOpt, JobsOpt, NamesArg,
                                OutputOpt, PagerOpt, QuietOpt, RecursiveOpt, RulesOpt, error,
                                guarded)
from reportx.cli.terminal import Color, Terminal

MISSING = "—"
REPEAT_MARK = "*"
# The numbers behind each report's cell in CSV and the workbook, so a spreadsheet can sum them.
NUMERIC_FIELDS = ("value", "value_high", "qualifier")


@app.command()
@guarded
def compare(
    names: NamesArg,
    include_all: Annotated[bool, typer.Option(
        "--all", help="add every indicator two or more reports share, not only headline ones")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="show the sentence behind each cell, and every repeat")] = False,
    relative: Annotated[bool, typer.Option(
        "--relative", help="line reports up by their own year: 上年 results, 今年 targets")] = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    rules: RulesOpt = None,
    corpus: CorpusOpt = None,
    recursive: RecursiveOpt = False,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    color: ColorOpt = Color.auto,
    pager: PagerOpt = True,
) -> None:
    """Headline figures of reports side by side, results first, then targets, each cell as the
    report writes it (5%左右, +0.1%, 149.3万吨), — where a report says nothing.

    CSV and the table are wide (one column per report; CSV adds each report's value, value_high
    and qualifier as numbers); JSON Lines has one row per indicator, period and report; a
    workbook (-o FILE.xlsx) adds every claim and the sources.

    Example: reportx compare guigang yulin -o compare.xlsx
    """
    from reportx.cli.common import prepare_output, report_run, resolve_names
    from reportx.engine.ruleset import load_rules
    from reportx.views.comparison import EXTRA_FIELDS, ROW_FIELDS, compare_with_rules
    from reportx.output.writers import Format, write_frame, write_rows, write_sheets

    term = Terminal(color=color, quiet=quiet, pager=pager)
    paths = resolve_names(names, corpus, recursive, exclude)
    chosen = prepare_output(fmt, output, paths)
    rule_dirs = tuple(rules or [])
    rs = load_rules(rule_dirs)
    read = _read(paths, rule_dirs, jobs, term)
    if not read.documents:
        for path, reason in read.failures:
            print(f"reportx: failed: {path}: {reason}", file=sys.stderr)
        raise error("nothing to compare: no report could be read")
    result = compare_with_rules(read.documents, read.claims, rs, include_all=include_all,
                                relative=relative)
    if len(result.documents) < 2:
        term.note(f"reportx: note: only one report to compare ({', '.join(result.keys) or 'none'})")
    if chosen is Format.table:
        _print_table(result, verbose, term)
    elif chosen is Format.xlsx:
        write_sheets(output, {"comparison": numeric_wide(result, sentences=verbose),
                              "rows": result.rows, "claims": result.all_claims(),
                              "sources": result.sources()}, stdout=sys.stdout)
    elif chosen in (Format.csv, Format.tsv, Format.markdown):
        wide = numeric_wide(result, sentences=verbose) if chosen is not Format.markdown \
            else result.wide(sentences=verbose)
        write_frame(wide, chosen, output, stdout=sys.stdout)
    else:   # the long form: JSON and JSON Lines from its rows, without pandas
        write_rows(result.records, [*ROW_FIELDS, *EXTRA_FIELDS], chosen, output,
                   lambda: result.rows, stdout=sys.stdout, floats=("value", "value_high"))
    summary = f"{len(result.documents)} reports, {_wide_rows(result)} rows"
    report_run(term, read, files=1, output=output, summary=summary)  # a summary only for a file


def _wide_rows(result) -> int:
    """len(result.wide()) without building it: its rows are the distinct WIDE_KEYS."""
    from reportx.views.comparison import WIDE_KEYS

    return len({tuple(r[k] for k in WIDE_KEYS) for r in result.records})


class _Read:
    """The documents and claims of the files that could be read, and the failures."""

    def __init__(self):
        self.documents, self.claims, self.failures, self.warnings = [], {}, [], []


def _read(paths, rule_dirs, jobs, term: Terminal) -> _Read:
    from reportx.batch import iter_reports
    from reportx.cli.common import progress_for
    from reportx.engine.compilation import in_part, reports_of

    read = _Read()
    outcomes = iter_reports(paths, jobs=jobs, rule_dirs=rule_dirs, documents=True)
    try:
        with progress_for(term, len(paths), "reading") as tick:
            for out in outcomes:
                read.warnings.extend(out.warnings)
                if out.reason is None:
                    for part in reports_of(out.document):   # a compilation: each report
                        read.documents.append(part)
                        read.claims[part.key] = in_part(out.claims, part) \
                            if part is not out.document else out.claims
                else:
                    read.failures.append((out.path, out.reason))
                tick(out.path, out.reason is None)
    finally:
        outcomes.close()
    return read


def numeric_wide(result, *, sentences: bool = False):
    """The wide table with, after each report's column (and its sentence), that report's
    `DOC value`, `DOC value_high` and `DOC qualifier`: the cell as numbers."""
    from reportx.views.comparison import WIDE_KEYS

    wide = result.wide(sentences=sentences)
    rows = result.rows
    columns = list(wide.columns)
    for doc in result.keys:
        mine = rows[rows["doc"] == doc]
        index = {tuple(r[k] for k in WIDE_KEYS): r for r in mine.to_dict(orient="records")}
        keys = [tuple(r) for r in wide[list(WIDE_KEYS)].itertuples(index=False)]
        after = columns.index(f"{doc} sentence" if sentences else doc) + 1
        names = []
        for f in NUMERIC_FIELDS:
            name = f"{doc} {f}"
            wide[name] = [index[k].get(f) if k in index else None for k in keys]
            names.append(name)
        columns[after:after] = names
    wide = wide[columns]
    for doc in result.keys:
        for f in ("value", "value_high"):
            wide[f"{doc} {f}"] = wide[f"{doc} {f}"].astype(float)
    return wide


def _print_table(result, verbose: bool, term: Terminal) -> None:
    """Rows grouped by kind and period (a rule between groups). A cell the report states more
    than once is marked; --verbose lists every statement with the number of its sentence, and
    the sentences below the table, wrapped to the terminal without splitting a number."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = term.console()
    if not result.lines:
        hint = "" if len(result.documents) < 2 else "; --all adds every indicator they share"
        term.show(Text(f"No headline figures in {', '.join(result.keys)}{hint}.", style="dim"))
        return
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
                    cell.append(f" [{note}]", style="dim")
            elif len(said) > 1:
                cell.append(REPEAT_MARK, style="bold yellow")
                repeated = True
            line.append(cell)
        table.add_row(*line)
    legend = [f"{MISSING} the report gives no figure"] if missing else []
    if repeated:
        legend.append(f"{REPEAT_MARK} stated more than once, the first is shown "
                      "(--verbose lists every statement)")
    parts = [table]
    if legend:
        parts.append(Text("; ".join(legend), style="dim"))
    if notes:
        parts.append(_footnotes(notes, console.width))
    term.show(*parts)


def _footnotes(notes: dict[str, int], total: int):
    """[n] sentence, the sentence wrapped beside its number (a sentence has no spaces to wrap
    at, so it is cut between characters, never inside a number)."""
    from rich.table import Table
    from rich.text import Text

    from reportx.output.display import wrap

    label = len(f"[{len(notes)}]")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", justify="right", no_wrap=True, width=label)
    grid.add_column(no_wrap=True)
    for sentence, n in notes.items():
        grid.add_row(f"[{n}]", Text("\n".join(wrap(sentence, total - label - 1))))
    return grid
