"""A mirror site's copy that glosses characters with their pinyin in brackets (現(xiàn)在,
地區(qū)生產(chǎn)總值): the glosses are dropped, and the report reads as it would without them."""
from __future__ import annotations

from collections import Counter

import reportx
from reportx.readers.ruby import drop_pinyin
from tests.readers_fixtures import facts, load_saved, seed_text

GLOSSES = {"现": "xiàn", "报": "bào", "区": "qū", "产": "chǎn", "点": "diǎn", "击": "jī"}


def test_glossed_report_reads_as_the_plain_one(tmp_path):
    text = seed_text("guigang-2024")
    glossed = "".join(ch + f"({GLOSSES[ch]})" if ch in GLOSSES else ch for ch in text)
    doc, messages = load_saved(tmp_path, "guigang-2024", glossed)
    assert any("pinyin" in m for m in messages)
    assert doc.text == text
    assert Counter(facts(reportx.extract(doc))) == Counter(facts(reportx.extract(text)))


def test_brackets_that_are_no_gloss_stay():
    text = "细颗粒物(PM2.5)平均浓度下降(a)，增长(预计)5%(下同)，项目(一)完成。" * 3
    assert drop_pinyin(text) is None
    assert drop_pinyin("地区(qū)生产总值增长5%。") is None          # one gloss is no copy's habit
