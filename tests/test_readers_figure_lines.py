"""Text whose figures stand on lines of their own (a converted page that set every number in a
span of its own): told apart from text written a paragraph per line, joined back, and read to
the same claims."""
from __future__ import annotations

import re

import pytest

import reportx
from reportx.readers.figure_lines import join_figure_lines
from tests.conftest import SEEDS, claim_facts, seed_text
from tests.readers_fixtures import load_saved


# a number as such a page sets it apart: ASCII digits with their decimal point and per cent sign
_NUMBER = re.compile(r"\d[\d.]*%?")


def _set_apart(text: str) -> str:
    """Every number of a text on a line of its own, as the converted page has it."""
    return _NUMBER.sub(lambda m: "\n" + m[0] + "\n", text)


@pytest.mark.parametrize("name", ["guigang-2024", "yulin-2024"])
def test_text_a_paragraph_per_line_is_left_alone(name):
    assert join_figure_lines(seed_text(name)) is None


def test_a_figure_joins_the_words_around_it_but_not_a_heading_or_a_finished_sentence():
    text = ("各位代表：\n一、2019年工作回顾\n2019\n年，全县经济稳中有进。预计，地区生产总值增长\n8%;\n"
            "财政收入增长\n10%;\n固定资产投资增长\n12%\n。\n（一）决战脱贫\n全年\n15250\n人如期脱贫，"
            "贫困发生率降至\n0.47%\n，\n3\n个村出列。")
    assert join_figure_lines(text) == (
        "各位代表：\n一、2019年工作回顾\n2019年，全县经济稳中有进。预计，地区生产总值增长8%;"
        "财政收入增长10%;固定资产投资增长12%。\n（一）决战脱贫\n全年15250人如期脱贫，"
        "贫困发生率降至0.47%，3个村出列。")


def test_a_few_year_labels_are_no_such_layout():
    # a digest labels its parts with a year on a line (2019\n地区生产总值…): too few to be a layout
    text = "2019\n地区生产总值增长6%。\n2020\n地区生产总值增长3%。\n" + "全年完成各项任务。\n" * 10
    assert join_figure_lines(text) is None


@pytest.mark.parametrize("name", ["guigang-2024", "yulin-2024"])
def test_a_report_with_its_figures_apart_reads_as_the_report(tmp_path, name):
    doc, warned = load_saved(tmp_path, name, _set_apart(seed_text(name)))
    apart = reportx.extract(doc)
    assert any("lines of their own" in w for w in warned)
    whole = reportx.extract(SEEDS / f"{name}.txt")
    assert claim_facts(apart) == claim_facts(whole)


def test_no_two_figures_join_nor_a_table_label_nor_a_next_sentence():
    # a table's column (a figure complete with its % before the next label), a page's number
    # before a figure, and a figure that ends its sentence stay apart from the line after them
    text = ("各位代表：\n地区生产总值\n2850.3\n6.5%\n一般公共预算收入\n186.2\n5.1%\n全年新开工项目\n5\n128个\n"
            "“十四五”以来，全市地区生产总值年均增长\n6%。\n去年，全市地区生产总值增长5.2%。\n")
    assert join_figure_lines(text) == (
        "各位代表：\n地区生产总值2850.3\n6.5%\n一般公共预算收入186.2\n5.1%\n全年新开工项目5\n128个\n"
        "“十四五”以来，全市地区生产总值年均增长6%。\n去年，全市地区生产总值增长5.2%。\n")


def test_a_per_cent_goes_on_with_a_joiner_a_range_or_a_particle():
    text = ("各位代表：\n" + "城乡居民人均可支配收入分别增长\n6.5%\n和\n7.2%\n。\n目标增长\n5%\n至\n5.5%\n。\n"
            "城镇化率提高到\n58.3%\n的水平。\n")
    assert join_figure_lines(text) == ("各位代表：\n城乡居民人均可支配收入分别增长6.5%和7.2%。\n目标增长5%至5.5%。\n"
                                       "城镇化率提高到58.3%的水平。\n")
