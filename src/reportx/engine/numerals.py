"""Numbers as written in reports, to exact Decimals: Arabic (1,234.5), with multipliers
(1.3万, 1112亿, 1.39万亿), Chinese (百亿, 一千二百, 两万, 十一), and mixtures (3千万).

Arithmetic stays in Decimal until the claim is built: float("2.3") * 1e8 is 229999999.99999997.

>>> parse_number("1.3万")
Decimal('13000.0')
>>> parse_number("一千二百")
Decimal('1200')
>>> parse_number("百亿")
Decimal('10000000000')
>>> parse_number("1.39万亿")
Decimal('1390000000000.00')
>>> parse_number("两万")
Decimal('20000')
>>> parse_number("六十二点五")
Decimal('62.5')
>>> parse_number("108亿3038万")
Decimal('10830380000')
"""
from __future__ import annotations

from functools import lru_cache
from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
# (兆 as a Taiwan paper writes it: 5.2兆元 is 5.2万亿元; the quantity rules take it only before money)
BIG_UNITS = {"万": 10**4, "亿": 10**8, "兆": 10**12}
# Full-width digits may reach here when a caller did not fold the text first; the spaces a page
# or a PDF puts inside a number (1 000, 1\u2009234), and a line break before its scale word (96.42\n亿),
# are not part of it.
# (a middle dot between digits is an older page's decimal point: 270·4)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，·", "0123456789.,.",
                           " \u00a0\u2002\u2003\u2007\u2009\u202f\u200b\u3000\t\n")


class NumberError(ValueError):
    pass


def _chinese_section(s: str) -> int:
    """A numeral below 万: 一千二百三十四, 十一, 百, 三千零五. Two digits in a row (九九) are not
    a numeral (零 may precede a digit)."""
    total, digit, prev = 0, None, ""
    for ch in s:
        if ch in DIGITS:
            if digit is not None and prev != "零" and ch != "零":
                raise NumberError(f"not a Chinese numeral: {s!r}")
            digit, prev = DIGITS[ch], ch
            continue
        prev = ch
        if ch in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            raise NumberError(f"not a Chinese numeral: {s!r}")
    return total + (digit or 0)


def _leading(s: str) -> tuple[Decimal | None, str]:
    """Split an Arabic number (commas allowed) off the front of s."""
    i = 0
    while i < len(s) and (s[i].isdigit() or s[i] in ".,"):
        i += 1
    if i == 0:
        return None, s
    try:
        return Decimal(s[:i].replace(",", "")), s[i:]
    except InvalidOperation:
        raise NumberError(f"not a number: {s!r}") from None


@lru_cache(maxsize=4096)     # a report writes the same numbers again and again (5%, 1万)
def parse_number(s: str) -> Decimal:
    """The value of a numeral as written; 多/余/几 (more than) are ignored here."""
    # (个 before 亿 is spoken and counts nothing: 30个亿 is 30亿)
    s = s.translate(_FULLWIDTH).strip().replace("多", "").replace("余", "").replace("个亿", "亿")
    if not s:
        raise NumberError("empty number")
    value, rest = _leading(s)
    if value is not None and rest[:1] == "亿" and rest[1:2].isdigit():
        # 108亿3038万 (older reports): 亿 and what is below it, each written in digits
        low = parse_number(rest[1:])
        if low >= BIG_UNITS["亿"]:
            raise NumberError(f"not a number: {s!r}")
        return value * BIG_UNITS["亿"] + low
    if value is not None:
        # Arabic head, then multipliers: 1.3万, 1.39万亿, 3千万, 5百
        mult = 1
        for ch in rest:
            if ch in SMALL_UNITS:
                mult *= SMALL_UNITS[ch]
            elif ch in BIG_UNITS:
                mult *= BIG_UNITS[ch]
            else:
                raise NumberError(f"not a number: {s!r}")
        return value * mult
    # Chinese decimals: 六十二点五 = 62.5, 一点三万 = 13000
    if "点" in s:
        whole, _, rest = s.partition("点")
        i = 0
        while i < len(rest) and rest[i] in DIGITS:
            i += 1
        if i == 0:
            raise NumberError(f"not a number: {s!r}")
        frac = Decimal("0." + "".join(str(DIGITS[c]) for c in rest[:i]))
        head = Decimal(_chinese_big(whole)) if whole else Decimal(0)
        scale = Decimal(_chinese_big("一" + rest[i:])) if rest[i:] else Decimal(1)
        return (head + frac) * scale
    return Decimal(_chinese_big(s))


def _chinese_big(s: str) -> int:
    """A Chinese numeral with 万 and 亿, read left to right: 一亿二千万, 一万二千亿 (万亿 = 1e12).
    亿 may appear once, 万 once on each side of it."""
    total, part, buf = 0, 0, ""
    seen_yi = wan_in_part = False
    for ch in s:
        if ch not in BIG_UNITS:
            buf += ch
            continue
        if ch == "万":
            if wan_in_part:
                raise NumberError(f"not a Chinese numeral: {s!r}")
            part, buf, wan_in_part = (part + (_chinese_section(buf) if buf else 1)) * 10**4, "", True
        else:  # 亿
            if seen_yi:
                raise NumberError(f"not a Chinese numeral: {s!r}")
            section = _chinese_section(buf) if buf else (0 if part else 1)
            total, part, buf = (part + section) * 10**8, 0, ""
            seen_yi, wan_in_part = True, False
    tail = _chinese_section(buf) if buf else 0
    # 一万二 means 12000: a single trailing digit counts in the unit below the last one
    if len(buf) == 1 and buf in DIGITS and wan_in_part and part % 10**4 == 0:
        tail *= 1000
    return total + part + tail
