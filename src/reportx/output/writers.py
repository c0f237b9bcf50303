"""Writing tables: CSV (utf-8-sig so Excel shows Chinese), TSV, Markdown, JSON, JSON Lines,
Excel and Parquet, to a file or to standard output.

Where the bytes land, and how a file already there is treated (replaced atomically, or written
through a link, a FIFO or a device), is `reportx.output.safe`'s job; the workbook's own rules
(row limit, characters a sheet cannot hold, numbers and dates) are `reportx.output.sheets`'.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Sequence

from reportx.errors import OutputError
# the formats live apart (cheap to import for the options); still importable from here
from reportx.output.formats import (BINARY, FILE_FORMATS, STREAMING, SUFFIX_FORMATS,  # noqa: F401
                                    Format)
from reportx.output.safe import check_target, is_stdout, opened


def pick_format(fmt: Format | None, output: str | os.PathLike | None) -> Format:
    """The format asked for, else the output file's suffix, else a table for people.

    Raises OutputError for a folder, an unknown suffix, a table into a file, or a workbook for
    the terminal, before any work is done."""
    to_stdout = is_stdout(output)
    if not to_stdout:
        check_target(output)
    if fmt is not None:
        chosen = fmt
    elif not to_stdout:
        chosen = SUFFIX_FORMATS.get(Path(output).suffix.lower())
        if chosen is None:
            raise OutputError(f"{output}: cannot tell the format from the suffix; "
                              f"give --format {FILE_FORMATS}")
    else:
        chosen = Format.table
    if chosen is Format.table and not to_stdout:
        raise OutputError(f"{output}: a table is for the terminal; give --format {FILE_FORMATS}")
    if chosen in BINARY and (output is None or _is_terminal(sys.stdout)):
        # bytes go to standard output only when asked for (-o -) and not onto a terminal
        raise OutputError(f"--format {chosen.value} writes a file: give -o FILE.{chosen.value} "
                          "(or -o - into a pipe)")
    return chosen


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _clean(value: Any) -> Any:
    """JSON-safe: NaN → null, numpy scalars → Python, whole floats stay floats."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def records(frame) -> list[dict]:
    """The frame's rows as plain dicts, JSON-safe."""
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _markdown_cell(value: Any) -> str:
    value = _clean(value)
    if value is None:
        return ""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def markdown_table(columns: Sequence[str], rows: Iterable[dict]) -> str:
    """A GitHub-style pipe table; `|` in a cell is escaped, a line break becomes a space."""
    lines = ["| " + " | ".join(_markdown_cell(c) for c in columns) + " |",
             "|" + "|".join(" --- " for _ in columns) + "|"]
    lines += ["| " + " | ".join(_markdown_cell(r.get(c)) for c in columns) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def frame_to_text(frame, fmt: Format) -> str:
    """The frame as text in one of the text formats."""
    if fmt is Format.csv:
        return frame.to_csv(index=False)
    if fmt is Format.tsv:
        return frame.to_csv(index=False, sep="\t")
    return records_to_text(records(frame), list(frame.columns), fmt)


def records_to_text(rows: list[dict], columns: Sequence[str], fmt: Format) -> str:
    """Records (as `records` gives them) as Markdown, JSON Lines or JSON; CSV and TSV as pandas'
    to_csv writes them when no value is a float (the csv module, QUOTE_MINIMAL, Unix line
    ends, a missing value empty)."""
    if fmt is Format.markdown:
        return markdown_table(columns, rows)
    if fmt is Format.jsonl:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt is Format.json:
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt in (Format.csv, Format.tsv):
        from reportx.output.records import plain_values

        if not plain_values(rows):
            raise ValueError("floats in CSV: pandas formats them; write the frame")
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="\t" if fmt is Format.tsv else ",", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if r.get(c) is None else r.get(c) for c in columns] for r in rows])
        return buf.getvalue()
    raise ValueError(fmt)


def _encoding(fmt: Format, path) -> str:
    # the BOM tells Excel a CSV file is UTF-8; a pipe or a TSV for Unix tools gets none
    return "utf-8-sig" if fmt is Format.csv and not is_stdout(path) else "utf-8"


def write_frame(frame, fmt: Format, path: str | os.PathLike | None, stdout: IO | None = None,
                sheet: str = "claims") -> None:
    """Write a frame as fmt to path, or to stdout when path is None or `-`."""
    if fmt is Format.xlsx:
        write_sheets(path, {sheet: frame}, stdout=stdout)
        return
    if fmt is Format.parquet:
        data = io.BytesIO()
        frame.to_parquet(data, index=False)
        with opened(path, binary=True, stdout=stdout) as fh:
            fh.write(data.getvalue())
        return
    text = frame_to_text(frame, fmt)
    with opened(path, binary=False, encoding=_encoding(fmt, path), stdout=stdout) as fh:
        fh.write(text)


def write_rows(rows: list[dict], columns: Sequence[str], fmt: Format,
               path: str | os.PathLike | None, make_frame: Callable[[], Any],
               stdout: IO | None = None, sheet: str = "claims", *, floats=(), ints=()) -> None:
    """What `write_frame(make_frame(), ...)` writes, where make_frame builds a DataFrame of the
    rows (its columns, `floats` as float, `ints` as Int64): Markdown, JSON, JSON Lines, and CSV
    and TSV without floats, are written from the rows without importing pandas (0.3 s);
    a workbook, Parquet and whatever else go through the frame."""
    text = None
    if fmt in (Format.markdown, Format.json, Format.jsonl, Format.csv, Format.tsv):
        from reportx.output.records import frame_records, plain_values

        kept = frame_records(rows, columns, floats=floats, ints=ints)
        if kept is not None and (fmt not in (Format.csv, Format.tsv) or plain_values(kept)):
            text = records_to_text(kept, columns, fmt)
    if text is None:
        write_frame(make_frame(), fmt, path, stdout=stdout, sheet=sheet)
        return
    with opened(path, binary=False, encoding=_encoding(fmt, path), stdout=stdout) as fh:
        fh.write(text)


