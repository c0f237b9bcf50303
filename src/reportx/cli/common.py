"""Pieces every command shares: option types declared once, the error guard, the console."""
from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from reportx.output.writers import Format

NamesArg = Annotated[list[str], typer.Argument(
    help="reports: bundled names (guigang, 贵港), files, folders or glob patterns")]
FormatOpt = Annotated[Optional[Format], typer.Option(
    "--format", "-f", help="table | csv | xlsx | json | jsonl (default: from -o's suffix, else table)",
    case_sensitive=False)]
OutputOpt = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="write to this file (atomically) instead of the terminal")]
RulesOpt = Annotated[Optional[list[Path]], typer.Option(
    "--rules", help="a folder of your own rule files, added to the bundled ones (repeatable)")]
CorpusOpt = Annotated[Optional[list[Path]], typer.Option(
    "--corpus", help="a folder of reports that names resolve in (repeatable; also REPORTX_CORPUS)")]


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
            sys.stderr.close()
            raise typer.Exit(0)
    return wrapper


def stdout_console():
    from rich.console import Console

    return Console()


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)
