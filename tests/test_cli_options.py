"""The command line's habits: --version, completion, help text and usage errors in one line,
--quiet, --columns, --year and its warning, summaries that count what was written,
--indicator in any case, `reportx indicators`, and compare: numeric columns, unreadable files
named while the rest is compared, --jobs for compare and list."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from reportx.cli import app
from reportx.engine.claim import CLAIM_FIELDS

runner = CliRunner()
GOOD = "一、2023年工作回顾\n地区生产总值增长0.1％，一般公共预算收入增长3.7％。\n"
# a report without a header or years in its headings: its parts need the year
HEADERLESS = ("一、过去一年工作回顾\n地区生产总值增长5％，新增就业2万人。\n"
              "二、今年工作安排\n地区生产总值增长6％左右。\n")


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(x) for x in result.stdout.splitlines()]


def test_version():
    from reportx import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"reportx {__version__}\n"


def test_completion_script():
    result = run("--show-completion", "bash")
    assert result.exit_code == 0
    assert "complete" in result.stdout and "_REPORTX_COMPLETE" in result.stdout
    assert "--install-completion" in run("--help").stdout


def _all_commands():
    import typer.main

    group = typer.main.get_group(app)
    for name, cmd in group.commands.items():
        for sub in (getattr(cmd, "commands", None) or {None: cmd}):
            yield [name] + ([sub] if sub else [])


@pytest.mark.parametrize("words", list(_all_commands()), ids=" ".join)
def test_help_shows_plain_metavars(words):
    text = run(*words, "--help").stdout
    assert "Usage:" in text
    for leak in ("<bool>", "<list[", "<str>", "<int", "<path>", "Value error"):
        assert leak not in text, (words, leak)


def test_a_usage_error_is_one_line():
    proc = subprocess.run([sys.executable, "-m", "reportx", "extract", "guigang", "--format",
                           "jsnl"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("reportx: error: ")
    assert "'jsnl' is not one of" in proc.stderr and "Value error" not in proc.stderr


def test_quiet_keeps_only_errors(tmp_path):
    out = tmp_path / "c.csv"
    loud = run("extract", "guigang", "yulin", "-o", out)
    assert "2 files" in loud.stderr
    quiet = run("extract", "guigang", "yulin", "-o", out, "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    failed = run("extract", "guigang", tmp_path / "missing.txt", "-q")
    assert failed.exit_code == 1 and "missing.txt" in failed.stderr


def test_columns_choose_and_order_the_fields(tmp_path):
    got = rows(run("extract", "guigang", "--format", "jsonl", "--columns", "value,surface"))
    assert list(got[0]) == ["value", "surface"]
    out = tmp_path / "c.csv"
    assert run("extract", "guigang", "yulin", "-o", out, "--columns", "doc,value").exit_code == 0
    assert list(pd.read_csv(out, encoding="utf-8-sig").columns) == ["doc", "value"]
    bad = run("extract", "guigang", "--columns", "doc,valeu")
    assert bad.exit_code == 1 and "unknown field valeu" in bad.stderr


def test_every_format_carries_span_and_value_high(tmp_path):
    for fmt in ("csv", "tsv", "jsonl", "json", "xlsx", "parquet", "markdown"):
        out = tmp_path / f"c.{'md' if fmt == 'markdown' else fmt}"
        assert run("extract", "guigang", "-o", out).exit_code == 0
        if fmt in ("xlsx", "parquet"):
            frame = pd.read_excel(out) if fmt == "xlsx" else pd.read_parquet(out)
            assert list(frame.columns) == list(CLAIM_FIELDS)
        else:
            head = out.read_text(encoding="utf-8-sig")[:400]
            assert "span" in head and "value_high" in head, fmt


def test_year_for_a_headerless_report_and_the_warning_without_it(tmp_path):
    report = tmp_path / "headerless.txt"
    report.write_text(HEADERLESS, encoding="utf-8")
    blank = run("extract", report, "--format", "jsonl")
    assert {(r["period"], r["kind"]) for r in rows(blank)} == {(None, None)}
    assert "warning" in blank.stderr and "--year" in blank.stderr
    dated = run("extract", report, "--format", "jsonl", "--year", "2024")
    assert [(r["period"], r["kind"]) for r in rows(dated)] == [
        ("2023", "actual"), ("2023", "actual"), ("2024", "target")]
    assert dated.stderr == ""


def test_the_summary_counts_the_rows_written(tmp_path):
    out = tmp_path / "gdp.csv"
    result = run("extract", "guigang", "--indicator", "gdp", "--kind", "target", "-o", out)
    written = len(pd.read_csv(out, encoding="utf-8-sig"))
    assert result.stderr.startswith(f"1 file, {written} claim{'' if written == 1 else 's'} (of ")


@pytest.mark.parametrize("word", ["gdp", "GDP", "Gdp", "生产总值", "地区生产总值"])
def test_indicator_matches_ids_and_aliases_in_any_case(word):
    got = rows(run("extract", "guigang", "--format", "jsonl", "--indicator", word))
    assert got and all(r["indicator_id"] == "gdp" or word.casefold() in r["indicator"].casefold()
                       for r in got)
    assert any(r["indicator_id"] == "gdp" for r in got)


def test_an_indicator_that_matches_nothing_says_so():
    result = run("extract", "guigang", "--indicator", "no-such-thing")
    assert result.exit_code == 0 and "reportx indicators" in result.stderr


def test_indicators_lists_the_catalog(rules):
    table = run("indicators")
    assert table.exit_code == 0 and "gdp" in table.stdout and "地区生产总值" in table.stdout
    got = rows(run("indicators", "--format", "jsonl"))
    assert [r["id"] for r in got] == [ind.id for ind in rules.indicators]
    gdp = next(r for r in got if r["id"] == "gdp")
    assert "GDP" in gdp["aliases"].split("、") and "%" in gdp["units"].split(",")
    assert {r["id"] for r in rows(run("indicators", "收入", "--format", "jsonl"))} >= {
        "fiscal_revenue", "disposable_income"}


def test_compare_csv_and_workbook_carry_numbers(tmp_path):
    import openpyxl

    csv = pd.read_csv(pd.io.common.StringIO(run("compare", "guigang", "yulin", "--format",
                                                "csv").stdout))
    gdp = csv[(csv.indicator_id == "gdp") & (csv.kind == "target")].iloc[0]
    assert (gdp["guigang-2024"], gdp["guigang-2024 value"], gdp["guigang-2024 qualifier"]) == (
        "5%左右", 5.0, "approx")
    assert gdp["yulin-2024 value"] == 5.5 and gdp["yulin-2024 qualifier"] == "at_least"
    assert csv["guigang-2024 value"].sum() > 0  # a column a spreadsheet can add up
    out = tmp_path / "c.xlsx"
    assert run("compare", "guigang", "yulin", "-o", out).exit_code == 0
    ws = openpyxl.load_workbook(out)["comparison"]
    header = [c.value for c in ws[1]]
    assert isinstance(ws.cell(row=2, column=header.index("guigang-2024 value") + 1).value, float)
    assert isinstance(ws.cell(row=2, column=header.index("period") + 1).value, int)
    sources = openpyxl.load_workbook(out)["sources"]
    date = [c.value for c in sources[1]].index("date") + 1
    assert sources.cell(row=2, column=date).is_date


def test_compare_names_an_unreadable_file_and_goes_on(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"")
    result = run("compare", "guigang", broken, "yulin", "--format", "csv")
    assert result.exit_code == 1
    assert "reportx: failed: " in result.stderr and "broken.txt: file is empty" in result.stderr
    frame = pd.read_csv(pd.io.common.StringIO(result.stdout))
    assert {"guigang-2024", "yulin-2024"} <= set(frame.columns)
    nothing = run("compare", broken)
    assert nothing.exit_code == 1 and "no report could be read" in nothing.stderr


def test_compare_and_list_run_in_workers():
    one = run("compare", "guigang", "yulin", "--format", "jsonl", "--jobs", "1").stdout
    assert one == run("compare", "guigang", "yulin", "--format", "jsonl", "--jobs", "2").stdout
    listed = rows(run("list", "--format", "jsonl", "--jobs", "2"))
    assert {r["name"] for r in listed} >= {"guigang-2024", "yulin-2024"}
    assert all(isinstance(r["year"], int) for r in listed)


def test_reportx_alone_prints_its_help_and_no_empty_error_line():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "reportx"], capture_output=True, text=True)
    assert "extract" in out.stdout + out.stderr          # the help, with its commands
    assert "error" not in out.stderr                     # no empty "reportx: error:" line
    assert out.returncode == 2


def test_a_readers_warning_is_one_line_from_every_command(tmp_path):
    """`reportx text` reads a file itself: a reader's warning (a hard-wrapped text) still comes
    out as one `reportx: warning:` line, not Python's warning with its source line."""
    import subprocess
    import sys

    from tests.conftest import SEEDS
    from tests.test_readers_wrapped import _wrap

    path = tmp_path / "wrapped.txt"
    path.write_text(_wrap((SEEDS / "yulin-2024.txt").read_text(encoding="utf-8"), 50),
                    encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reportx", "text", str(path)],
                         capture_output=True, text=True)
    assert out.returncode == 0
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("reportx: warning: ") and "wrapped" in lines[0]
