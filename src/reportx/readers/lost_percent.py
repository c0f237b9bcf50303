"""A page that lost its per cent signs: a portal's copy whose font or filter dropped every %
(实现地区生产总值4303亿元，同比增长7.2；一般公共预算收入353亿元，增长8.8；…分别增长8.7、10.5). Read as
it is, each growth is a bare number with nothing to say what it counts, and no claim says 7.2%.

How it is told: not one per cent sign (%, ％, ‰) in the whole text, and at least three bare
numbers right after a word of growth or of a rate (增长, 下降, 增幅, 控制在, 失业率 …) with a mark of
punctuation after them, which a report that keeps its signs never writes (增长7.2%；). Each such
number, and each listed after it with 、 (增长9、10.5), takes a % back.

The words are the reader's own, not a rule set's: a file is read before any rule set is chosen,
as the other layout repairs are. Inserting the signs changes offsets: the claims of such a file
point into the repaired text, and its reader says so with a warning.
"""
from __future__ import annotations

import re

_SIGNS = ("%", "％", "‰")
# a growth or a rate, then the copula a rate may take (失业率为4.1, 增幅达12, 分别增长8.7)
_RATE = (r"(?:增长|下降|提高|降低|回落|上涨|上升|增幅|涨幅|降幅|增速|控制在|率|比重|占比)"
         r"(?:分别|均)?(?:为|是|达到|达)?")
_NUMBER = r"\d+(?:\.\d+)?"
# the bare numbers: after a rate word, one or a list of them, then a mark (or a qualifier word)
# (a whole list only: 分别提高15、22个百分点 shares its unit, and none of its numbers is bare)
_AFTER_RATE = re.compile(rf"{_RATE}(?P<nums>{_NUMBER}(?:、{_NUMBER})*)(?!、?\d)"
                         r"(?=[;；,，、。)）]|左右|以上|以内|以下|$)", re.M)
_ONE = re.compile(_NUMBER)
_MIN_FIGURES = 3


def restore_percent(text: str) -> str | None:
    """The text with a % after each bare growth or rate, or None when it has a per cent sign or
    fewer than three such figures."""
    if any(sign in text for sign in _SIGNS):
        return None
    found = list(_AFTER_RATE.finditer(text))
    if len(found) < _MIN_FIGURES:
        return None
    pieces, at = [], 0
    for m in found:
        start = m.start("nums")
        pieces.append(text[at:start])
        pieces.append(_ONE.sub(lambda n: n[0] + "%", m["nums"]))
        at = m.end("nums")
    pieces.append(text[at:])
    return "".join(pieces)
