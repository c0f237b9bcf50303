"""How numbers read to a person."""
from __future__ import annotations


def format_value(value: float) -> str:
    """12 → '12', 0.1 → '0.1', 111200000000 → '111,200,000,000' (no float noise)."""
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def cell(value) -> str:
    """A table cell: None and NaN (pandas' missing) read as empty."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)
