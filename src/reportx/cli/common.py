"""Pieces every command shares: option types declared once, the error guard, reading the
reports of a command line, and choosing output columns."""
from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Annotated, Callable, Optional, Sequence

import typer

from reportx.cli.terminal import Color, Terminal
from reportx.output.formats import Format

NamesArg = Annotated[list[str], typer.Argument(
    help="reports: bundled names (guigang, 贵港), files, folders, glob patterns, or - for stdin",
    show_default=False)]
FormatOpt = Annotated[Optional[Format], typer.Option(
    "--format", "-f", help="table | csv | tsv | markdown | json | jsonl | xlsx | parquet "
    "(default: from -o's suffix, else table)", case_sensitive=False, show_default=False,
    metavar="FORMAT")]
OutputOpt = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="write to this file instead of the terminal (- is stdout); an "
    "existing file is replaced atomically, a link or FIFO written through", show_default=False)]
RulesOpt = Annotated[Optional[list[Path]], typer.Option(
    "--rules", help="a folder of your own rule files, added to the bundled ones (repeatable)",
    show_default=False)]
CorpusOpt = Annotated[Optional[list[Path]], typer.Option(
    "--corpus", help="a folder of reports that names resolve in (repeatable; also REPORTX_CORPUS)",
    show_default=False)]
JobsOpt = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", min=1, help="parallel workers for many files (default: all cores)",
    show_default=False)]
RecursiveOpt = Annotated[bool, typer.Option(
    "--recursive", "-r", help="a folder's sub-folders too")]
ExcludeOpt = Annotated[Optional[list[str]], typer.Option(
    "--exclude", help="skip files whose name (or path below the folder) matches this glob "
    "(repeatable)", show_default=False)]
QuietOpt = Annotated[bool, typer.Option(
    "--quiet", "-q", help="only errors on stderr: no progress bar, notes, warnings or summary")]
ColorOpt = Annotated[Color, typer.Option(
    "--color", case_sensitive=False, metavar="WHEN",
    help="auto (on a terminal, unless NO_COLOR is set) | always | never")]
PagerOpt = Annotated[bool, typer.Option(
    "--pager/--no-pager", help="page a long table on a terminal ($PAGER, else less)")]
ColumnsOpt = Annotated[Optional[str], typer.Option(
    "--columns", help="only these fields, in this order, comma-separated (doc,surface,value)",
    show_default=False, metavar="FIELDS")]


def error(message: str, code: int = 1) -> typer.Exit:
    """Print one line on stderr; return the Exit to raise."""
    print(f"reportx: error: {message}", file=sys.stderr)
    return typer.Exit(code)


def guarded(fn):
    """Library errors become one line on stderr and exit code 1, never a traceback."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from reportx.errors import ReportxError

        try:
            return fn(*args, **kwargs)
        except ReportxError as exc:
            raise error(str(exc)) from None
        except BrokenPipeError:  # `reportx extract x | head`
            _quiet_broken_pipe()
            raise typer.Exit(0)
    return wrapper


def _quiet_broken_pipe() -> None:
    """The reader went away: point stdout at /dev/null so the exit flush cannot complain."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def one_report(name: str, corpus) -> Path:
    """The one file a name means (a path, a bundled name, `-`); an error if it means several."""
    from reportx.corpus import resolve
    from reportx.errors import InputError

    paths = resolve(name, corpus)
    if len(paths) != 1:
        shown = ", ".join(p.name for p in paths[:5]) + (" …" if len(paths) > 5 else "")
        raise InputError(f"{name}: means {len(paths)} files ({shown}); give one")
    return paths[0]


def report_text(path: Path) -> str:
    """The text reportx reads from a file, or from standard input for `-`."""
    from reportx.readers.loading import read_text, text_from_bytes

    if str(path) == "-":
        return text_from_bytes(sys.stdin.buffer.read(), "<stdin>")
    return read_text(path)


def pick_columns(spec: str | None, available: Sequence[str]) -> list[str]:
    """The --columns list, checked against the fields there are (default: all of them)."""
    from reportx.errors import ReportxError

    if spec is None:
        return list(available)
    chosen = [c.strip() for c in spec.split(",") if c.strip()]
    unknown = [c for c in chosen if c not in available]
    if unknown or not chosen:
        raise ReportxError(f"--columns: unknown field {', '.join(unknown) or '(none given)'}; "
                           f"the fields are {','.join(available)}")
    return chosen


def prepare_output(fmt: Format | None, output: Path | None, inputs: Sequence[Path]) -> Format:
    """The output format, after refusing an output that is one of the inputs (before any work)."""
    from reportx.output.safe import refuse_inputs
    from reportx.output.writers import pick_format

    refuse_inputs(output, inputs)
    return pick_format(fmt, output)


def resolve_names(names: Sequence[str], corpus, recursive: bool, exclude) -> list[Path]:
    """The files the command line's names mean (see reportx.corpus)."""
    from reportx.corpus import resolve_all

    return resolve_all(names, corpus, recursive=recursive, exclude=tuple(exclude or ()))


def report_run(term: Terminal, result, *, files: int, output, summary: str | None = None,
               exit_on_failure: bool = True) -> None:
    """Warnings, failures and the summary, as plain unwrapped stderr lines (scripts grep them)."""
    for message in result.warnings:
        term.warn(message)
    for path, reason in result.failures:
        print(f"reportx: failed: {path}: {reason}", file=sys.stderr)
    to_file = output is not None and str(output) != "-"
    if files > 1 or to_file:
        line = summary or result.summary()
        term.note(line + (f" → {output}" if to_file else ""))
    if result.failures and exit_on_failure:
        raise typer.Exit(1)


def progress_for(term: Terminal, total: int, label: str) -> Callable:
    """The progress bar's context manager (nothing when quiet or not on a terminal)."""
    from reportx.progress import progress_bar, wanted

    enabled = not term.quiet and wanted(total)
    # a console only for a bar that is drawn: rich.console costs 15-20 ms to import
    return progress_bar(total, label=label, enabled=enabled,
                        console=term.console(stderr=True) if enabled else None)


def stdout_console():
    """A Rich console on stdout with the default colour choice."""
    return Terminal().console()


def stderr_console():
    """A Rich console on stderr with the default colour choice."""
    return Terminal().console(stderr=True)
