"""A report in traditional characters reads like its simplified twin: the same claims, offsets into
the text as written, indicator phrases in the report's own characters."""
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


def test_header_facts_in_traditional_characters():
    doc = build_document(TRADITIONAL, key="t")
    assert (doc.city, doc.year, doc.speaker, doc.simplified) == ("某某省", 2025, "王某", True)


def test_a_simplified_report_is_left_as_it_is():
    doc = build_document(opencc.OpenCC("t2s").convert(TRADITIONAL), key="s")
    assert not doc.simplified
