"""Where a report's year comes from when its text has no dated header: the caller's `year`, a
dated heading, and last the one year its file's name holds (said in a warning). A first line that
is a news copy's paragraph is no title, whatever year it names."""
from __future__ import annotations

import warnings

import pytest

import reportx

# a newspaper copy: no header, the speaker named before the year he speaks of
NEWS = ("市人大常委会主任主持会议并宣布大会开幕。在热烈的掌声中，市长作政府工作报告。他说，2014年，"
        "全市经济社会持续健康发展。预计完成地区生产总值7810亿元，增长10%。\n")


def _gdp_times(doc) -> list[tuple]:
    """(period, kind) of each GDP figure of a document."""
    return [(c.period, c.kind) for c in reportx.extract_document(doc) if c.indicator_id == "gdp"]


def _load(tmp_path, name: str, text: str, **kw):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = reportx.load(path, **kw)
    return doc, [str(w.message) for w in caught]


def test_a_text_with_no_year_takes_the_year_of_its_file_name(tmp_path):
    doc, said = _load(tmp_path, "changsha-2015.txt", NEWS)
    assert doc.year == 2015
    assert any("2015, from the file's name" in s for s in said)
    gdp = [c for c in reportx.extract_document(doc) if c.indicator_id == "gdp"]
    # 他说，2014年，… opens the speech's review: the figures after it are 2014's results
    assert [(c.surface, c.period, c.kind) for c in gdp] == [("7810亿元", "2014", "actual"),
                                                            ("10%", "2014", "actual")]


@pytest.mark.parametrize("name", ["report.txt", "changsha-2014-2015.txt", "x20155.txt"])
def test_a_name_with_no_single_year_gives_none(tmp_path, name):
    doc, said = _load(tmp_path, name, NEWS)
    assert doc.year is None and not any("file's name" in s for s in said)


def test_the_text_and_the_caller_come_before_the_name(tmp_path):
    dated = "政府工作报告\n——2024年2月3日在贵港市第六届人民代表大会第六次会议上\n" + NEWS
    assert _load(tmp_path, "guigang-2019.txt", dated)[0].year == 2024
    assert _load(tmp_path, "guigang-2019.txt", NEWS, year=2016)[0].year == 2016
    heading = "一、2020年工作回顾\n地区生产总值增长5%。\n"
    assert _load(tmp_path, "guigang-2019.txt", heading)[0].year == 2021


def test_a_long_first_line_is_no_title(tmp_path):
    # its 2014年 is the review's year, not the report's
    assert _load(tmp_path, "news.txt", NEWS)[0].year is None
    assert _load(tmp_path, "t.txt", "长沙市2015年政府工作报告全文\n" + NEWS)[0].year == 2015


@pytest.mark.parametrize("lead, city", [
    ("1月9日，南川区第十八届人民代表大会第三次会议开幕。", "南川区"),
    ("罗湖区八届人大三次会议召开，区长作政府工作报告。", "罗湖区"),
    ("大会主席团常务主席毛超峰宣布周口市第三届人民代表大会第四次会议开幕。", "周口市"),
    ("会议圆满完成了市二届人大五次会议的各项议程。", None),
    ("9日，新疆维吾尔自治区召开第十二届人民代表大会第五次会议。", "新疆维吾尔自治区"),
    ("5月21日，禄劝彝族苗族自治县召开全县第十七届人民代表大会第四次会议。", "禄劝彝族苗族自治县"),
    ("在今日开幕的上海市第十二届人民代表大会第五次会议上，市长作政府工作报告。", "上海市"),
    ("政府圆满完成了自治区八届人大三次会议所确定的目标任务。", None),
    # a story's lead naming the place whose report it tells of
    ("2009年一季度经济企稳回暖,这是福田区昨天在政府工作报告中透露的信息。", "福田区"),
    ("成都高新区昨日在政府工作报告中透露，新经济加快发展。", "成都高新区"),
    ("宣城市昨天在政府工作报告中透露，全市经济稳中有进。", "宣城市"),
])
def test_a_news_copy_names_its_place_by_its_congress(tmp_path, lead, city):
    doc, _ = _load(tmp_path, "news-2022.txt", lead + "\n全区地区生产总值增长5%。\n")
    assert doc.city == city


