"""Rows as a pandas frame would give them back, without pandas.

JSON, Markdown and the CSV of `reportx list` were written from a DataFrame, and pandas costs
0.3 s to import, more than the rest of a command's start. `frame_records(rows, columns)` is
`writers.records(pandas.DataFrame(rows, columns=columns))`, value for value: pandas infers
each column's type from its values, so a column of whole numbers with a missing one, or beside
a float, is a column of floats (a claim's `span` 5 reads 5.0 in JSON), and a missing value
(None, NaN) is None.

    >>> frame_records([{"span": 5, "unit": "%"}, {"span": None, "unit": None}], ["span", "unit"])
    [{'span': 5.0, 'unit': '%'}, {'span': None, 'unit': None}]
    >>> frame_records([{"year": 2024}, {}], ["year"], ints=("year",))   # astype("Int64")
    [{'year': 2024}, {'year': None}]
"""
from __future__ import annotations

from typing import Iterable, Sequence

# The values whose column type is worked out here; any other (a date, a numpy number) leaves
# the rows to pandas itself.
_PLAIN = (bool, int, float, str)
_INT64 = 2 ** 63


def frame_records(rows: Iterable[dict], columns: Sequence[str], *, floats: Iterable[str] = (),
                  ints: Iterable[str] = ()) -> list[dict] | None:
    """The rows as `records(pandas.DataFrame(rows, columns=columns))`, after `astype(float)` of
    the `floats` columns and `astype("Int64")` of the `ints` ones; None when some value is not
    None, bool, int, float or str (build the frame then)."""
    rows = list(rows)
    floats, ints = set(floats), set(ints)
    out: list[dict] = [{} for _ in rows]
    for name in columns:
        values = _column([r.get(name) for r in rows], as_float=name in floats,
                         as_int=name in ints)
        if values is None:
            return None
        for record, value in zip(out, values):
            record[name] = value
    return out


def _column(values: list, *, as_float: bool, as_int: bool) -> list | None:
    """One column's values as pandas stores them and `records` cleans them."""
    kinds, missing = set(), False
    for v in values:
        if v is None or (type(v) is float and v != v):
            missing = True
        elif type(v) in _PLAIN:
            kinds.add(type(v))
        else:
            return None
    if int in kinds and any(type(v) is int and not -_INT64 <= v < _INT64 for v in values):
        return None                      # past int64: pandas keeps objects or unsigned
    numeric = bool(kinds) and kinds <= {int, float}
    if as_int:
        if not kinds <= {int}:
            return None
        return [None if _missing(v) else v for v in values]
    if as_float and not kinds <= {int, float}:
        return None
    if as_float or (numeric and (float in kinds or missing)):
        return [None if _missing(v) else float(v) for v in values]
    return [None if _missing(v) else v for v in values]


def _missing(v) -> bool:
    return v is None or (type(v) is float and v != v)


def plain_values(records: Iterable[dict]) -> bool:
    """No floats among the values: CSV cells are then `str(value)` whoever writes them (pandas
    formats floats its own way)."""
    return not any(type(v) is float for r in records for v in r.values())
