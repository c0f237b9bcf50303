"""`reportx extract`: every numeric claim of one or more reports."""

# No `from __future__ import annotations`: typer reads the commands' signatures at every
# start, and would evaluate string annotations anew each time (see reportx.cli.help).
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from reportx.cli import app
from reportx.cli.common import (ColorOpt, ColumnsOpt, CorpusOpt, ExcludeOpt, FormatOpt, JobsOpt,
                                NamesArg, OutputOpt, PagerOpt, QuietOpt, RecursiveOpt, RulesOpt,
                                error, guarded)
from reportx.cli.terminal import Color, Terminal


class Kind(str, Enum):
    actual = "actual"
    target = "target"


@app.command()
@guarded
def extract(
    names: NamesArg,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    kind: Annotated[Optional[Kind], typer.Option(
        help="only achieved (actual) or planned (target) figures", show_default=False)] = None,
    indicator: Annotated[Optional[str], typer.Option(
        help="only this indicator: a catalog id or alias, any case (gdp, GDP, 生产总值), or a "
        "word of the phrase (学位); see reportx indicators", show_default=False)] = None,
    period: Annotated[Optional[str], typer.Option(
        help="only figures about this year", show_default=False)] = None,
    year: Annotated[Optional[int], typer.Option(
        help="the report's year, for a text whose header does not say it (so that its review "
        "and plan parts can be told apart)", show_default=False)] = None,
    columns: ColumnsOpt = None,
    rules: RulesOpt = None,
    corpus: CorpusOpt = None,
    recursive: RecursiveOpt = False,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    color: ColorOpt = Color.auto,
    pager: PagerOpt = True,
) -> None:
    """Every numeric claim of the reports: indicator, value in a base unit, actual or target,
    period, qualifier, direction and the sentence it came from.

    Example: reportx extract guigang --kind target -o targets.xlsx
    """
    from reportx.cli.common import pick_columns, prepare_output, resolve_names
    from reportx.cli.filters import claim_filter
    from reportx.engine.claim import CLAIM_FIELDS
    from reportx.engine.ruleset import load_rules
    from reportx.output.writers import STREAMING, Format

    term = Terminal(color=color, quiet=quiet, pager=pager)
    paths = resolve_names(names, corpus, recursive, exclude)
    chosen = prepare_output(fmt, output, paths)
    fields = pick_columns(columns, CLAIM_FIELDS)
    rule_dirs = tuple(rules or [])
    keep = claim_filter(kind.value if kind else None, indicator, period,
                        load_rules(rule_dirs).indicators if indicator else ())
    run = _Run(paths, rule_dirs, jobs, year, keep, term)
    if len(paths) > 1 and (chosen in STREAMING or chosen is Format.parquet):
        result = _stream(run, chosen, output, fields)
    else:
        result = run.collect(limit=_row_limit(chosen), target=output)
        if len(paths) == 1 and result.failures:
            for message in result.warnings:
                term.warn(message)
            path, reason = result.failures[0]
            raise error(f"{path}: {reason}")          # one file, one line
        _write(result.claims, chosen, output, fields, term, multi=len(paths) > 1,
               custom_columns=columns is not None)
    _finish(run, result, output, indicator)


def _row_limit(fmt) -> int | None:
    from reportx.output.sheets import MAX_ROWS
    from reportx.output.writers import Format

    return MAX_ROWS if fmt is Format.xlsx else None


class _Run:
    """One batch over the command line's files, with the progress bar."""

    def __init__(self, paths, rule_dirs, jobs, year, keep, term: Terminal):
        self.paths, self.rule_dirs, self.jobs = paths, rule_dirs, jobs
        self.year, self.keep, self.term = year, keep, term

    def collect(self, limit: int | None = None, on_claims=None, target=None, encode=None):
        """The batch result; with a limit, stop as soon as more claims than that are kept
        (a workbook would not hold them) rather than after all the work. With `encode`,
        on_claims gets each file's claims as encode made them (see extract_paths)."""
        from reportx.batch import extract_paths
        from reportx.cli.common import progress_for

        count = 0
        claims: list = []

        def take(batch):
            nonlocal count
            count += len(batch)
            if limit is not None and count > limit:
                from reportx.output.sheets import check_rows

                check_rows(count, target, "claims")
            if on_claims is not None:
                on_claims(batch)
            else:
                claims.extend(batch)

        with progress_for(self.term, len(self.paths), "extracting") as tick:
            result = extract_paths(self.paths, jobs=self.jobs, rule_dirs=self.rule_dirs,
                                   progress=tick, on_claims=on_claims if encode else take,
                                   keep=self.keep, year=self.year, encode=encode)
        result.claims = claims
        return result


def _stream(run: _Run, fmt, output, fields):
    """Many files to CSV, TSV, JSON Lines or Parquet: each file's claims are written as they
    come, so memory stays flat however many files there are. The text formats are encoded
    where each file is read (in the workers), and this process only writes the text."""
    from reportx.cli.columns import claim_types
    from reportx.output.writers import STREAMING, RowEncoder, write_rows_streaming, write_text_streaming

    if fmt in STREAMING:
        return write_text_streaming(
            fmt, output, fields,
            lambda write: run.collect(on_claims=write, encode=RowEncoder(fmt, fields)),
            stdout=sys.stdout)

    def fill(emit):
        return run.collect(on_claims=lambda claims: emit([c.to_dict() for c in claims]))

    return write_rows_streaming(fmt, output, fields, fill, stdout=sys.stdout,
                                types=claim_types())


def _write(claims, fmt, output, fields, term: Terminal, *, multi: bool, custom_columns: bool):
    from reportx.cli.columns import claim_types
    from reportx.output.writers import STREAMING, Format, write_rows, write_rows_streaming

    if fmt is Format.table:
        _print_table(claims, term, multi=multi, fields=fields if custom_columns else None)
        return
    rows = [c.to_dict() for c in claims]
    if fmt in STREAMING or fmt is Format.parquet:  # no pandas: it costs start-up time
        write_rows_streaming(fmt, output, fields, lambda emit: emit(rows), stdout=sys.stdout,
                             types=claim_types())
        return

    def frame():   # for a workbook; JSON and Markdown are the rows as this frame gives them
        from reportx.engine.claim import to_frame

        return to_frame(claims)[fields]

    write_rows(rows, fields, fmt, output, frame, stdout=sys.stdout)


def _print_table(claims, term: Terminal, *, multi: bool, fields=None) -> None:
    """A table for people, one line per claim, laid out for the terminal's width."""
    from rich.text import Text

    from reportx.cli.claims_table import claims_table
    from reportx.cli.columns import field_table

    console = term.console()
    if fields is not None:
        table = field_table([c.to_dict() for c in claims], fields)
    else:
        table = claims_table(claims, multi=multi, total_width=console.width)
    term.show(table, Text(f"{len(claims)} claim{'' if len(claims) == 1 else 's'}", style="dim"))


def _finish(run: _Run, result, output, indicator) -> None:
    from reportx.cli.common import report_run

    if indicator and result.found and not result.claim_count:
        run.term.note(f"reportx: note: no claim matches --indicator {indicator} "
                      "(the catalog: reportx indicators)")
    report_run(run.term, result, files=len(run.paths), output=output)
