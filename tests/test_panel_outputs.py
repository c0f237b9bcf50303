"""The panel's files read back: Stata .dta (labels, 1/0/missing, Chinese), Parquet (types,
descriptions), the workbook (sheets, a native line chart per indicator), and the plot (PNG,
SVG and offline HTML, drawn with a font that holds Chinese, or a one-line error)."""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

from reportx.errors import OutputError
from reportx.views.panel import build_panel, select
from reportx.views.panel.columns import COLUMNS, LABELS

# Small reports in the usual layout: 测试市 2013-2015 and 样例县 2014-2015.
REPORT = """{year}年{place}政府工作报告
——{year}年2月1日在{place}第十届人民代表大会第二次会议上
一、{last}年工作回顾
全{short}地区生产总值增长{gdp}％，居民消费价格上涨{cpi}％。
二、{year}年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长{goal}％左右，居民消费价格涨幅控制在3％以内。
"""
REPORTS = {("测试市", 2013): (8.5, 2.1, 7), ("测试市", 2014): (7.5, 3.4, 8),
           ("测试市", 2015): (8.9, 1.0, 7.5), ("样例县", 2014): (6.0, 2.0, 6.5),
           ("样例县", 2015): (6.4, 1.8, 6)}


def write_reports(folder):
    for (place, year), (gdp, cpi, goal) in REPORTS.items():
        text = REPORT.format(year=year, last=year - 1, place=place, short=place[-1], gdp=gdp,
                             cpi=cpi, goal=goal)
        (folder / f"r{len(list(folder.iterdir()))}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return write_reports(tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def panel(reports):
    return build_panel(sorted(reports.iterdir()))


def test_the_fixture_panel_pairs_targets_and_outcomes(panel):
    gdp = panel.rows[(panel.rows.indicator_id == "gdp") & (panel.rows.place == "测试市")]
    assert list(gdp.year) == [2012, 2013, 2014, 2015]
    y2013 = gdp[gdp.year == 2013].iloc[0]
    assert (y2013.target_display, y2013.actual_display, y2013.met) == ("7%左右", "+7.5%", True)


def test_stata_file_reads_back_with_labels(panel, tmp_path):
    from pandas.io.stata import StataReader

    from reportx.output.stata import write_stata

    path = tmp_path / "panel.dta"
    write_stata(panel.rows, path, LABELS)
    back = pd.read_stata(path)
    assert list(back.columns) == list(COLUMNS)
    assert len(back) == len(panel.rows)
    assert set(back.place) == {"测试市", "样例县"}
    assert back.year.tolist() == panel.rows.year.tolist()
    met = back.met.tolist()
    assert {m for m in met if m == m} == {0.0, 1.0} and any(m != m for m in met)
    with StataReader(path) as reader:
        labels = reader.variable_labels()
    assert labels["gap"] == LABELS["gap"] and labels["place"].startswith("place")
    assert all(len(text) <= 80 for text in labels.values())


def test_stata_holds_a_sentence_longer_than_its_string_limit(tmp_path):
    from reportx.output.stata import write_stata

    frame = pd.DataFrame({"sentence": ["很长的句子。" * 400, None], "met": [True, None]})
    write_stata(frame, tmp_path / "long.dta")
    back = pd.read_stata(tmp_path / "long.dta")
    assert back.sentence[0] == "很长的句子。" * 400 and back.sentence[1] == ""
    assert back.met[0] == 1.0 and back.met[1] != back.met[1]


def test_parquet_keeps_types_and_descriptions(panel, tmp_path):
    import pyarrow.parquet as pq

    from reportx.output.parquet import write_parquet

    path = tmp_path / "panel.parquet"
    write_parquet(panel.rows, path, LABELS)
    back = pd.read_parquet(path)
    assert list(back.columns) == list(COLUMNS)
    assert str(back.met.dtype) == "boolean" and back.met.isna().any()
    assert back.year.dtype.kind == "i" and back.gap.dtype.kind == "f"
    field = pq.read_schema(path).field("target_value")
    assert field.metadata[b"description"].decode() == LABELS["target_value"]


def test_workbook_has_long_wide_and_sources_sheets_and_native_charts(panel, tmp_path):
    import openpyxl
    from openpyxl.chart import LineChart

    from reportx.views.panel.workbook import write_workbook

    path = tmp_path / "panel.xlsx"
    write_workbook(panel, panel.rows, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "panel" and book.sheetnames[-1] == "sources"
    wide_sheets = book.sheetnames[1:-1]
    assert "地区生产总值" in wide_sheets and "居民消费价格涨幅" in wide_sheets
    header = [c.value for c in book["panel"][1]]
    assert header == list(COLUMNS)
    gdp = book["地区生产总值"]
    assert [c.value for c in gdp[1]] == ["place", "series", 2012, 2013, 2014, 2015]
    rows = {(r[0], r[1]): r[2:] for r in gdp.iter_rows(min_row=2, values_only=True)}
    assert rows[("测试市", "target")] == (None, 7, 8, 7.5)
    assert rows[("测试市", "outcome")] == (8.5, 7.5, 8.9, None)
    for name in wide_sheets:
        charts = book[name]._charts
        assert len(charts) == 1 and isinstance(charts[0], LineChart)
        assert len(charts[0].series) == 2 * len(set(pd.read_excel(path, sheet_name=name).place))
    sources = pd.read_excel(path, sheet_name="sources")
    assert len(sources) == len(REPORTS) and sources.used.all()


def test_the_workbook_holds_control_characters_a_report_may_carry(panel, tmp_path):
    import openpyxl

    from reportx.views.panel.workbook import write_workbook

    rows = panel.rows.copy()
    rows.loc[0, "note"] = "a\x0bb\x01c"
    write_workbook(panel, rows, tmp_path / "ctl.xlsx")
    assert openpyxl.load_workbook(tmp_path / "ctl.xlsx")["panel"]["S2"].value == "a b\ufffdc"


def test_a_file_is_not_written_into_a_missing_folder(panel, tmp_path):
    from reportx.output.parquet import write_parquet

    with pytest.raises(OutputError, match="does not exist"):
        write_parquet(panel.rows, tmp_path / "nope" / "x.parquet")
    assert not (tmp_path / "nope").exists()


def test_the_chart_font_draws_chinese():
    from matplotlib.ft2font import FT2Font

    from reportx.views.panel.fonts import cjk_font

    font = FT2Font(str(cjk_font("海拉尔区")))
    assert all(font.get_char_index(ord(ch)) for ch in "海拉尔区地区生产总值目标实际")


def test_the_png_is_drawn_without_missing_glyphs(panel, tmp_path, rules):
    from reportx.views.panel.plot import write_plot

    path = tmp_path / "panel.png"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        note = write_plot(panel.rows, path, scales=rules.context["panel"]["chart_scales"])
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 20_000
    assert not [w for w in caught if "missing from" in str(w.message)]
    assert note == "4 charts"


def test_svg_and_html_work_offline(panel, tmp_path):
    from reportx.views.panel.plot import write_plot

    svg, page = tmp_path / "panel.svg", tmp_path / "panel.html"
    gdp = select(panel.rows, indicators=["gdp"])
    write_plot(gdp, svg)
    write_plot(gdp, page)
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "<text" not in text      # letters as outlines: no font needed
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "<?xml" not in html
    for needle in ("<script", "<link", " src=", "url(http", "@import"):
        assert needle not in html
    assert "测试市 · 地区生产总值" in html and "✓" in html


def test_too_many_series_are_cut_with_a_note(tmp_path, monkeypatch):
    from reportx.views.panel import plot

    monkeypatch.setattr(plot, "MAX_CHARTS", 2)
    rows = [{"place": f"地{i}", "indicator": "地区生产总值", "unit": "%", "year": 2020,
             "target_value": 5.0, "target_value_high": None, "target_direction": "increase",
             "actual_value": 5.1, "actual_direction": "increase", "met": True}
            for i in range(5)]
    note = plot.write_plot(pd.DataFrame(rows), tmp_path / "many.png")
    assert note.startswith("2 charts (the first 2 of 5;")


def test_a_plot_needs_a_known_suffix_and_something_to_draw(panel, tmp_path):
    from reportx.views.panel.plot import write_plot

    with pytest.raises(OutputError, match=r"\.png, \.svg or \.html"):
        write_plot(panel.rows, tmp_path / "x.gif")
    with pytest.raises(OutputError, match="nothing to plot"):
        write_plot(select(panel.rows, indicators=["nothing"]), tmp_path / "x.png")


def test_no_chinese_font_is_one_clear_error(panel, tmp_path, monkeypatch):
    import matplotlib

    from reportx.views.panel import fonts, plot

    monkeypatch.setattr(fonts, "CJK_FAMILIES", ("No Such Font",))
    with pytest.raises(OutputError, match="no installed font can draw Chinese.*fonts-wqy-microhei"):
        plot.write_plot(panel.rows, tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()
    latin = f"{matplotlib.get_data_path()}/fonts/ttf/DejaVuSans.ttf"
    monkeypatch.setenv("REPORTX_FONT", latin)
    with pytest.raises(OutputError, match="cannot draw"):
        plot.write_plot(panel.rows, tmp_path / "x.png")
    monkeypatch.setenv("REPORTX_FONT", str(tmp_path / "none.ttf"))
    with pytest.raises(OutputError, match="no such font file"):
        plot.write_plot(panel.rows, tmp_path / "x.png")
