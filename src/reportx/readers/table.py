"""A dataset of reports saved as a table: CSV or TSV with a header line, JSON Lines, or a JSON
array of records, one report a record, its text in one field (full_text, content, 正文: whatever
the field is called, the one that holds most of the Chinese text).

Read as plain text, a CSV keeps its quoting inside the report (a straight quote doubled, "",
glues to the names it stands beside, and a row's other fields run into the report's first line),
and a JSON record hides its paragraphs and characters behind escapes (\\n, \\u4e00). So a table's
text is its records' report texts one after another, blank lines between, each under its title
field when it has one that its text does not open with: a record of a whole report is then one
report of a compilation (engine/compilation.py), read with its own place and year.

A table is told by its shape, never by the file's name: a header line of short field names, at
least two, and rows of as many fields (CSV); or records that are all JSON objects. Anything else
is left to be read as the text it is.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys

from reportx.readers.paragraphs import MIN_HAN, han_count

# the field names of a record's title, in the order they are looked for (lower-cased)
TITLE_FIELDS = ("title", "标题", "题目", "名称", "name", "doc_title", "report_title")
# a header line's field names are this short, and at most this many; none is a date or a
# sentence (2024年东岭市政府工作报告<TAB>2024年1月10日 is a report's title line, 各位代表，… its salutation)
_NAME_CHARS = 40
_MAX_FIELDS = 200
_NOT_A_NAME = re.compile(r"\d\s*[年月日]|[。，；：！？、]")
# a report's worth of Chinese, in one record's text at least: a file whose every line happens to
# hold one comma is no table of single-line records
_REPORT_HAN = 200
_DELIMITERS = (",", "\t")


def table_text(text: str) -> tuple[str, int, str] | None:
    """(the report texts of a table's records, the number of records, the text field's name), or
    None when the text is no table of reports."""
    records, least = _json_records(text), MIN_HAN      # (a JSON record is one by its syntax)
    if records is None:
        records, least = _delimited_records(text), _REPORT_HAN
    if not records:
        return None
    field = _text_field(records, least)
    if field is None:
        return None
    title = next((f for name in TITLE_FIELDS for f in records[0] if f.strip().lower() == name),
                 None)
    parts = [_with_title(r.get(field) or "", r.get(title) if title else None) for r in records]
    parts = [p for p in parts if p.strip()]
    return "\n\n".join(parts) + "\n", len(parts), field


def _with_title(body: str, title) -> str:
    body = body.strip("\n")
    if not isinstance(title, str) or not title.strip() or title.strip() in body[:200]:
        return body
    return f"{title.strip()}\n{body}"


def _text_field(records: list[dict], least: int) -> str | None:
    """The field that holds most of the Chinese text, when one record's holds `least` at least."""
    totals: dict[str, int] = {}
    for r in records:
        for k, v in r.items():
            if isinstance(v, str):
                totals[k] = totals.get(k, 0) + han_count(v)
    if not totals:
        return None
    field = max(totals, key=totals.get)
    longest = max(han_count(r[field]) for r in records if isinstance(r.get(field), str))
    return field if longest >= max(least, MIN_HAN) else None


def _json_records(text: str) -> list[dict] | None:
    """A JSON array of objects, one object, or JSON Lines of objects; None if the text is not."""
    probe = text.lstrip("\ufeff \t\r\n")
    if not probe.startswith(("{", "[")):
        return None
    try:
        data = json.loads(probe)
    except ValueError:
        try:
            data = [json.loads(line) for line in probe.splitlines() if line.strip()]
        except ValueError:
            return None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data or not all(isinstance(r, dict) for r in data):
        return None
    return [{str(k): v for k, v in r.items()} for r in data]


def _delimited_records(text: str) -> list[dict] | None:
    """A CSV's or TSV's rows as records keyed by its header, when the text has that shape."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    delimiter = next((d for d in _DELIMITERS if d in first), None)
    if delimiter is None:
        return None
    header = next(csv.reader([first], delimiter=delimiter))
    if not 2 <= len(header) <= _MAX_FIELDS or any(
            not name.strip() or len(name) > _NAME_CHARS or _NOT_A_NAME.search(name)
            for name in header):
        return None
    limit = csv.field_size_limit()
    csv.field_size_limit(sys.maxsize)      # (a report is a long field)
    try:
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""),
                               delimiter=delimiter))
    except csv.Error:
        return None
    finally:
        csv.field_size_limit(limit)
    rows = [r for r in rows[1:] if any(cell.strip() for cell in r)]
    if not rows or any(len(r) != len(header) for r in rows):
        return None
    return [dict(zip(header, r)) for r in rows]
