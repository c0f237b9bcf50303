"""`-o` never damages what is there: what each kind of target gets (a new file, a regular file,
a symbolic link, a hard link, a FIFO, a device, stdout), modes, inputs never overwritten, a full
disk in one line, workbooks that cannot hold the rows or the characters.

The file-type cases run `python -m reportx` in a subprocess, as a user would; the rest go
through Typer's CliRunner. Every claim-producing run uses the small GOOD report to stay fast.
"""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportx.cli import app

GOOD = "一、2023年工作回顾\n地区生产总值增长0.1％，一般公共预算收入增长3.7％。\n"
runner = CliRunner()


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def cli(*args, cwd=None, umask=None):
    """`python -m reportx ARGS` as a user runs it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTX_")}
    pre = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run([sys.executable, "-m", "reportx", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", preexec_fn=pre,
                          timeout=120)


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _temporaries(folder: Path):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_symlink_stays_a_link_and_its_target_gets_the_output(tmp_path, good):
    target = tmp_path / "target.jsonl"
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target.name)
    assert run("extract", good, "-o", link).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == target.name
    assert json.loads(target.read_text().splitlines()[0])["surface"] == "0.1％"
    assert not _temporaries(tmp_path)


def test_a_hard_link_keeps_its_other_name(tmp_path, good):
    one = tmp_path / "one.jsonl"
    one.write_text("old\n")
    other = tmp_path / "other.jsonl"
    os.link(one, other)
    assert run("extract", good, "-o", one).exit_code == 0
    assert os.stat(one).st_nlink == 2 and os.path.samefile(one, other)
    assert "0.1％" in other.read_text()


def test_an_existing_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path, good):
    old = tmp_path / "old.csv"
    old.write_text("x")
    old.chmod(0o644)
    assert run("extract", good, "-o", old).exit_code == 0
    assert stat.S_IMODE(old.stat().st_mode) == 0o644 and "0.1％" in old.read_text("utf-8-sig")
    assert cli("extract", good, "-o", tmp_path / "new.csv", umask=0o027).returncode == 0
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640


def test_a_fifo_reader_gets_the_rows(tmp_path, good):
    fifo = tmp_path / "rows.jsonl"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader.start()
    proc = cli("extract", good, "-o", fifo)
    reader.join(30)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not replaced by a file
    assert [json.loads(x)["surface"] for x in got[0].splitlines()] == ["0.1％", "3.7％"]


def test_a_device_is_written_through_and_a_full_disk_is_one_line(tmp_path, good):
    assert run("extract", good, "-o", "/dev/null", "--format", "csv").exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    full = run("extract", good, "-o", "/dev/full", "--format", "csv")
    assert full.exit_code == 1 and full.stderr == (
        "reportx: error: /dev/full: cannot write (No space left on device)\n")
    # a workbook too, and nothing more at exit (no "Exception ignored in ZipFile.__del__")
    proc = cli("extract", good, "-o", "/dev/full", "--format", "xlsx")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "reportx: error: /dev/full: cannot write (No space left on device)"], proc.stderr


def test_dash_is_stdout_and_binary_formats_need_it_said(good):
    rows = run("extract", good, "-o", "-", "--format", "jsonl")
    assert rows.exit_code == 0 and rows.stderr == ""
    assert [json.loads(x)["value"] for x in rows.stdout.splitlines()] == [0.1, 3.7]
    assert run("extract", good, "-o", "-").stdout.count("0.1％") == 1  # a table, on stdout
    book = run("extract", good, "-o", "-", "--format", "xlsx")
    assert book.exit_code == 0 and book.stdout_bytes.startswith(b"PK\x03\x04")
    refused = run("extract", good, "--format", "parquet")
    assert refused.exit_code == 1 and "-o FILE.parquet" in refused.stderr


@pytest.mark.parametrize("args", [
    ["{dir}/good.txt", "-o", "{dir}/good.txt", "--format", "csv"],
    ["{dir}/other.txt", "{dir}/good.txt", "-o", "{dir}/good.txt", "--format", "jsonl"],
    ["{dir}", "-o", "{dir}/alias.txt", "--format", "csv"],          # a hard link to an input
])
def test_an_input_is_never_overwritten(tmp_path, good, args):
    (tmp_path / "other.txt").write_text(GOOD, encoding="utf-8")
    os.link(good, tmp_path / "alias.txt")
    result = run("extract", *[a.replace("{dir}", str(tmp_path)) for a in args])
    assert result.exit_code == 1
    assert "is one of the inputs" in result.stderr and len(result.stderr.splitlines()) == 1
    assert good.read_text(encoding="utf-8") == GOOD


def test_control_characters_do_not_stop_a_workbook(tmp_path):
    import openpyxl

    report = tmp_path / "ctl.txt"
    report.write_text("一、2023年工作回顾\n地区生产总值\x1b增长0.1％，\f一般公共预算收入增长3.7％。\n",
                      encoding="utf-8")
    out = tmp_path / "ctl.xlsx"
    result = run("extract", report, "-o", out)
    assert result.exit_code == 0, result.output
    from reportx.engine.claim import CLAIM_FIELDS

    col = CLAIM_FIELDS.index("sentence") + 1
    sentences = [c.value for c in next(openpyxl.load_workbook(out).active.iter_cols(
        min_col=col, max_col=col, min_row=2))]
    assert sentences and all("\x1b" not in s and "\f" not in s for s in sentences)


def test_too_many_rows_for_a_sheet_is_said_before_writing(tmp_path, good, monkeypatch):
    """The limit is checked as claims arrive, so a huge batch stops early; CSV and Parquet
    are offered."""
    from reportx.output import sheets

    monkeypatch.setattr(sheets, "MAX_ROWS", 1)
    out = tmp_path / "big.xlsx"
    result = run("extract", good, "-o", out)
    assert result.exit_code == 1
    assert "more than an Excel sheet holds" in result.stderr and "Parquet" in result.stderr
    assert not out.exists() and not _temporaries(tmp_path)


def test_parquet_streams_many_files_with_typed_columns(tmp_path, good):
    import pandas as pd

    other = tmp_path / "other.txt"
    other.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "claims.parquet"
    assert run("extract", good, other, "-o", out).exit_code == 0
    frame = pd.read_parquet(out)
    assert list(frame.doc) == ["good", "good", "other", "other"]
    assert list(frame.value) == [0.1, 3.7] * 2 and frame.start.dtype.kind == "i"


def test_tsv_and_markdown(good):
    tsv = run("extract", good, "--format", "tsv", "--columns", "surface,value").stdout
    assert tsv.splitlines() == ["surface\tvalue", "0.1％\t0.1", "3.7％\t3.7"]
    md = run("extract", good, "--format", "markdown", "--columns", "surface,indicator").stdout
    assert md.splitlines() == ["| surface | indicator |", "| --- | --- |",
                               "| 0.1％ | 地区生产总值 |", "| 3.7％ | 一般公共预算收入 |"]


@pytest.mark.parametrize("suffix", ["tsv", "md"])
def test_tsv_and_markdown_from_the_suffix(tmp_path, good, suffix):
    out = tmp_path / f"c.{suffix}"
    assert run("extract", good, "-o", out).exit_code == 0
    assert "0.1％" in out.read_text(encoding="utf-8")


def test_dev_stdout_is_the_descriptor_the_shell_opened(tmp_path, good):
    """`-o /dev/stdout >> log` appends to the log; it is not truncated or replaced."""
    log = tmp_path / "log.jsonl"
    log.write_text("kept\n")
    command = f"{sys.executable} -m reportx extract {good} --format jsonl -o /dev/stdout >> {log}"
    assert subprocess.run(["bash", "-c", command], timeout=60).returncode == 0
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "kept" and [json.loads(x)["surface"] for x in lines[1:]] == ["0.1％", "3.7％"]
