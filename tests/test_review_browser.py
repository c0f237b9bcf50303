"""The review page in a real headless browser (the OS's Chromium, driven by Playwright; .ci/run
installs it): every claim marked at its offsets, the side panel equal to `compare`, the fields
on a click, corrections that survive a reload and export as gold that `reportx eval` scores, the
diff page counted as `eval` counts, speed on the longest report, and not one network request.

One browser for the session; each test gets a fresh context (its own localStorage)."""
from __future__ import annotations

import json
import os
import re
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import GOLD, ROOT, SEEDS
from reportx.cli import app

CHROMIUM = os.environ.get("REPORTX_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
runner = CliRunner()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: install the OS package (.ci/run does) "
                    "or set REPORTX_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _run(*args) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def guigang(tmp_path_factory):
    """The page for guigang, written by the command, and the claims `extract` gives now."""
    page = tmp_path_factory.mktemp("review") / "guigang.html"
    _run("review", "guigang", "-o", page)
    return page, _jsonl(_run("extract", "guigang", "--format", "jsonl"))


@contextmanager
def opened(browser, page_file: Path, context=None):
    """A page loaded and drawn; on leaving, it must have asked for nothing but its own file and
    raised no script error."""
    ctx = context or browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    requests, errors = [], []
    ctx.on("request", lambda r: requests.append(r.url))
    ctx.route(re.compile(r"^(https?|wss?|ftp)://"), lambda route: route.abort())
    page = ctx.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_file.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    try:
        yield page
    finally:
        ctx.close()
    foreign = [u for u in requests if u != page_file.as_uri() and not u.startswith(("blob:", "data:"))]
    assert not foreign, f"the page made network requests: {foreign[:5]}"
    assert not errors, errors


@pytest.fixture(scope="module")
def guigang_view(browser, guigang):
    """One loaded guigang page for the tests that only look and click (no corrections)."""
    page_file, claims = guigang
    with opened(browser, page_file) as page:
        yield page, claims


def _marks(page) -> list[tuple[int, int, str]]:
    return [tuple(m) for m in page.eval_on_selector_all(
        "#text mark.c", "els => els.map(e => [+e.dataset.start, +e.dataset.end, e.textContent])")]


def _current(page) -> int:
    return int(page.get_attribute("#text mark.cur", "data-start"))


def test_every_claim_is_marked_at_its_offsets(guigang_view):
    page, claims = guigang_view
    assert _marks(page) == [(c["start"], c["end"], c["surface"]) for c in claims]
    kinds = page.eval_on_selector_all("#text mark.c", "els => els.map(e => e.className)")
    assert all(f"k-{c['kind'] or 'none'}" in k.split() for c, k in zip(claims, kinds))
    # a range (5%—5.5%) is one mark, drawn as one bracket
    assert all(("range" in k.split()) == (c["qualifier"] == "range") for c, k in zip(claims, kinds))


def test_side_panel_is_what_compare_shows_and_jumps_to_the_sentence(guigang_view):
    page, claims = guigang_view
    rows = _jsonl(_run("compare", "guigang", "--format", "jsonl"))
    panel = page.eval_on_selector_all("#headline tr.hrow", """rows => rows.map(r => [
        r.querySelector('th').textContent, r.querySelector('td').firstChild.textContent,
        +r.dataset.start])""")
    assert [(d, s) for _, d, s in panel] == [(r["display"], r["start"]) for r in rows]
    assert all(r["indicator"] in label and r["period"] in label for (label, _, _), r in zip(panel, rows))
    target = rows[-1]
    page.click(f"#headline tr.hrow[data-start='{target['start']}']")
    assert _current(page) == target["start"]
    assert page.text_content("#details .surface") == target["surface"]
    assert page.is_visible(f"#text mark[data-start='{target['start']}']")


def test_a_click_shows_the_claims_fields(guigang_view):
    page, claims = guigang_view
    picks = [next(c for c in claims if c["kind"] == "target" and c["qualifier"] and c["indicator_id"])]
    picks += [c for c in claims if c["value_high"] is not None][:1] + [c for c in claims if c["span"]][:1]
    for claim in picks:
        page.click(f"#text mark[data-start='{claim['start']}']")
        field = lambda name: page.text_content(f"#details td[data-field='{name}']")
        number = lambda name: None if field(name) == "—" else float(field(name).replace(",", ""))
        assert number("value") == claim["value"] and number("value_high") == claim["value_high"]
        for name in ("unit", "period", "kind", "qualifier", "direction", "rule", "indicator"):
            assert field(name) == (claim[name] or "—"), name
        assert field("indicator_id").startswith(claim["indicator_id"] or "—")
        assert field("span") == str(claim["span"] or "—")
        assert field("offsets") == f"{claim['start']}–{claim['end']}"
        assert page.text_content("#details .sentence b") == claim["surface"]


SELECT_TEXT = """([start, end]) => {
    const b = [...document.querySelectorAll('#text .b')]
        .find(b => +b.dataset.start <= start && end <= +b.dataset.end);
    const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let pos = +b.dataset.start, node, started = false;
    while ((node = walker.nextNode())) {
        const len = node.data.length;
        if (!started && start < pos + len) { range.setStart(node, start - pos); started = true; }
        if (end <= pos + len) { range.setEnd(node, end - pos); break; }
        pos += len;
    }
    getSelection().removeAllRanges();
    getSelection().addRange(range);
}"""


def _uncovered(text: str, claims: list[dict], pattern: str) -> tuple[int, int]:
    """The first match of pattern that no claim covers: somewhere to add a figure."""
    return next((m.start(), m.end()) for m in re.finditer(pattern, text)
                if not any(c["start"] < m.end() and m.start() < c["end"] for c in claims))


def _gold(claim: dict, **change) -> dict:
    fields = ("doc", "start", "end", "surface", "value", "value_high", "unit", "classifier",
              "indicator", "key", "period", "span", "kind", "qualifier", "direction", "optional")
    record = {**claim, "key": claim["indicator_id"], "optional": False, **change}
    return {f: record[f] for f in fields}


def test_corrections_survive_a_reload_and_export_as_gold_that_eval_scores(browser, guigang, tmp_path):
    page_file, claims = guigang
    text = (SEEDS / "guigang-2024.txt").read_text(encoding="utf-8-sig")
    confirmed, wrong, edited, optional = claims[:4]
    new_qualifier = "approx" if edited["qualifier"] != "approx" else "at_least"
    start, end = _uncovered(text, claims, r"\d{4}(?=年)")
    ctx = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    with opened(browser, page_file, context=ctx) as page:
        page.click(f"#text mark[data-start='{confirmed['start']}']")
        page.keyboard.press("c")
        page.keyboard.press("j")                                   # keyboard: the next figure
        assert _current(page) == wrong["start"]
        page.keyboard.press("x")
        page.click(f"#text mark[data-start='{edited['start']}']")
        page.keyboard.press("e")
        page.select_option("#edit-form select[name=qualifier]", new_qualifier)
        page.click("#edit-form button[type=submit]")
        page.click(f"#text mark[data-start='{optional['start']}']")
        page.keyboard.press("o")
        page.keyboard.press("k")
        assert _current(page) == edited["start"]
        page.keyboard.press("u")                                   # next unreviewed: past the four
        assert _current(page) == claims[4]["start"]
        page.evaluate(SELECT_TEXT, [start, end])
        page.keyboard.press("a")
        page.select_option("#edit-form select[name=unit]", "year")
        page.select_option("#edit-form select[name=kind]", "actual")
        page.fill("#edit-form input[name=period]", "2023")
        page.click("#edit-form button[type=submit]")

        page.reload()
        page.wait_for_selector("body[data-ready='1']")
        cls = lambda c: page.get_attribute(f"#text mark[data-start='{c['start']}']", "class").split()
        assert "s-confirmed" in cls(confirmed) and "s-wrong" in cls(wrong)
        assert "s-edited" in cls(edited) and "opt" in cls(optional)
        assert "s-added" in cls({"start": start})
        assert page.text_content("#progress").startswith(f"5 of {len(claims) + 1} reviewed")

        with page.expect_download() as download:
            page.click("#export")
        exported = tmp_path / "guigang-2024.review.jsonl"
        download.value.save_as(exported)

    want = [_gold(c) for c in claims if c is not wrong and c is not edited and c is not optional]
    want += [_gold(edited, qualifier=new_qualifier), _gold(optional, optional=True),
             {"doc": "guigang-2024", "start": start, "end": end, "surface": text[start:end],
              "value": float(text[start:end]), "value_high": None, "unit": "year",
              "classifier": None, "indicator": None, "key": None, "period": "2023", "span": None,
              "kind": "actual", "qualifier": None, "direction": None, "optional": False}]
    assert _jsonl(exported.read_text(encoding="utf-8")) == sorted(want, key=lambda r: r["start"])

    score = json.loads(_run("eval", exported, "guigang", "--format", "json"))
    n = len(claims)
    assert (score["exact"]["tp"], score["exact"]["fp"], score["exact"]["fn"]) == (n - 2, 1, 1)
    assert score["neutral"] == 1                                   # the claim marked optional
    assert score["agreement"]["qualifier"] == [n - 3, n - 2]       # the one edited qualifier


def test_diff_page_marks_figures_as_eval_counts_them(browser, tmp_path, rules):
    from test_review import _perturbed_gold
    from reportx.views.evaluation import evaluate, load_gold
    from reportx.extraction import extract, load

    doc = load(SEEDS / "guigang-2024.txt")
    gold = _perturbed_gold(load_gold(GOLD / "guigang-2024.jsonl"), doc.text)
    gold_file = tmp_path / "perturbed.jsonl"
    gold_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold), encoding="utf-8")
    page_file = tmp_path / "diff.html"
    _run("review", gold_file, "guigang", "-o", page_file)
    score = evaluate(gold, extract(doc, rules=rules), text=doc.text)
    with opened(browser, page_file) as page:
        count = lambda fate: page.locator(f"#text mark.d-{fate}").count()
        assert count("miss") == len(score.misses)
        assert count("false_alarm") == len(score.false_alarms)
        assert count("mismatch") == len(score.mismatches)
        assert count("attribute") == len({d.start for d in score.disagreements})
        assert count("agree") + count("attribute") == score.exact.tp
        summary = page.text_content("#summary")
        assert f"exact{score.exact.tp}{score.exact.fp}{score.exact.fn}" in summary.replace(" ", "")
        miss = score.misses[0]
        page.click(f"#text mark.d-miss[data-start='{miss.start}']")
        assert "miss" in page.text_content("#details .badge")
        assert page.locator("#export").is_hidden()                 # the diff page corrects nothing


