"""`reportx indicators`: the indicator catalog (rules/indicators.yaml, plus --rules folders),
so that `--indicator` can be discovered: ids, names, aliases, units, headline or not."""

# No `from __future__ import annotations`: typer reads the commands' signatures at every
# start, and would evaluate string annotations anew each time (see reportx.cli.help).
import sys
from typing import Annotated, Optional

import typer

from reportx.cli import app
from reportx.cli.common import (ColorOpt, ColumnsOpt, FormatOpt, OutputOpt, PagerOpt, RulesOpt,
                                guarded)
from reportx.cli.terminal import Color, Terminal

FIELDS = ("id", "name", "aliases", "units", "headline")


@app.command()
@guarded
def indicators(
    word: Annotated[Optional[str], typer.Argument(
        help="only indicators whose id, name or an alias holds this word (any case)",
        show_default=False)] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
    rules: RulesOpt = None,
    color: ColorOpt = Color.auto,
    pager: PagerOpt = True,
) -> None:
    """The indicator catalog: each id with its name, the aliases it is found by and the units
    its figures can have. `extract --indicator` takes any id or alias, in any case.

    Example: reportx indicators 收入
    """
    from reportx.cli.common import pick_columns, prepare_output
    from reportx.engine.ruleset import load_rules
    from reportx.output.writers import Format, write_rows

    chosen = prepare_output(fmt, output, [])
    fields = pick_columns(columns, FIELDS)
    catalog = [ind for ind in load_rules(tuple(rules or [])).indicators
               if word is None or _mentions(ind, word)]
    if chosen is Format.table:
        _print_table(catalog, fields, Terminal(color=color, pager=pager))
        return
    rows = [{"id": i.id, "name": i.name, "aliases": "、".join(i.aliases),
             "units": ",".join(i.units), "headline": bool(i.headline)} for i in catalog]

    def frame():   # for a workbook or Parquet; the text formats are written from the rows
        import pandas as pd

        return pd.DataFrame(rows, columns=list(FIELDS))[fields]

    write_rows(rows, fields, chosen, output, frame, stdout=sys.stdout, sheet="indicators")


def _mentions(ind, word: str) -> bool:
    want = word.casefold()
    return any(want in text.casefold() for text in (ind.id, ind.name, *ind.aliases))


def _print_table(catalog, fields, term: Terminal) -> None:
    """The catalog for a terminal: the aliases take most of the room and wrap between aliases
    (never inside one); a headline indicator (shown first by compare) is marked * after its id."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    mark = "headline" in fields
    shown = [f for f in fields if f != "headline"]
    table = Table(header_style="bold", pad_edge=False, box=None, expand=True)
    ratios = {"name": 1, "aliases": 3, "units": 1}
    for f in shown:
        table.add_column(f, overflow="fold", no_wrap=f == "id", ratio=ratios.get(f))
    for ind in catalog:
        cells = {"id": ind.id + (" *" if mark and ind.headline else ""), "name": ind.name,
                 "aliases": " ".join(ind.aliases), "units": " ".join(ind.units)}
        table.add_row(*(escape(cells[f]) for f in shown))
    legend = [Text("* headline: a row of reportx compare", style="dim")] if mark else []
    term.show(table, *legend)
