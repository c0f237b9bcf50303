"""A file that holds several reports (a compilation, 政府工作报告汇编): told, said, each report read
with its own place and year (extract, compare, panel), and split into files of their own."""
from __future__ import annotations

import glob
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

import reportx
from reportx.cli import app
from reportx.engine.compilation import reports_of
from readers_fixtures import facts, seed_text

ROOT = Path(__file__).resolve().parents[1]
GUIGANG, YULIN = seed_text("guigang-2024"), seed_text("yulin-2024")
COMPILATION = GUIGANG.rstrip() + "\n\n" + YULIN
runner = CliRunner()


def _compilation_warnings(source) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reportx.load(source) if isinstance(source, Path) else reportx.load_text(source)
    return [str(w.message) for w in caught if "reports (a compilation?)" in str(w.message)]


def _parts(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return reports_of(reportx.load_text(text))


def test_two_reports_in_one_text_are_two_parts_each_from_its_title():
    parts = _parts(COMPILATION)
    assert [(p.key, p.city, p.year) for p in parts] == [("text-01", "贵港市", 2024),
                                                       ("text-02", "玉林市", 2024)]
    first, second = parts
    assert (first.offset, second.offset) == (0, len(first.text))
    assert first.text + second.text == COMPILATION
    assert second.text.startswith(YULIN.lstrip().splitlines()[0])


def test_reading_a_compilation_is_said(tmp_path):
    path = tmp_path / "huibian.txt"
    path.write_text(COMPILATION, encoding="utf-8")
    said = _compilation_warnings(path)
    assert len(said) == 1 and "holds 2 reports" in said[0] and "huibian-01, huibian-02" in said[0]


def test_each_report_of_a_compilation_gives_its_own_claims(tmp_path):
    path = tmp_path / "huibian.txt"
    path.write_text(COMPILATION, encoding="utf-8")
    claims = reportx.extract_file(path)
    by_doc = {}
    for c in claims:
        by_doc.setdefault((c.doc, c.city, c.year), []).append(c)
    assert list(by_doc) == [("huibian-01", "贵港市", 2024), ("huibian-02", "玉林市", 2024)]
    assert facts(by_doc["huibian-01", "贵港市", 2024]) == facts(reportx.extract(GUIGANG))
    assert facts(by_doc["huibian-02", "玉林市", 2024]) == facts(reportx.extract(YULIN))
    # offsets index the file's text, as `reportx text` prints it
    assert all(COMPILATION[c.start:c.end] == c.surface for c in claims)


def test_compare_and_panel_read_a_compilations_reports_apart(tmp_path):
    path = tmp_path / "huibian.txt"
    path.write_text(COMPILATION, encoding="utf-8")
    result = runner.invoke(app, ["compare", str(path), "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [__import__("json").loads(line) for line in result.stdout.splitlines()]
    gdp = {(r["doc"], r["value"]) for r in rows if r["indicator_id"] == "gdp" and r["unit"] == "%"
           and r["kind"] == "actual"}
    assert gdp == {("huibian-01", 0.1), ("huibian-02", 3.3)}
    from reportx.views.panel import build_panel

    panel = build_panel([path])
    assert set(panel.rows["place"]) == {"贵港市", "玉林市"}


def test_a_review_page_of_a_compilation_is_refused_in_one_line(tmp_path):
    path = tmp_path / "huibian.txt"
    path.write_text(COMPILATION, encoding="utf-8")
    result = runner.invoke(app, ["review", str(path), "-o", str(tmp_path / "page.html")])
    assert result.exit_code == 1 and "holds 2 reports (a compilation)" in result.output
    assert not (tmp_path / "page.html").exists()


def test_a_page_that_repeats_its_reports_opening_is_one_report():
    """A digest above the full text repeats the salutation and the opening sentence."""
    digest = ("政府工作报告——2024年2月3日在贵港市第六届人民代表大会第六次会议上 各位代表：现在，"
              "我代表市人民政府，向大会报告工作，请予审议。\n\n")
    assert len(_parts(digest + GUIGANG)) == 1
    assert _compilation_warnings(digest + GUIGANG) == []


def test_a_report_shown_twice_is_one_report():
    """A mirror that copies the whole report twice: the same place and year twice."""
    assert len(_parts(GUIGANG + "\n\n" + GUIGANG)) == 1


def test_an_opening_quoted_inside_a_paragraph_is_none():
    quoted = GUIGANG.replace("着力稳住工业大盘。", "着力稳住工业大盘。“现在，我代表市人民政府，向大会报告工作。”"
                             "这句话，我们每年都郑重地说。\n", 1)
    assert quoted != GUIGANG and len(_parts(quoted)) == 1


def test_the_sessions_plan_or_budget_report_after_it_is_no_second_work_report():
    for opening in ("受市人民政府委托，现在向大会报告2023年国民经济和社会发展计划执行情况与2024年计划草案",
                    "我代表市人民政府，向大会报告2023年预算执行情况和2024年预算草案"):
        text = GUIGANG + "\n\n关于贵港市2023年预算执行情况的报告\n各位代表：\n" + opening + "，请予审议。\n" \
            + YULIN[-3000:]
        assert len(_parts(text)) == 1, opening


@pytest.mark.parametrize("opening", ["现在，由我代表市人民政府作工作报告，请予审议。",
                                     "受市人民政府委托，现在我向大会作政府工作报告，请予审议。",
                                     "我谨代表市人民政府，向大会报告工作，请予审议。"])
def test_openings_in_other_words_start_a_report(opening):
    head, body = YULIN.split("现在，我代表市人民政府，向大会报告政府工作", 1)
    yulin = head + opening + body.split("。", 1)[1]
    assert [p.city for p in _parts(GUIGANG.rstrip() + "\n\n" + yulin)] == ["贵港市", "玉林市"]


def test_a_short_report_between_two_is_one_of_three():
    town = ("城关镇2024年政府工作报告\n——2024年1月10日在城关镇第十八届人民代表大会第三次会议上\n"
            "各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。\n"
            + "一、2023年工作回顾\n全镇地区生产总值增长5.6%，一般公共预算收入完成1.2亿元。\n" * 30
            + "二、2024年主要目标\n地区生产总值增长6%左右。\n")
    text = GUIGANG.rstrip() + "\n\n" + town + "\n" + YULIN
    assert [p.city for p in _parts(text)] == ["贵港市", "城关镇", "玉林市"]


def test_the_tail_of_the_report_before_stays_with_it():
    """An appendix's short items and a page number end the report before, not open the next."""
    tail = "\n附件\n2024年民生实事\n1.新增学位5000个\n2.改造老旧小区30个\n— 38 —\n"
    parts = _parts(GUIGANG.rstrip() + tail + YULIN)
    assert parts[0].text.endswith(tail) and parts[1].text.startswith(YULIN.lstrip().splitlines()[0])


def test_a_compilation_in_traditional_characters_is_split_alike(tmp_path):
    from reportx.engine.document import to_simplified  # noqa: F401  (OpenCC is a dependency)
    import opencc

    converter = opencc.OpenCC("s2t")
    text = converter.convert(COMPILATION)
    assert [p.year for p in _parts(text)] == [2024, 2024]
    source = tmp_path / "trad.txt"
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["split", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0 and len(list((tmp_path / "out").iterdir())) == 2


def test_no_real_report_kept_here_is_taken_for_a_compilation():
    files = [Path(p) for p in glob.glob(str(ROOT / "tests" / "heldout" / "*" / "*.txt"))
             + glob.glob(str(ROOT.parent / "shared" / "corpus" / "*"))
             if not p.endswith((".md", ".json", ".tsv"))]
    assert len(files) > 100
    taken = []
    for path in files:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                doc = reportx.load(path)
        except reportx.errors.InputError:
            continue
        if len(reports_of(doc)) > 1:
            taken.append(path.name)
    assert taken == []


def test_split_writes_each_report_and_panel_reads_them_apart(tmp_path):
    source = tmp_path / "huibian.txt"
    source.write_text(COMPILATION, encoding="utf-8")
    out = tmp_path / "reports"
    result = runner.invoke(app, ["split", str(source), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    written = sorted(out.iterdir())
    assert [p.name for p in written] == ["huibian-01.txt", "huibian-02.txt"]
    assert "".join(p.read_text(encoding="utf-8") for p in written) == COMPILATION
    assert "贵港市" in result.stdout and "玉林市" in result.stdout
    places = {c.city for p in written for c in reportx.extract_file(p)}
    assert places == {"贵港市", "玉林市"}


def test_split_never_replaces_a_file_unless_told(tmp_path):
    source = tmp_path / "huibian.txt"
    source.write_text(COMPILATION, encoding="utf-8")
    there = tmp_path / "huibian-02.txt"
    there.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["split", str(source), "-o", str(tmp_path)])
    assert result.exit_code == 1 and "already there" in result.output
    assert there.read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "huibian-01.txt").exists()
    result = runner.invoke(app, ["split", str(source), "-o", str(tmp_path), "--force"])
    assert result.exit_code == 0
    assert there.read_text(encoding="utf-8").startswith(YULIN.lstrip().splitlines()[0])


def test_split_of_one_report_writes_nothing(tmp_path):
    result = runner.invoke(app, ["split", "guigang", "-o", str(tmp_path)])
    assert result.exit_code == 0 and "holds one report" in result.output
    assert list(tmp_path.iterdir()) == []


def test_split_into_a_file_is_an_error(tmp_path):
    source = tmp_path / "huibian.txt"
    source.write_text(COMPILATION, encoding="utf-8")
    result = runner.invoke(app, ["split", str(source), "-o", str(source)])
    assert result.exit_code == 1 and "is not a folder" in result.output
