"""How numbers and text read to a person: values without float noise, cells, and lines wrapped
to a terminal's width without splitting a number.

    >>> wrap("地区生产总值增长4.9％，增长", 11)
    ['地区生产总', '值增长4.9％', '，增长']
"""
from __future__ import annotations

import re
from typing import Any

# What must stay on one line: a number with its decimal point, thousands commas, sign and
# percent sign (4.9％, 1,860, -8.8%), or a Latin word (GDP, PM2.5).
_ATOM = re.compile(r"[+\-]?[0-9０-９A-Za-z][0-9０-９A-Za-z.,．，％%]*(?<![,，.．])|.", re.S)


def format_value(value: float) -> str:
    """12 → '12', 0.1 → '0.1', 111200000000 → '111,200,000,000' (no float noise)."""
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def format_range(value: float, high: float | None) -> str:
    """A value, or a range's two ends: '5', '5–5.5'."""
    if high is None or high != high:
        return format_value(value)
    return f"{format_value(value)}–{format_value(high)}"


def cell(value: Any) -> str:
    """A table cell: None and NaN (pandas' missing) read as empty."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def width(text: str) -> int:
    """Terminal cells the text takes (a Chinese character takes two)."""
    from rich.cells import cell_len

    return cell_len(text)


def wrap(text: str, cells: int) -> list[str]:
    """Lines of at most `cells` terminal cells. Chinese has no spaces to break at, so a line may
    end after any character, but never inside a number or a Latin word (unless the number alone
    is wider than a line)."""
    cells = max(cells, 2)
    lines, line, used = [], "", 0
    for atom in _ATOM.findall(text):
        if atom == "\n":
            lines.append(line)
            line, used = "", 0
            continue
        w = width(atom)
        if used + w > cells and line:
            lines.append(line)
            line, used = "", 0
        while w > cells:  # a number wider than the line: fold it, there is no choice
            head = _fit(atom, cells)
            lines.append(head)
            atom = atom[len(head):]
            w = width(atom)
        line += atom
        used += w
    if line or not lines:
        lines.append(line)
    return lines


def _fit(text: str, cells: int) -> str:
    """The longest start of text that fits in cells (at least one character)."""
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > cells and out:
            break
        out += ch
        used += w
    return out
