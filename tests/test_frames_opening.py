"""TimeReader.opening(text, start) reads a sentence's opening without copying the rest of its
paragraph (engine/frames.py): it must read exactly what matching the lead-in on the whole rest
reads, also where the lead-in runs past the first window (long runs of spaces or quotes)."""
from __future__ import annotations

import random

import reportx
from reportx.engine import document as D
from reportx.paths import seeds_dir


def _reference(reader, rest: str):
    """opening() on text[start:], as it was read before: the lead-in matched on the whole rest."""
    lead = reader.opening_lead.match(rest)
    at = lead.end() if lead else 0
    for e in reader.expressions(rest[: at + 16]):
        if e.start == at or (lead and (e.start == 0 or e.start < at < e.end)):
            return e
        if e.start > at:
            return None
    return None


HARD = ["   " * 40 + "2025年，全市地区生产总值增长5%。", "各位代表：" + " " * 100 + "过去五年，我们",
        "“" * 70 + "今年以来", " " * 63 + "2024年", "刚刚过去的" * 20 + "2025年", " " * 48 + "各位代表："
        + " " * 10 + "回顾2023年", "\u3000" * 80 + "今年"]


def test_opening_reads_as_on_the_whole_rest():
    sentence_end = D._layout_rules(str(D.rules_dir() / "document.yaml"))[2]["sentence_end"]
    rng = random.Random(3)
    checked = 0
    for seed in sorted(seeds_dir().glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        reader = reportx.load_text(text).times
        paragraphs = [ln.strip() for ln in text.splitlines() if ln.strip()] + HARD
        paragraphs.append("".join(paragraphs[:40]))          # one long line of many sentences
        for para in paragraphs:
            starts = D._sentence_starts(para, sentence_end) + [rng.randrange(len(para) + 1)
                                                               for _ in range(3)]
            for start in starts:
                assert reader.opening(para, start) == _reference(reader, para[start:]), \
                    para[start:start + 40]
                checked += 1
    assert checked > 1000


def test_a_line_with_no_time_left_unread_changes_no_frame(monkeypatch):
    # _read_frames asks opening() only of sentences with a time expression after their start
    # (TimeReader.next_time): every report's frames are those of asking every sentence
    from pathlib import Path

    from reportx.engine.frames import TimeReader
    from reportx.readers.loading import read_text

    corpus = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    paths = sorted(seeds_dir().glob("*.txt")) + sorted(corpus.glob("*-2026.txt"))
    texts = [read_text(p) for p in paths]
    skipped = [D.build_document(t, key="k").frames for t in texts]
    monkeypatch.setattr(TimeReader, "next_time", lambda self, text, pos: pos)
    assert [D.build_document(t, key="k").frames for t in texts] == skipped
