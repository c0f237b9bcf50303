"""The README keeps up with the CLI: every command is shown in it and has help text; the quick
start's commands are the ones CI runs."""
from __future__ import annotations

import typer.main

from conftest import ROOT
from reportx.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    group = typer.main.get_group(app)
    for name, cmd in group.commands.items():
        subs = getattr(cmd, "commands", None)
        if subs:
            for sub_name, sub in subs.items():
                yield f"{name} {sub_name}", sub
        else:
            yield name, cmd


def test_every_command_is_in_the_readme_with_help():
    for name, cmd in _commands():
        assert f"reportx {name}" in README, f"`reportx {name}` is not in README.md"
        assert (cmd.help or "").strip(), f"`reportx {name}` has no help text"


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest" in README
    assert ".venv/bin/python -m pytest" in ci
    assert "reportx compare guigang yulin" in README and "reportx compare guigang yulin" in ci
