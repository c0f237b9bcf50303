"""What a workbook needs beyond a table: a sheet's row limit, characters a sheet cannot hold,
years and dates as numbers and dates, frozen headers and sized columns.

    >>> printable("page\\fbreak \\x1b[1m")
    'page break \\ufffd[1m'
"""
from __future__ import annotations

import io
import re
from typing import Any

from reportx.errors import OutputError

# Excel's limit: 1,048,576 rows a sheet, one of them the header.
MAX_ROWS = 1_048_576 - 1
# Control characters the xlsx format cannot store (openpyxl refuses them): form feed and
# vertical tab are whitespace and become a space; the others (ESC, NUL …) become U+FFFD. One
# character for one, so text keeps its length.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SPACE_LIKE = {"\x0b": " ", "\x0c": " "}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\d{4}")
# Columns read as years or dates when every value fits.
YEAR_COLUMNS = ("period", "year")
DATE_COLUMNS = ("date",)
MAX_WIDTH = 60


def check_rows(rows: int, path, sheet: str = "") -> None:
    """Raise OutputError when a sheet would hold more rows than Excel allows."""
    if rows > MAX_ROWS:
        where = f" (sheet {sheet})" if sheet else ""
        raise OutputError(f"{path}: {rows:,} rows{where} are more than an Excel sheet holds "
                          f"({MAX_ROWS:,}); write CSV or Parquet instead (-o FILE.csv, "
                          "-o FILE.parquet)")


def printable(text: str) -> str:
    """Text a sheet can hold: control characters replaced one for one."""
    return _ILLEGAL.sub(lambda m: _SPACE_LIKE.get(m.group(), "\ufffd"), text)


def _text_columns(frame) -> list[str]:
    return [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) in ("str", "string")]


def for_excel(frame):
    """A copy of the frame as a sheet should hold it: printable text, years as numbers, ISO
    dates as dates."""
    import datetime as dt

    frame = frame.copy()
    for col in _text_columns(frame):
        values = [v for v in frame[col].tolist() if isinstance(v, str)]
        if not values:
            continue
        if _ILLEGAL.search("\n".join(values)):  # one scan; the per-cell pass only when needed
            frame[col] = frame[col].map(lambda v: printable(v) if isinstance(v, str) else v)
        if col in YEAR_COLUMNS and all(_YEAR.fullmatch(v) for v in values):
            frame[col] = frame[col].map(lambda v: int(v) if isinstance(v, str) else None).astype("Int64")
        elif col in DATE_COLUMNS and all(_ISO_DATE.fullmatch(v) for v in values):
            frame[col] = frame[col].map(
                lambda v: dt.date.fromisoformat(v) if isinstance(v, str) else None)
    return frame


def _display_width(value: Any) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(value))


def workbook_bytes(sheets: dict) -> bytes:
    """The workbook's bytes: one sheet per frame (name cut to Excel's 31 characters)."""
    import pandas as pd

    data = io.BytesIO()
    try:
        _fill(pd.ExcelWriter(data, engine="openpyxl", date_format="YYYY-MM-DD"), sheets)
    except OSError as exc:  # in memory this is no disk's fault, but say it like any write error
        raise OutputError(f"cannot make the workbook ({exc.strerror or exc})") from None
    return data.getvalue()


def _fill(writer, sheets: dict) -> None:
    with writer as xw:
        for name, frame in sheets.items():
            frame = for_excel(frame)
            frame.to_excel(xw, sheet_name=name[:31], index=False)
            ws = xw.sheets[name[:31]]
            ws.freeze_panes = "A2"
            for i, col in enumerate(frame.columns, start=1):
                cells = [col] + frame[col].head(200).tolist()
                width = max(_display_width(c) for c in cells) + 2
                ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(width, MAX_WIDTH)
