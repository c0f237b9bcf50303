"""Which files a name means: exact stem or city in any case, a prefix only when it is unique
and ends at a separator, an ambiguous name listing the candidates; folders with report-like
files only, --recursive, --exclude; stdin as `-` or /dev/stdin."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportx.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOOD = "一、2023年工作回顾\n地区生产总值增长0.1％，一般公共预算收入增长3.7％。\n"
runner = CliRunner()


def docs(*args, **kw) -> list[str]:
    result = runner.invoke(app, ["extract", *map(str, args), "--format", "jsonl"], **kw)
    assert result.exit_code == 0, result.output
    return list(dict.fromkeys(json.loads(x)["doc"] for x in result.stdout.splitlines()))


def error_of(*args) -> str:
    result = runner.invoke(app, ["extract", *map(str, args)])
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1, result.output
    return result.stderr


@pytest.mark.parametrize("name", ["guigang", "GUIGANG", "guigang-2024", "Guigang-2024", "贵港",
                                  "贵港市"])
def test_a_name_means_its_report(name):
    assert docs(name) == ["guigang-2024"]


@pytest.mark.parametrize("name", ["g", "guigan", "贵", "gang"])
def test_a_part_of_a_name_is_no_name(name):
    message = error_of(name)
    assert "not a known report" in message


def test_a_near_miss_suggests_the_name():
    assert "did you mean guigang-2024" in error_of("guigang-2042")


def test_an_ambiguous_name_lists_the_candidates(tmp_path):
    for year in (2022, 2023):
        shutil.copy(SEEDS / "guigang-2024.txt", tmp_path / f"guigang-{year}.txt")
    message = error_of("guigang", "--corpus", tmp_path)
    assert "means 3 reports" in message
    assert all(k in message for k in ("guigang-2024", "guigang-2022", "guigang-2023"))
    assert "means 3 reports" in error_of("贵港", "--corpus", tmp_path)  # three of that city
    assert docs("guigang-2023", "--corpus", tmp_path) == ["guigang-2023"]


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a-2024.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Reports\n\nThese are the 2024 reports.\n")
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "~$lock.docx").write_bytes(b"\x00" * 10)
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    sub = tmp_path / "older"
    sub.mkdir()
    (sub / "b-2023.txt").write_text(GOOD, encoding="utf-8")
    (sub / "c-draft.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_a_folder_means_its_report_like_files(folder):
    assert docs(folder) == ["a-2024"]


def test_recursive_and_exclude(folder):
    assert docs(folder, "--recursive") == ["a-2024", "b-2023", "c-draft"]
    assert docs(folder, "-r", "--exclude", "*draft*") == ["a-2024", "b-2023"]
    assert docs(folder, "-r", "--exclude", "older/*") == ["a-2024"]


def test_an_empty_report_in_a_folder_is_still_named(folder):
    (folder / "broken.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code == 1 and "broken.txt: file is empty" in result.stderr


def test_stdin_as_dash_and_as_dev_stdin():
    assert docs("-", input=GOOD.encode("utf-8")) == ["stdin"]
    proc = subprocess.run([sys.executable, "-m", "reportx", "extract", "/dev/stdin", "--format",
                           "jsonl", "--jobs", "2"], input=GOOD.encode("gb18030"),
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(x)["surface"] for x in proc.stdout.decode().splitlines()] == ["0.1％", "3.7％"]


def test_text_reads_stdin():
    result = runner.invoke(app, ["text", "-"], input=GOOD.encode("utf-8"))
    assert result.exit_code == 0 and result.stdout == GOOD
