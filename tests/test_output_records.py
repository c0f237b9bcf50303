"""Rows written without pandas are the rows pandas gave: `frame_records` against
`records(pd.DataFrame(...))` on any mix of values (hypothesis), and the text of every format
`write_rows` writes itself against `write_frame`'s."""
from __future__ import annotations

import io
import json
import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from reportx.output.records import frame_records
from reportx.output.writers import Format, frame_to_text, records, records_to_text, write_rows

VALUES = st.one_of(st.none(), st.just(math.nan), st.booleans(),
                   st.integers(min_value=-2**70, max_value=2**70),
                   st.floats(allow_nan=False, allow_infinity=False),
                   st.text(max_size=6),
                   st.sampled_from(["5％", "左右", "a,b", 'x"y', "a\nb", ""]))
# a column of one kind, of a kind and missing values, or of anything
COLUMN = st.one_of(st.lists(VALUES, min_size=0, max_size=6),
                   st.sampled_from([st.integers(-10, 10), st.floats(-1e20, 1e20),
                                    st.text(max_size=3), st.booleans()]).flatmap(
                       lambda kind: st.lists(st.one_of(st.none(), kind), max_size=6)))


def same(a, b) -> bool:
    """Equal values of equal types (5 is not 5.0 in JSON)."""
    return json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)


@settings(max_examples=400, deadline=None)
@given(st.lists(COLUMN, min_size=1, max_size=4), st.data())
def test_frame_records_are_pandas_records(columns, data):
    n = max(len(c) for c in columns)
    names = [f"c{i}" for i in range(len(columns))]
    rows = [{} for _ in range(n)]
    for name, values in zip(names, columns):
        for row, v in zip(rows, values):       # a shorter column leaves keys out: missing
            row[name] = v
    floats = [c for c, vals in zip(names, columns)
              if all(v is None or type(v) in (int, float) for v in vals)
              and data.draw(st.booleans())]
    mine = frame_records(rows, names, floats=floats)
    if mine is None:                           # beyond int64: left to pandas
        assert any(type(v) is int and abs(v) >= 2**63 for c in columns for v in c)
        return
    frame = pd.DataFrame(rows, columns=names)
    for c in floats:
        frame[c] = frame[c].astype(float)
    assert same(mine, records(frame))


def test_nullable_ints_stay_ints():
    rows = [{"year": 2024, "name": "a"}, {"name": "b"}]
    frame = pd.DataFrame(rows, columns=["name", "year"]).astype({"year": "Int64"})
    assert frame_records(rows, ["name", "year"], ints=["year"]) == records(frame) == [
        {"name": "a", "year": 2024}, {"name": "b", "year": None}]


def test_text_formats_match_the_frame():
    rows = [{"doc": "a", "n": 1, "text": 'say "hi", then\nleave', "ok": True, "x": None},
            {"doc": "b", "n": None, "text": "", "ok": False, "x": None},
            {"doc": "c|d", "n": 3, "text": "5％", "ok": None}]
    columns = ["doc", "n", "text", "ok", "x"]
    ints_frame = pd.DataFrame(rows, columns=columns).astype({"n": "Int64"})
    for fmt in (Format.markdown, Format.json, Format.jsonl, Format.csv, Format.tsv):
        kept = frame_records(rows, columns, ints=["n"])
        assert records_to_text(kept, columns, fmt) == frame_to_text(ints_frame, fmt), fmt
    assert frame_to_text(pd.DataFrame(rows, columns=columns), Format.json) == records_to_text(
        frame_records(rows, columns), columns, Format.json)   # n: 1.0, None, 3.0


def test_write_rows_leaves_floats_in_csv_and_workbooks_to_the_frame():
    rows = [{"v": 0.1}, {"v": 1e16}]
    built = []

    def frame():
        built.append(1)
        return pd.DataFrame(rows)

    out = io.StringIO()
    write_rows(rows, ["v"], Format.csv, "-", frame, stdout=out)
    assert built and out.getvalue() == pd.DataFrame(rows).to_csv(index=False)
    built.clear()
    out = io.StringIO()
    write_rows(rows, ["v"], Format.json, "-", frame, stdout=out)
    assert not built and json.loads(out.getvalue()) == rows


def test_doctests():
    import doctest

    import reportx.output.records

    failures, tried = doctest.testmod(reportx.output.records)
    assert tried and not failures


def test_list_names_an_unreadable_file_beside_readable_ones(tmp_path):
    # the error column is text beside missing values: a DataFrame gave NaN there, and the table
    # stopped on it
    from typer.testing import CliRunner

    from reportx.cli import app

    (tmp_path / "guigang-2024.txt").write_text(
        "一、2023年工作回顾\n地区生产总值增长0.1％。\n", encoding="utf-8")
    (tmp_path / "bad-2023.docx").write_bytes(b"PK\x03\x04junk")
    result = CliRunner().invoke(app, ["list", "--corpus", str(tmp_path), "--jobs", "1",
                                      "--color", "never", "--no-pager"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "bad-2023" in result.stdout and "ZIP" in result.stdout


def test_json_lines_are_json_dumps_of_each_row_byte_for_byte():
    """encode_rows writes JSON Lines field by field for speed: the bytes must be json.dumps's,
    for the claims of the bundled reports and for values of every kind a row may hold."""
    import json

    import reportx
    from reportx.engine.claim import CLAIM_FIELDS
    from reportx.output.formats import Format
    from reportx.output.writers import encode_rows
    from tests.conftest import SEEDS

    rows = [c.to_dict() for p in sorted(SEEDS.glob("*.txt")) for c in reportx.extract(p)]
    odd = [{"a": v, "b": "x"} for v in (float("nan"), float("inf"), -float("inf"), True, False,
                                        0, -3, 2**70, 1e300, 1e-7, 0.1 + 0.2, None, [1, "y"],
                                        {"k": 1}, 'q"\\\n\u2028\x00 中文')]
    for columns, batch in ((list(CLAIM_FIELDS), rows), (["a", "b"], odd),
                           (["value", "doc"], rows[:5])):
        want = "".join(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False) + "\n"
                       for r in batch)
        assert encode_rows(Format.jsonl, columns, batch) == want
