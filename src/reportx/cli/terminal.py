"""The terminal side of a command: colour (`--color`, NO_COLOR), quiet runs, messages on stderr,
and long output paged on a terminal the way `git log` does (through $PAGER, else `less` with
LESS=FRX: it quits at once when the text fits on one screen and keeps the colours).
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from enum import Enum


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


@dataclass(frozen=True)
class Terminal:
    color: Color = Color.auto    # auto: colour on a terminal, unless NO_COLOR is set
    quiet: bool = False          # only errors on stderr: no notes, warnings, summary or bar
    pager: bool = True           # page output longer than the screen, on a terminal

    def console(self, stderr: bool = False):
        """A Rich console for stdout (or stderr) with the colour choice applied."""
        from rich.console import Console

        if self.color is Color.always:
            return Console(stderr=stderr, force_terminal=True, no_color=False)
        if self.color is Color.never:
            return Console(stderr=stderr, no_color=True, color_system=None)
        return Console(stderr=stderr)

    def note(self, message: str) -> None:
        """A plain line on stderr (scripts grep these), unless quiet."""
        if not self.quiet:
            print(message, file=sys.stderr)

    def warn(self, message: str) -> None:
        self.note(f"reportx: warning: {message}")

    def show(self, *renderables) -> None:
        """Print to stdout; through a pager when stdout is a terminal and the text is taller
        than it."""
        console = self.console()
        if not (self.pager and console.is_terminal and sys.stdout.isatty()):
            for r in renderables:
                console.print(r)
            return
        with console.capture() as captured:
            for r in renderables:
                console.print(r)
        text = captured.get()
        if text.count("\n") < console.height or not page(text):
            sys.stdout.write(text)
            sys.stdout.flush()


def pager_command() -> list[str] | None:
    """$REPORTX_PAGER, else $PAGER, else less; None when it is empty or `cat` (no paging)."""
    raw = os.environ.get("REPORTX_PAGER", os.environ.get("PAGER"))
    if raw is None:
        return ["less"] if shutil.which("less") else None
    words = shlex.split(raw)
    if not words or words[0] == "cat":
        return None
    return words


def page(text: str) -> bool:
    """Show text through the pager; False when there is none to run (the caller prints)."""
    command = pager_command()
    if command is None:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    try:
        proc.stdin.write(text.encode("utf-8"))
        proc.stdin.close()
    except (BrokenPipeError, OSError):
        pass  # the reader quit the pager before the end
    while True:
        try:
            proc.wait()
            return True
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager while it runs, as in git
