"""A progress bar for long batches: Rich, on stderr, and only when stderr is a terminal, so piped
or redirected runs and notebooks see nothing but their data.

    with progress_bar(len(paths)) as tick:
        result = extract_paths(paths, progress=tick)

The bar redraws on each finished file rather than from a timer thread: no thread runs while the
worker pool forks.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path


def wanted(total: int, stream=None) -> bool:
    """A bar is worth drawing: more than one file and a terminal to draw on."""
    stream = stream or sys.stderr
    try:
        return total > 1 and stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress_bar(total: int, *, label: str = "extracting", enabled: bool | None = None,
                 console=None):
    """Yield tick(path, ok) to call once per finished file; None-safe: with no terminal it is a
    do-nothing function. `console`: the Rich console to draw on (default: stderr's)."""
    if not (wanted(total) if enabled is None else enabled):
        yield lambda path, ok=True: None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    failed = 0
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[failed]}"), TimeElapsedColumn(), TextColumn("eta"),
               TimeRemainingColumn(), TextColumn("{task.fields[name]}", style="dim"))
    with Progress(*columns, console=console or Console(stderr=True), auto_refresh=False,
                  transient=True) as bar:
        task = bar.add_task(label, total=total, failed="", name="")

        def tick(path, ok=True):
            nonlocal failed
            failed += not ok
            bar.update(task, advance=1, name=Path(str(path)).name[:40],
                       failed=f"[red]{failed} failed[/]" if failed else "")
            bar.refresh()

        yield tick
