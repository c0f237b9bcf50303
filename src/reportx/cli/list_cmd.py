"""`reportx list`: the reports a name can refer to (bundled seeds and corpus folders)."""
from __future__ import annotations

import sys

from reportx.cli import app
from reportx.cli.common import CorpusOpt, FormatOpt, OutputOpt, guarded


@app.command("list")
@guarded
def list_reports(corpus: CorpusOpt = None, fmt: FormatOpt = None, output: OutputOpt = None) -> None:
    """The known reports with city, year, delivery date, speaker, size and claim count.

    Example: reportx list
    """
    import pandas as pd

    from reportx.corpus import corpus_dirs, reports_in
    from reportx.errors import InputError
    from reportx.extraction import extract, load
    from reportx.output.writers import Format, pick_format, write_frame

    rows = []
    for folder in corpus_dirs(corpus):
        for path in reports_in(folder):
            try:
                doc = load(path)
                n = len(extract(doc))
            except InputError as exc:
                rows.append({"name": path.stem, "city": None, "year": None, "date": None,
                             "speaker": None, "chars": None, "claims": None, "file": str(path),
                             "error": str(exc)})
                continue
            rows.append({"name": doc.key, "city": doc.city, "year": doc.year, "date": doc.date,
                         "speaker": doc.speaker, "chars": len(doc.text), "claims": n,
                         "file": str(path), "error": None})
    frame = pd.DataFrame(rows, columns=["name", "city", "year", "date", "speaker", "chars",
                                        "claims", "file", "error"])
    chosen = pick_format(fmt, output)
    if chosen is not Format.table:
        write_frame(frame, chosen, output, stdout=sys.stdout, sheet="reports")
        return
    from rich.table import Table

    from reportx.cli.common import stdout_console

    table = Table(header_style="bold")
    for c in ("name", "city", "year", "date", "speaker", "chars", "claims"):
        table.add_column(c, justify="right" if c in ("chars", "claims", "year") else "left")
    for r in rows:
        table.add_row(r["name"], r["city"] or "", str(r["year"] or ""), r["date"] or "",
                      r["speaker"] or "", f"{r['chars'] or 0:,}", str(r["claims"] or "")
                      if not r["error"] else f"[red]{r['error']}[/red]")
    stdout_console().print(table)