def test_a_title_below_a_portals_menu_lines_dates_the_report(tmp_path):
    # a saved page: the portal's menu and the posting time (no 年月日) above the title; the
    # report was delivered in December, and its title names the year it plans, which the
    # file's name does not
    page = ("山东\n山东内容 国际表达\n\n关注两会|2023年济南市政府工作报告(全文)\n"
            "2022-12-30 16:54:06 来源:中华网山东频道\n\n"
            "经济社会发展主要预期目标是:地区生产总值增长5.5%以上;一般公共预算收入增长6%左右。\n")
    doc, said = _load(tmp_path, "jinan-2022.txt", page)
    assert doc.year == 2023 and not any("file's name" in s for s in said)
    gdp = [c for c in reportx.extract_document(doc) if c.indicator_id == "gdp"]
    assert [(c.surface, c.period, c.kind) for c in gdp] == [("5.5%", "2023", "target")]


def test_a_pages_posting_time_dates_the_report_only_when_nothing_else_does(tmp_path):
    # a news copy posted the day of a December session: the next year's report
    copy = ("贡井区第十七届人大第三次会议隆重开幕\n2013-12-26 15:25\n"
            "区长作《政府工作报告》。报告提出明年的奋斗目标主要是：地区生产总值增长10%。\n")
    doc, _ = _load(tmp_path, "copy.txt", copy)
    assert (doc.year, doc.date) == (2014, "2013-12-26")
    assert _gdp_times(doc) == [("2014", "target")]
    # a report saved years later: its delivery date wins, though its line is broken in two
    saved = ("发布时间:2022-07-11 20:57\n政府工作报告\n——2021年1月12日在延边朝鲜族自治州第十五届\n"
             "人民代表大会第六次会议上\n各位代表：\n地区生产总值增长0.5%。\n")
    assert _load(tmp_path, "saved.txt", saved)[0].year == 2021
    # and so does a dated title
    titled = "(内蒙古)2018年新巴尔虎左旗人民政府工作报告(全文)\n公文搜 2021-07-27 17:06:58\n" + NEWS
    assert _load(tmp_path, "titled.txt", titled)[0].year == 2018


def test_with_no_date_a_goals_paragraph_planning_next_year_plans_the_reports_year(tmp_path):
    # the caller says the report is 2014's; its goals paragraph plans 明年: a December speech
    text = "报告指出，2013年，全区经济平稳增长。\n报告提出明年的奋斗目标主要是：地区生产总值增长10%。\n"
    doc, _ = _load(tmp_path, "gongjing.txt", text, year=2014)
    assert _gdp_times(doc) == [("2014", "target")]


def test_a_title_naming_the_year_it_reviews_is_read_as_the_next_years_report(tmp_path):
    # sites often label a report by the year it reviews: its first part says which
    page = ("旅顺口区2012年政府工作报告(全文)\n政府工作报告\n各位代表：\n2012年及过去五年政府工作回顾\n"
            "全区实现地区生产总值267亿元，增长15%。\n")
    doc, said = _load(tmp_path, "page.txt", page)
    assert doc.year == 2013 and any("its first part reviews 2012" in s for s in said)
    assert _gdp_times(doc) == [("2012", "actual"), ("2012", "actual")]
    # a title with the report's own year stays
    right = page.replace("旅顺口区2012年", "旅顺口区2013年")
    assert _load(tmp_path, "right.txt", right)[0].year == 2013


