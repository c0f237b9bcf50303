"""Saved web pages in the shapes government sites give them: class names that say nothing (or
mislead), furniture inside the article block, pages that hold less than a report."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import reportx
from reportx.errors import InputError, ReportxWarning
from reportx.readers.loading import text_from_bytes

SEED = Path(__file__).resolve().parent.parent / "seeds" / "guigang-2024.txt"
PARAS = [ln.strip(" \u3000") for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
MENU = ("<ul>" + "".join(f"<li><a href='/c{i}'>{w}</a></li>" for i, w in
                         enumerate(["首页", "智能问答", "政务邮箱", "政务公开", "政民互动", "办事服务"] * 5))
        + "</ul>")


def _read(page: str, name: str = "page.html") -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReportxWarning)  # a whole report: no warning
        return text_from_bytes(page.encode("utf-8"), name)


def _body(paras=PARAS, attrs: str = "") -> str:
    return "".join(f"<p{attrs}>{p}</p>\n" for p in paras)


def test_a_class_on_every_element_does_not_hide_the_report():
    """An accessibility plugin puts class="skipAutoFix" on every element of some pages: "skip"
    in a class says nothing about the text."""
    c = " class='skipAutoFix'"
    page = (f"<html><body{c}><div{c}><div class='skipAutoFix header'>{MENU.replace('<li>', f'<li{c}>')}"
            f"</div><div class='skipAutoFix main'><div class='skipAutoFix article'>"
            f"<div class='skipAutoFix zoom'>{_body(attrs=c)}</div></div></div>"
            f"<div class='skipAutoFix footer'>主办：贵港市人民政府办公室</div></div></body></html>")
    text = _read(page)
    assert text.splitlines() == PARAS
    assert "智能问答" not in text and "政务邮箱" not in text


def test_class_names_that_name_furniture_do_not_decide():
    """A report inside <div class="top-info related"> is still the report."""
    page = (f"<html><body><div class='nav'>{MENU}</div>"
            f"<div class='top-info related comment'>{_body()}</div></body></html>")
    assert _read(page).splitlines() == PARAS


def test_furniture_at_the_ends_of_the_article_block_is_left_out():
    page = ("<html><body>" + MENU + "<div class='article'>"
            "<h1>2024年贵港市政府工作报告</h1>"
            "<p>发布时间：2024-02-05 10:30 来源：贵港市人民政府办公室</p><p>访问量：1632</p>"
            "<p>【字体：大 中 小】【打印】</p>" + _body() +
            "<p>关联稿件</p><ul><li><a href='/a'>2023年政府工作报告</a></li>"
            "<li><a href='/b'>2022年政府工作报告</a></li></ul>"
            "<p>扫一扫在手机打开当前页</p><p>【返回顶部】【关闭本页】</p></div>" + MENU +
            "</body></html>")
    lines = _read(page).splitlines()
    assert lines == ["2024年贵港市政府工作报告", *PARAS]
    for furniture in ("访问量", "1632", "发布时间", "关联稿件", "扫一扫", "返回顶部", "打印"):
        assert not any(furniture in ln for ln in lines), furniture


def test_report_header_lines_before_the_first_paragraph_are_kept():
    header = ["政府工作报告", "——2024年2月3日在贵港市第六届人民代表大会第六次会议上", "贵港市市长\u3000林海波"]
    page = (f"<html><body>{MENU}<div>" + "".join(f"<div>{h}</div>" for h in header)
            + _body(PARAS[3:]) + "</div></body></html>")
    assert _read(page).splitlines()[:4] == [*header, PARAS[3]]


def test_a_page_with_less_than_a_report_says_what_was_kept():
    page = (f"<html><body>{MENU}<div><h1>市政府召开常务会议</h1><p>会议听取了政府工作报告起草情况的汇报，"
            "强调要确保地区生产总值增长5％左右。</p></div></body></html>")
    with pytest.warns(ReportxWarning, match=r"news\.html: only \d+ Chinese characters kept .*"
                                            r"from “市政府召开常务会议” to “会议听取了"):
        text = text_from_bytes(page.encode("utf-8"), "news.html")
    assert "智能问答" not in text


def test_a_report_split_by_a_long_menu_warns_that_part_was_left_out():
    half = len(PARAS) * 2 // 3
    big_menu = MENU * 30
    page = (f"<html><body><div>{_body(PARAS[:half])}</div>{big_menu}"
            f"<div>{_body(PARAS[half:])}</div></body></html>")
    with pytest.warns(ReportxWarning, match=r"kept \d+ of the \d+ Chinese characters"):
        text = text_from_bytes(page.encode("utf-8"), "split.html")
    assert text.splitlines() == PARAS[:half]


def test_hidden_text_is_not_read():
    page = (f"<html><body><div>{_body()}<div style='display: none'><p>地区生产总值增长99％，"
            "财政收入增长88％。</p></div><p hidden>粮食产量增长77％。</p></div></body></html>")
    text = _read(page)
    assert "99％" not in text and "88％" not in text and "77％" not in text


def test_a_table_row_is_one_line():
    page = (f"<html><body><div>{_body()}<table><tr><th>指标</th><th>单位</th><th>2023年</th></tr>"
            "<tr><td>地区生产总值</td><td>亿元</td><td><span>1500.1</span></td></tr></table>"
            "<p>全市上下团结一心，完成了全年目标任务。</p></div></body></html>")
    lines = _read(page).splitlines()
    assert "指标\u3000单位\u30002023年" in lines and "地区生产总值\u3000亿元\u30001500.1" in lines


def test_claims_on_a_page_point_into_its_text():
    page = f"<html><body><div class='skipAutoFix'>{MENU}{_body()}</div></body></html>"
    text = _read(page)
    claims = reportx.extract(text, key="page")
    assert len(claims) > 200
    assert all(text[c.start:c.end] == c.surface for c in claims)


def test_nesting_past_the_parsers_limit_is_a_clear_error():
    page = "<html><body>" + "<div>" * 5000 + _body() + "</div>" * 5000 + "</body></html>"
    with pytest.raises(InputError, match="deep.html: elements nested too deep"):
        text_from_bytes(page.encode("utf-8"), "deep.html")
    # deep, but as deep as a real page can be
    page = "<html><body>" + "<div>" * 1000 + _body() + "</div>" * 1000 + "</body></html>"
    assert _read(page).splitlines() == PARAS


def test_a_big_page_reads_in_linear_time():
    import time

    timings = []
    for copies in (2, 16):
        page = f"<html><body>{MENU}<div>{_body() * copies}</div>{MENU}</body></html>".encode()
        start = time.perf_counter()
        text_from_bytes(page, "big.html")
        timings.append((time.perf_counter() - start) / copies)
    assert timings[1] < 4 * timings[0] + 0.005


def test_an_old_layout_table_page_keeps_the_cell_of_paragraphs_apart():
    """Portals of the 2000s lay the page out in a table: the menu in one cell, the report (lines
    apart by <br>) in the next. The report's first line is not part of the menu's row."""
    links = "".join(f"<a href='/c{i}'>栏目{i}</a> " for i in range(8))
    page = (f"<html><body><table><tr><td width='150'>{links}</td><td>"
            + "<br>".join(PARAS) + "</td></tr></table></body></html>")
    assert _read(page).splitlines() == PARAS


@pytest.mark.parametrize("lead", ["", "[", "<div class=\"article\">\n"])
def test_a_scraped_fragment_without_html_or_body_is_read_as_a_page(lead):
    # a scraper's body cut out and saved as .txt (<h4>各位代表：</h4><p>…</p>, or a list's repr):
    # its tags leave the text, so its headings are found
    page = (f"{lead}<h4>各位代表：</h4>\n<h5 style=\"margin: 0\">一、2023年工作回顾</h5>\n"
            + _body(PARAS[3:12]) + ("</div>" if lead.startswith("<div") else ""))
    text = text_from_bytes(page.encode("utf-8"), "report.txt")
    assert "<" not in text and "一、2023年工作回顾" in text.splitlines()


@pytest.mark.parametrize("text", ["<注>本报告中的数据均为初步统计数。\n地区生产总值增长5%。\n",
                                  "<p>地区生产总值增长5%\n",
                                  "<p>2024年某县政府工作报告</p>\n一、2023年工作回顾\n2023年，全县地区生产总值"
                                  "增长6.2%。\n二、2024年工作安排\n今年全县地区生产总值增长6%。\n<p>附件</p>\n"])
def test_a_text_that_only_opens_with_an_angle_bracket_stays_text(text):
    # an open tag alone, a bracket that is no tag, or a title alone tagged is no page: the text
    # is read as written, its lines kept
    assert text_from_bytes(text.encode("utf-8"), "report.txt").startswith(text[:4])
