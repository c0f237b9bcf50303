"""Word lists asked about again and again (does this clause hold a share word? which
distributive word does it hold?): one regex search instead of a Python loop over the words.

A search of the list's alternation finds a match exactly when some word of the list occurs in
the text, so `found_in` is the loop's answer; `first_in` keeps the loop's own answer (the first
word of the list, in list order, that occurs), asking the loop only when the search found one.
"""
from __future__ import annotations

from reportx.engine.patterns import word_pattern


class WordSet:
    __slots__ = ("words", "_pattern", "_always")

    def __init__(self, words):
        self.words = tuple(words)
        self._always = "" in self.words          # an empty word occurs in every text
        real = [w for w in self.words if w]
        self._pattern = word_pattern(real) if real else None

    def found_in(self, text: str) -> bool:
        """Whether any word of the list occurs in `text`."""
        if self._always:
            return True
        return self._pattern is not None and self._pattern.search(text) is not None

    def first_in(self, text: str) -> str | None:
        """The first word of the list (in its own order) that occurs in `text`, if any."""
        if self._pattern is None or self._pattern.search(text) is None:
            return "" if self._always else None
        return next(w for w in self.words if w in text)