def _longest_report() -> Path:
    """The longest report of the shared corpus (../shared/corpus), else of the test reports."""
    from reportx.readers.loading import read_text

    found = sorted(SHARED_CORPUS.glob("*.txt")) or sorted((ROOT / "tests" / "unseen").glob("*.txt"))
    return max(found, key=lambda p: len(read_text(p)))


def test_page_is_fast_on_the_longest_report(browser, tmp_path, capsys):
    report = _longest_report()
    page_file = tmp_path / "long.html"
    started = time.perf_counter()
    _run("review", report, "-o", page_file)
    built = time.perf_counter() - started
    with opened(browser, page_file) as page:
        painted = page.evaluate("window.reviewTimings.painted")     # ms since navigation start
        marks = page.locator("#text mark.c").count()
        page.select_option("#f-kind", "target")
        page.wait_for_function("() => window.reviewTimings.filters >= 1")
        kind_ms = page.evaluate("window.reviewTimings.filter")
        assert 0 < page.locator("#text mark.c:not(.off)").count() < marks
        page.fill("#search", "生产总值")
        page.wait_for_function("() => window.reviewTimings.filters >= 2")
        search_ms = page.evaluate("window.reviewTimings.filter")
        chars = page.evaluate("document.querySelector('#text').textContent.length")
    with capsys.disabled():
        print(f"\nreview page of {report.name} ({chars:,} characters, {marks} figures): built in "
              f"{built:.2f} s; first paint {painted:.0f} ms, filter change {kind_ms:.0f} ms, "
              f"search {search_ms:.0f} ms")
    assert painted < 1000 and kind_ms < 1000 and search_ms < 1000


