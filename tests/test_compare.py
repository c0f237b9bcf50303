"""`reportx compare` and `reportx.compare`: every headline figure of the bundled reports
(tests/gold/*.key.json) sits in the right cell with the right value, unit and qualifier, read
back from CSV, the workbook and JSON Lines; repeats, one report, three reports and a report
without headline figures behave.

The expected cell text is built from the gold, not from the code: the figure as the annotator
marked it (tests/gold/*.jsonl `surface`, full-width folded), a sign for a rising or falling rate
in the results (`+0.1%`, `-8.8%`), and the qualifier word (左右 / 以上 / 以内).
"""
from __future__ import annotations

import doctest
import json
import math

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from reportx.cli import app
from reportx.engine.document import build_document, fold

from conftest import GOLD, ROOT, SEEDS

runner = CliRunner()
DOCS = ("guigang-2024", "yulin-2024")
CONTRACT_ROW = ["indicator_id", "indicator", "period", "kind", "doc", "city", "value", "unit",
                "qualifier", "direction", "value_high", "display"]
SUFFIX = {None: "", "approx": "左右", "at_least": "以上", "at_most": "以内"}

# A report that states its figures more than once: 2023 growth in the opening and again later,
# the 2024 target first as 力争 (6%以上), then in the main goals paragraph, then in a section.
REPEATS = """测试市2024年政府工作报告
——2024年1月10日在测试市第一届人民代表大会第四次会议上 市长 某某

一、2023年工作回顾
全市地区生产总值增长3％，新增学位2000个，脱贫人口人均纯收入增长10％。
从全年看，地区生产总值增长3.2％。
二、2024年工作安排
力争地区生产总值增长6％以上。
今年经济社会发展的主要预期目标是：地区生产总值增长5％左右，城镇新增就业2万人。
（一）稳增长
确保地区生产总值增长5％左右。
"""
# A report with numbers but no headline indicator among them.
NO_HEADLINE = """某某县2024年政府工作报告
——2024年1月12日在某某县第十八届人民代表大会第四次会议上 县长 某某

一、2023年工作回顾
新建公园3个，修缮古桥2座。
"""


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def _gold_keys():
    """(doc, key record, the gold figure as written) for every headline figure."""
    out = []
    for doc in DOCS:
        records = [json.loads(line) for line in (GOLD / f"{doc}.jsonl").read_text("utf-8").splitlines()]
        for k in json.loads((GOLD / f"{doc}.key.json").read_text("utf-8")):
            same = [r for r in records if r["key"] == k["key"] and r["period"] == k["period"]
                    and r["kind"] == k["kind"] and r["unit"] == k["unit"]
                    and math.isclose(r["value"], k["value"])]
            assert same, f"gold record for {doc} {k}"
            out.append((doc, k, same[0]["surface"]))
    return out


GOLD_KEYS = _gold_keys()


def _expected_display(key: dict, surface: str) -> str:
    sign = ""
    if key["unit"] in ("%", "pp", "x"):
        if key["direction"] == "decrease":
            sign = "-"
        elif key["direction"] == "increase" and key["kind"] == "actual":
            sign = "+"
    suffix = SUFFIX[key["qualifier"]]
    assert surface + suffix in key["surface"]  # the key phrase says it so
    return sign + fold(surface) + suffix


def _ids(item):
    doc, k, _ = item
    return f"{doc}:{k['key']}:{k['period']}:{k['unit']}"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """The bundled pair compared once into each format."""
    folder = tmp_path_factory.mktemp("compare")
    result = {}
    for fmt in ("csv", "jsonl", "xlsx"):
        path = folder / f"both.{fmt}"
        res = run("compare", "guigang", "yulin", "-o", path)
        assert res.exit_code == 0, res.output
        result[fmt] = path
    return result


