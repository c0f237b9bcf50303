"""Signals to a `--jobs 2` run, as a user or a supervisor sends them, in a subprocess:

- SIGTERM and SIGHUP stop it as cleanly as Ctrl-C: it dies of that signal, no process of the
  run outlives it (so a caller's `communicate()` returns), no temporary file is left and the
  file it was replacing is as it was;
- `kill -9` of the run: its workers die with it;
- `kill -9` of one worker: the pool is restarted, the files it held are read again, and the run
  ends with every file's claims.

The run's processes are found as the members of its own session (it is started with setsid).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FILES = 60


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Enough reports for a run to last while it is signalled."""
    d = tmp_path_factory.mktemp("many")
    seed = SEEDS / "guigang-2024.txt"
    for i in range(FILES):
        try:
            os.link(seed, d / f"r{i:03d}.txt")   # distinct names, one inode: cheap
        except OSError:
            shutil.copy(seed, d / f"r{i:03d}.txt")
    return d


def _session(sid: int) -> set[int]:
    """Pids of the processes in session `sid` (from /proc/PID/stat: pid (comm) state ppid
    pgrp session …)."""
    members = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z" and int(fields[3]) == sid:
            members.add(int(entry))
    return members


def _start(names: str, out: Path) -> subprocess.Popen:
    """A run with both workers up."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTX_")}
    proc = subprocess.Popen([sys.executable, "-m", "reportx", "extract", names, "--jobs", "2",
                             "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, env=env)
    STARTED.append(proc.pid)
    deadline = time.monotonic() + 60
    while len(_session(proc.pid) - {proc.pid}) < 2:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.01)
    return proc


STARTED: list[int] = []   # the runs started by _start, by session id


@pytest.fixture(autouse=True)
def _no_strays():
    """Whatever a failing test leaves running is killed, so that one failure stays one."""
    yield
    while STARTED:
        for pid in _session(STARTED.pop()):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def _gone(sid: int, within: float = 10.0) -> set[int]:
    """The session's processes still alive after `within` seconds (empty: all gone)."""
    deadline = time.monotonic() + within
    while (left := _session(sid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def test_sigterm_and_sighup_stop_cleanly(folder, tmp_path):
    runs = {}
    for sig in (signal.SIGTERM, signal.SIGHUP):
        out = tmp_path / f"{sig.name}.jsonl"
        out.write_text("old\n")
        runs[sig] = (_start(str(folder), out), out)
    for sig, (proc, _) in runs.items():
        proc.send_signal(sig)
    for sig, (proc, out) in runs.items():
        _, stderr = proc.communicate(timeout=30)  # returns: no worker holds the pipes open
        assert proc.returncode == -sig, stderr
        assert b"Traceback" not in stderr
        assert not _gone(proc.pid)
        assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["SIGHUP.jsonl", "SIGTERM.jsonl"]


def test_workers_die_with_a_killed_run(folder, tmp_path):
    proc = _start(str(folder), tmp_path / "out.jsonl")
    proc.kill()
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert not _gone(proc.pid)


def test_a_killed_worker_is_replaced_and_its_files_read_again(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = _start(str(folder / "r00[0-7].txt"), out)  # 8 files: a short run, still running
    worker = min(_session(proc.pid) - {proc.pid})
    os.kill(worker, signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr.decode()
    docs = {line.split('"doc": "')[1].split('"')[0] for line in out.read_text("utf-8").splitlines()}
    assert docs == {f"r{i:03d}" for i in range(8)}
    assert "8 files" in stderr.decode() and "0 failures" in stderr.decode()


def test_a_reader_that_goes_away_ends_the_run_quietly(folder):
    """`reportx extract many | head -1`: the pipe closes, the run stops at once, exit 0."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTX_")}
    proc = subprocess.Popen([sys.executable, "-m", "reportx", "extract", str(folder), "--jobs", "2",
                             "--format", "jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, env=env)
    STARTED.append(proc.pid)
    assert proc.stdout.readline().startswith(b'{"doc": "r000"')
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0
    assert proc.stderr.read() == b""
    assert not _gone(proc.pid)
