"""Batches: claims of many files in input order whatever the number of jobs, failures by name,
the progress callback, and `reportx text` printing exactly the text offsets index."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportx.batch import BatchResult, doc_keys, extract_paths, iter_extract
from reportx.cli import app
from reportx.errors import RuleError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def folder(tmp_path):
    for i in range(3):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, tmp_path / f"{i}-{seed.name}")
    (tmp_path / "1-empty.txt").write_bytes(b"")
    (tmp_path / "2-binary.txt").write_bytes(bytes(range(256)) * 10)
    return tmp_path


def _key(claims):
    return [(c.doc, c.start, c.surface, c.indicator_id, c.value) for c in claims]


def test_order_and_failures_do_not_depend_on_jobs(folder):
    paths = sorted(folder.iterdir())
    one = extract_paths(paths, jobs=1)
    two = extract_paths(paths, jobs=2)
    assert _key(one.claims) == _key(two.claims)
    assert one.failures == two.failures
    assert [Path(p).name for p, _ in one.failures] == ["1-empty.txt", "2-binary.txt"]
    assert dict(one.failures)[str(folder / "1-empty.txt")] == "file is empty"
    assert one.files == two.files == len(paths)
    docs = list(dict.fromkeys(c.doc for c in one.claims))
    assert docs == [p.stem for p in paths if "empty" not in p.name and "binary" not in p.name]
    assert not one.ok
    assert one.summary().startswith(f"{len(paths)} files, {len(one.claims)} claims, 2 failures, ")


def test_same_claims_as_one_file_at_a_time(folder):
    import reportx

    path = folder / "0-guigang-2024.txt"
    batch = extract_paths([path], jobs=2)
    assert _key(batch.claims) == _key(reportx.extract(path))
    assert batch.claims[0].doc == "0-guigang-2024"


def test_progress_is_called_once_per_file_in_order(folder):
    paths = sorted(folder.iterdir())
    seen = []
    extract_paths(paths, jobs=2, progress=lambda p, ok: seen.append((Path(p).name, ok)))
    assert [n for n, _ in seen] == [p.name for p in paths]
    assert [n for n, ok in seen if not ok] == ["1-empty.txt", "2-binary.txt"]


def test_streaming_yields_in_input_order(folder):
    paths = sorted(folder.iterdir())
    got = [(Path(p).name, reason is None) for p, _, reason in iter_extract(paths, jobs=2)]
    assert [n for n, _ in got] == [p.name for p in paths]


def test_broken_rules_fail_the_batch_before_any_file(folder, tmp_path_factory):
    rules = tmp_path_factory.mktemp("rules")
    (rules / "bad.yaml").write_text("quantities:\n  - id: x\n    pattern: '(?P<num>['\n    unit: other\n")
    with pytest.raises(RuleError, match="bad.yaml"):
        extract_paths(sorted(folder.iterdir()), jobs=2, rule_dirs=[rules])


def test_user_rules_reach_the_workers(folder, tmp_path_factory):
    rules = tmp_path_factory.mktemp("rules")
    (rules / "mine.yaml").write_text(
        "quantities:\n  - id: my_sessions\n    description: 第六次会议\n"
        "    pattern: '第(?P<num>[一二三四五六七八九十]+)次会议'\n    unit: other\n",
        encoding="utf-8")
    paths = [folder / "0-guigang-2024.txt", folder / "1-guigang-2024.txt"]
    result = extract_paths(paths, jobs=2, rule_dirs=[rules])
    assert {c.doc for c in result.claims if c.rule == "my_sessions"} == {p.stem for p in paths}


def test_empty_batch():
    result = extract_paths([], jobs=2)
    assert result == BatchResult(claims=[], failures=[], files=0, seconds=result.seconds)


def test_doc_keys_tell_equal_stems_apart():
    paths = [Path("a/report.txt"), Path("b/report.html"), Path("c/other.txt"),
             Path("x/a/report.txt")]
    assert doc_keys(paths) == ["a/report", "b/report", "other", "x/a/report"]


def test_progress_bar_only_on_a_terminal(capsys):
    from reportx.progress import progress_bar, wanted

    assert not wanted(10)  # pytest's stderr is not a terminal
    with progress_bar(3) as tick:
        tick("a.txt", True)
    assert capsys.readouterr().err == ""


def test_progress_bar_draws_when_asked(capsys):
    from reportx.progress import progress_bar

    with progress_bar(2, enabled=True) as tick:
        tick("a.txt", True)
        tick("b.txt", False)
    # drawn on stderr (transient: cleared at the end), never on stdout
    assert capsys.readouterr().out == ""


def test_cli_combined_table_of_many_files(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "claims.jsonl"
    proc = subprocess.run([sys.executable, "-m", "reportx", "extract", str(folder), "-o", str(out),
                           "--jobs", "2"], capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1  # two files failed
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert list(dict.fromkeys(r["doc"] for r in rows)) == [
        "0-guigang-2024", "0-yulin-2024", "1-guigang-2024", "1-yulin-2024", "2-guigang-2024",
        "2-yulin-2024"]
    assert "Traceback" not in proc.stderr
    assert "1-empty.txt" in proc.stderr and "2-binary.txt" in proc.stderr


# ---- reportx text


def test_text_prints_what_offsets_index(tmp_path):
    import reportx

    page = tmp_path / "page.html"
    page.write_text("<html><body><div class='nav'><a>首页</a><a>要闻</a><a>政务</a></div>"
                    "<div id='zoom'><p>一、2023年工作回顾</p><p>　　地区生产总值增长0.1％，"
                    "一般公共预算收入增长3.7％。</p></div></body></html>", encoding="utf-8")
    result = CliRunner().invoke(app, ["text", str(page)])
    assert result.exit_code == 0
    printed = result.stdout
    assert printed == "一、2023年工作回顾\n地区生产总值增长0.1％，一般公共预算收入增长3.7％。\n"
    for c in reportx.extract(page):
        assert printed[c.start:c.end] == c.surface
        span = CliRunner().invoke(app, ["text", str(page), "--span", f"{c.start}:{c.end}"])
        assert span.stdout == c.surface + "\n"


def test_text_of_a_bundled_report_by_name():
    result = CliRunner().invoke(app, ["text", "guigang"])
    assert result.exit_code == 0
    from reportx.readers.loading import read_text

    text = read_text(SEEDS / "guigang-2024.txt")
    assert result.stdout == (text if text.endswith("\n") else text + "\n")


def test_text_of_several_files_asks_for_one(folder):
    result = CliRunner().invoke(app, ["text", str(folder)])
    assert result.exit_code == 1
    assert "give one" in result.stderr


def test_streamed_claims_are_not_collected(folder):
    paths = sorted(folder.iterdir())
    chunks = []
    streamed = extract_paths(paths, jobs=2, on_claims=chunks.append)
    collected = extract_paths(paths, jobs=1)
    assert streamed.claims == []
    assert streamed.claim_count == collected.claim_count == len(collected.claims)
    assert _key([c for chunk in chunks for c in chunk]) == _key(collected.claims)
    assert streamed.summary().split(",")[:3] == collected.summary().split(",")[:3]


# ---- a worker that dies

import os  # noqa: E402
import signal  # noqa: E402

from reportx import batch  # noqa: E402

_READ_ONE = batch.read_one


def _dies_on_some_files(path, key, **kw):
    """read_one, except that a worker reading `poison*` dies every time, and one reading
    `once*` dies the first time (a marker file remembers it)."""
    name = Path(path).name
    if name.startswith("poison"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("once"):
        marker = Path(path).with_suffix(".died")
        if not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
    return _READ_ONE(path, key, **kw)


def test_a_dead_worker_costs_a_retry_and_a_file_that_kills_twice_is_named(tmp_path, monkeypatch):
    text = "一、2023年工作回顾\n地区生产总值增长0.1％。\n"
    names = ["a.txt", "once.txt", "b.txt", "poison.txt", "c.txt", "d.txt"]
    for n in names:
        (tmp_path / n).write_text(text, encoding="utf-8")
    monkeypatch.setattr(batch, "read_one", _dies_on_some_files)
    result = extract_paths([tmp_path / n for n in names], jobs=2)
    assert result.failures == [(str(tmp_path / "poison.txt"), batch.DIED)]
    assert [c.doc for c in result.claims] == ["a", "once", "b", "c", "d"]
    assert (tmp_path / "once.died").exists()


def test_filtered_claims_are_counted_as_written(folder):
    paths = sorted(folder.iterdir())[:2]
    result = extract_paths(paths, jobs=1, keep=lambda c: c.kind == "target")
    assert result.claim_count == len(result.claims) < result.found
    assert f"{result.claim_count} claims (of {result.found})" in result.summary()


def test_stopping_early_stops_the_workers(folder):
    """A caller that stops reading (an error while writing, Ctrl-C) ends the pool at once."""
    import multiprocessing

    outcomes = batch.iter_reports(sorted(folder.iterdir()), jobs=2)
    next(outcomes)
    assert multiprocessing.active_children()
    outcomes.close()
    assert not multiprocessing.active_children()


def test_a_report_without_year_or_parts_comes_with_a_warning(tmp_path):
    path = tmp_path / "snippet.txt"
    path.write_text("地区生产总值增长5％，新增就业2万人。\n", encoding="utf-8")
    result = extract_paths([path], jobs=1)
    assert len(result.warnings) == 1 and "no year in its header" in result.warnings[0]
    dated = extract_paths([path], jobs=1, year=2024)
    assert dated.warnings and "no part reads as a review or a plan" in dated.warnings[0]
