"""jieba's word boundaries, without loading jieba's dictionary into memory (or importing jieba).

jieba's prefix dictionary has 498k entries; unmarshalling its cache takes 0.2–0.6 s and about
75 MB per process, and importing jieba another 0.06–0.1 s (it imports pkg_resources), while
reportx asks about one or two phrases per report. Here the same dictionary (built once by
jieba's own `gen_pfdict` from jieba's own `dict.txt`) is written as a sorted index to a file in
the per-user cache folder and searched in place through mmap: opening it costs a millisecond,
a phrase's lookups about as much, and every process (batch workers included) shares its pages
through the page cache.

The cut itself is jieba 0.42's `Tokenizer.cut(text, HMM=False)`, line for line: blocks of Han
characters, letters and digits are cut along the most probable route through the dictionary's
DAG (log frequencies), runs of single letters or digits are joined, anything else is one
character a word. tests/test_wordcut.py checks that every line of the bundled reports is cut
exactly as jieba cuts it, with and without the catalog's words added.

The index file is named after jieba's dictionary file (path, size, time), so a new jieba gets a
new index; it is written to a temporary file and renamed, so a reader never sees half of one.
Where no cache folder can be written, jieba itself is used, loading its dictionary as it does.
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import mmap
import os
import re
import struct
import tempfile
from functools import lru_cache
from math import log

from reportx.paths import user_cache_dir

_MAGIC = b"RXJIEBA1"
_HEADER = struct.Struct("<8sIq")     # magic, entries, jieba's total frequency
# Lookups remembered per cutter (hits and misses): a report's phrases ask about the same short
# prefixes again and again. Bounded, so a long batch does not grow it without end.
_MEMO_LIMIT = 100_000
_MISSING = object()

# jieba 0.42: re_han_default, re_skip_default, re_eng (the standard re module, as jieba uses)
_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
_SKIP = re.compile("(\r\n|\\s)", re.U)
_ENG = re.compile("[a-zA-Z0-9]", re.U)


class PrefixIndex:
    """jieba's prefix dictionary read in place: word → frequency (0 for a prefix that is no
    word of its own), by binary search over the UTF-8 words in byte order."""

    def __init__(self, path: str):
        with open(path, "rb") as f:
            self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if len(self._mm) < _HEADER.size:
            raise ValueError(f"{path}: not a reportx word index")
        magic, self.count, self.total = _HEADER.unpack_from(self._mm, 0)
        n = self.count
        offsets_at = _HEADER.size
        freqs_at = offsets_at + 4 * (n + 1)
        self._blob_at = freqs_at + 4 * n
        if magic != _MAGIC or len(self._mm) < self._blob_at:
            raise ValueError(f"{path}: not a reportx word index")
        view = memoryview(self._mm)
        self._offsets = view[offsets_at:freqs_at].cast("I")
        self._freqs = view[freqs_at:self._blob_at].cast("I")
        if self._blob_at + self._offsets[n] != len(self._mm):
            raise ValueError(f"{path}: truncated word index")

    def find(self, word: str) -> int | None:
        key = word.encode("utf-8")
        offsets, mm, base = self._offsets, self._mm, self._blob_at
        lo, hi = 0, self.count
        while lo < hi:
            mid = (lo + hi) // 2
            here = mm[base + offsets[mid]:base + offsets[mid + 1]]
            if here < key:
                lo = mid + 1
            elif here > key:
                hi = mid
            else:
                return self._freqs[mid]
        return None


class WordCutter:
    """jieba's dictionary cut over the shared index, plus the words this cutter added."""

    def __init__(self, index: PrefixIndex):
        self._index = index
        self.total = index.total
        self._added: dict[str, int] = {}
        self._memo: dict[str, object] = {}

    def add_word(self, word: str, freq: int) -> None:
        """jieba's Tokenizer.add_word with a frequency: the word, and its prefixes as known."""
        self._added[word] = freq
        self.total += freq
        for end in range(1, len(word) + 1):
            if self._freq(word[:end]) is _MISSING:
                self._added[word[:end]] = 0

    def _freq(self, word: str):
        found = self._added.get(word, _MISSING)
        if found is not _MISSING:
            return found
        found = self._memo.get(word, _MISSING)
        if found is _MISSING:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            freq = self._index.find(word)
            found = self._memo[word] = _MISSING if freq is None else freq
        return found

    def cut(self, sentence: str, HMM: bool = False):  # noqa: N803 (jieba's keyword)
        """The words of `sentence`, as jieba's `Tokenizer.cut(sentence, HMM=False)` gives them."""
        if HMM:
            raise ValueError("only jieba's dictionary cut (HMM=False) is available")
        for block in _HAN.split(sentence):
            if not block:
                continue
            if _HAN.match(block):
                yield from self._cut_block(block)
                continue
            for piece in _SKIP.split(block):
                if _SKIP.match(piece):
                    yield piece
                else:
                    yield from piece

    def _cut_block(self, block: str):
        # jieba's get_DAG, calc and __cut_DAG_NO_HMM
        n = len(block)
        dag = {}
        for k in range(n):
            ends, i, frag = [], k, block[k]
            while i < n and (freq := self._freq(frag)) is not _MISSING:
                if freq:
                    ends.append(i)
                i += 1
                frag = block[k:i + 1]
            dag[k] = ends or [k]
        route = {n: (0, 0)}
        logtotal = log(self.total)
        for idx in range(n - 1, -1, -1):
            route[idx] = max((log(self._counted(block[idx:x + 1]) or 1) - logtotal
                              + route[x + 1][0], x) for x in dag[idx])
        x, buf = 0, ""
        while x < n:
            y = route[x][1] + 1
            word = block[x:y]
            if _ENG.match(word) and len(word) == 1:
                buf += word
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
            x = y
        if buf:
            yield buf

    def _counted(self, word: str):
        """FREQ.get(word): None for a word the dictionary does not hold."""
        found = self._freq(word)
        return None if found is _MISSING else found