@pytest.fixture(scope="module")
def wide_csv(outputs):
    frame = pd.read_csv(outputs["csv"], encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return frame


@pytest.fixture(scope="module")
def wide_xlsx(outputs):
    return pd.read_excel(outputs["xlsx"], sheet_name="comparison", dtype=str,
                         keep_default_na=False)


@pytest.fixture(scope="module")
def jsonl_rows(outputs):
    return [json.loads(line) for line in outputs["jsonl"].read_text("utf-8").splitlines()]


def _cell(wide, doc, k):
    hit = wide[(wide.indicator_id == k["key"]) & (wide.unit == k["unit"])
               & (wide.period == k["period"]) & (wide.kind == k["kind"])]
    assert len(hit) == 1, f"one row for {k['key']} {k['unit']} {k['period']} {k['kind']}"
    return hit.iloc[0][doc]


@pytest.mark.parametrize("item", GOLD_KEYS, ids=_ids)
def test_headline_figure_in_csv_cell(wide_csv, item):
    doc, k, surface = item
    assert _cell(wide_csv, doc, k) == _expected_display(k, surface)


@pytest.mark.parametrize("item", GOLD_KEYS, ids=_ids)
def test_headline_figure_in_workbook_cell(wide_xlsx, item):
    doc, k, surface = item
    assert _cell(wide_xlsx, doc, k) == _expected_display(k, surface)


@pytest.mark.parametrize("item", GOLD_KEYS, ids=_ids)
def test_headline_figure_in_jsonl_row(jsonl_rows, item):
    doc, k, surface = item
    hit = [r for r in jsonl_rows if r["doc"] == doc and r["indicator_id"] == k["key"]
           and r["unit"] == k["unit"] and r["period"] == k["period"] and r["kind"] == k["kind"]]
    assert len(hit) == 1
    row = hit[0]
    assert math.isclose(row["value"], k["value"])
    assert (row["qualifier"], row["direction"]) == (k["qualifier"], k["direction"])
    assert row["display"] == _expected_display(k, surface)


def test_jsonl_rows_follow_the_contract(jsonl_rows):
    assert list(jsonl_rows[0])[:len(CONTRACT_ROW)] == CONTRACT_ROW
    keys = [(r["indicator_id"] or r["indicator"], r["unit"], r["period"], r["kind"], r["doc"])
            for r in jsonl_rows]
    assert len(keys) == len(set(keys))  # one object per (indicator, unit, period, kind, doc)
    assert {r["city"] for r in jsonl_rows} == {"贵港市", "玉林市"}


def test_wide_cells_are_empty_where_a_report_says_nothing(wide_csv):
    # each report's column is followed by its numbers (DOC value, DOC value_high, DOC qualifier)
    assert [c for c in wide_csv.columns if " " not in c] == ["indicator_id", "indicator", "unit",
                                                           "period", "kind", *DOCS]
    row = wide_csv[(wide_csv.indicator_id == "gdp_secondary") & (wide_csv.period == "2023")].iloc[0]
    assert (row["guigang-2024"], row["yulin-2024"]) == ("-8.8%", "")


def test_rows_follow_catalog_order_results_then_targets(wide_csv, rules):
    catalog = [ind.id for ind in rules.indicators if ind.headline]
    kinds = list(wide_csv.kind)
    assert kinds == sorted(kinds, key=["actual", "target"].index)
    for kind in ("actual", "target"):
        ids = list(dict.fromkeys(wide_csv[wide_csv.kind == kind].indicator_id))
        assert ids == sorted(ids, key=catalog.index)


def test_workbook_sheets_frozen_sized_numbers(outputs):
    path = outputs["xlsx"]
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["comparison", "rows", "claims", "sources"]
    from reportx.engine.claim import CLAIM_FIELDS

    assert list(sheets["claims"].columns) == list(CLAIM_FIELDS)
    assert set(sheets["claims"].doc) == set(DOCS)
    sources = sheets["sources"].set_index("doc")
    assert sources.loc["guigang-2024", "city"] == "贵港市"
    assert sources.loc["yulin-2024", "speaker"] == "张惠强"
    assert str(sources.loc["yulin-2024", "date"])[:10] == "2024-02-29"  # a date cell
    assert sources.loc["yulin-2024", "file"].endswith("yulin-2024.txt")
    wb = openpyxl.load_workbook(path)
    for ws in wb:
        assert ws.freeze_panes == "A2"
        assert ws.column_dimensions["A"].width > 8
    rows = wb["rows"]
    header = [c.value for c in rows[1]]
    value = rows.cell(row=2, column=header.index("value") + 1)
    assert value.data_type == "n" and isinstance(value.value, float)
    claims = wb["claims"]
    header = [c.value for c in claims[1]]
    assert claims.cell(row=2, column=header.index("start") + 1).data_type == "n"


def test_table_reads_like_the_reports():
    res = run("compare", "guigang", "yulin")
    assert res.exit_code == 0
    out = res.stdout
    for text in ("贵港市", "玉林市", "地区生产总值 · 2023 实际", "地区生产总值 · 2024 目标",
                 "+0.1%", "-8.8%", "5%左右", "5.5%以上", "149.3万吨", "1.3万个", "—"):
        assert text in out, text
    assert out.index("2023 实际") < out.index("2024 目标")


def test_verbose_table_shows_the_sentences():
    res = run("compare", "guigang", "yulin", "--verbose")
    assert res.exit_code == 0
    assert "主要预期目标" in res.stdout
    assert "[1]" in res.stdout


def test_verbose_csv_adds_a_sentence_column_per_report():
    res = run("compare", "guigang", "yulin", "--format", "csv", "--verbose")
    frame = pd.read_csv(pd.io.common.StringIO(res.stdout), dtype=str, keep_default_na=False)
    assert "guigang-2024 sentence" in frame.columns
    gdp = frame[(frame.indicator_id == "gdp") & (frame.kind == "target")].iloc[0]
    assert "5％左右" in gdp["guigang-2024 sentence"]


def test_all_adds_shared_phrases_and_ids():
    headline = run("compare", "guigang", "yulin", "--format", "csv").stdout
    everything = run("compare", "guigang", "yulin", "--format", "csv", "--all").stdout
    assert "脱贫人口人均纯收入" not in headline
    frame = pd.read_csv(pd.io.common.StringIO(everything), dtype=str, keep_default_na=False)
    row = frame[frame.indicator == "脱贫人口人均纯收入"].iloc[0]
    assert (row["indicator_id"], row["guigang-2024"], row["yulin-2024"]) == ("", "+12.3%", "+13.7%")
    assert len(frame) > len(pd.read_csv(pd.io.common.StringIO(headline)))


def test_repeats_show_the_headline_and_lose_nothing(rules):
    from reportx.views.comparison import build_comparison

    doc = build_document(REPEATS, key="test-2024")
    result = build_comparison([doc], rules=rules)
    rows = result.rows.set_index(["indicator_id", "period", "kind"])
    target = rows.loc[("gdp", "2024", "target")]
    assert (target["display"], target["qualifier"], target["mentions"]) == ("5%左右", "approx", 3)
    assert "主要预期目标" in target["sentence"]
    actual = rows.loc[("gdp", "2023", "actual")]
    assert (actual["display"], actual["mentions"]) == ("+3%", 2)
    line = next(r for r in result.lines if r.ident == "gdp" and r.kind == "target")
    said = [m.display for m in result.cells[(line, "test-2024")]]
    assert said == ["5%左右", "6%以上", "5%左右"]


PART_YEAR = """政府工作报告
——2020年1月10日在测试市第五届人民代表大会第三次会议上
一、2019年工作回顾
2019年前三季度，全市地区生产总值增长6.1%，规模以上工业增加值增长7.2%。
GDP增速逐季攀升，上半年3.2%、前三季度4.4%、预计全年5%左右。
1-11月，社会消费品零售总额增长8%；全年固定资产投资增长9%。
上半年，一般公共预算收入比2018年同期增长6%。
全年工业总产值同比下降7.7%，降幅较上半年收窄15.5个百分点；进出口总额完成1513亿元，同比增长2.2%。
经济效益提升，规模以上工业企业利润1-11月增长31.2%；城乡居民人均可支配收入增长7.9%。
1—11月外贸进出口总额增长6.1%；地方一般公共预算收入增长4.4%；全市实际使用外资增长3%。
全市城镇调查失业率从上半年5.6%降到5.2%。
截至10月底，全市接待游客增长12%。截至12月底，旅游收入增长15%。
"""


@pytest.mark.parametrize("ident, shown", [
    ("gdp", "5%左右"),                      # the year's, after two parts of it
    ("industrial_value_added", None),       # only the first three quarters': no year's figure
    ("retail_sales", None),                 # 1-11月
    ("fixed_asset_investment", "+9%"),      # 全年 after the part-year clause
    ("fiscal_revenue", None),               # 比2018年同期: a year compared with, not the figure's
    ("foreign_trade", "+2.2%"),             # 较上半年: a part compared with, not the figure's
    ("disposable_income", "+7.9%"),         # 1-11月 inside the ；-part before: that part's only
    ("actual_foreign_investment", None),    # 1—11月 opening its sentence covers its ；-parts
    ("unemployment_rate", "5.2%"),          # 从上半年…降到: the part dates only the pair's start
    ("tourist_arrivals", None),             # 截至10月底: so far, not the year's
    ("tourism_revenue", "+15%"),            # 截至12月底: the whole year
])
def test_a_figure_for_part_of_a_year_fills_no_years_cell(rules, ident, shown):
    from reportx.views.comparison import build_comparison

    doc = build_document(PART_YEAR, key="test-2020")
    rows = build_comparison([doc], rules=rules).rows
    found = rows[(rows["indicator_id"] == ident) & (rows["period"] == "2019") & (rows["unit"] == "%")]
    assert (found["display"].tolist() or [None])[0] == shown


def _rate_cells(rules, text: str, key: str, period: str):
    """compare's % cells of one report's period, by indicator id."""
    from reportx.views.comparison import build_comparison

    rows = build_comparison([build_document(text, key=key)], rules=rules).rows
    return rows[(rows["period"] == period) & (rows["unit"] == "%")].set_index("indicator_id")


@pytest.mark.parametrize("year, body, ident, shown, parts", [
    # 1-12月 is the year's figure; 1-11月, 11-12月 in the same report are parts of it
    (2013, "1-12月份，服务业增加值增长9.5%。1-11月，固定资产投资增长12%。11-12月，社会消费品零售总额增长8%。"
           "十一至十二月，进出口总额增长6%。", "gdp_tertiary", "+9.5%",
     {"fixed_asset_investment", "retail_sales", "foreign_trade"}),
    # a quarter named after its indicator (GDP一季度) is when, not what: the list's subject is GDP
    (2024, "GDP一季度累计增长4.7%、二季度累计增长6.3%、三季度累计增长6.6%，全年累计增长6.7%。\n"
           "第四季度，固定资产投资增长3%。", "gdp", "+6.7%", {"fixed_asset_investment"}),
])
def test_parts_of_a_year_leave_the_years_cell_to_the_whole(rules, year, body, ident, shown, parts):
    text = (f"政府工作报告\n——{year}年1月10日在测试市第九届人民代表大会第三次会议上\n"
            f"一、{year - 1}年工作回顾\n{body}\n")
    found = _rate_cells(rules, text, f"test-{year}", str(year - 1))
    assert found.loc[ident, "display"] == shown
    assert not parts & set(found.index)


@pytest.mark.parametrize("sentence, ident, shown", [
    ("全年地区生产总值增长5.2%，增速较第三季度提高0.8个百分点，规上工业增加值增长7%。", "industrial_value_added", "+7%"),
    ("与第四季度相比，全市固定资产投资增长3%。", "fixed_asset_investment", "+3%"),
    ("二季度以来，主要经济指标逐月回升，地区生产总值增长5.5%。", "gdp", "+5.5%"),
])
def test_a_quarter_compared_with_or_a_trend_since_one_leaves_the_years_cell(rules, sentence, ident,
                                                                             shown):
    from reportx.views.comparison import build_comparison

    text = "政府工作报告\n——2024年1月10日在测试市第九届人民代表大会第三次会议上\n一、2023年工作回顾\n" + sentence
    rows = build_comparison([build_document(text, key="test-2024")], rules=rules).rows
    found = rows[(rows["period"] == "2023") & (rows["unit"] == "%")].set_index("indicator_id")
    assert found.loc[ident, "display"] == shown


TWO_SERIES = """政府工作报告
——2019年1月10日在测试县第十六届人民代表大会第三次会议上
一、2018年工作回顾
全年实现地区生产总值170.98亿元，增长8%；公共财政收入14.5亿元，增长10%；地方公共财政收入8.06亿元，增长8%。
"""


def test_of_two_series_of_one_id_the_catalogs_preferred_one_fills_the_cell(rules):
    # 公共财政收入 holds the central government's share; the local series is fiscal_revenue
    from reportx.views.comparison import build_comparison

    doc = build_document(TWO_SERIES, key="test-2019")
    rows = build_comparison([doc], rules=rules).rows.set_index(["indicator_id", "unit", "period"])
    assert rows.loc[("fiscal_revenue", "CNY", "2018")]["display"] == "8.06亿元"
    assert rows.loc[("fiscal_revenue", "%", "2018")]["display"] == "+8%"
    assert rows.loc[("fiscal_revenue", "CNY", "2018")]["mentions"] == 2     # nothing dropped
    budget = TWO_SERIES.replace("地方公共财政收入8.06亿元", "公共财政预算收入8.06亿元")
    rows = build_comparison([build_document(budget, key="test-2019")], rules=rules).rows
    assert rows.set_index(["indicator_id", "unit", "period"]).loc[
        ("fiscal_revenue", "CNY", "2018")]["display"] == "8.06亿元"
    # both names hold a preferred word (预算); the one holding more of them (地方, 预算) is the series
    wide = TWO_SERIES.replace("公共财政收入14.5亿元", "全口径一般预算收入14.5亿元") \
        .replace("地方公共财政收入8.06亿元", "地方一般预算收入8.06亿元")
    rows = build_comparison([build_document(wide, key="test-2019")], rules=rules).rows
    assert rows.set_index(["indicator_id", "unit", "period"]).loc[
        ("fiscal_revenue", "CNY", "2018")]["display"] == "8.06亿元"


PASSED_THEN_ABOUT = """一、2012年工作回顾
经济总量跨越了两千亿元和三千亿元两个台阶。预计2012年全市生产总值完成3440亿元左右。
"""


def test_a_threshold_passed_gives_way_to_a_figure_stated_about(rules):
    # 跨越了两千亿元…台阶 says the level passed; 完成3440亿元左右 says the level itself
    from reportx.views.comparison import build_comparison

    doc = build_document(PASSED_THEN_ABOUT, key="test-2013")
    rows = build_comparison([doc], rules=rules).rows.set_index(["indicator_id", "unit", "period"])
    assert rows.loc[("gdp", "CNY", "2012")]["display"] == "3440亿元左右"
    exact = PASSED_THEN_ABOUT.replace("3440亿元左右", "3440亿元")
    rows = build_comparison([build_document(exact, key="test-2013")], rules=rules).rows
    assert rows.set_index(["indicator_id", "unit", "period"]).loc[
        ("gdp", "CNY", "2012")]["display"] == "3440亿元"


def test_repeats_marked_in_table_and_listed_with_verbose(tmp_path):
    report = tmp_path / "test-2024.txt"
    report.write_text(REPEATS, encoding="utf-8")
    plain = run("compare", report, "guigang")
    assert plain.exit_code == 0
    assert "3%*" in plain.stdout and "stated more than once" in plain.stdout
    verbose = run("compare", report, "guigang", "-v")
    assert "3.2%" in verbose.stdout and "6%以上" in verbose.stdout
    assert "从全年看，地区生产总值增长3.2％。" in verbose.stdout


def test_one_report_with_itself(tmp_path):
    res = runner.invoke(app, ["compare", "guigang", "guigang", "--format", "csv"])
    assert res.exit_code == 0
    assert "only one report" in res.stderr
    frame = pd.read_csv(pd.io.common.StringIO(res.stdout), dtype=str, keep_default_na=False)
    assert [c for c in list(frame.columns)[5:] if " " not in c] == ["guigang-2024"]
    assert (frame["guigang-2024"] != "").all()
    both = run("compare", "guigang", SEEDS / "guigang-2024.txt", "--format", "jsonl").stdout
    assert both == run("compare", "guigang", "--format", "jsonl").stdout


def test_same_document_twice_in_the_library(rules):
    import reportx

    doc = reportx.load(SEEDS / "guigang-2024.txt")
    rows = reportx.compare([doc, doc], rules=rules)
    assert rows.attrs["docs"] == ["guigang-2024"]
    assert rows.equals(reportx.compare([SEEDS / "guigang-2024.txt"], rules=rules))


def test_same_stem_from_two_folders_gets_two_columns(tmp_path, rules):
    from reportx.views.comparison import build_comparison

    other = tmp_path / "copy"
    other.mkdir()
    (other / "guigang-2024.txt").write_bytes((SEEDS / "guigang-2024.txt").read_bytes())
    result = build_comparison([SEEDS / "guigang-2024.txt", other / "guigang-2024.txt"],
                              rules=rules)
    assert result.keys == ["guigang-2024", "copy/guigang-2024"]
    wide = result.wide()
    assert (wide["guigang-2024"] == wide["copy/guigang-2024"]).all()


def test_three_reports(tmp_path):
    report = tmp_path / "test-2024.txt"
    report.write_text(REPEATS, encoding="utf-8")
    res = run("compare", "yulin", report, "guigang", "--format", "csv")
    assert res.exit_code == 0
    frame = pd.read_csv(pd.io.common.StringIO(res.stdout), dtype=str, keep_default_na=False)
    assert [c for c in list(frame.columns)[5:] if " " not in c] == ["yulin-2024", "test-2024",
                                                                      "guigang-2024"]
    gdp = frame[(frame.indicator_id == "gdp") & (frame.kind == "target")].iloc[0]
    assert (gdp["yulin-2024"], gdp["test-2024"], gdp["guigang-2024"]) == ("5.5%以上", "5%左右", "5%左右")
    jobs = frame[(frame.indicator_id == "new_urban_jobs") & (frame.kind == "target")].iloc[0]
    assert (jobs["yulin-2024"], jobs["test-2024"], jobs["guigang-2024"]) == ("", "2万人", "")
    table = run("compare", "yulin", report, "guigang")
    assert "测试市" in table.stdout and "test-2024" in table.stdout


def test_report_without_headline_figures(tmp_path):
    report = tmp_path / "county-2024.txt"
    report.write_text(NO_HEADLINE, encoding="utf-8")
    res = run("compare", "guigang", report, "--format", "csv")
    assert res.exit_code == 0
    frame = pd.read_csv(pd.io.common.StringIO(res.stdout), dtype=str, keep_default_na=False)
    assert "county-2024" in frame.columns
    assert (frame["county-2024"] == "").all() and len(frame) > 20
    assert "—" in run("compare", "guigang", report).stdout

    alone = run("compare", report)
    assert alone.exit_code == 0
    assert "No headline figures in county-2024" in alone.stdout
    assert run("compare", report, "--format", "jsonl").stdout == ""
    header = run("compare", report, "--format", "csv").stdout.strip()
    assert header == ("indicator_id,indicator,unit,period,kind,county-2024,county-2024 value,"
                      "county-2024 value_high,county-2024 qualifier")
    out = tmp_path / "empty.xlsx"
    assert run("compare", report, "-o", out).exit_code == 0
    sheets = pd.read_excel(out, sheet_name=None)
    assert sheets["comparison"].empty and len(sheets["claims"]) == 2


def test_xlsx_needs_a_file_and_errors_are_one_line():
    res = runner.invoke(app, ["compare", "guigang", "yulin", "--format", "xlsx"])
    assert res.exit_code == 1
    assert res.stderr.startswith("reportx: error:") and "-o" in res.stderr
    res = runner.invoke(app, ["compare", "guigang", "nowhere-2024"])
    assert res.exit_code == 1 and "nowhere-2024" in res.stderr
    assert "Traceback" not in res.output


def test_library_returns_the_long_frame(rules):
    import reportx

    rows = reportx.compare([SEEDS / "guigang-2024.txt", SEEDS / "yulin-2024.txt"], rules=rules)
    assert list(rows.columns)[:len(CONTRACT_ROW)] == CONTRACT_ROW
    assert rows.attrs["docs"] == list(DOCS)
    gdp = rows[(rows.indicator_id == "gdp") & (rows.kind == "target")]
    assert list(gdp.display) == ["5%左右", "5.5%以上"]
    assert rows.value.dtype == float


def test_display_doctests():
    from reportx.views import comparison

    failures, tried = doctest.testmod(comparison)
    assert tried and not failures


def test_relative_lines_reports_of_different_years_up():
    """--relative: one place over two years in shared rows, 上年 results and 今年 targets, each cell
    the figure the report's own key (tests/real) gives for the year before it / its own year."""
    import json

    corpus = ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip("no corpus")
    names = ["hailar-2013", "hailar-2014"]
    res = CliRunner().invoke(app, ["compare", *(str(corpus / f"{n}.txt") for n in names),
                                   "--relative", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert {r["period"] for r in rows} == {"上年", "今年"}
    for name in names:
        year = int(name[-4:])
        key = json.loads((ROOT / "tests" / "real" / f"{name}.key.json").read_text(encoding="utf-8"))
        for entry in key:
            if entry["key"] != "gdp" or entry.get("value") is None:
                continue
            relative = "上年" if int(entry["period"]) == year - 1 else "今年"
            cell = [r for r in rows if r["doc"] == name and r["indicator_id"] == "gdp"
                    and r["unit"] == entry["unit"] and r["period"] == relative
                    and r["kind"] == entry["kind"]]
            assert len(cell) == 1 and cell[0]["value"] == pytest.approx(entry["value"])


def test_a_subheading_gives_way_to_the_sentence_it_heads(rules):
    """A newspaper copy's subheading (GDP增长9%新年小目标：涨8%) repeats figures its paragraph states
    in full: the cell shows the paragraph's, though the subheading comes first."""
    from reportx.views.comparison import build_comparison

    text = ("东岭区召开人民代表大会\n"
            "GDP增长9%新年小目标：涨8%\n"
            "初步预计，2017年全年全区地区生产总值完成567亿元，增长9%。\n"
            "2018年，东岭区给自己定下了目标：地区生产总值增长8%以上，固定资产投资增长8%以上。\n")
    doc = build_document(text, key="dongling-2018", year=2018)
    rows = build_comparison([doc], rules=rules).rows.set_index(["indicator_id", "period", "kind"])
    target = rows.loc[("gdp", "2018", "target")]
    assert (target["display"], target["qualifier"]) == ("8%以上", "at_least")
    assert "定下了目标" in target["sentence"]


def test_a_level_beats_an_amount_of_change(rules):
    """An amount that fell or rose (减税减少一般公共预算收入1.3亿元) is a change of the indicator, not
    its level: the cell shows the level stated after it (完成一般公共预算收入19.09亿元)."""
    from reportx.views.comparison import build_comparison

    text = ("各位代表：\n一、2019年工作回顾\n"
            "在政策性减税减少一般公共预算收入1.3亿元的情况下，完成一般公共预算收入19.09亿元、增长6%。\n")
    doc = build_document(text, key="xian-2020", year=2020)
    rows = build_comparison([doc], rules=rules).rows
    level = rows[(rows.indicator_id == "fiscal_revenue") & (rows.unit == "CNY")].iloc[0]
    assert level["value"] == pytest.approx(1.909e9)


def test_a_level_reached_by_a_rise_is_a_level(rules):
    """提高到286亿元 names the level reached, not a change: it beats the base after it (比上年的268亿元)."""
    from reportx.views.comparison import build_comparison

    text = "各位代表：\n一、2023年工作回顾\n全县地区生产总值提高到286亿元，比上年的268亿元增长6%。\n"
    doc = build_document(text, key="xian-2024", year=2024)
    rows = build_comparison([doc], rules=rules).rows
    level = rows[(rows.indicator_id == "gdp") & (rows.unit == "CNY")].iloc[0]
    assert level["value"] == pytest.approx(2.86e10)


@pytest.mark.parametrize("sentence, ident, shown", [
    ("全市森林覆盖率提高到42.5%。", "forest_coverage", "42.5%"),          # a level reached by a rise
    ("常住人口城镇化率提升至64.8%。", "urbanization_rate", "64.8%"),
    ("规模以上工业增加值增速达到16.1%。", "industrial_value_added", "+16.1%"),  # a growth rate
    ("全市森林覆盖率提高1.2个百分点。", "forest_coverage", "+1.2个百分点"),
])
def test_a_level_reached_by_a_rise_reads_without_a_sign(rules, sentence, ident, shown):
    from reportx.views.comparison import build_comparison

    text = ("政府工作报告\n——2024年1月10日在测试市第九届人民代表大会第三次会议上\n一、2023年工作回顾\n"
            + sentence + "\n")
    rows = build_comparison([build_document(text, key="test-2024")], rules=rules).rows
    found = rows[(rows["indicator_id"] == ident) & (rows["period"] == "2023")]
    assert found["display"].tolist() == [shown]


@pytest.mark.parametrize("sentence, ident, unit, shown", [
    ("全市地区生产总值比上年增加320亿元，增长5.2%。", "gdp", "CNY", "+320亿元"),   # a change, not the level
    ("农村居民人均可支配收入增加约1207元。", "disposable_income_rural", "CNY", "+1207元左右"),
    ("粮食产量减少5万吨。", "grain_output", "t", "-5万吨"),
    ("城镇居民人均可支配收入增加到45000元。", "disposable_income_urban", "CNY", "45000元"),  # a level
    ("全市粮食产量稳定在120万吨。", "grain_output", "t", "120万吨"),
    ("城镇新增就业2.3万人。", "new_urban_jobs", "person", "2.3万人"),      # a flow: 新增 is its name
    ("义务教育学位增加1.2万个。", "new_school_places", "item", "1.2万个"),   # a flow, its verb after
    ("农村贫困人口减少0.8万人。", "rural_poverty_reduction", "person", "0.8万人"),  # a change itself
    ("社会消费品零售总额增速从上半年的8.2%回落到6.5%。", "retail_sales", "%", "6.5%"),  # slowed to
])
def test_an_amount_of_change_reads_with_its_sign(rules, sentence, ident, unit, shown):
    """Shown without a sign, 增加320亿元 would read as the year's level in a row of levels."""
    from reportx.views.comparison import build_comparison

    text = ("政府工作报告\n——2024年1月10日在测试市第九届人民代表大会第三次会议上\n一、2023年工作回顾\n"
            + sentence + "\n")
    rows = build_comparison([build_document(text, key="test-2024")], rules=rules).rows
    found = rows[(rows["indicator_id"] == ident) & (rows["unit"] == unit)]
    assert found["display"].tolist() == [shown]


def test_a_figure_that_counts_what_follows_its_verb_keeps_no_sign(rules):
    """增加1万个普惠性学前教育学位 counts the places added (a flow), as 新增学位1万个 does."""
    from reportx.views.comparison import build_comparison

    text = "政府工作报告\n一、2023年工作回顾\n（略）\n二、2024年工作安排\n增加1万个普惠性学前教育学位。\n"
    rows = build_comparison([build_document(text, key="test-2024", year=2024)], rules=rules).rows
    assert not any(d.startswith("+") for d in rows["display"]), rows["display"].tolist()


def test_a_two_tier_target_shows_both_tiers_and_judges_by_the_first(rules):
    """确保增长6.5%、力争7%以上: the cell reads as the report says it; the row's value is the tier the
    report commits to, the upper tier its own fields; a target not led by a word of striving, or
    in another sentence, is a restatement, not a tier."""
    from reportx.views.comparison import build_comparison
    from reportx.views.panel import panel

    text = ("政府工作报告\n——2024年1月10日在测试市第九届人民代表大会第三次会议上\n一、2023年工作回顾\n"
            "全市地区生产总值增长6.1%。\n二、2024年工作安排\n主要预期目标是：地区生产总值确保增长6.5%、力争7%以上；"
            "固定资产投资增长6%、7%左右；社会消费品零售总额增长9%。\n力争社会消费品零售总额增长10%。\n")
    doc = build_document(text, key="test-2024")
    rows = build_comparison([doc], rules=rules).rows.set_index(["indicator_id", "period", "kind"])
    gdp = rows.loc[("gdp", "2024", "target")]
    assert (gdp["display"], gdp["value"], gdp["stretch_value"], gdp["stretch_display"]) == \
        ("6.5%，力争7%以上", 6.5, 7.0, "7%以上")
    for ident in ("fixed_asset_investment", "retail_sales"):
        row = rows.loc[(ident, "2024", "target")]
        assert row["stretch_value"] is None or pd.isna(row["stretch_value"]), ident
        assert "，" not in row["display"]
    rows = panel([doc], rules=rules)
    target = rows[(rows.indicator_id == "gdp") & (rows.year == 2024)].iloc[0]
    assert (target["target_value"], target["target_display"]) == (6.5, "6.5%，力争7%以上")


def test_a_level_reached_after_a_growth_beats_the_milestone_it_passed(rules):
    """增长6.2%、总量达2168.5亿元，首破2000亿元大关: the cell shows the level, not the threshold."""
    from reportx.views.comparison import build_comparison

    text = "一、2023年工作回顾\n全市地区生产总值增长6.2%、总量达2168.5亿元，首破2000亿元大关。"
    rows = build_comparison([build_document(text, key="t-2024", year=2024)], rules=rules).rows
    cell = rows[(rows["indicator_id"] == "gdp") & (rows["unit"] == "CNY")]
    assert cell["value"].tolist() == [216850000000.0]


def test_a_share_of_a_year_before_fills_no_growth_cell(rules):
    """分别是2019年的113.7%和118.6%: the year's levels over 2019's, no growth of the year."""
    from reportx.views.comparison import build_comparison

    text = ("一、2023年工作回顾\n全年接待游客3558.2万人次，旅游收入292.7亿元，分别是2019年的113.7%和118.6%。"
            "规模以上工业增加值增长7.1%。")
    rows = build_comparison([build_document(text, key="t-2024", year=2024)], rules=rules).rows
    rates = rows[rows["unit"] == "%"]
    assert rates["indicator_id"].tolist() == ["industrial_value_added"]
    levels = rows[rows["unit"] != "%"]
    assert set(levels["indicator_id"]) == {"tourist_arrivals", "tourism_revenue"}


@pytest.mark.parametrize("body, shown", [
    # a kind of school place named first, the place's own later: the one the catalog names
    ("新增幼儿托位1580个、公办幼儿园学位2090个。教育事业持续进步，全市新增学位7620个。", "7620个"),
    # two kinds and no total: the earliest, as before
    ("新增幼儿园学位2300个。新增职业教育学位5700个。", "2300个"),
    # a milestone passed gives way to the level stated exactly, whatever the names
    ("地区生产总值突破5000亿元。全区实现生产总值5696亿元。", "5696亿元"),
])
def test_a_cell_shows_the_figure_named_as_the_catalog_names_it(rules, body, shown):
    from reportx.views.comparison import build_comparison

    doc = build_document("一、2023年工作回顾\n" + body + "\n二、2024年工作安排\n", key="test-2024")
    rows = build_comparison([doc], rules=rules).rows
    level = rows[(rows["period"] == "2023") & (rows["unit"].isin(["item", "CNY"]))]
    assert shown in level["display"].tolist()


def test_a_growth_target_set_against_the_province_shows_what_it_is_set_against(rules):
    from reportx.views.comparison import build_comparison

    doc = build_document("二、2024年工作安排\n全市经济社会发展主要预期目标是：地区生产总值增速高于全省"
                         "1个百分点左右，一般公共预算收入增长5%。", key="test-2024")
    rows = build_comparison([doc], rules=rules).rows
    gap = rows[(rows["indicator_id"] == "gdp") & (rows["unit"] == "pp")]
    assert gap["display"].tolist() == ["高于全省1个百分点左右"]
    assert gap["kind"].tolist() == ["target"]
