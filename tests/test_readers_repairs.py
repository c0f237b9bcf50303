"""The layout repairs of a saved text (readers.plain._layout_repairs) touch no report written a
paragraph per line: not one of ../shared/corpus's texts, nor the bundled two."""
from __future__ import annotations

import pytest

import reportx
from reportx.readers.plain import _layout_repairs, decode_bytes
from tests.conftest import ROOT, SEEDS

CORPUS = ROOT.parent / "shared" / "corpus"
REPORTS = sorted(SEEDS.glob("*.txt")) + (sorted(p for p in CORPUS.glob("*.txt")
                                                if p.name.lower() != "readme.txt")
                                         if CORPUS.is_dir() else [])


@pytest.mark.parametrize("repair", [r for r, _ in _layout_repairs()], ids=lambda r: r.__name__)
def test_no_report_a_paragraph_per_line_is_repaired(repair):
    assert len(REPORTS) >= 2
    for path in REPORTS:
        assert repair(decode_bytes(path.read_bytes(), path.name)) is None, path.name


_SPACED = ("1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，比上年增长8 ．8 ％。粮食产量达到4 9 2 5 0 万吨。"
           "城镇居民人均可支配收入达到5 1 6 0 元，农村居民人均纯收入达到2 0 9 0 元。进出口总额3 2 5 1 亿美元。\n")


def test_figures_set_digit_by_digit_are_joined():
    from reportx.readers.loading import text_from_bytes

    with pytest.warns(Warning, match="set digit by digit"):
        text = text_from_bytes(("各位代表：\n" + _SPACED * 3).encode("utf-8"), "page.txt")
    assert "1997年国内生产总值达到74772亿元，比上年增长8．8％" in text and "5160元" in text
    claims = {c.surface: c.value for c in reportx.extract(text, year=1998)}
    assert claims["74772亿元"] == 74772e8 and claims["49250万吨"] == 49250e4


def test_a_few_spaced_figures_among_whole_ones_stay_as_written():
    # a table's columns or a code (编号 1 2 3) in a report whose figures are whole: no repair
    text = "编号 1 2 3 4。" * 5 + "地区生产总值1234亿元，增长5.2%。" * 30
    assert _spaced_join(text) is None


def _spaced_join(text):
    from reportx.readers.spaced_digits import join_spaced_digits

    return join_spaced_digits(text)
