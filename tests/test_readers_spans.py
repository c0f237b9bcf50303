"""Text set one span per line (a page converted from a PDF that saved every run of text as a line
of its own, numbers cut in two): told apart from every other layout, joined back, and read to
the same claims."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import reportx
from reportx.readers.spans import join_spans
from tests.conftest import SEEDS, claim_facts, seed_text
from tests.readers_fixtures import load_saved

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _set_in_spans(text: str) -> str:
    """Each paragraph cut into pieces of one to six characters, a line each, as the converted
    page has it (numbers and words cut anywhere: 67\\n4.1\\n亿元)."""
    sizes = itertools.cycle([3, 1, 4, 1, 5, 2, 6, 2])
    pieces = []
    for paragraph in text.split("\n"):
        i = 0
        while i < len(paragraph):
            n = next(sizes)
            pieces.append(paragraph[i:i + n])
            i += n
    return "\n".join(pieces) + "\n"


@pytest.mark.parametrize("name", ["guigang-2024", "yulin-2024"])
def test_a_report_a_paragraph_per_line_is_left_alone(name):
    assert join_spans(seed_text(name)) is None


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")
def test_no_corpus_text_is_taken_for_spans():
    texts = sorted(CORPUS.glob("*.txt"))
    assert texts
    for path in texts:
        raw = path.read_bytes()
        text = raw.decode("utf-8") if not path.name.startswith("hailar") else raw.decode("gb18030")
        assert join_spans(text) is None, path.name


def test_spans_join_to_paragraphs_a_cut_decimal_included_and_headings_apart():
    text = "\n".join(["各位代表:", "现在,我代表市政府", "向大会报告工作。", "一、", "2020", "年和", "“",
                      "十三五", "”", "时期工作回顾", "全年完成地区生产总值", "67", "4.1", "亿元,增长",
                      "2.", "3", "%", ";一般公共预算收入", "41.2", "亿元。", "（一）", "决战", "脱贫",
                      "全年", "15250", "人如期脱贫。"] + ["全年完成", "各项任务。"] * 4) + "\n"
    assert join_spans(text) == (
        "各位代表:\n现在,我代表市政府向大会报告工作。\n一、2020年和“十三五”时期工作回顾全年完成地区生产总值"
        "674.1亿元,增长2.3%;一般公共预算收入41.2亿元。\n（一）决战脱贫全年15250人如期脱贫。\n"
        + "全年完成各项任务。\n" * 4)


def test_a_short_list_is_no_such_layout():
    # a page of a few short lines (a list of names, a table's cells) is not a report in spans
    assert join_spans("\n".join(["贵港市", "玉林市", "南宁市"] * 5)) is None


@pytest.mark.parametrize("name", ["guigang-2024", "yulin-2024"])
def test_a_report_set_in_spans_reads_as_the_report(tmp_path, name):
    doc, warned = load_saved(tmp_path, name, _set_in_spans(seed_text(name)))
    spans = reportx.extract(doc)
    assert any("pieces of a few characters" in w for w in warned)
    assert claim_facts(spans) == claim_facts(reportx.extract(SEEDS / f"{name}.txt"))
