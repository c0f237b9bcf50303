"""The command line: a thin layer over the library. Each command lives in its own module and
registers itself on `app`; `main` turns library errors into one line on stderr and exit code 1."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="reportx",
    help="Numeric claims from Chinese government work reports (政府工作报告), as tables.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Importing a command module registers its command(s) on `app`.
from reportx.cli import compare_cmd, eval_cmd, extract_cmd, list_cmd, panel_cmd, review_cmd, rules_cmd, text_cmd  # noqa: E402,F401


def main() -> None:
    """Entry point of the `reportx` script: run the app; a usage error exits 2, as click's does."""
    app()
