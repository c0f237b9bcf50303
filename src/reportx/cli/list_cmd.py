"""`reportx list`: the reports a name can refer to (bundled seeds and corpus folders)."""

# No `from __future__ import annotations`: typer reads the commands' signatures at every
# start, and would evaluate string annotations anew each time (see reportx.cli.help).
import sys

from reportx.cli import app
from reportx.cli.common import (ColorOpt, ColumnsOpt, CorpusOpt, FormatOpt, JobsOpt, OutputOpt,
                                PagerOpt, QuietOpt, guarded)
from reportx.cli.terminal import Color, Terminal

FIELDS = ("name", "city", "year", "date", "speaker", "chars", "claims", "file", "error")
TABLE_FIELDS = ("name", "city", "year", "date", "speaker", "chars", "claims")
INT_FIELDS = ("year", "chars", "claims")       # whole numbers, some missing (a file in error)


@app.command("list")
@guarded
def list_reports(corpus: CorpusOpt = None, fmt: FormatOpt = None, output: OutputOpt = None,
                 columns: ColumnsOpt = None, jobs: JobsOpt = None, quiet: QuietOpt = False,
                 color: ColorOpt = Color.auto, pager: PagerOpt = True) -> None:
    """The known reports with city, year, delivery date, speaker, size and claim count; every
    report is read (in parallel with --jobs, a progress bar on a terminal).

    Example: reportx list --corpus reports/ --columns name,city,year
    """
    from reportx.cli.common import pick_columns, prepare_output
    from reportx.corpus import corpus_dirs, reports_in
    from reportx.output.writers import Format, write_rows

    term = Terminal(color=color, quiet=quiet, pager=pager)
    paths = [p for folder in corpus_dirs(corpus) for p in reports_in(folder)]
    chosen = prepare_output(fmt, output, paths)
    fields = pick_columns(columns, FIELDS)
    rows = _rows(paths, jobs, term)
    if chosen is not Format.table:
        write_rows(rows, fields, chosen, output, lambda: _frame(rows)[fields], stdout=sys.stdout,
                   sheet="reports", ints=INT_FIELDS)
        return
    _print_table(_records(rows), fields if columns else list(TABLE_FIELDS), term)


def _records(rows: list[dict]) -> list[dict]:
    """The rows as the frame gives them back (missing: None), built without pandas when it can
    be (see reportx.output.records)."""
    from reportx.output.records import frame_records
    from reportx.output.writers import records

    got = frame_records(rows, FIELDS, ints=INT_FIELDS)
    return records(_frame(rows)) if got is None else got


def _frame(rows: list[dict]):
    """The rows as a DataFrame (a workbook, Parquet): counts as integers, not 2024.0."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(FIELDS))
    return frame.astype({f: "Int64" for f in INT_FIELDS})


def _rows(paths, jobs, term: Terminal) -> list[dict]:
    """One row per file, in order: its header facts and claim count, or its error."""
    from reportx.batch import iter_reports
    from reportx.cli.common import progress_for

    rows = []
    outcomes = iter_reports(paths, jobs=jobs, documents=True)
    try:
        with progress_for(term, len(paths), "reading") as tick:
            for path, out in zip(paths, outcomes):
                doc = out.document
                if doc is None:
                    rows.append({"name": path.stem, "file": str(path), "error": out.reason})
                else:
                    rows.append({"name": doc.key, "city": doc.city, "year": doc.year,
                                 "date": doc.date, "speaker": doc.speaker, "chars": len(doc.text),
                                 "claims": len(out.claims), "file": str(path), "error": None})
                tick(out.path, out.reason is None)
    finally:
        outcomes.close()
    return rows


def _print_table(records: list[dict], fields, term: Terminal) -> None:
    from rich.markup import escape
    from rich.table import Table

    from reportx.output.display import cell

    table = Table(header_style="bold")
    for c in fields:
        table.add_column(c, justify="right" if c in ("chars", "claims", "year") else "left")
    for r in records:
        values = []
        for c in fields:
            v = r.get(c)
            if c == "chars" and v is not None:
                v = f"{int(v):,}"
            values.append(escape(cell(v)))
        if r.get("error") and "claims" in fields:
            values[fields.index("claims")] = f"[red]{escape(r['error'])}[/red]"
        table.add_row(*values)
    term.show(table)
