"""Bad input never shows a traceback: one line on stderr that names the problem, a non-zero exit.

Each case runs twice: in-process through Typer's CliRunner (fast, shows the library's messages)
and as `python -m reportx` in a subprocess (what a user sees, start-up and exit code included).
Unwritable output leaves no file behind, not even a temporary one.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportx.cli import app

GOOD = "一、2023年工作回顾\n地区生产总值增长0.1％，一般公共预算收入增长3.7％。\n"
# a user pattern whose nested alternation backtracks exponentially on a run of Chinese text
RUNAWAY = r"(?P<num>(?:\p{Han}|\p{Han}\p{Han})+)(?=\d{9})"


def _files(tmp: Path) -> dict[str, Path]:
    """One file (or rule folder) per kind of bad input."""
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_bytes(b" \r\n\t\n")
    (tmp / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp / "english.txt").write_text("The economy grew by 5.2 percent in 2023.\n" * 10)
    (tmp / "menu.html").write_text(
        "<html><body><nav><a>首页</a><a>政务公开</a></nav><footer>版权所有</footer></body></html>",
        encoding="utf-8")
    (tmp / "scan.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n"
                                   b"<< /Root 1 0 R >>\n%%EOF\n")
    (tmp / "fake.docx").write_bytes(b"PK\x03\x04" + bytes(100))
    (tmp / "broken.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1600))
    (tmp / "good.txt").write_text(GOOD, encoding="utf-8")
    rules = {
        "yaml": "quantities:\n  - id: broken\n   pattern: [\n",
        "regex": "quantities:\n  - id: unclosed_set\n    pattern: '(?P<num>[0-9)万'\n    unit: other\n",
        "fields": "quantities:\n  - id: typo\n    patern: '(?P<num>\\d+)'\n    unit: other\n",
        "runaway": f"quantities:\n  - id: runaway\n    pattern: '{RUNAWAY}'\n    unit: other\n",
    }
    for name, body in rules.items():
        d = tmp / f"rules_{name}"
        d.mkdir()
        (d / "mine.yaml").write_text(body, encoding="utf-8")
    return {p.name: p for p in tmp.iterdir()}


# (id, arguments with {tmp} for the folder, words the one error line must hold)
CASES = [
    ("missing-file", ["extract", "{tmp}/nothere.txt"], ["nothere.txt", "no such file"]),
    ("missing-name", ["extract", "nosuchcity"], ["nosuchcity", "not a known report"]),
    ("empty-file", ["extract", "{tmp}/empty.txt"], ["empty.txt", "empty"]),
    ("blank-file", ["extract", "{tmp}/blank.txt"], ["blank.txt", "empty"]),
    ("binary-file", ["extract", "{tmp}/binary.txt"], ["binary.txt", "binary"]),
    ("no-report-text", ["extract", "{tmp}/english.txt"], ["english.txt", "no Chinese report text"]),
    ("html-menus-only", ["extract", "{tmp}/menu.html"], ["menu.html", "no Chinese report text"]),
    ("pdf-no-text", ["extract", "{tmp}/scan.pdf"], ["scan.pdf", "PDF"]),
    ("broken-docx", ["extract", "{tmp}/fake.docx"], ["fake.docx"]),
    ("broken-doc", ["extract", "{tmp}/broken.doc"], ["broken.doc", "damaged"]),
    ("rule-yaml", ["extract", "{tmp}/good.txt", "--rules", "{tmp}/rules_yaml"],
     ["mine.yaml", "line 3", "YAML"]),
    ("rule-regex", ["extract", "{tmp}/good.txt", "--rules", "{tmp}/rules_regex"],
     ["mine.yaml", "unclosed_set", "does not compile"]),
    ("rule-field", ["extract", "{tmp}/good.txt", "--rules", "{tmp}/rules_fields"],
     ["mine.yaml", "typo", "patern"]),
    ("rule-folder-missing", ["extract", "{tmp}/good.txt", "--rules", "{tmp}/nofolder"],
     ["nofolder", "does not exist"]),
    ("output-folder-missing", ["extract", "{tmp}/good.txt", "-o", "{tmp}/no/such/dir/out.csv"],
     ["out.csv", "does not exist"]),
    ("output-under-a-file", ["extract", "{tmp}/good.txt", "-o", "{tmp}/good.txt/out.jsonl"],
     ["out.jsonl"]),
    ("output-unwritable", ["extract", "{tmp}/good.txt", "-o", "/proc/reportx-out.csv"],
     ["reportx-out.csv", "cannot write"]),
    ("xlsx-to-terminal", ["extract", "{tmp}/good.txt", "--format", "xlsx"], ["xlsx", "-o"]),
    ("output-unknown-suffix", ["extract", "{tmp}/good.txt", "-o", "{tmp}/out.weird"],
     ["out.weird", "format"]),
    ("text-missing", ["text", "{tmp}/nothere.txt"], ["nothere.txt", "no such file"]),
    ("text-empty", ["text", "{tmp}/empty.txt"], ["empty.txt", "empty"]),
    ("text-binary", ["text", "{tmp}/binary.txt"], ["binary.txt", "binary"]),
    ("text-no-report", ["text", "{tmp}/english.txt"], ["english.txt", "no Chinese report text"]),
    ("text-bad-span", ["text", "{tmp}/good.txt", "--span", "5:x"], ["--span", "START:END"]),
    ("text-span-outside", ["text", "{tmp}/good.txt", "--span", "0:99999"], ["outside"]),
]

def _params():
    for case_id, args, words in CASES:
        yield pytest.param(args, words, id=case_id)


def _args(args, tmp):
    return [a.replace("{tmp}", str(tmp)) for a in args]


def _check(code: int, stderr: str, stdout: str, words, tmp: Path):
    assert code != 0, (stdout, stderr)
    assert "Traceback" not in stderr + stdout
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    for w in words:
        assert w in lines[0], (w, lines[0])
    assert lines[0].startswith("reportx: ")
    leftovers = [p.name for p in tmp.iterdir() if p.name.startswith((".out", "out"))]
    assert not leftovers, leftovers


@pytest.fixture
def tmp(tmp_path):
    _files(tmp_path)
    return tmp_path


@pytest.mark.parametrize("args, words", list(_params()))
def test_cli_runner(tmp, args, words):
    result = CliRunner().invoke(app, _args(args, tmp))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    _check(result.exit_code, result.stderr, result.stdout, words, tmp)


def _run(args, cwd, timeout=60):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REPORTX_", "COLUMNS"))}
    env["NO_COLOR"] = "1"
    return subprocess.run([sys.executable, "-m", "reportx", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


@pytest.mark.parametrize("args, words", list(_params()))
def test_subprocess(tmp, args, words):
    proc = _run(_args(args, tmp), tmp)
    _check(proc.returncode, proc.stderr, proc.stdout, words, tmp)


def test_runaway_user_pattern_is_stopped_and_named(tmp):
    """A user's pattern that backtracks catastrophically hits the rule time limit; the file fails
    with the rule's name and the batch still ends (no hang, no traceback)."""
    proc = _run(["extract", str(tmp / "good.txt"), str(Path(__file__).parent.parent / "seeds"
                                                      / "guigang-2024.txt"),
                 "--rules", str(tmp / "rules_runaway"), "--format", "jsonl", "--jobs", "1"],
                tmp, timeout=120)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    failed = [ln for ln in proc.stderr.splitlines() if "runaway" in ln]
    assert len(failed) == 1 and "guigang-2024.txt" in failed[0], proc.stderr
    assert "took longer than" in failed[0]
    # the short report ran to the end: its claims were written
    assert '"doc": "good"' in proc.stdout


