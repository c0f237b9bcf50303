"""The command line: a thin layer over the library. Each command lives in its own module and
registers itself on `app`; `main` turns library errors into one line on stderr and exit code 1,
a usage error into one line and exit code 2, and SIGTERM/SIGHUP into a clean stop."""

# No `from __future__ import annotations`: typer reads the commands' signatures at every
# start, and would evaluate string annotations anew each time (see reportx.cli.help).
from typing import Annotated, Optional

import typer

from reportx.cli.help import HelpGroup, use_help_classes

app = typer.Typer(
    name="reportx",
    help="Numeric claims from Chinese government work reports (政府工作报告), as tables.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # rich help without parsing Markdown: the help classes join a docstring's lines into
    # paragraphs (as Markdown does), so the help wraps to the terminal (see reportx.cli.help)
    rich_markup_mode="rich",
    cls=HelpGroup,
)


def _version(value: bool) -> None:
    if value:
        from reportx import __version__

        print(f"reportx {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: Annotated[Optional[bool], typer.Option(
        "--version", callback=_version, is_eager=True, help="print the version and exit")] = None) -> None:
    """Numeric claims from Chinese government work reports (政府工作报告), as tables."""


# Importing a command module registers its command(s) on `app`.
from reportx.cli import compare_cmd, eval_cmd, extract_cmd, list_cmd, panel_cmd, review_cmd, rules_cmd, split_cmd, text_cmd  # noqa: E402,F401


from reportx.cli import indicators_cmd  # noqa: E402,F401

use_help_classes(app)


def main() -> None:
    """Entry point of the `reportx` script."""
    import sys

    import click

    from reportx.cli.signals import terminations_raise

    _warnings_as_lines()
    with terminations_raise():
        try:
            code = app(standalone_mode=False)
        except click.exceptions.Abort:  # Ctrl-C
            print("reportx: interrupted", file=sys.stderr)
            code = 130
        except click.ClickException as exc:  # a usage error: one line, and where to look
            # (`reportx` alone has printed its help already: click 8.2+ then raises a usage
            # error with no message, which needs no line of its own)
            if exc.format_message().strip():
                print(f"reportx: error: {_usage_line(exc)}", file=sys.stderr)
            code = exc.exit_code
    sys.exit(code if isinstance(code, int) else 0)


def _warnings_as_lines() -> None:
    """A reader's warning that reaches the top (`reportx text` of a hard-wrapped file, say: the
    batch commands collect theirs) is one line, `reportx: warning: …`, not Python's two lines
    naming the source file that raised it."""
    import sys
    import warnings

    from reportx.errors import ReportxWarning

    shown = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, ReportxWarning):
            print(f"reportx: warning: {message}", file=sys.stderr)
        else:
            shown(message, category, filename, lineno, file, line)

    warnings.showwarning = show


def _usage_line(exc) -> str:
    """`--format: 'jsnl' is not one of …; see reportx extract --help` on one line."""
    message = " ".join(exc.format_message().split())
    twice = message.find("(Did you mean", message.find("Did you mean") + 1)
    if twice > 0:  # click and typer both add their suggestions
        message = message[:twice].rstrip()
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message += f" (see {ctx.command_path} --help)"
    return message
