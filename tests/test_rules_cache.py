"""Parsed rule files are remembered by their text (engine/rules_io.py): the same data as a fresh
parse, parsed again when the text changes, every problem still found, and a cache folder that
cannot be used changes nothing."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reportx.engine import rules_io, yaml_strict
from reportx.errors import RuleError
from reportx.paths import rules_dir


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "reportx" / "rules"


def _parse(path):
    import yaml

    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml_strict._StrictLoader)


def test_remembered_file_reads_back_as_parsed(cache):
    for path in sorted(rules_dir().glob("*.yaml")):
        first = rules_io.load_yaml(path)
        assert rules_io.load_yaml(path) == first == _parse(path)
    assert len(list(cache.glob("*.marshal"))) == len(list(rules_dir().glob("*.yaml")))


def test_changed_text_is_parsed_again(cache, tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("context:\n  share_words: [占]\n", encoding="utf-8")
    assert rules_io.load_yaml(f) == {"context": {"share_words": ["占"]}}
    f.write_text("context:\n  share_words: [比重]\n", encoding="utf-8")
    assert rules_io.load_yaml(f) == {"context": {"share_words": ["比重"]}}
    f.write_text("context:\n  a: 1\n  a: 2\n", encoding="utf-8")
    with pytest.raises(RuleError, match="duplicate key"):
        rules_io.load_yaml(f)


def test_broken_cache_entry_is_ignored(cache, tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("units: []\n", encoding="utf-8")
    rules_io.load_yaml(f)
    (entry,) = cache.glob("*.marshal")
    entry.write_bytes(b"\x00garbage")
    assert rules_io.load_yaml(f) == {"units": []}


def test_unusable_cache_folder_changes_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = rules_dir() / "units.yaml"
    assert rules_io.load_yaml(path) == _parse(path)


def test_values_marshal_cannot_hold_are_parsed_each_time(cache, tmp_path):
    f = tmp_path / "dated.yaml"
    f.write_text("context:\n  since: 2024-01-01\n", encoding="utf-8")
    assert str(rules_io.load_yaml(f)["context"]["since"]) == "2024-01-01"
    assert not list(cache.glob("*.marshal"))


def test_remembered_files_need_no_yaml(cache):
    """A start whose rule files are all remembered does not import PyYAML."""
    code = "import sys, reportx; reportx.load_rules(); print('yaml' in sys.modules)"
    env = dict(os.environ, XDG_CACHE_HOME=str(cache.parent.parent))
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True) for _ in range(2)]
    assert [r.stdout.strip() for r in runs] == ["True", "False"], runs[-1].stderr
