"""Pinyin written after characters: a page from a mirror site that turns a report into
traditional characters and glosses some of them with their reading in brackets
(現(xiàn)在，我代表市人民政府向大會報(bào)告工作; 地區(qū)生產(chǎn)總值). Read as it is, every gloss
is a bracket, a clause break inside a word: 地區(qū)生產(chǎn)總值 leaves only 總值 to name the figure.

A gloss is a bracketed pinyin syllable right after a Chinese character: lower-case letters with
at least one tone mark (so that (a), (GDP) or (PM) are never taken for one). The glosses are
dropped; the traditional characters left are read as such (the document's simplified copy).
Dropping them changes offsets: claims then point into the text without them, which
`reportx text FILE` prints. A text needs three glosses to be read so.
"""
from __future__ import annotations

import re

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]")
_MIN_GLOSSES = 3


def drop_pinyin(text: str) -> str | None:
    """The text without its pinyin glosses, or None when it has fewer than three."""
    found = 0
    for _ in _GLOSS.finditer(text):
        found += 1
        if found >= _MIN_GLOSSES:
            return _GLOSS.sub("", text)
    return None
