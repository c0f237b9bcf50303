"""Properties that hold for any input (hypothesis):

- `extract` never raises on arbitrary text, report-like or not;
- every claim's offsets hold: text[start:end] == surface, in document order, value >= 0;
- a number means the same written in Arabic or Chinese numerals (1200 = 一千二百, 20000 = 两万,
  10000000000 = 百亿), over 0 .. 10^16, and 1.3万 = 13000 with Decimal exactness.

The Chinese numerals are written here by an independent writer (`chinese`), the way the reports
write them: 一千零五, 十五 (not 一十五) at the start, 一十 after a 零, 两 before 千/万/亿 as often as 二.
"""
from __future__ import annotations

import math
import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import reportx
from reportx.extraction import names_a_file

numerals = pytest.importorskip("reportx.engine.numerals")
parse_number = numerals.parse_number

UNIT_CODES = {"%", "pp", "x", "CNY", "person", "person_time", "household", "mu", "hectare", "km",
              "km2", "t", "kW", "item", "rank", "year", "other"}
DIGITS = "零一二三四五六七八九"

SETTINGS = settings(deadline=None, max_examples=int(os.environ.get("REPORTX_HYPOTHESIS_EXAMPLES", "150")),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _section(n: int, two: bool) -> str:
    """A numeral below 10000; `two` writes 两 for a leading 2 before 千 or 百."""
    out, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        digit = "两" if (two and d == 2 and unit in ("千", "百") and not out) else DIGITS[d]
        out.append(digit + unit)
    return "".join(out)


def chinese(n: int, two: bool = False) -> str:
    """n in Chinese numerals: 1205 → 一千二百零五, 20000 → 二万 (两万 with two), 15 → 十五,
    1000100000000 → 一万零一亿 (the count of 亿 is itself written with 万)."""
    if n == 0:
        return "零"
    s = _big(n, two)
    return s[1:] if s.startswith("一十") else s  # 十五, 十万: never 一十五 at the start


def _big(n: int, two: bool) -> str:
    for size, unit in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            head, rest = divmod(n, size)
            out = _big(head, two) + unit
            if rest:
                # a zero is read where a place is skipped: 一万零五十, 一亿零一万
                out += ("零" if rest < size // 10 else "") + _big(rest, False)
            return out
    return _section(n, two)


@SETTINGS
@given(st.integers(min_value=0, max_value=10**16 - 1), st.booleans())
@example(1200, False)
@example(20000, True)
@example(10**10, False)
@example(1005, False)
@example(100010, False)
@example(10**8 + 1, False)
@example(15, False)
@example(110000, False)
def test_arabic_and_chinese_numerals_agree(n, two):
    written = chinese(n, two)
    assert parse_number(str(n)) == n
    assert parse_number(written) == n, written


@pytest.mark.parametrize("written, value", [
    ("1.3万", 13000), ("一千二百", 1200), ("两万", 20000), ("百亿", 10**10), ("1112亿", 1112 * 10**8),
    ("1.39万亿", Decimal("1390000000000")), ("十一", 11), ("两千", 2000), ("一万零五十", 10050),
    ("三千零五", 3005), ("十万", 100000),
])
def test_numeral_table(written, value):
    assert parse_number(written) == value


@SETTINGS
@given(st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12), ("千万", 10**7)]))
def test_multipliers_are_exact(d, mult):
    written = f"{d:f}{mult[0]}"
    assert parse_number(written) == d * mult[1]
    whole = d * mult[1]
    # the same amount in Chinese numerals (reports stop at 万亿: 亿亿 is refused by the parser)
    if whole == whole.to_integral_value() and whole < 10**16:
        assert parse_number(chinese(int(whole))) == whole


@SETTINGS
@given(st.integers(min_value=0, max_value=10**15))
def test_full_width_and_commas(n):
    full = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_number(full) == n
    assert parse_number(f"{n:,}") == n


# ---- extraction on any text

REPORTISH = st.sampled_from([
    "地区生产总值", "增长", "下降", "提高", "新增", "达", "占", "比重", "左右", "以上", "以内", "约",
    "亿元", "万元", "元", "万人", "人次", "万吨", "亩", "公里", "个", "家", "所", "项", "个百分点",
    "％", "%", "倍", "第", "位", "全区", "排名", "一般公共预算收入", "分别", "、", "，", "。", "；",
    "\n", "一、2023年工作回顾\n", "二、2024年工作安排\n", "（一）", "2024年", "十四五", "5G", "百分之",
    "万", "亿", "千", "百", "十", "两", "零", "一", "二", "三", "五", "九", ".", "．", "０", "１", "５",
    "0", "1", "2", "3", "5", "9", "1.3", "123", "多", "余", "——", "“八个一”", " ", "\u3000", "\r\n",
    "\ufeff", "从", "到", "至", "提升至", "城镇调查失业率", "控制在", "不超过",
])