def write_sheets(path: str | os.PathLike | None, sheets: dict, stdout: IO | None = None) -> None:
    """An Excel workbook, one sheet per frame: headers frozen, columns sized, numbers as numbers.

    Raises OutputError, before building anything, when a frame has more rows than a sheet
    holds. The workbook is built in memory and written in one go, so a full disk is one error
    from our own write, never half a zip file."""
    from reportx.output.sheets import check_rows, workbook_bytes

    for name, frame in sheets.items():
        check_rows(len(frame), path, name)
    data = workbook_bytes(sheets)
    with opened(path, binary=True, stdout=stdout) as fh:
        fh.write(data)


def atomic_write(path: str | os.PathLike, write: Callable[[Path], Any]) -> None:
    """Call write(tmp_path) to make the file, then put it at path the safe way (see
    `reportx.output.safe`): for writers, such as matplotlib's, that want a file name. The
    temporary file keeps the target's name, so a writer that reads the suffix still can."""
    check_target(path)
    with tempfile.TemporaryDirectory(prefix="reportx-") as scratch:
        tmp = Path(scratch) / Path(path).name
        try:
            write(tmp)
            with open(tmp, "rb") as src, opened(path, binary=True) as fh:
                shutil.copyfileobj(src, fh, 1 << 20)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _parquet_sink(fh: IO[bytes], columns: Sequence[str], types: dict[str, type]):
    """emit(rows) for a Parquet file written one row group per call."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = {int: pa.int64(), float: pa.float64(), bool: pa.bool_(), str: pa.string()}
    schema = pa.schema([(c, arrow.get(types.get(c, str), pa.string())) for c in columns])
    writer = pq.ParquetWriter(fh, schema)

    def emit(rows: list[dict]) -> None:
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return emit, writer.close


# json.dumps(row, ensure_ascii=False), without a new encoder for every row
_JSON_LINE = json.JSONEncoder(ensure_ascii=False)


def encode_rows(fmt: Format, columns: Sequence[str], rows: Iterable[dict]) -> str:
    """The text of rows in CSV, TSV or JSON Lines, header aside: only `columns`, in that order.
    Every streaming writer goes through it, in this process or in a batch worker (RowEncoder),
    so their bytes are the same."""
    if fmt is Format.jsonl:
        encode = _JSON_LINE.encode
        return "".join([encode({c: r.get(c) for c in columns}) + "\n" for r in rows])
    if fmt in (Format.csv, Format.tsv):
        buf = io.StringIO()
        _csv_writer(buf, fmt, columns).writerows(rows)
        return buf.getvalue()
    raise ValueError(fmt)


def _csv_writer(fh, fmt: Format, columns: Sequence[str]) -> csv.DictWriter:
    return csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore",
                          delimiter="\t" if fmt is Format.tsv else ",", lineterminator="\n")


class RowEncoder:
    """Claims → the text of their rows in a streaming format (CSV, TSV, JSON Lines). Picklable,
    so that batch workers encode their own file's rows and the calling process only writes
    text: it would otherwise unpickle every claim and encode it again, a serial ceiling for
    any number of workers (`reportx.batch.extract_paths(..., encode=...)`)."""

    def __init__(self, fmt: Format, columns: Sequence[str]):
        if fmt not in STREAMING:
            raise ValueError(f"{fmt.value} is not a streaming text format")
        self.fmt, self.columns = fmt, list(columns)

    def __call__(self, claims: list) -> str:
        return encode_rows(self.fmt, self.columns, [c.to_dict() for c in claims])


def write_rows_streaming(fmt: Format, path: str | os.PathLike | None, columns: Sequence[str],
                         fill: Callable[[Callable[[list[dict]], None]], Any],
                         stdout: IO | None = None, types: dict[str, type] | None = None) -> Any:
    """CSV, TSV, JSON Lines or Parquet written as rows arrive, so memory stays flat over a long
    batch.

    fill(emit) produces the rows, calling emit(list of dicts) as many times as it likes; its
    return value is returned. Only `columns` are written, in that order. Parquet needs `types`
    (column → int, float, bool or str)."""
    columns = list(columns)
    if fmt is Format.parquet:
        with opened(path, binary=True, stdout=stdout) as fh:
            emit, close = _parquet_sink(fh, columns, types or {})
            result = fill(lambda rows: emit([{c: r.get(c) for c in columns} for r in rows]))
            close()
        return result
    if fmt not in STREAMING:
        raise ValueError(fmt)
    return write_text_streaming(
        fmt, path, columns, lambda write: fill(lambda rows: write(encode_rows(fmt, columns, rows))),
        stdout=stdout)


def write_text_streaming(fmt: Format, path: str | os.PathLike | None, columns: Sequence[str],
                         fill: Callable[[Callable[[str], None]], Any],
                         stdout: IO | None = None) -> Any:
    """CSV, TSV or JSON Lines whose rows come already encoded (`encode_rows`, `RowEncoder`):
    the header (CSV, TSV) first, then fill(write) calls write(text) as often as it likes; its
    return value is returned."""
    with opened(path, binary=False, encoding=_encoding(fmt, path), stdout=stdout) as fh:
        if fmt in (Format.csv, Format.tsv):
            _csv_writer(fh, fmt, columns).writeheader()
        return fill(fh.write)
