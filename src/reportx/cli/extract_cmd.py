"""`reportx extract`: every numeric claim of one or more reports."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from reportx.cli import app
from reportx.cli.common import CorpusOpt, FormatOpt, NamesArg, OutputOpt, RulesOpt, error, guarded


class Kind(str, Enum):
    actual = "actual"
    target = "target"


@app.command()
@guarded
def extract(
    names: NamesArg,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    kind: Annotated[Optional[Kind], typer.Option(help="only achieved (actual) or planned (target) figures")] = None,
    indicator: Annotated[Optional[str], typer.Option(
        help="only this indicator: a catalog id (gdp) or a word of the phrase (学位)")] = None,
    period: Annotated[Optional[str], typer.Option(help="only figures about this year")] = None,
    rules: RulesOpt = None,
    corpus: CorpusOpt = None,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, help="parallel workers for many files (default: all cores)")] = None,
) -> None:
    """Every numeric claim of the reports: indicator, value in a base unit, actual or target,
    period, qualifier, direction and the sentence it came from.

    Example: reportx extract guigang --kind target -o targets.xlsx
    """
    from reportx.corpus import resolve_all
    from reportx.output.writers import Format, pick_format, write_frame

    chosen = pick_format(fmt, output)
    paths = resolve_all(names, corpus)
    keep = _filter(kind, indicator, period)
    if len(paths) > 1 and chosen in (Format.csv, Format.jsonl):
        _stream(paths, rules or [], jobs, chosen, output, keep)
        return
    result = _extract_all(paths, rules or [], jobs)
    if len(paths) == 1 and result.failures:
        path, reason = result.failures[0]
        raise error(f"{path}: {reason}")          # one file, one line
    claims = [c for c in result.claims if keep(c)]
    if chosen in (Format.csv, Format.jsonl):     # no pandas: it costs start-up time
        from reportx.engine.claim import CLAIM_FIELDS
        from reportx.output.writers import write_rows_streaming

        rows = [c.to_dict() for c in claims]
        write_rows_streaming(chosen, output, CLAIM_FIELDS, lambda emit: emit(rows), stdout=sys.stdout)
    else:
        from reportx.engine.claim import to_frame

        frame = to_frame(claims)
        if chosen is Format.table:
            _print_table(frame, multi=len(paths) > 1)
        else:
            write_frame(frame, chosen, output, stdout=sys.stdout)
    _report(result, len(paths), output)


def _report(result, files: int, output) -> None:
    """Failures and the summary, as plain unwrapped stderr lines (scripts grep them)."""
    for path, reason in result.failures:
        print(f"reportx: failed: {path}: {reason}", file=sys.stderr)
    if files > 1 or output is not None:
        print(result.summary() + (f" → {output}" if output else ""), file=sys.stderr)
    if result.failures:
        raise typer.Exit(1)


def _extract_all(paths: list[Path], rule_dirs, jobs, on_claims=None):
    """The batch result: claims of every file in order (or handed to on_claims as each file is
    done), and the files that failed."""
    from reportx.batch import extract_paths
    from reportx.progress import progress_bar

    with progress_bar(len(paths)) as tick:
        return extract_paths(paths, jobs=jobs, rule_dirs=tuple(rule_dirs), progress=tick,
                             on_claims=on_claims)


def _stream(paths, rule_dirs, jobs, fmt, output, keep) -> None:
    """Many files to CSV or JSON Lines: each file's claims are written as they come, so memory
    stays flat however many files there are."""
    from reportx.engine.claim import CLAIM_FIELDS
    from reportx.output.writers import write_rows_streaming

    def fill(emit):
        return _extract_all(paths, rule_dirs, jobs,
                            on_claims=lambda claims: emit([c.to_dict() for c in claims if keep(c)]))

    result = write_rows_streaming(fmt, output, CLAIM_FIELDS, fill, stdout=sys.stdout)
    _report(result, len(paths), output)


def _filter(kind, indicator, period):
    """The --kind, --period and --indicator filters as one test of a claim."""
    def keep(c) -> bool:
        return ((kind is None or c.kind == kind.value)
                and (period is None or c.period == period)
                and (not indicator or c.indicator_id == indicator
                     or bool(c.indicator and indicator in c.indicator)))
    return keep


def _print_table(frame, multi: bool) -> None:
    """A table for people. A narrow terminal gets value and unit in one column and no id column,
    so the indicator phrase keeps its room."""
    from rich.table import Table

    from reportx.output.display import cell, format_value
    from reportx.cli.common import stdout_console

    console = stdout_console()
    wide = console.width >= 110
    short = {"approx": "≈", "at_least": "≥", "at_most": "≤", "increase": "↑", "decrease": "↓"}
    cols = (["doc"] if multi else []) + ["#", "as written", "value", "unit", "indicator", "id",
                                         "period", "kind", "q", "dir"]
    if not wide:
        cols = [c for c in cols if c not in ("unit", "id")]
    table = Table(header_style="bold", pad_edge=False, box=None)
    for c in cols:
        table.add_column(c, no_wrap=c != "indicator", overflow="fold",
                         max_width=18 if c == "as written" else None,
                         justify="right" if c in ("#", "value") else "left")
    for i, r in enumerate(frame.itertuples(index=False), start=1):
        value = format_value(r.value) if wide else f"{format_value(r.value)} {r.unit}"
        row = ([r.doc] if multi else []) + [str(i), r.surface, value] + \
              ([r.unit] if wide else []) + [r.indicator] + ([r.indicator_id] if wide else []) + \
              [r.period, r.kind, short.get(r.qualifier, r.qualifier), short.get(r.direction, r.direction)]
        table.add_row(*(cell(v) for v in row))
    console.print(table)
    console.print(f"{len(frame)} claims", style="dim")
