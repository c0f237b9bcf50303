"""A user's pattern with a time limit on every search, so that one that backtracks without end
(`(?:a|a)+$`) stops with a RuleTimeout naming its file and key instead of hanging a batch."""
from __future__ import annotations

import regex

from reportx.errors import RuleTimeout


class TimedPattern:
    """Wraps a compiled pattern: the same search, match and finditer, each bounded by `timeout`
    seconds (finditer's bound covers the whole iteration, so it returns a list)."""

    def __init__(self, pattern: regex.Pattern, file: str, key: str, timeout: float):
        self.pattern, self.file, self.key, self.timeout = pattern, file, key, timeout

    def _timed_out(self) -> RuleTimeout:
        return RuleTimeout(self.file, self.key,
                           f"pattern took longer than {self.timeout:g} s on one report "
                           "(catastrophic backtracking?); simplify it")

    def search(self, string, *bounds):
        try:
            return self.pattern.search(string, *bounds, timeout=self.timeout)
        except TimeoutError:
            raise self._timed_out() from None

    def match(self, string, *bounds):
        try:
            return self.pattern.match(string, *bounds, timeout=self.timeout)
        except TimeoutError:
            raise self._timed_out() from None

    def finditer(self, string, *bounds):
        try:
            return list(self.pattern.finditer(string, *bounds, timeout=self.timeout))
        except TimeoutError:
            raise self._timed_out() from None
