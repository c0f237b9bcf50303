"""The command line through Typer's runner: every output format read back, filters, listing,
rule checking, and one-line errors."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from reportx.engine.claim import CLAIM_FIELDS
from reportx.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_jsonl_has_contract_fields_in_document_order():
    result = run("extract", "guigang", "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) > 200
    assert list(rows[0]) == list(CLAIM_FIELDS)
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    first = rows[0]
    assert (first["surface"], first["value"], first["unit"], first["indicator_id"]) == \
        ("0.1％", 0.1, "%", "gdp")


def test_names_resolve_by_city():
    by_city = run("extract", "贵港", "--format", "jsonl").stdout
    by_stem = run("extract", "guigang", "--format", "jsonl").stdout
    assert by_city == by_stem and by_city


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "json", "jsonl"])
def test_file_formats_read_back(tmp_path, suffix):
    out = tmp_path / f"claims.{suffix}"
    result = run("extract", "yulin", "-o", str(out))
    assert result.exit_code == 0, result.output
    if suffix == "csv":
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # utf-8-sig: Excel shows Chinese
        frame = pd.read_csv(out, encoding="utf-8-sig", dtype={"period": str})
    elif suffix == "xlsx":
        frame = pd.read_excel(out, dtype={"period": str})
    elif suffix == "json":
        frame = pd.DataFrame(json.loads(out.read_text(encoding="utf-8")))
    else:
        frame = pd.read_json(io.StringIO(out.read_text(encoding="utf-8")), lines=True,
                             dtype={"period": str})
    assert list(frame.columns) == list(CLAIM_FIELDS)
    gdp = frame[(frame.indicator_id == "gdp") & (frame.kind == "target")].iloc[0]
    assert (gdp.value, gdp.unit, gdp.qualifier, str(gdp.period)) == (5.5, "%", "at_least", "2024")


def test_xlsx_stores_numbers_as_numbers(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "c.xlsx"
    run("extract", "guigang", "-o", str(out))
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    value_col = header.index("value") + 1
    assert isinstance(ws.cell(row=2, column=value_col).value, (int, float))
    assert ws.freeze_panes == "A2"


def test_filters():
    rows = [json.loads(x) for x in run("extract", "guigang", "--kind", "target", "--indicator",
                                       "gdp", "--format", "jsonl").stdout.splitlines()]
    assert rows and all(r["kind"] == "target" and r["indicator_id"] == "gdp" for r in rows)
    words = [json.loads(x) for x in run("extract", "guigang", "yulin", "--indicator", "学位",
                                        "--period", "2023", "--format", "jsonl").stdout.splitlines()]
    assert {r["doc"] for r in words} == {"guigang-2024", "yulin-2024"}
    assert all("学位" in r["indicator"] and r["period"] == "2023" for r in words)


def test_table_for_people():
    result = run("extract", "guigang")
    assert result.exit_code == 0
    assert "0.1％" in result.stdout and "claims" in result.stdout


def test_list_shows_bundled_reports():
    result = run("list", "--format", "jsonl")
    rows = {r["name"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert rows["guigang-2024"]["city"] == "贵港市"
    assert rows["yulin-2024"]["date"] == "2024-02-29"
    assert rows["guigang-2024"]["speaker"] == "林海波"
    assert rows["guigang-2024"]["claims"] > 200


def test_rules_check_passes_and_fails(tmp_path):
    assert run("rules", "check").exit_code == 0
    (tmp_path / "bad.yaml").write_text(
        "quantities:\n  - id: sheep\n    pattern: '(?P<num>\\d+)只羊'\n    unit: item\n"
        "    examples:\n      - text: 存栏12只羊\n        claims: [{surface: 12只羊, value: 13}]\n",
        encoding="utf-8")
    result = run("rules", "check", str(tmp_path))
    assert result.exit_code == 1
    assert "sheep" in result.output and "value 12.0 != 13" in result.output


def test_rules_show_expands_fragments():
    result = run("rules", "show", "measure")
    assert "{NUM}" not in result.stdout and "(?P<num>" in result.stdout


@pytest.mark.parametrize("args,needle", [
    (["extract", "nowhere-city"], "not a file and not a known report"),
    (["extract", "guigang", "--format", "xlsx"], "give -o FILE.xlsx"),
    (["extract", "guigang", "-o", "claims.txtx"], "cannot tell the format"),
    (["rules", "show", "no_such_rule"], "no rule with id"),
])
def test_user_errors_are_one_line(args, needle):
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert needle in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_jieba_chatter_never_reaches_the_terminal(tmp_path):
    """A first run builds jieba's dictionary cache; nothing of it may show on stderr."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "reportx", "extract", "guigang", "--format",
                           "jsonl"], capture_output=True, text=True, env=env)
    assert done.returncode == 0
    assert done.stderr == ""
    assert list((tmp_path / "reportx").glob("jieba-*.index"))   # jieba's words, indexed once


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_many_files_stream_the_same_rows_as_one_at_a_time(tmp_path, fmt):
    """Two or more files are written as they are extracted; the rows are those of each file alone."""
    both = tmp_path / f"both.{fmt}"
    assert run("extract", "guigang", "yulin", "--kind", "target", "-o", str(both)).exit_code == 0
    parts = []
    for name in ("guigang", "yulin"):
        one = tmp_path / f"{name}.{fmt}"
        run("extract", name, "--kind", "target", "-o", str(one))
        parts.append(one)
    if fmt == "csv":
        read = lambda p: pd.read_csv(p, encoding="utf-8-sig", dtype=str)  # noqa: E731
    else:
        read = lambda p: pd.read_json(p, lines=True, dtype=False)  # noqa: E731
    expected = pd.concat([read(p) for p in parts], ignore_index=True)
    got = read(both)
    assert len(got) > 20 and set(got["kind"]) == {"target"}
    pd.testing.assert_frame_equal(got, expected)
