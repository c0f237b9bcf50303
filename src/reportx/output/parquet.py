"""Parquet files through pyarrow: a frame with a description per column, written atomically.

Types are kept: a column of True/False and None is a nullable boolean, integers stay integers,
missing numbers are nulls. Each column's description is stored in its field metadata
(`description`), where tools such as DuckDB and pyarrow show it.
"""
from __future__ import annotations

from pathlib import Path

from reportx.output.writers import atomic_write


def write_parquet(frame, path: Path, descriptions: dict[str, str] | None = None) -> None:
    """Write frame to path as Parquet; descriptions go into each field's metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(parquet_frame(frame), preserve_index=False)
    fields = [f.with_metadata({"description": descriptions[f.name]})
              if descriptions and f.name in descriptions else f for f in table.schema]
    table = table.cast(pa.schema(fields, metadata=table.schema.metadata))
    atomic_write(Path(path), lambda tmp: pq.write_table(table, tmp))


def parquet_frame(frame):
    """A copy of frame with True/False/None columns as pandas' nullable boolean."""
    data = frame.copy()
    for col in data.columns:
        values = data[col]
        present = [v for v in values if v is not None and v == v]
        if values.dtype == object and present and all(isinstance(v, bool) for v in present):
            data[col] = values.astype("boolean")
    return data
