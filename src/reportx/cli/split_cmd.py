"""`reportx split`: a file that holds several reports (a compilation) written as one file each."""

# No `from __future__ import annotations`: typer reads the commands' signatures at every
# start, and would evaluate string annotations anew each time (see reportx.cli.help).
from pathlib import Path
from typing import Annotated, Optional

import typer

from reportx.cli import app
from reportx.cli.common import CorpusOpt, guarded


@app.command()
@guarded
def split(
    name: Annotated[str, typer.Argument(
        help="a report file (text, HTML, Word, .odt, .rtf, PDF, OFD) or a bundled name")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="the folder to write the reports to (made if missing)")] = Path("."),
    force: Annotated[bool, typer.Option(
        "--force", help="replace files of the same names that are already there")] = False,
    corpus: CorpusOpt = None,
) -> None:
    """Write each report of a compilation (政府工作报告汇编: several reports in one file) to a text
    file of its own, NAME-01.txt, NAME-02.txt, …, and list them with the place and year each
    one's header gives. Each file holds exactly that report's part of the text `reportx text`
    prints. (extract, compare and panel read a compilation's reports apart by themselves; a
    review page, and a tool that takes one report a file, need them split.) A file of one
    report is left as it is.

    Example: reportx split 汇编.pdf -o reports/ && reportx panel reports/
    """
    import warnings

    from reportx.cli.common import one_report, report_text
    from reportx.engine.compilation import reports_of
    from reportx.engine.document import build_document
    from reportx.errors import OutputError
    from reportx.output.safe import opened, refuse_inputs

    path = one_report(name, corpus)
    text = report_text(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # what it says is this command's listing
        parts = reports_of(build_document(text, key="part"))
    if len(parts) < 2:
        typer.echo(f"{path}: holds one report; nothing to split", err=True)
        return
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output}: is not a folder")
    stem = Path(str(path)).stem if str(path) != "-" else "stdin"
    targets = [output / f"{stem}-{k:02d}.txt" for k in range(1, len(parts) + 1)]
    if not force and (there := [t for t in targets if t.exists() or t.is_symlink()]):
        raise OutputError(f"{there[0]}: already there; give another folder (-o) or --force")
    for target in targets:
        refuse_inputs(target, [path])
    output.mkdir(parents=True, exist_ok=True)
    rows = []
    for target, part in zip(targets, parts):
        with opened(target, binary=False) as fh:
            fh.write(part.text)
        line = text.count("\n", 0, part.offset) + 1
        rows.append((str(target), part.city or "?", str(part.year or "?"), f"line {line}",
                     f"{len(part.text):,} characters"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        typer.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
