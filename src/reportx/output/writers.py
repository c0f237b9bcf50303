"""Writing tables: CSV (utf-8-sig so Excel shows Chinese), Excel, JSON, JSON Lines.

Every file is written to a temporary file beside the target and renamed into place, so a failed
write never leaves a half-written file behind.
"""
from __future__ import annotations

import json
import math
import os
import sys
import tempfile
from enum import Enum
from pathlib import Path

from reportx.errors import OutputError


class Format(str, Enum):
    table = "table"
    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    jsonl = "jsonl"


SUFFIX_FORMATS = {".csv": Format.csv, ".xlsx": Format.xlsx, ".json": Format.json,
                  ".jsonl": Format.jsonl, ".ndjson": Format.jsonl}


def pick_format(fmt: Format | None, output: Path | None) -> Format:
    """The format asked for, else the output file's suffix, else a table for people."""
    if output is not None and output.is_dir():
        raise OutputError(f"{output}: is a folder; give a file name")
    if fmt is not None:
        chosen = fmt
    elif output is not None:
        chosen = SUFFIX_FORMATS.get(output.suffix.lower())
        if chosen is None:
            raise OutputError(f"{output}: cannot tell the format from the suffix; "
                              "give --format csv|xlsx|json|jsonl")
    else:
        chosen = Format.table
    if chosen is Format.table and output is not None:
        raise OutputError(f"{output}: a table is for the terminal; give --format csv|xlsx|json|jsonl")
    if chosen is Format.xlsx and output is None:
        raise OutputError("--format xlsx writes a file: give -o FILE.xlsx")
    return chosen


def _clean(value):
    """JSON-safe: NaN → null, numpy scalars → Python, whole floats stay floats."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def records(frame) -> list[dict]:
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def frame_to_text(frame, fmt: Format) -> str:
    if fmt is Format.csv:
        return frame.to_csv(index=False)
    if fmt is Format.jsonl:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(frame))
    if fmt is Format.json:
        return json.dumps(records(frame), ensure_ascii=False, indent=1) + "\n"
    raise ValueError(fmt)


def atomic_write(path: Path, write) -> None:
    """Call write(tmp_path) and rename the result onto path; clean up on any failure."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_sheets(path: Path, sheets: dict) -> None:
    """An Excel workbook, one sheet per frame: headers frozen, columns sized, numbers as numbers."""
    def write(tmp: Path):
        import pandas as pd

        with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
            for name, frame in sheets.items():
                frame.to_excel(xw, sheet_name=name[:31], index=False)
                ws = xw.sheets[name[:31]]
                ws.freeze_panes = "A2"
                for i, col in enumerate(frame.columns, start=1):
                    cells = [str(col)] + [str(v) for v in frame[col].head(200).tolist()]
                    width = max(_display_width(c) for c in cells) + 2
                    ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(width, 60)
    atomic_write(path, write)


def _display_width(s: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def write_rows_streaming(fmt: Format, path: Path | None, columns, fill, stdout=None):
    """CSV or JSON Lines written as rows arrive, so memory stays flat over a long batch.

    fill(emit) produces the rows, calling emit(list of dicts) as many times as it likes; its
    return value is returned. A file is written atomically, like every other output."""
    import csv

    def run(fh):
        if fmt is Format.csv:
            writer = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore")
            writer.writeheader()
            return fill(writer.writerows)
        return fill(lambda rows: fh.writelines(
            json.dumps(r, ensure_ascii=False) + "\n" for r in rows))

    if path is None:
        return run(stdout or sys.stdout)
    result = None

    def write(tmp: Path):
        nonlocal result
        encoding = "utf-8-sig" if fmt is Format.csv else "utf-8"
        with open(tmp, "w", encoding=encoding, newline="") as fh:
            result = run(fh)
    atomic_write(path, write)
    return result


def write_frame(frame, fmt: Format, path: Path | None, stdout=None, sheet: str = "claims") -> None:
    """Write a frame as fmt to path (atomically) or to stdout (text formats only)."""
    if fmt is Format.xlsx:
        write_sheets(path, {sheet: frame})
        return
    text = frame_to_text(frame, fmt)
    if path is None:
        (stdout or sys.stdout).write(text)
        return
    encoding = "utf-8-sig" if fmt is Format.csv else "utf-8"
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding=encoding, newline=""))
