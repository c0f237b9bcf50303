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
# a growth, or a rate (but one of births or deaths, 出生率 and 自然增长率, in per mille; 生育率, 容积率,
# 汇率 and 比率, none a per cent), then the copula it may take (失业率为4.1, 增幅达12, 分别增长8.7, 涨幅控制在
# 1.8, 提升至87.93, 占比不低于50)
_RATE = (r"(?:增长|下降|提高|提升|降低|回落|上涨|上升|压减|增幅|涨幅|降幅|增速|比重|占比"
         r"|(?<!出生)(?<!死亡)(?<!生育)(?<!容积)(?<!汇)(?<!自然增长)(?<!比)率)"
         r"(?:分别|均)?(?:为|是|达到|达|控制在|至|到|不低于|超过|超)?")
_NUMBER = r"\d+(?:\.\d+)?"
# the bare numbers: after a rate word, one or a list of them, then a mark (or a qualifier word)
# (a whole list only, and no other figure right after its mark: 分别提高15、22个百分点 and 提高1.5，2.0个
# 百分点 share their unit; nor a figure whose 、 leads to points in its clause: 比重下降0.8、第三产业比重
# 提高1.2个百分点 may share them too)
_AFTER_RATE = re.compile(rf"{_RATE}(?P<nums>{_NUMBER}(?:、{_NUMBER})*)(?!、?\d)"
                         r"(?=[;；,，、。)）]|左右|以上|以内|以下|$)(?![,，]\s*\d)"
                         r"(?!、[^,，;；。]*?\d\s*个百分点)", re.M)
# the start of a from–to pair whose end is one (城镇化率由52.23提高到58.08): a per cent too (not
# 比值由3.27缩小至2.93, whose end is none)
_FROM = re.compile(rf"(?<=[由从])(?P<nums>{_NUMBER})"
                   r"(?:提高|提升|增长|增加|上升|扩大|下降|降低|减少|缩小)(?:到|至)")
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
    ends = {m.start("nums") for m in found}
    starts = [m for m in _FROM.finditer(text) if m.end() in ends]
    found = sorted(found + starts, key=lambda m: m.start("nums"))
    pieces, at = [], 0
    for m in found:
        start = m.start("nums")
        pieces.append(text[at:start])
        pieces.append(_ONE.sub(lambda n: n[0] + "%", m["nums"]))
        at = m.end("nums")
    pieces.append(text[at:])
    return "".join(pieces)
