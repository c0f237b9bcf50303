"""`reportx panel` through Typer's runner: the table, every format, the filters, the plot, and
one-line errors for what a user can get wrong."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from reportx.cli import app
from reportx.views.panel.columns import COLUMNS
from test_panel_outputs import REPORTS, write_reports

runner = CliRunner()


def run(*args, **env):
    return runner.invoke(app, ["panel", *map(str, args)], catch_exceptions=False, env=env or None)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return write_reports(tmp_path_factory.mktemp("cli-reports"))


def one_line_error(result, needle):
    assert result.exit_code == 1
    assert result.stderr.startswith("reportx: error:") and needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_table_shows_target_to_outcome_marked(folder):
    result = run(folder, COLUMNS="200")      # wide enough that no cell wraps
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "测试市" in out and "样例县" in out and "2013" in out
    assert "7%左右 → +7.5% ✓" in out      # 2013: 7%左右 set, 7.5% achieved
    assert "3%以内 → +3.4% ✗" in out      # 2013 CPI above its ceiling
    assert "✓ met, ✗ missed" in out


def test_a_narrow_terminal_splits_the_years_and_cuts_nothing(folder):
    out = run(folder, COLUMNS="50").stdout
    assert all(len(line) <= 50 for line in out.splitlines())
    for year in range(2012, 2016):
        assert str(year) in out
    assert "7%左右" in out and "→ +7.5% ✓" in out and "→ +3.4% ✗" in out
    assert out.count("indicator") >= 2          # more than one table


def test_csv_and_jsonl_carry_the_contract_columns(folder):
    csv = run(folder, "--format", "csv")
    assert csv.exit_code == 0
    frame = pd.read_csv(io.StringIO(csv.stdout))
    assert list(frame.columns) == list(COLUMNS)
    lines = run(folder, "--format", "jsonl").stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == len(frame) and list(rows[0]) == list(COLUMNS)
    met = {r["met"] for r in rows}
    assert met == {True, False, None}
    assert [r["place"] for r in rows] == sorted(r["place"] for r in rows)


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "json", "xlsx", "dta", "parquet"])
def test_every_file_format_from_its_suffix(folder, tmp_path, suffix):
    path = tmp_path / f"panel.{suffix}"
    result = run(folder, "-o", path)
    assert result.exit_code == 0, result.stderr
    assert f"→ {path}" in result.stderr
    read = {"csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True),
            "json": pd.read_json, "xlsx": pd.read_excel, "dta": pd.read_stata,
            "parquet": pd.read_parquet}[suffix]
    back = read(path)
    assert list(back.columns) == list(COLUMNS) and len(back) > 5


def test_filters_choose_indicators_places_and_years(folder):
    rows = [json.loads(line) for line in run(
        folder, "-f", "jsonl", "--indicator", "gdp", "--place", "测试", "--from", "2013",
        "--to", "2014").stdout.splitlines()]
    assert {(r["place"], r["indicator_id"], r["year"]) for r in rows} == \
        {("测试市", "gdp", 2013), ("测试市", "gdp", 2014)}
    assert run(folder, "-f", "jsonl", "--unit", "CNY").stdout == ""
    rates = run(folder, "-f", "jsonl", "--unit", "%").stdout.splitlines()
    assert rates and {json.loads(line)["unit"] for line in rates} == {"%"}
    empty = run(folder, "--indicator", "nothing")
    assert empty.exit_code == 0 and "No panel rows" in empty.stdout


def test_two_reports_of_one_place_and_year_warn_once(folder, tmp_path):
    copy = tmp_path / "again.txt"
    copy.write_bytes(next(p for p in sorted(folder.iterdir())).read_bytes())
    result = run(folder, copy, "-f", "csv")
    assert result.exit_code == 0
    warned = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warned) == 1 and "测试市 2013" in warned[0] and "again.txt (given later)" in warned[0]


def test_plot_alone_writes_only_the_plot(folder, tmp_path):
    path = tmp_path / "panel.svg"
    result = run(folder, "--indicator", "gdp", "--plot", path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and path.read_text(encoding="utf-8").count("<svg") == 1
    assert "2 charts → " in result.stderr


@pytest.mark.parametrize("args,needle", [
    (["--format", "dta"], "give -o FILE.dta"),
    (["--format", "parquet"], "give -o FILE.parquet"),
    (["-o", "panel.txt"], "cannot tell the format from the suffix"),
    (["--plot", "panel.gif"], "a plot is .png, .svg or .html"),
])
def test_a_wrong_output_is_one_line(folder, tmp_path, args, needle):
    args = [tmp_path / a if a.startswith("panel.") else a for a in args]
    one_line_error(run(folder, *args), needle)


def test_an_output_or_plot_onto_a_report_is_refused(tmp_path):
    report = tmp_path / "page.html"
    report.write_text("<html><body><p>2014年某市政府工作报告</p></body></html>", encoding="utf-8")
    before = report.read_bytes()
    one_line_error(run(report, "--plot", report), "is one of the inputs")
    assert report.read_bytes() == before


def test_a_missing_report_is_one_line():
    one_line_error(run("no-such-report-anywhere"), "no-such-report-anywhere")


def test_no_chinese_font_is_one_line(folder, tmp_path):
    result = run(folder, "--plot", tmp_path / "x.png", REPORTX_FONT=str(tmp_path / "none.ttf"))
    one_line_error(result, "no such font file")
    assert not (tmp_path / "x.png").exists()


def test_the_library_returns_the_long_frame_and_warns(folder, tmp_path):
    import reportx

    copy = tmp_path / "again.txt"
    copy.write_bytes(sorted(folder.iterdir())[0].read_bytes())
    with pytest.warns(UserWarning, match="given later"):
        rows = reportx.panel([*sorted(folder.iterdir()), copy])
    assert list(rows.columns) == list(COLUMNS)
    assert set(rows.place) == {place for place, _ in REPORTS}
    assert len(rows.attrs["warnings"]) == 1
