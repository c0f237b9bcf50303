"""`reportx review` without a browser: the page's data (every claim at its offsets, the headline
table as `compare` gives it, the diff fates as `eval` counts them), the agreement of two
annotation files, the self-contained file, and the command's errors. The page in a real browser:
test_review_browser.py."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from conftest import GOLD, ROOT, SEEDS
from reportx.cli import app
from reportx.views.agreement import agreement, cohen_kappa
from reportx.views.evaluation import evaluate, load_gold

runner = CliRunner()
GUIGANG = SEEDS / "guigang-2024.txt"


@pytest.fixture(scope="module")
def guigang_payload(rules):
    from reportx.views.review import review_payload

    return review_payload(GUIGANG, rules=rules)


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_every_claim_is_an_item_at_its_offsets(guigang_payload):
    result = runner.invoke(app, ["extract", str(GUIGANG), "--format", "jsonl"])
    claims = _jsonl(result.stdout)
    items = guigang_payload["items"]
    text = guigang_payload["doc"]["text"]
    assert [(i["start"], i["end"], i["surface"]) for i in items] == \
           [(c["start"], c["end"], c["surface"]) for c in claims]
    assert all(text[i["start"]:i["end"]] == i["surface"] for i in items)
    for item in items:
        s, e = item["sent"]
        assert s <= item["start"] < item["end"] <= e


def test_headline_table_is_what_compare_shows(guigang_payload):
    result = runner.invoke(app, ["compare", str(GUIGANG), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.stdout)
    panel = guigang_payload["headline"]
    assert [(r["display"], r["start"], r["end"], r["mentions"]) for r in panel] == \
           [(r["display"], r["start"], r["end"], r["mentions"]) for r in rows]
    assert all(r["indicator"] in p["label"] and r["period"] in p["label"] for p, r in zip(panel, rows))
    shown = {(i["start"], i["end"]) for i in guigang_payload["items"]
             if i.get("headline", {}).get("shown")}
    assert shown == {(r["start"], r["end"]) for r in rows}


def test_blocks_hold_every_line_and_headings_have_levels(guigang_payload):
    doc = guigang_payload["doc"]
    text = doc["text"]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert [text[s:e] for s, e, _, _ in doc["blocks"]] == lines
    levels = {text[s:e]: level for s, e, level, _ in doc["blocks"]}
    assert levels["政府工作报告"] == -1
    assert levels["一、2023年工作回顾"] == 1
    assert any(level == 2 for level in levels.values())


def test_page_is_one_file_that_fetches_nothing(guigang_payload):
    from reportx.views.review import html_page

    page = html_page(guigang_payload)
    assert not re.search(r"<(?:link|img|iframe)\b|<script[^>]*\bsrc=|@import|url\(", page)
    assert "default-src 'none'" in page       # the browser itself refuses any fetch
    assert page.count("</script>") == 2      # the data's and the code's, nothing from the text


def test_report_text_cannot_end_the_script_element(tmp_path, rules):
    from reportx.extraction import load
    from reportx.views.review import html_page, review_payload

    report = tmp_path / "odd-2024.txt"
    report.write_text("一、2023年工作回顾\n</script><!--地区生产总值增长1％ & 𠮷 @@DATA@@。\n", encoding="utf-8")
    payload = review_payload(load(report), rules=rules)
    page = html_page(payload)
    data = page.split('<script type="application/json" id="review-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["doc"]["text"] == payload["doc"]["text"]
    assert payload["doc"]["astral"] == [payload["doc"]["text"].index("𠮷")]


def test_kappa_of_a_textbook_table():
    # 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: observed 0.7, chance 0.5
    k = cohen_kappa([("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15)
    assert k.value == pytest.approx(0.4) and k.observed == pytest.approx(0.7) and k.pairs == 50
    assert cohen_kappa([("a", "a")] * 3).value is None      # one label only: undefined
    assert cohen_kappa([]).pairs == 0


def test_agreement_of_two_annotation_files():
    a = load_gold(GOLD / "guigang-2024.jsonl")
    assert agreement(a, a).span_f1 == 1.0 and agreement(a, a).value_f1 == 1.0
    b = [dict(r) for r in a]
    b[0]["kind"] = "target"                                  # a kind the other did not give
    b[1]["end"] -= 1                                         # a span one character short
    b[2]["value"] = b[2]["value"] * 10                       # another value
    del b[3]                                                 # a record the other left out
    result = agreement(a, b)
    required_a = len(a) - (a[3].get("optional") is True)
    assert result.pairs == len(a) - 1
    assert result.same_span == len(a) - 2
    assert result.same_value == len(a) - 2
    assert result.counted == required_a + len(b)
    assert result.span_f1 == pytest.approx(2 * (len(a) - 2) / (required_a + len(b)))
    kind = result.kappa["kind"]
    assert kind.observed == pytest.approx((len(a) - 2) / (len(a) - 1))
    assert 0 < kind.value < 1


def _perturbed_gold(records: list[dict], text: str) -> list[dict]:
    """A copy of a gold file with one of each fate: a record dropped (a false alarm), a value
    changed (a mismatch), a qualifier changed (an attribute difference), a record added where no
    claim is (a miss)."""
    gold = [dict(r) for r in records if not r.get("optional")]
    gold[1]["value"] = gold[1]["value"] * 3
    gold[2]["qualifier"] = "approx" if gold[2]["qualifier"] != "approx" else None
    del gold[0]
    taken = [(r["start"], r["end"]) for r in records]
    at = next(m.start() for m in re.finditer(r"\d{4}年", text)
              if not any(s < m.end() and m.start() < e for s, e in taken))
    gold.append({"doc": "guigang-2024", "start": at, "end": at + 4, "surface": text[at:at + 4],
                 "value": float(text[at:at + 4]), "unit": "year", "optional": False})
    return sorted(gold, key=lambda r: r["start"])


def test_diff_fates_are_counted_as_eval_counts_them(rules):
    from reportx.extraction import extract, load
    from reportx.views.review import diff_payload

    doc = load(GUIGANG)
    gold = _perturbed_gold(load_gold(GOLD / "guigang-2024.jsonl"), doc.text)
    payload = diff_payload(doc, gold, rules=rules)
    score = evaluate(gold, extract(doc, rules=rules), text=doc.text)
    fates = [i["fate"] for i in payload["items"]]
    assert fates.count("miss") == len(score.misses) >= 1
    assert fates.count("false_alarm") == len(score.false_alarms) >= 1
    assert fates.count("mismatch") == len(score.mismatches) >= 1
    assert fates.count("attribute") == len({d.start for d in score.disagreements}) >= 1
    assert fates.count("agree") + fates.count("attribute") == score.exact.tp
    assert payload["diff"]["score"]["exact"] == score.exact.to_dict()


def test_review_command_writes_the_page(tmp_path):
    out = tmp_path / "g.html"
    result = runner.invoke(app, ["review", "guigang", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"guigang-2024 → {out}" in result.stderr


def test_review_of_two_annotation_files_prints_their_agreement(tmp_path):
    gold = GOLD / "guigang-2024.jsonl"
    other = tmp_path / "b.jsonl"
    records = load_gold(gold)
    records[0]["kind"] = "target"
    other.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "diff.html"
    result = runner.invoke(app, ["review", str(gold), str(other), "guigang", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "b.jsonl against guigang-2024.jsonl: exact F1 1.000" in result.stderr
    assert "agreement: span F1 1.000, value F1 1.000; Cohen's kappa kind 0.9" in result.stderr


def test_review_open_launches_the_browser(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))     # the page it writes lands here
    result = runner.invoke(app, ["review", str(GOLD / "guigang-2024.jsonl"), "--open"])
    assert result.exit_code == 0, result.output
    assert len(opened) == 1 and opened[0].startswith("file://") and opened[0].endswith(".html")
    assert len(list(tmp_path.glob("reportx-review-*.html"))) == 1


@pytest.mark.parametrize("args, message", [
    (["guigang"], "give -o FILE.html"),
    (["guigang", "-o", "{tmp}/page.txt"], "give a name ending in .html"),
    (["guigang", "-o", "{tmp}"], "is a folder"),
    (["guigang", "yulin", "-o", "{tmp}/p.html"], "give one report, not 2"),
    (["nowhere", "-o", "{tmp}/p.html"], "not a file and not a known report"),
    (["{tmp}/missing.jsonl", "guigang", "-o", "{tmp}/p.html"], "no such file"),
    (["{tmp}/bad.jsonl", "guigang", "-o", "{tmp}/p.html"], "line 1: not JSON"),
    (["{tmp}/a.jsonl", "{tmp}/a.jsonl", "{tmp}/a.jsonl", "guigang", "-o", "{tmp}/p.html"], "at most two"),
    (["{tmp}/two.jsonl", "-o", "{tmp}/p.html"], "names 2 documents"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path, args, message):
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text((GOLD / "guigang-2024.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(
        '{"doc": "a", "start": 0, "end": 1, "value": 1, "unit": "%"}\n'
        '{"doc": "b", "start": 0, "end": 1, "value": 1, "unit": "%"}\n', encoding="utf-8")
    result = runner.invoke(app, ["review", *(a.replace("{tmp}", str(tmp_path)) for a in args)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reportx: error:") and message in lines[0], result.stderr
    assert not (tmp_path / "p.html").exists()


def test_the_page_is_never_written_over_the_report(tmp_path):
    report = tmp_path / "guigang.html"
    original = "<html><body><p>一、2023年工作回顾</p><p>地区生产总值增长0.1％。</p></body></html>"
    report.write_text(original, encoding="utf-8")
    result = runner.invoke(app, ["review", str(report), "-o", str(tmp_path / "." / "guigang.html")])
    assert result.exit_code == 1 and "is the report itself" in result.stderr
    assert report.read_text(encoding="utf-8") == original


def test_the_page_assets_are_package_data():
    # the wheel packs src/reportx; the page must not depend on the checkout's other folders
    folder = ROOT / "src" / "reportx" / "views" / "review" / "assets"
    assert {p.name for p in folder.iterdir()} >= {"page.html", "review.css", "review.js"}
    assert "</script" not in (folder / "review.js").read_text(encoding="utf-8")
