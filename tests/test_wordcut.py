"""The word index (engine/wordcut.py) cuts exactly as jieba does with its own dictionary loaded,
with and without the catalog's words; it is built once, and a broken or unwritable cache folder
falls back to jieba's own loading."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from reportx.engine import wordcut
from reportx.paths import seeds_dir

jieba = pytest.importorskip("jieba")


@pytest.fixture(scope="module")
def catalog_words():
    import reportx
    from reportx.engine.indicators import IndicatorMatcher

    return IndicatorMatcher.for_rules(reportx.load_rules()).words


@pytest.fixture(scope="module")
def reference():
    jieba.setLogLevel(logging.WARNING)
    plain = jieba.Tokenizer()
    plain.initialize()
    return plain


def _lines():
    for seed in sorted(seeds_dir().glob("*.txt")):
        yield from (ln for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip())


def test_cuts_every_line_of_the_seeds_as_jieba_does(reference, catalog_words):
    user = jieba.Tokenizer()
    user.FREQ, user.total, user.initialized = dict(reference.FREQ), reference.total, True
    for w in catalog_words:
        user.add_word(w, freq=100000)
    mine, mine_user = wordcut.tokenizer(()), wordcut.tokenizer(tuple(catalog_words))
    for line in _lines():
        assert list(mine.cut(line, HMM=False)) == list(reference.cut(line, HMM=False)), line
        assert list(mine_user.cut(line, HMM=False)) == list(user.cut(line, HMM=False)), line


def test_index_holds_jieba_dictionary(reference):
    index = wordcut._shared_index()
    assert index is not None
    assert index.count == len(reference.FREQ) and index.total == reference.total
    for word in ("社会", "社会消费品", "的", "政府工作报告", "社"):
        assert index.find(word) == reference.FREQ.get(word)
    assert index.find("不是一个词的东西") is None


def test_index_built_once_and_rebuilt_when_broken(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wordcut._shared_index.cache_clear()
    try:
        assert wordcut._shared_index() is not None
        (path,) = (tmp_path / "reportx").glob("jieba-*.index")
        stamp = path.stat().st_mtime_ns
        wordcut._shared_index.cache_clear()
        wordcut._shared_index()
        assert path.stat().st_mtime_ns == stamp          # read, not rebuilt
        path.write_bytes(path.read_bytes()[:1000])       # truncated (a full disk, say)
        wordcut._shared_index.cache_clear()
        index = wordcut._shared_index()
        assert index is not None and index.find("社会") is not None
        assert not list((tmp_path / "reportx").glob(".jieba-*"))   # no temporary file left
    finally:
        wordcut._shared_index.cache_clear()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_unwritable_cache_falls_back_to_jieba(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv("XDG_CACHE_HOME", str(locked))
    wordcut._shared_index.cache_clear()
    try:
        tok = wordcut.tokenizer(())
        assert list(tok.cut("社会消费品零售总额", HMM=False))
    finally:
        wordcut._shared_index.cache_clear()
        locked.chmod(0o700)


def test_cache_folder_is_a_file_falls_back_to_jieba(tmp_path, monkeypatch):
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    wordcut._shared_index.cache_clear()
    try:
        assert wordcut._shared_index() is None
        tok = wordcut.tokenizer(())
        assert list(tok.cut("社会消费品零售总额", HMM=False)) == \
            list(jieba.Tokenizer().cut("社会消费品零售总额", HMM=False))
    finally:
        wordcut._shared_index.cache_clear()