def test_a_title_years_from_the_year_its_first_part_reviews_gives_way_to_it(tmp_path):
    # a copying site's title (2018年沧州市政府工作报告) over a report whose first part reviews 2014:
    # the report's own heading says which year it is
    page = ("2018年沧州市政府工作报告(全文)\n各位代表：\n一、2014年工作回顾\n"
            "过去一年，全市完成地区生产总值3133.38亿元，增长8%。\n二、2015年工作安排\n"
            "地区生产总值增长7.5%左右。\n")
    doc, said = _load(tmp_path, "cangzhou.txt", page)
    assert doc.year == 2015 and any("its first part reviews 2014" in s for s in said)
    gdp = [(c.period, c.kind) for c in reportx.extract_document(doc) if c.indicator_id == "gdp"]
    assert gdp == [("2014", "actual"), ("2014", "actual"), ("2015", "target")]
    # a part heading with a year but no review word says nothing of the title
    plan_first = page.replace("一、2014年工作回顾", "一、2015年工作安排")
    assert _load(tmp_path, "plan.txt", plan_first)[0].year == 2018


# a review part with no year whose first paragraph opens with the title's year, or (a December
# report titled by the year it ends, its term reviewed) gives that year's estimates: the title named
# the year reviewed, so the report plans the next one
_LISHU = ("2019年梨树县政府工作报告\n各位代表：\n一、过去一年政府工作成效显著\n"
          "2019年，是我县极具挑战的一年。全县地区生产总值增长3.3%。\n二、2020年工作安排\n"
          "地区生产总值增长5%左右。\n")
_QINGLING = ("2021年青岭市政府工作报告\n各位代表：\n一、本届政府工作回顾\n"
             "市四届人大一次会议以来，我们圆满完成各项任务。预计2021年，地区生产总值达到105.7亿元，"
             "年均增长6.2%。\n二、2022年工作安排\n地区生产总值增长6%左右。\n")


# …or under the part's first subheading (（一）…。预计2007年实现…)
_BINHE = ("滨河区2007年政府工作报告\n各位代表：\n一、过去五年政府工作回顾\n"
          "区七届人大一次会议以来，我们圆满完成了本届政府各项任务。\n"
          "（一）综合实力显著增强。预计2007年实现地区生产总值142亿元，年均增长12%。\n"
          "二、2008年工作安排\n地区生产总值增长11%左右。\n")


@pytest.mark.parametrize("page, reviewed, earlier", [
    (_LISHU, 2019, ("2019年，是我县", "2018年，是我县")),
    (_QINGLING, 2021, ("预计2021年", "预计2020年")),
    (_BINHE, 2007, ("预计2007年", "预计2006年")),
])
def test_a_review_part_with_no_year_that_shows_the_titles_year_reviews_it(tmp_path, page, reviewed,
                                                                          earlier):
    doc, said = _load(tmp_path, "page.txt", page)
    assert doc.year == reviewed + 1 and any(f"its first part reviews {reviewed}" in s for s in said)
    gdp = [(c.period, c.kind) for c in reportx.extract_document(doc) if c.indicator_id == "gdp"]
    assert gdp[0] == (str(reviewed), "actual") and gdp[-1] == (str(reviewed + 1), "target")
    # one that opens with, or estimates, the year before the title's is the title's report
    assert _load(tmp_path, "before.txt", page.replace(*earlier))[0].year == reviewed


@pytest.mark.parametrize("heading, year", [
    ("一、2013年至2017年工作回顾", 2018),        # a range: its last year is the one reviewed
    ("一、2016—2020年工作回顾", 2018),           # (2020 is not 2017: the title gives way)
    ("一、2016年以来工作回顾", 2018),            # a year counted from says nothing of the title
    ("一、2018年以来和2017年工作回顾", 2018),
    ("一、2017年工作回顾及2018年工作安排", 2018),  # the plan's year after it is not reviewed
])
def test_a_review_heading_naming_several_years_is_read_by_its_last(tmp_path, heading, year):
    page = f"2018年XX市政府工作报告\n各位代表：\n{heading}\n五年来，全市地区生产总值年均增长8%。\n"
    expected = 2021 if "2020" in heading else year
    assert _load(tmp_path, "page.txt", page)[0].year == expected


