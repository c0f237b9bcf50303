"""Stata .dta files: a frame with variable labels, written atomically.

Version 118 (Stata 14 and later) so Chinese text is stored as UTF-8; pandas' older versions
would need Latin-1. Stata has no boolean or nullable-integer columns, so a column of True/False
and None becomes 1/0 and missing (.), and None in a text column becomes "" (Stata's missing
string). Texts longer than Stata's 2045-byte str# limit are written as strL.
"""
from __future__ import annotations

from pathlib import Path

from reportx.errors import OutputError
from reportx.output.writers import atomic_write

# Stata's limits: variable labels of 80 characters, str# columns of 2045 bytes.
LABEL_CHARS = 80
STR_BYTES = 2045


def write_stata(frame, path: Path, labels: dict[str, str] | None = None) -> None:
    """Write frame to path as a Stata 118 .dta; labels are variable labels by column."""
    data = stata_frame(frame)
    labels = {c: str(t)[:LABEL_CHARS] for c, t in (labels or {}).items() if c in data.columns}
    long_text = [c for c in data.columns if data[c].dtype == object
                 and max((len(s.encode("utf-8")) for s in data[c]), default=0) > STR_BYTES]

    def write(tmp: Path):
        try:
            data.to_stata(tmp, write_index=False, version=118, variable_labels=labels,
                          convert_strl=long_text)
        except ValueError as exc:  # a column Stata cannot hold
            raise OutputError(f"{path}: cannot write as Stata ({exc})") from None
    atomic_write(Path(path), write)


def stata_frame(frame):
    """A copy of frame that Stata can hold: booleans as 1/0/missing floats, text without None."""
    import pandas as pd

    data = frame.copy()
    for col in data.columns:
        values = data[col]
        if pd.api.types.is_bool_dtype(values) or _is_nullable_bool(values):
            data[col] = values.map(lambda v: float("nan") if pd.isna(v) else float(bool(v))
                                   ).astype(float)
        elif values.dtype == object or pd.api.types.is_string_dtype(values):
            data[col] = values.map(lambda v: "" if pd.isna(v) else str(v)).astype(object)
    return data


def _is_nullable_bool(values) -> bool:
    import pandas as pd

    present = [v for v in values if not pd.isna(v)]
    return values.dtype == object and bool(present) and all(isinstance(v, bool) for v in present)
