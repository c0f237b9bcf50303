"""A dataset's table of reports saved as CSV, one report a row in a text field (province, year,
title, source_url, publish_date, full_text: the shape scraped collections publish): read as text,
its header line frames nothing, a row's quoting leaves the report's claims as they are, and rows
of whole reports are a compilation, each read as a report of its own."""
from __future__ import annotations

import csv
import io
import warnings
from pathlib import Path

import pytest

import reportx
from reportx.engine.compilation import reports_of
from readers_fixtures import facts, seed_text

# (the reader says it read a table: asked for in one test, not wanted in the others' output)
pytestmark = pytest.mark.filterwarnings("ignore:.*read as a table")

GUIGANG, YULIN = seed_text("guigang-2024"), seed_text("yulin-2024")
HEADER = ["province", "year", "title", "source_url", "publish_date", "full_text"]


def _table(tmp_path: Path, rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADER)
    writer.writerows(rows)
    path = tmp_path / "reports.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def _row(place: str, text: str) -> list[str]:
    return ["广西壮族自治区", "2024", f"2024年{place}政府工作报告", "https://example.org/r?id=1&p=2",
            "2024-02-01", text]


def test_one_report_in_a_row_gives_its_texts_claims(tmp_path):
    path = _table(tmp_path, [_row("贵港市", GUIGANG)])
    assert facts(reportx.extract(path)) == facts(reportx.extract(GUIGANG))
    doc = reportx.load(path)
    assert (doc.city, doc.year) == ("贵港市", 2024)


def test_rows_of_whole_reports_are_each_read_as_a_report(tmp_path):
    path = _table(tmp_path, [_row("贵港市", GUIGANG), _row("玉林市", YULIN)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")       # (the compilation's note)
        parts = reports_of(reportx.load(path))
        claims = reportx.extract(path)
    assert [(p.city, p.year) for p in parts] == [("贵港市", 2024), ("玉林市", 2024)]
    by_doc = {p.key: [c for c in claims if c.doc == p.key] for p in parts}
    first, second = (by_doc[p.key] for p in parts)
    assert facts(first) == facts(reportx.extract(GUIGANG))
    assert facts(second) == facts(reportx.extract(YULIN))


def test_a_quote_doubled_inside_a_field_leaves_the_figures_alone(tmp_path):
    """CSV doubles a straight quote inside a field (""十四五""): the figures around it read as they do
    in the text."""
    text = GUIGANG.replace("“", '"').replace("”", '"')
    path = _table(tmp_path, [_row("贵港市", text)])
    assert '""' in path.read_text(encoding="utf-8")
    assert [c.value for c in reportx.extract(path)] == [c.value for c in reportx.extract(text)]


def test_json_lines_and_a_json_array_of_records(tmp_path):
    import json

    records = [{"id": 1, "title": "2024年贵港市政府工作报告", "content": GUIGANG},
               {"id": 2, "title": "2024年玉林市政府工作报告", "content": YULIN}]
    lines = tmp_path / "reports.jsonl"
    lines.write_text("\n".join(json.dumps(r, ensure_ascii=True) for r in records) + "\n",
                     encoding="utf-8")
    array = tmp_path / "reports.json"
    array.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
    for path in (lines, array):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parts = reports_of(reportx.load(path))
        assert [(p.city, p.year) for p in parts] == [("贵港市", 2024), ("玉林市", 2024)]
    one = tmp_path / "one.json"
    one.write_text(json.dumps(records[0]), encoding="utf-8")     # \n and \uXXXX escapes
    assert facts(reportx.extract(one)) == facts(reportx.extract(GUIGANG))


def test_a_tab_separated_table_without_a_title_field(tmp_path):
    path = tmp_path / "reports.tsv"
    body = GUIGANG.replace("\t", " ")
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t").writerows([["place", "text"], ["贵港市", body]])
    path.write_text(buf.getvalue(), encoding="utf-8")
    assert facts(reportx.extract(path)) == facts(reportx.extract(body))


def test_the_reader_says_it_read_a_table(tmp_path):
    path = _table(tmp_path, [_row("贵港市", GUIGANG)])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reportx.load(path)
    assert any("table of 1 record" in str(w.message) and "'full_text'" in str(w.message)
               for w in caught)


def test_a_report_whose_first_line_has_commas_is_no_table(tmp_path):
    """A report's own first line may hold ASCII commas (各位代表,现在,我代表…); its text is read as
    it is, the same with or without them."""
    text = "各位代表,同志们,朋友们:\n" + GUIGANG
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read = reportx.load(path).text
    assert read == text and not any("table" in str(w.message) for w in caught)


def test_a_table_with_no_report_text_in_it_is_an_error(tmp_path):
    from reportx.errors import InputError

    path = tmp_path / "numbers.csv"
    path.write_text("year,gdp\n2023,5.2\n2024,5.0\n", encoding="utf-8")
    try:
        reportx.load(path)
    except InputError as exc:
        assert "no Chinese report text" in str(exc)
    else:
        raise AssertionError("a table of numbers read as a report")


def test_a_title_line_with_a_tab_and_a_date_is_no_header(tmp_path):
    """2024年贵港市政府工作报告<TAB>2024年1月10日, paragraphs indented by tabs: a report, not a TSV."""
    text = "2024年贵港市政府工作报告\t2024年1月10日\n" + "\n".join("\t" + line for line in
                                                       GUIGANG.splitlines())
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert reportx.load(path).text == text


def test_lines_that_each_hold_one_comma_are_no_table(tmp_path):
    """Every line of a short report with one ASCII comma in it: no record holds a report's worth."""
    text = ("各位代表,现在我代表市政府报告工作。\n一、2023年工作回顾,过去一年极不平凡。\n"
            "全市地区生产总值增长5.2%,城镇新增就业1.6万人。\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert reportx.load(path).text == text