@pytest.mark.parametrize("month, period, kind", [(12, "2009", "actual"), (1, "2010", "target")])
def test_a_december_dateline_makes_todays_year_the_one_before(tmp_path, month, period, kind):
    # 12月28日讯: the speech was given in December 2009, so its 今年 is 2009, reviewed; a January
    # dateline's 今年 is the report's year, planned
    text = (f"某某日报{month}月28日讯 今日上午，某市十三届人大一次会议开幕，代市长作政府工作报告。\n"
            "他说，今年全市地区生产总值预计达860亿元，人均生产总值达31000元。\n")
    doc, _ = _load(tmp_path, "x.txt", text, year=2010)
    assert _gdp_times(doc) == [(period, kind)]


# a date something is expected by (二期预计2024年6月投产) is no estimate of the year reviewed, and an
# ordinary word after a date (12月26日电视电话会议) is no dateline
_EXPECTED_BY = ("2024年XX市政府工作报告\n各位代表：\n一、过去一年工作回顾\n过去一年，我们攻坚克难。\n"
                "（一）经济平稳增长。全市地区生产总值增长5.8%。新能源电池项目二期预计2024年6月投产。\n"
                "二、2024年工作安排\n今年全市地区生产总值增长6%左右。\n")
_MEETING = ("2024年XX县人民政府工作报告\n各位代表：\n一、2023年工作回顾\n过去一年，我们认真贯彻落实省委、"
            "省政府12月26日电视电话会议精神，全县地区生产总值增长6.2%。\n二、2024年工作安排\n"
            "今年全县地区生产总值增长6.5%左右。\n")


@pytest.mark.parametrize("page", [_EXPECTED_BY, _MEETING])
def test_a_completion_date_or_a_meetings_date_changes_no_year(tmp_path, page):
    doc, said = _load(tmp_path, "page.txt", page)
    assert doc.year == 2024 and doc.date is None
    gdp = [(c.period, c.kind) for c in reportx.extract_document(doc) if c.indicator_id == "gdp"]
    assert gdp == [("2023", "actual"), ("2024", "target")]


def test_a_december_speech_titled_by_its_year_calls_that_year_today(tmp_path):
    # 2007年…报告 whose review estimates 2007: given in December 2007, so its 今年 is 2007 (done)
    # and its 明年 2008 (planned)
    page = ("2007年XX县政府工作报告\n各位代表：\n一、今年工作回顾\n（一）经济较快增长。预计2007年全县生产"
            "总值达到86亿元。今年财政收入增长15%。\n二、明年工作安排\n明年全县生产总值增长12%。\n")
    doc, _ = _load(tmp_path, "page.txt", page)
    claims = [(c.surface, c.period, c.kind) for c in reportx.extract_document(doc)]
    assert doc.year == 2008
    assert claims == [("86亿元", "2007", "actual"), ("15%", "2007", "actual"), ("12%", "2008", "target")]


def test_a_date_a_news_paragraph_tells_of_does_not_date_the_report(tmp_path):
    # the page's posting time above a paragraph that opens with an anniversary: the posting dates it
    copy = ("2018-03-08 09:09:15 来源:郑州日报\n2013年3月7日,测试实验区建设正式上升为国家战略。昨日,该区举行工作"
            "会议,敲定未来发展大盘。\n据初步统计,2017年,该区完成地区生产总值700.1亿元,增长14%。\n")
    doc, _ = _load(tmp_path, "copy.txt", copy)
    assert (doc.year, doc.date) == (2018, "2018-03-08")
    assert _gdp_times(doc) == [("2017", "actual")] * 2
    # a short dated line above the report still dates it
    dated = "2013年3月7日 来源:测试日报\n" + copy.split("\n", 1)[1]
    assert _load(tmp_path, "dated.txt", dated)[0].year == 2013