def test_offsets_hold_after_astral_characters_and_markup(browser, tmp_path):
    report = tmp_path / "odd-2024.txt"
    report.write_text("政府工作报告\n一、2023年工作回顾\n𠮷祥镇</script><b>地区生产总值增长0.1％，新增学位1.3万个，"
                      "建成𠮷𠮷路2条。\n", encoding="utf-8")
    claims = _jsonl(_run("extract", report, "--format", "jsonl"))
    assert claims, "the made-up report states figures"
    page_file = tmp_path / "odd.html"
    _run("review", report, "-o", page_file)
    text = report.read_text(encoding="utf-8")
    with opened(browser, page_file) as page:
        assert _marks(page) == [(c["start"], c["end"], c["surface"]) for c in claims]
        assert "</script><b>" in page.text_content("#text")
        at = text.index("镇")                                       # after one astral character
        page.evaluate("""([s, e]) => {
            const p = [...document.querySelectorAll('#text .b')].find(b => +b.dataset.start <= s && e <= +b.dataset.end);
            const node = p.firstChild;                             // 𠮷 counts two here, one in Python
            const r = document.createRange(); r.setStart(node, s - +p.dataset.start + 1);
            r.setEnd(node, e - +p.dataset.start + 1);
            getSelection().removeAllRanges(); getSelection().addRange(r);
        }""", [at, at + 1])
        page.keyboard.press("a")
        assert page.text_content("#edit-form .dhead") == f"镇 new figure {at}–{at + 1}"
