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
from reportx.engine.compilation import report_spans
from reportx.engine.document import fold
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


def test_two_reports_in_one_text_are_two_spans_each_from_its_title():
    spans = report_spans(fold(COMPILATION))
    assert len(spans) == 2
    (a, b), (c, d) = spans
    assert (a, b, d) == (0, c, len(COMPILATION))
    assert COMPILATION[c:].startswith(YULIN.lstrip().splitlines()[0])
    cities = [reportx.load_text(COMPILATION[s:e]).city for s, e in spans]
    assert cities == ["贵港市", "玉林市"]


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
    assert len(report_spans(fold(digest + GUIGANG))) == 1
    assert _compilation_warnings(digest + GUIGANG) == []


def test_no_real_report_kept_here_is_taken_for_a_compilation():
    files = [Path(p) for p in glob.glob(str(ROOT / "tests" / "heldout" / "*" / "*.txt"))
             + glob.glob(str(ROOT.parent / "shared" / "corpus" / "*"))
             if not p.endswith((".md", ".json", ".tsv"))]
    assert len(files) > 100
    taken = []
    for path in files:
        try:
            text = reportx.readers.loading.read_text(path)
        except reportx.errors.InputError:
            continue
        if len(report_spans(fold(text))) > 1:
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
