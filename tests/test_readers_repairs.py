"""The layout repairs of a saved text (readers.plain._layout_repairs) touch no report written a
paragraph per line: not one of ../shared/corpus's texts, nor the bundled two."""
from __future__ import annotations

import pytest

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
