"""The word index (engine/wordcut.py) cuts exactly as jieba does with its own dictionary loaded,
with and without the catalog's words; it is built once, and a broken or unwritable cache folder
falls back to jieba's own loading."""
from __future__ import annotations

import logging
import os
import random
import subprocess
import sys
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


MIXED = ["PM2.5年均浓度下降到30微克/立方米", "5G基站3.2万个，A股上市公司 12家", "Wi-Fi覆盖率100%",
         "一、2023年工作回顾\r\n", "  两个空格\t和制表符  ", "C++与C#、.NET", "ａｂｃ全角１２３", "", "。",
         "“十四五”规划纲要", "〇一二三", "abc_def-12.5%+3&4"]


def _lines():
    for seed in sorted(seeds_dir().glob("*.txt")):
        yield from (ln for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip())
    yield from MIXED
    # characters of the reports shuffled among ASCII letters, digits, punctuation and spaces:
    # every branch of the cut (Han blocks, runs of letters and digits, skipped characters)
    rng = random.Random(11)
    pool = list(set("".join(MIXED) + (seeds_dir() / "guigang-2024.txt").read_text(encoding="utf-8")[:3000]))
    pool.sort()
    for _ in range(300):
        yield "".join(rng.choice(pool) for _ in range(rng.randint(1, 40)))


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


def test_extraction_never_imports_jieba_when_the_index_is_there(tmp_path):
    """A start-up that cuts phrases reads the index; jieba itself (and the pkg_resources it
    imports) stays unloaded."""
    code = ("import sys, reportx; reportx.extract(reportx.find_report('guigang')); "
            "from reportx.engine import wordcut; assert wordcut._shared_index() is not None; "
            "print('jieba' in sys.modules)")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert first.returncode == 0 and again.returncode == 0, first.stderr + again.stderr
    assert again.stdout.strip() == "False"
