"""Fields as columns: the type of each claim field (for Parquet's schema) and a plain table of
chosen fields (`--columns` on the terminal)."""
from __future__ import annotations

import dataclasses
import typing
from functools import lru_cache
from typing import Sequence


@lru_cache(maxsize=1)
def claim_types() -> dict[str, type]:
    """Claim field → int, float or str, read from the Claim dataclass's annotations."""
    from reportx.engine.claim import Claim

    hints = typing.get_type_hints(Claim)
    out = {}
    for f in dataclasses.fields(Claim):
        args = typing.get_args(hints[f.name]) or (hints[f.name],)
        out[f.name] = next((t for t in (int, float, bool) if t in args), str)
    return out


def field_table(rows: Sequence[dict], fields: Sequence[str]):
    """A Rich table of the given fields, one row per record, long text folded."""
    from rich.table import Table

    from reportx.output.display import cell

    table = Table(header_style="bold", pad_edge=False, box=None)
    for f in fields:
        table.add_column(f, overflow="fold")
    for r in rows:
        table.add_row(*(cell(r.get(f)) for f in fields))
    return table
