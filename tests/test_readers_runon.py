"""Text whose paragraphs run together on one long line, parted only by runs of spaces (a page
saved from a site that flattened its layout): read as paragraphs, offsets those of the file."""
from __future__ import annotations

from collections import Counter

import reportx
from reportx.readers.runon import split_run_on
from tests.conftest import SEEDS
from tests.readers_fixtures import facts as _facts, load_saved, seed_text


def test_text_a_paragraph_per_line_has_no_run_on_lines():
    for path in sorted(SEEDS.glob("*.txt")):
        assert split_run_on(path.read_text(encoding="utf-8")) is None


def test_run_on_paragraphs_read_as_paragraphs(tmp_path):
    text = seed_text("guigang-2024")
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    flat = "   ".join(paragraphs)                      # one line, three spaces between paragraphs
    doc, messages = load_saved(tmp_path, "guigang-2024", flat)
    assert any("run together" in m for m in messages)
    assert len(doc.text) == len(flat)                  # one character for one
    claims = reportx.extract(doc)
    for c in claims:
        assert flat[c.start:c.end] == c.surface
    same = Counter(_facts(claims)) & Counter(_facts(reportx.extract(text)))
    assert sum(same.values()) >= 0.98 * len(claims)


def test_single_spaces_and_short_lines_are_left_alone():
    line = "地区生产总值 1218 亿元，增长 6.2%。" * 20
    assert split_run_on(line) is None
    assert split_run_on("一、工作回顾   二、工作安排") is None      # a short line


def test_paragraphs_run_together_with_one_space_after_each_sentence(tmp_path):
    text = seed_text("yulin-2024")
    flat = " ".join(p.strip() for p in text.split("\n") if p.strip())
    claims = reportx.extract(load_saved(tmp_path, "yulin-2024", flat)[0])
    assert {c.kind for c in claims} >= {"actual", "target"}      # parts read as review and plan
    same = Counter(_facts(claims)) & Counter(_facts(reportx.extract(text)))
    assert sum(same.values()) >= 0.95 * len(claims)


def test_one_stray_space_after_a_sentence_is_no_flattened_page():
    line = "全市地区生产总值增长5%。 " + "一般公共预算收入增长3%，" * 30 + "完成目标。"
    assert split_run_on(line) is None


def test_numbered_headings_glued_to_the_sentence_before_get_lines_of_their_own(tmp_path):
    text = seed_text("guigang-2024")
    flat = "".join(p.strip() for p in text.split("\n") if p.strip())    # no separator at all
    doc, messages = load_saved(tmp_path, "guigang-2024", flat)
    assert any("numbered headings" in m for m in messages)
    assert any(s.path.startswith("一、2023年工作回顾") for s in doc.sections)
    claims = reportx.extract(doc)
    for c in claims:
        assert doc.text[c.start:c.end] == c.surface
    assert {c.kind for c in claims} >= {"actual", "target"}


def test_a_report_written_a_paragraph_per_line_has_no_glued_headings():
    from reportx.readers.runon import part_glued_headings

    for path in sorted(SEEDS.glob("*.txt")):
        assert part_glued_headings(path.read_text(encoding="utf-8")) is None


def test_a_short_excerpt_with_two_breaks_is_parted():
    # the top of a flattened page: the salutation, then the review heading, each after a space
    excerpt = ("政府工作报告 ——2026年2月3日在东海市第十六届人民代表大会第四次会议上 各位代表: 现在，"
               "我代表市人民政府，向大会报告工作，请予审议。 一、2025年工作回顾 过去一年，全市经济"
               "稳中有进。 一年来，全市生产总值达到5670亿元、增长5.4%，地方一般公共预算收入增长1.5%，"
               "居民消费价格上涨0.1%，城镇调查失业率平均为4.2%，完成了市十六届人大三次会议确定的全年目标"
               "任务，经济社会发展稳中有进、进中提质，高质量发展迈出坚实步伐。")
    assert len(excerpt) >= 200
    parted = split_run_on(excerpt)
    assert parted is not None and "\n一、2025年工作回顾" in parted and len(parted) == len(excerpt)
    gdp = [c for c in reportx.extract(parted) if c.indicator_id == "gdp"]
    assert {(c.period, c.kind) for c in gdp} == {("2025", "actual")}


def test_a_numbered_heading_after_a_sentence_and_one_space_gets_a_line(tmp_path):
    # a short flattened excerpt (one line of 300 characters or more): its only break is the space
    # before the numbered heading, too few for a run-on page; the figures after it are the review's
    text = ("2021年闻喜县政府工作报告\n    2021年4月13日在闻喜县第十七届人民代表大会第一次会议上各位代表："
            "现在，我代表县人民政府向大会作工作报告，请予审议，并请县政协委员和其他列席人员提出意见。"
            " 一、2020年和“十三五”时期工作回顾2020年是闻喜发展历程中极不平凡的一年。面对突如其来的新冠"
            "肺炎疫情和经济下行的“双重”考验，在县委的正确领导下，在县人大、县政协的监督支持下，全县上下"
            "坚持以习近平新时代中国特色社会主义思想为指导，全面落实省委总体思路和要求，扎实做好“六稳”“六保”"
            "工作，奋力夺取了疫情防控和经济社会发展“双胜利”。全县地区生产总值"
            "完成151.5亿元，同比增长7.9%，增速跃居全市第一；一般公共预算收入完成5.9亿元。\n")
    doc, _ = load_saved(tmp_path, "wenxi-2021", text)
    assert any(s.path.startswith("一、2020年") for s in doc.sections)
    gdp = [c for c in reportx.extract(doc) if c.indicator_id == "gdp"]
    assert [(c.surface, c.period, c.kind) for c in gdp] == [("151.5亿元", "2020", "actual"),
                                                            ("7.9%", "2020", "actual")]


def test_a_heading_glued_to_the_title_of_a_flat_copy_is_parted_but_not_one_inside_a_paragraph():
    from reportx.readers.runon import part_glued_headings

    body = "全年地区生产总值增长5%，" * 30
    flat = "新塘街道办事处2023年政府工作报告一、2022年工作回顾2022年是极不平凡的一年。" + body
    assert part_glued_headings(flat).startswith("新塘街道办事处2023年政府工作报告\n一、2022年工作回顾")
    # a report's 报告 inside a paragraph (专题报告一、二季度…) opens no heading
    paragraph = "按季度向区人大常委会专题报告一、二季度和前三季度经济运行情况，" * 12
    text = "2023年政府工作报告\n一、2022年工作回顾\n" + paragraph + "\n二、2023年工作安排\n"
    assert part_glued_headings(text) is None


def test_holidays_and_quarters_after_a_sentence_are_no_headings():
    """五一、端午、中秋 (holidays: 五一 is no part number, which would be 五十一) and 一、二季度 (a list of
    quarters) after a sentence's end stay in their paragraph; 三、2024年工作安排 there is parted."""
    from reportx.readers.runon import part_glued_headings

    body = "全年地区生产总值增长5%，" * 30
    holidays = body + "活动成功举办。五一、端午、中秋国庆期间旅游经济全面超过2019年同期水平。"
    quarters = body + "经济逐季回升。一、二季度分别增长4%、5%。"
    assert part_glued_headings(holidays) is None
    assert part_glued_headings(quarters) is None
    assert "\n三、2024年工作安排" in part_glued_headings(body + "成绩来之不易。三、2024年工作安排今年…")
