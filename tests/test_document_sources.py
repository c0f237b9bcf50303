"""Reports as they come: one in traditional characters reads like its simplified twin (same
claims; offsets and indicator phrases as written); a saved page is dated by its report, not the page."""
from __future__ import annotations

import opencc

import reportx
from reportx.engine.document import build_document

# Written for this test in the style of a provincial report (not copied from one).
TRADITIONAL = """2025年某某省政府工作報告
——2025年1月15日在某某省第十四屆人民代表大會第三次會議上
省長 王某
各位代表：
一、2024年工作回顧
全省地區生產總值增長5.3%，總量突破3萬億元；一般公共預算收入完成2150億元、增長4.1%。
城鎮新增就業52.6萬人，居民消費價格上漲0.3%，糧食產量穩定在600億斤以上。
過去五年，全省居民人均可支配收入年均增長6.2%。
二、2025年工作安排
今年經濟社會發展的主要預期目標是：地區生產總值增長5%—5.5%；城鎮新增就業50萬人以上，城鎮調查失業率5.5%左右；居民消費價格漲幅2%左右。
"""

FIELDS = ("value", "unit", "value_high", "indicator_id", "period", "span", "kind", "qualifier",
          "direction")


def test_traditional_report_gives_the_claims_of_its_simplified_twin(rules):
    simplified = opencc.OpenCC("t2s").convert(TRADITIONAL)
    assert simplified != TRADITIONAL and len(simplified) == len(TRADITIONAL)
    trad = reportx.extract(build_document(TRADITIONAL, key="t"), rules=rules)
    simp = reportx.extract(build_document(simplified, key="s"), rules=rules)
    assert [tuple(getattr(c, f) for f in FIELDS) for c in trad] == \
        [tuple(getattr(c, f) for f in FIELDS) for c in simp]
    assert len(trad) >= 12
    for c in trad:
        assert TRADITIONAL[c.start:c.end] == c.surface          # offsets into the text as written
    gdp = [c for c in trad if c.indicator_id == "gdp" and c.unit == "%"]
    assert gdp[0].indicator == "地區生產總值"                     # the report's own characters
    target = [c for c in gdp if c.kind == "target"][0]
    assert (target.qualifier, target.value, target.value_high) == ("range", 5.0, 5.5)


def test_the_bundled_reports_in_traditional_characters_say_what_they_say_in_simplified(rules):
    """Every word a figure is read by, before it or after it (突破600億元大關: a milestone the
    indicator before passed, not a noun the figure counts), in traditional characters too."""
    from tests.conftest import SEEDS

    fields = ("value", "unit", "indicator_id", "period", "kind", "qualifier", "direction")
    for name in ("guigang-2024", "yulin-2024"):
        simplified = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
        traditional = opencc.OpenCC("s2t").convert(simplified)
        read = [reportx.extract(build_document(t, key=name), rules=rules)
                for t in (traditional, simplified)]
        assert [[tuple(getattr(c, f) for f in fields) for c in claims] for claims in read][0] == \
            [tuple(getattr(c, f) for f in fields) for c in read[1]]
        # a noun a figure counts (3家企業榮獲…) is shown as written, as a name before one is
        to_simplified = opencc.OpenCC("t2s").convert
        after = [c for c in read[0]
                 if c.indicator and simplified.startswith(to_simplified(c.indicator), c.end)]
        assert after and all(traditional.startswith(c.indicator, c.end) for c in after)


def test_header_facts_in_traditional_characters():
    doc = build_document(TRADITIONAL, key="t")
    assert (doc.city, doc.year, doc.speaker, doc.simplified) == ("某某省", 2025, "王某", True)


def test_a_simplified_report_is_left_as_it_is():
    doc = build_document(opencc.OpenCC("t2s").convert(TRADITIONAL), key="s")
    assert not doc.simplified


# A national report saved from a portal: the page's posting date stands above the report's own.
PORTAL = """首页 > 要闻 > 正文
发布时间：2025年03月12日 来源：某某网
政府工作报告
——{date}在第十四届全国人民代表大会第二次会议上
国务院总理 李强
各位代表：
一、2023年工作回顾
国内生产总值超过126万亿元，增长5.2%。
"""


def test_the_delivery_line_dates_a_saved_page_not_its_posting_date():
    doc = build_document(PORTAL.format(date="2024年3月5日"), key="p")
    assert (doc.year, doc.date, doc.city) == (2024, "2024-03-05", "全国")


def test_the_national_session_dates_a_report_whose_only_date_is_the_page(recwarn):
    doc = build_document(PORTAL.format(date=""), key="p")
    assert doc.year == 2024                      # 十四届 (2023–) 第二次会议
    # (the page's posting label, 发布时间：2025年03月12日, is no delivery date: nothing to warn of)
    assert doc.date is None and not any("2025" in str(w.message) for w in recwarn)
    claims = reportx.extract(doc)
    assert {(c.period, c.kind) for c in claims} == {("2023", "actual")}


def test_offsets_of_a_text_with_a_byte_order_mark_index_the_callers_string(rules):
    text = "\ufeff一、2023年工作回顾\n地区生产总值增长0.1％。"
    claims = reportx.extract(text, rules=rules, year=2024)
    assert [text[c.start:c.end] for c in claims] == ["0.1％"] == [c.surface for c in claims]
    assert claims[0].indicator_id == "gdp" and claims[0].period == "2023"