@pytest.mark.parametrize("line, date", [
    ("测试县第十八届人民代表大会第三次会议于2024年1月15日在县会堂隆重召开。县长张三作政府工作报告。", "2024-01-15"),
    ("2024年1月10日，我县“两会”隆重召开。", "2024-01-10"),
    ("2024年1月10日，县十八届人大三次会在县会堂举行。", "2024-01-10"),
    ("发布时间：2024年1月12日。", "2024-01-12"),
    ("2022年4月8日上午，东海市十六届人大五次会议开幕。", "2022-04-08"),
])
def test_a_header_line_that_tells_of_the_session_or_only_dates_still_dates_the_report(tmp_path, line,
                                                                                       date):
    doc, _ = _load(tmp_path, "copy.txt", f"测试县政府工作报告\n{line}\n地区生产总值增长5%。\n")
    assert (doc.year, doc.date) == (int(date[:4]), date)


@pytest.mark.parametrize("line", [
    "2013年3月7日上午，测试实验区建设正式上升为国家战略。",          # a time of day before the comma
    "2013年11月8日，某县举行招商引资签约仪式，签约项目12个。",       # a meeting that is not the session
    "2013年12月20日，县委十三届五次全会召开。",
])
def test_a_news_paragraphs_other_event_gives_way_to_the_posting_date(tmp_path, line):
    doc, _ = _load(tmp_path, "copy.txt", f"发布时间：2018-03-08\n{line}\n据初步统计，2017年，该区完成地区生产总值700.1亿元。\n")
    assert (doc.year, doc.date) == (2018, "2018-03-08")


@pytest.mark.parametrize("title, place", [
    ("高庄镇2021年政府工作报告", "高庄镇"),
    ("2019年南渡镇政府工作报告", "南渡镇"),
    ("清河镇人民政府2024年政府工作报告", "清河镇"),
    ("天台县石梁镇2020年度政 府 工 作 报 告", "天台县石梁镇"),
    ("2023年度镇政府工作报告", None),           # no name: 年度镇 is none
    ("2024年全县政府工作报告", None),
    ("一图读懂禅城区政府工作报告", "禅城区"),     # a digest's words before the name
    ("图解：2024年杭州市政府工作报告", "杭州市"),
    ("新一届市政府工作报告提出新目标", None),      # no name: 新一届市 is none
    ("今年市政府工作报告提出新目标", None),
])
def test_a_title_naming_its_place_gives_the_place(tmp_path, title, place):
    doc, _ = _load(tmp_path, "t.txt", f"{title}\n地区生产总值增长5%。\n", year=2024)
    assert doc.city == place



def test_a_national_session_counted_from_does_not_date_the_report(tmp_path):
    # a copy with no title whose review opens with the term's first session (…第一次会议以来的五年):
    # no delivery line, so the year comes from elsewhere (here the caller's)
    page = ("各位代表：\n一、过去五年工作回顾\n第十二届全国人民代表大会第一次会议以来的五年，是极不平凡的五年。"
            "国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。\n二、2018年经济社会发展总体要求和政策取向\n"
            "今年发展的主要预期目标是：国内生产总值增长6.5%左右。\n")
    doc, _ = _load(tmp_path, "page.txt", page, year=2018)
    assert doc.year == 2018
    assert _gdp_times(doc)[-1] == ("2018", "target")


# --year is for texts whose header says none: a header's own year is kept, and the user told; with
# no header the year given is kept, but a first part that reviews another year than the one before
# it is said
_DATED = "政府工作报告\n——2024年2月3日在东岭市第六届人民代表大会第四次会议上\n一、2023年工作回顾\n地区生产总值增长5%。\n"
_UNDATED = "一、2022年工作回顾\n地区生产总值增长5%。\n二、2023年工作安排\n今年地区生产总值增长6%。\n"


@pytest.mark.parametrize("page, given, right, said_then", [
    (_DATED, 2020, 2024, "read as the report of 2024, not of the year given (2020)"),
    (_UNDATED, 2024, 2023, "its first part reviews 2022, not 2023"),
])
def test_a_year_given_that_the_text_contradicts_is_said(tmp_path, page, given, right, said_then):
    doc, said = _load(tmp_path, "page.txt", page, year=given)
    assert doc.year == (right if page is _DATED else given)
    assert any(said_then in s for s in said)
    assert not _load(tmp_path, "page.txt", page, year=right)[1]
