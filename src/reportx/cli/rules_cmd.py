"""`reportx rules check|show|list`: look after rule files."""

# No `from __future__ import annotations`: typer reads the commands' signatures at every
# start, and would evaluate string annotations anew each time (see reportx.cli.help).
from pathlib import Path
from typing import Annotated, Optional

import typer

from reportx.cli import app
from reportx.cli.common import error, guarded, stdout_console

rules_app = typer.Typer(help="Check, list and show the rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("check")
@guarded
def check(folder: Annotated[Optional[Path], typer.Argument(
        help="a folder of your own rule files (default: only the bundled rules)")] = None) -> None:
    """Load the rules (bundled, plus FOLDER's), validate them and run every rule's examples.

    Example: reportx rules check my_rules/
    """
    from reportx.engine.rulecheck import check_rules
    from reportx.engine.ruleset import load_rules

    rs = load_rules([folder] if folder else [])
    n, problems = check_rules(rs)
    console = stdout_console()
    for p in problems:
        console.print(f"[red]FAIL[/red] {p}", highlight=False)
    summary = (f"{len(rs.quantities)} quantity rules, {len(rs.exclusions)} exclusions, "
               f"{len(rs.indicators)} indicators; {n} examples, {len(problems)} failing")
    if problems:
        raise error(summary)
    console.print(f"ok: {summary}", highlight=False)


@rules_app.command("list")
@guarded
def list_rules(folder: Annotated[Optional[Path], typer.Argument(help="extra rule folder")] = None) -> None:
    """Every quantity and exclusion rule with its file and description."""
    from rich.table import Table

    from reportx.engine.ruleset import load_rules

    rs = load_rules([folder] if folder else [])
    table = Table(header_style="bold")
    for c in ("id", "kind", "file", "description"):
        table.add_column(c, overflow="fold")
    for r in rs.quantities:
        table.add_row(r.id, "quantity", Path(r.file).name, r.description)
    for r in rs.exclusions:
        table.add_row(r.id, "exclusion", Path(r.file).name, r.reason)
    stdout_console().print(table)


@rules_app.command("show")
@guarded
def show(rule_id: str, folder: Annotated[Optional[Path], typer.Option(
        "--rules", help="extra rule folder")] = None) -> None:
    """Print one rule's pattern with its fragments expanded.

    Example: reportx rules show measure
    """
    from reportx.engine.ruleset import load_rules

    rs = load_rules([folder] if folder else [])
    try:
        rule = rs.rule(rule_id)
    except KeyError:
        raise error(f"no rule with id {rule_id!r} (see: reportx rules list)") from None
    print(f"{rule.id}  ({rule.file})")
    print(getattr(rule, "description", "") or getattr(rule, "reason", ""))
    print(rule.pattern.pattern)
