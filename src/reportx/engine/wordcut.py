"""jieba's word boundaries, without loading jieba's dictionary into memory.

jieba's prefix dictionary has 498k entries; unmarshalling its cache takes 0.2–0.6 s and about
75 MB per process, and reportx asks it about one or two phrases per report. Here the same
dictionary (built once by jieba's own `gen_pfdict` from jieba's `dict.txt`) is written as a
sorted index to a file in the per-user cache folder and searched in place through mmap: opening
it costs a few milliseconds, a phrase's lookups a millisecond, and every process (batch workers
included) shares its pages through the page cache. jieba's own Tokenizer does the cutting, with
this index as its `FREQ` mapping, so the words are exactly jieba's.

The index file is named after jieba's version and its dictionary file's size and time, so a new
jieba gets a new index; it is written to a temporary file and renamed, so a reader never sees a
half-written one. Where no cache folder can be written, jieba loads its dictionary as usual.
"""
from __future__ import annotations

import hashlib
import logging
import mmap
import os
import struct
import tempfile
from functools import lru_cache

from reportx.paths import user_cache_dir

_MAGIC = b"RXJIEBA1"
_HEADER = struct.Struct("<8sIq")     # magic, entries, jieba's total frequency
# Lookups remembered per view (hits and misses): a report's phrases ask about the same short
# prefixes again and again. Bounded, so a long batch does not grow it without end.
_MEMO_LIMIT = 100_000
_MISSING = object()


class PrefixIndex:
    """jieba's prefix dictionary read in place: word → frequency (0 for a prefix that is no
    word of its own), by binary search over the UTF-8 words in byte order."""

    def __init__(self, path: str):
        with open(path, "rb") as f:
            self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
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


class FrequencyView:
    """The mapping jieba's Tokenizer reads as `FREQ`: the shared index, and the words this
    tokenizer added (`add_word`) on top of it."""

    def __init__(self, index: PrefixIndex):
        self._index = index
        self._added: dict[str, int] = {}
        self._memo: dict[str, object] = {}

    def _lookup(self, word: str):
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

    def __contains__(self, word) -> bool:
        return self._lookup(word) is not _MISSING

    def __getitem__(self, word) -> int:
        found = self._lookup(word)
        if found is _MISSING:
            raise KeyError(word)
        return found

    def get(self, word, default=None):
        found = self._lookup(word)
        return default if found is _MISSING else found

    def __setitem__(self, word: str, freq: int) -> None:
        self._added[word] = freq


def _index_path(jieba) -> tuple[str, str]:
    """(the index file, jieba's dictionary file) for this jieba."""
    dict_file = os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
    st = os.stat(dict_file)
    key = f"{jieba.__version__}:{dict_file}:{st.st_size}:{st.st_mtime_ns}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return os.path.join(user_cache_dir(), f"jieba-{digest}.index"), dict_file


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
    import jieba

    try:
        path, _ = _index_path(jieba)
        try:
            return PrefixIndex(path)
        except (OSError, ValueError):
            pass
        freq, total = jieba.Tokenizer.gen_pfdict(jieba.Tokenizer().get_dict_file())
        _write_index(path, freq, total)
        return PrefixIndex(path)
    except (OSError, ValueError, struct.error):
        return None


def tokenizer(user_words: tuple[str, ...] = ()):
    """A jieba Tokenizer over jieba's dictionary plus `user_words` (each kept whole)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    index = _shared_index()
    if index is not None:
        tok.FREQ, tok.total, tok.initialized = FrequencyView(index), index.total, True
    else:
        # no writable cache folder: jieba loads (and caches) its dictionary its own way
        tok.tmp_dir = tempfile.gettempdir()
    for w in user_words:
        tok.add_word(w, freq=100000)
    return tok
