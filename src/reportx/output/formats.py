"""The output formats, by name and by file suffix.

Apart from `reportx.output.writers` so that declaring the commands' `--format` option (which
every start-up does, `--help` included) imports nothing but this."""
from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"
    xlsx = "xlsx"
    parquet = "parquet"


SUFFIX_FORMATS = {".csv": Format.csv, ".tsv": Format.tsv, ".tab": Format.tsv,
                  ".md": Format.markdown, ".markdown": Format.markdown, ".json": Format.json,
                  ".jsonl": Format.jsonl, ".ndjson": Format.jsonl, ".xlsx": Format.xlsx,
                  ".parquet": Format.parquet}
# Formats written as rows arrive (memory stays flat over a long batch).
STREAMING = (Format.csv, Format.tsv, Format.jsonl)
# Formats that are bytes, not text: to standard output only when it is not a terminal.
BINARY = (Format.xlsx, Format.parquet)
FILE_FORMATS = "csv|tsv|markdown|json|jsonl|xlsx|parquet"