def test_one_bad_file_does_not_stop_the_others(tmp):
    out = tmp / "out.csv"
    proc = _run(["extract", str(tmp / "good.txt"), str(tmp / "empty.txt"),
                 str(tmp / "binary.txt"), "-o", str(out), "--jobs", "2"], tmp)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    failed = [ln for ln in proc.stderr.splitlines() if ln.startswith("reportx: failed:")]
    assert len(failed) == 2
    assert "empty.txt" in failed[0] and "binary.txt" in failed[1]
    text = out.read_text(encoding="utf-8-sig")
    assert "good" in text and "0.1％" in text


def _disk_fills_while_saving(monkeypatch):
    """The workbook's bytes start to reach the disk, then the disk is full."""
    from pandas.io.excel._openpyxl import OpenpyxlWriter

    def save(self):
        self._handles.handle.write(b"PK\x03\x04half a workbook")
        self._handles.handle.flush()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(OpenpyxlWriter, "_save", save)


def test_failed_write_leaves_no_file(tmp, monkeypatch):
    """A write that dies half-way (disk full) leaves neither the target nor a temporary file, and
    an older file at the target is left as it was."""
    import pandas as pd

    from reportx.errors import OutputError
    from reportx.output.writers import Format, write_frame

    _disk_fills_while_saving(monkeypatch)
    frame = pd.DataFrame({"a": [1]})
    target = tmp / "out.xlsx"
    with pytest.raises(OutputError, match="No space left"):
        write_frame(frame, Format.xlsx, target)
    assert not target.exists()
    target.write_bytes(b"old")
    with pytest.raises(OutputError):
        write_frame(frame, Format.xlsx, target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp.iterdir() if "out" in p.name) == ["out.xlsx"]


def test_failed_write_through_the_cli(tmp, monkeypatch):
    _disk_fills_while_saving(monkeypatch)
    result = CliRunner().invoke(app, ["extract", str(tmp / "good.txt"), "-o", str(tmp / "out.xlsx")])
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert not [p for p in tmp.iterdir() if "out" in p.name]


def test_output_folder_is_refused_without_traceback(tmp):
    proc = _run(["extract", str(tmp / "good.txt"), "-o", str(tmp)], tmp)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "directory" in proc.stderr or "folder" in proc.stderr