def _check_claims(text, claims):
    assert isinstance(claims, list)
    # offsets index the caller's own string, a leading BOM included
    last = -1
    for c in claims:
        assert 0 <= c.start < c.end <= len(text), c
        assert text[c.start:c.end] == c.surface, (c, text[c.start:c.end])
        assert c.start >= last, "claims in document order"
        last = c.start
        assert isinstance(c.value, float) and math.isfinite(c.value) and c.value >= 0, c
        assert c.unit in UNIT_CODES, c
        assert c.qualifier in (None, "approx", "at_least", "at_most", "range"), c
        assert c.direction in (None, "increase", "decrease"), c
        assert c.kind in (None, "actual", "target"), c


@SETTINGS
@given(st.text(max_size=300))
@example("")
@example("\ufeff")
@example("\x00\x01\x02")
@example("\ud7ff\U0010ffff")
def test_extract_never_raises_on_any_text(rules, text):
    assume(not names_a_file(text))  # extract() refuses a string that reads as a file name
    _check_claims(text, reportx.extract(text, rules=rules))


@SETTINGS
@given(st.lists(REPORTISH, max_size=60).map("".join))
@example("地区生产总值增长0.1％，其中第一产业增加值增长4.7％")
@example("百分之")
@example("第位")
@example("1.3万亿")
@example("．．．％")
def test_extract_never_raises_on_report_like_text(rules, text):
    _check_claims(text, reportx.extract(text, rules=rules))


@SETTINGS
@given(st.lists(st.tuples(
    st.sampled_from(["地区生产总值增长", "一般公共预算收入", "新增城镇就业", "粮食产量", "接待游客",
                     "固定资产投资下降", "城镇调查失业率控制在"]),
    st.decimals(min_value=0, max_value=99999, places=1, allow_nan=False, allow_infinity=False),
    st.sampled_from(["％", "%", "亿元", "万人", "万吨", "万人次", "个百分点", "个"]),
    st.sampled_from(["", "左右", "以上"]),
    st.sampled_from(["，", "；", "。", "。\n"])), min_size=1, max_size=8))
def test_offsets_and_values_in_report_sentences(rules, parts):
    text = "一、2023年工作回顾\n" + "".join(f"{a}{d:f}{u}{q}{p}" for a, d, u, q, p in parts)
    claims = reportx.extract(text, rules=rules)
    _check_claims(text, claims)
    # every written number was found, with its value in the base unit
    found = {(c.start, c.surface): c for c in claims}
    pos = len("一、2023年工作回顾\n")
    factors = {"亿元": 10**8, "万人": 10**4, "万吨": 10**4, "万人次": 10**4}
    for a, d, u, q, p in parts:
        surface = f"{d:f}{u}"
        start = pos + len(a)
        c = found.get((start, surface))
        assert c is not None, (surface, text, [(x.start, x.surface) for x in claims])
        assert c.value == pytest.approx(float(d * factors.get(u, 1)), rel=1e-12, abs=1e-9)
        pos = start + len(surface) + len(q) + len(p)


def test_runaway_numbers_are_not_amounts():
    """A 400-digit run or 亿 repeated two thousand times is no amount: no claim, no inf, no crash."""
    from reportx.extraction import extract

    assert extract("收入" + "9" * 400 + "万元。", year=2024) == []
    assert extract("收入一" + "亿" * 2000 + "元。", year=2024) == []
    assert [c.surface for c in extract("增加1,00万元，1,2,3%", year=2024)] == []


# the list joiners and the words they are a character of (rules/context.yaml)
_JOINERS = ["、", "和", "及", "与", "以及"]
_JOINER_WORDS = ["普及", "涉及", "及时", "来得及", "和谐", "总和", "参与", "与会"]


@given(st.text(alphabet="、和及与以普涉时来得谐总参会率水", max_size=30))
@settings(max_examples=300)
def test_word_look_arounds_find_what_skipping_the_words_finds(text):
    # words_outside (re, look-arounds) and words_but (regex, (*SKIP)(*FAIL)) mean one thing
    from reportx.engine.patterns import words_but, words_outside

    fast, plain = words_outside(_JOINERS, _JOINER_WORDS), words_but(_JOINERS, _JOINER_WORDS)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
