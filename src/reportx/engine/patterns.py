"""Word lists made patterns.

A word list that claims are read with (the verbs, the list joiners, the target words …) is
searched in the short strings of one clause, thousands of times a report. Those alternations
are compiled with the standard library's `re`: measured on the clauses of guigang-2024, a search
costs a quarter to a half of what `regex` costs (verbs 0.53 against 1.87 µs, the verb before a
number 0.73 against 2.91 µs, joiners 0.5 against 1.1 µs), and an alternation of escaped words
means the same in both. The rule files' own patterns keep `regex`: they use its features
(`\\p{Han}`, `\\K`, variable-width look-behind, a time limit), and over a whole report, or in a
pattern that must be tried at every position, `regex` is the faster one (measured too).
"""
from __future__ import annotations

import re

import regex

# a digit anywhere in a string (the text holds ASCII digits once folded)
DIGIT = regex.compile(r"\d")


def alternation(words) -> str:
    """One regex alternative per word, longest first, escaped."""
    return "(?:" + "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def word_pattern(words, template: str = "{}"):
    """The alternation of a word list, placed in `template` (e.g. "(?:{})$"), compiled with
    `re`. A list that is empty or has an empty word (which matches everywhere, and where the
    two modules differ on empty matches) keeps `regex`."""
    words = set(words)
    source = template.format(alternation(words))
    if not words or "" in words:
        return regex.compile(source)
    return re.compile(source)


def words_but(words, not_words):
    """The alternation of a word list where none of `not_words` stands (要 but not in 主要): a
    not-word is matched first and skipped whole (`regex`'s (*SKIP)(*FAIL)), so a search finds
    only the words themselves."""
    if not not_words:
        return word_pattern(words)
    return regex.compile(alternation(not_words) + "(*SKIP)(*FAIL)|" + alternation(words))


def words_outside(words, not_words):
    """words_but for not-words that hold their word at one end (普及 and 及时 for 及), compiled
    with `re` as look-arounds on each word (及 not after 普, nor before 时): a clause's short
    strings are searched with it thousands of times a report, where `re` is the faster module
    (see above). A not-word that holds its word inside it falls back to words_but."""
    not_words = set(not_words)
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        before, after = set(), set()
        for nw in not_words:
            if w not in nw or nw == w:
                continue
            if nw.endswith(w):
                before.add(nw[:-len(w)])
            elif nw.startswith(w):
                after.add(nw[len(w):])
            else:
                return words_but(words, not_words)
        look = "".join(f"(?<!{re.escape(p)})" for p in sorted(before))
        ahead = f"(?!{alternation(after)})" if after else ""
        parts.append(look + re.escape(w) + ahead)
    return re.compile("(?:" + "|".join(parts) + ")") if parts else regex.compile("(?!)")
