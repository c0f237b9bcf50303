"""A mirror site's copy that glosses characters with their pinyin in brackets (現(xiàn)在,
地區(qū)生產(chǎn)總值): the glosses are dropped, and the report reads as it would without them."""
from __future__ import annotations

import warnings
from collections import Counter

import reportx
from reportx.readers.ruby import drop_pinyin
from tests.conftest import SEEDS

GLOSSES = {"现": "xiàn", "报": "bào", "区": "qū", "产": "chǎn", "点": "diǎn", "击": "jī"}


def _facts(claims) -> list[tuple]:
    return [(c.value, c.unit, c.indicator_id or "", c.period or "", c.kind or "",
             c.qualifier or "", c.direction or "") for c in claims]


def test_glossed_report_reads_as_the_plain_one(tmp_path):
    text = (SEEDS / "guigang-2024.txt").read_text(encoding="utf-8")
    glossed = "".join(ch + f"({GLOSSES[ch]})" if ch in GLOSSES else ch for ch in text)
    path = tmp_path / "guigang-2024.txt"
    path.write_text(glossed, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = reportx.load(path)
    assert any("pinyin" in str(w.message) for w in caught)
    assert doc.text == text
    assert Counter(_facts(reportx.extract(doc))) == Counter(_facts(reportx.extract(text)))


def test_brackets_that_are_no_gloss_stay():
    text = "细颗粒物(PM2.5)平均浓度下降(a)，增长(预计)5%(下同)，项目(一)完成。" * 3
    assert drop_pinyin(text) is None
    assert drop_pinyin("地区(qū)生产总值增长5%。") is None          # one gloss is no copy's habit
