"""What a person at a terminal sees: tables laid out for the terminal's width (one line per
claim at 80 columns), footnotes wrapped without splitting a number, long output paged through
$PAGER, colour on a terminal but never with --color never or NO_COLOR.

The terminal is a real pseudo-terminal (80×24) with `python -m reportx` on it; the pager is a
small script that saves what it is given.
"""
from __future__ import annotations


import fcntl
import os
import pty
import re
import shlex
import struct
import subprocess
import sys
import termios

from rich.cells import cell_len
from typer.testing import CliRunner

import reportx
from reportx.cli import app
from tests.conftest import seed_text

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# an SGR sequence that sets a colour (NO_COLOR forbids these; bold and dim are no colour)
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]")
runner = CliRunner()


def on_terminal(args, tmp_path, env_extra=None, rows=24, cols=80):
    """Run reportx on a pseudo-terminal; return (what the terminal showed, what the pager got
    or None)."""
    saved = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c " + shlex.quote(
        f"import sys; open({str(saved)!r}, 'wb').write(sys.stdin.buffer.read())")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("REPORTX_", "COLUMNS", "LINES", "NO_COLOR", "PAGER", "LESS"))}
    env.update({"PAGER": pager, "TERM": "xterm-256color", **(env_extra or {})})
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "reportx", *args], stdin=slave, stdout=slave,
                            stderr=slave, env=env, close_fds=True)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other side is closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.wait(timeout=60) == 0, shown.decode(errors="replace")
    paged = saved.read_text(encoding="utf-8") if saved.exists() else None
    return shown.decode("utf-8", errors="replace"), paged


def test_a_long_table_is_paged_one_line_per_claim_within_80_columns(tmp_path):
    import reportx

    shown, paged = on_terminal(["extract", "guigang"], tmp_path)
    assert paged is not None, "a table taller than the terminal goes to the pager"
    assert "\x1b[" in paged  # colours reach the pager (less -R)
    lines = ANSI.sub("", paged).rstrip("\n").split("\n")
    claims = len(reportx.extract(reportx.find_report("guigang")))
    assert len(lines) == claims + 2  # header, one line per claim, the count
    assert max(cell_len(line) for line in lines) <= 80
    assert "0.1％" not in ANSI.sub("", shown)  # not printed twice


def test_a_short_table_is_printed_without_colour_when_asked(tmp_path):
    shown, paged = on_terminal(["extract", "guigang", "--indicator", "GDP", "--kind", "target",
                                "--color", "never"], tmp_path)
    assert paged is None and "5％" in shown and "\x1b[" not in shown
    shown, _ = on_terminal(["compare", "guigang", "yulin", "--no-pager"], tmp_path,
                           env_extra={"NO_COLOR": "1"})
    assert "5%左右" in shown and not COLOUR.search(shown)
    assert "reading" in shown  # compare's progress bar, drawn on the terminal then cleared


def test_color_always_colours_a_pipe():
    coloured = runner.invoke(app, ["compare", "guigang", "yulin", "--color", "always"])
    assert coloured.exit_code == 0 and "\x1b[1m" in coloured.stdout  # styled though piped
    plain = runner.invoke(app, ["compare", "guigang", "yulin"])
    assert "\x1b[" not in plain.stdout


def test_no_pager_prints_straight_to_the_terminal(tmp_path):
    shown, paged = on_terminal(["extract", "yulin", "--no-pager"], tmp_path)
    count = len(reportx.extract(seed_text("yulin-2024")))
    assert paged is None and f"{count} claims" in shown


def test_verbose_footnotes_never_split_a_number():
    result = runner.invoke(app, ["compare", "guigang", "yulin", "-v"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    notes = result.stdout[result.stdout.index("[1] "):].splitlines()
    assert max(cell_len(line.rstrip()) for line in notes) <= 80
    for above, below in zip(notes, notes[1:]):
        end, start = above.rstrip()[-1:], below.strip()[:1]
        assert not (re.match(r"[0-9.]", end) and re.match(r"[0-9.％%]", start)), (above, below)


def test_an_80_column_table_keeps_the_indicator_readable():
    result = runner.invoke(app, ["extract", "guigang", "yulin"], env={"COLUMNS": "80"})
    lines = result.stdout.rstrip("\n").split("\n")
    assert max(cell_len(line) for line in lines) <= 80
    assert len(lines) == 2 + int(lines[-1].split()[0])  # one line per claim
    assert "社会消费品零售总额" in result.stdout  # a 9-character phrase, whole