def _dictionary_file() -> str | None:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(list(spec.submodule_search_locations)[0], "dict.txt")


def _index_path(dict_file: str) -> str:
    st = os.stat(dict_file)
    key = f"{dict_file}:{st.st_size}:{st.st_mtime_ns}"
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return os.path.join(user_cache_dir(), f"jieba-{digest}.index")


def _write_index(path: str, freq: dict[str, int], total: int) -> None:
    words = sorted(w.encode("utf-8") for w in freq)
    offsets, at = [0], 0
    for w in words:
        at += len(w)
        offsets.append(at)
    freqs = [freq[w.decode("utf-8")] for w in words]
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".jieba-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(_HEADER.pack(_MAGIC, len(words), total))
            f.write(struct.pack(f"<{len(offsets)}I", *offsets))
            f.write(struct.pack(f"<{len(freqs)}I", *freqs))
            f.write(b"".join(words))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@lru_cache(maxsize=1)
def _shared_index() -> PrefixIndex | None:
    """The index of jieba's dictionary, built on first use; None when it cannot be written."""
    try:
        dict_file = _dictionary_file()
        if dict_file is None:
            return None
        path = _index_path(dict_file)
        try:
            return PrefixIndex(path)
        except (OSError, ValueError):
            pass
        import jieba

        with open(dict_file, "rb") as f:
            freq, total = jieba.Tokenizer.gen_pfdict(f)
        _write_index(path, freq, total)
        return PrefixIndex(path)
    except (OSError, ValueError, struct.error):
        return None


def tokenizer(user_words: tuple[str, ...] = ()):
    """Something with jieba's `cut(text, HMM=False)`, over jieba's dictionary plus `user_words`
    (each kept whole, at jieba's user-word frequency 100000)."""
    index = _shared_index()
    if index is not None:
        tok = WordCutter(index)
    else:
        # no writable cache folder: jieba loads (and caches) its dictionary its own way
        import jieba

        jieba.setLogLevel(logging.WARNING)
        logging.getLogger("jieba").setLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.tmp_dir = tempfile.gettempdir()
    for w in user_words:
        tok.add_word(w, freq=100000)
    return tok
