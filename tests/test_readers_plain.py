"""Plain text as it comes from the wild: old Mac and mixed line ends, pdftotext's form feeds,
GBK with damaged bytes, stray NULs, UTF-16 pages without a BOM, and big files."""
from __future__ import annotations

import time
import warnings

import pytest

import reportx
from reportx.errors import InputError, ReportxWarning
from reportx.readers.loading import decode_bytes, read_text, sniff, text_from_bytes
from readers_fixtures import REPORT



def _kinds(path):
    text = read_text(path)
    claims = reportx.extract(path)
    assert claims and all(text[c.start:c.end] == c.surface for c in claims)
    return {c.surface: c.kind for c in claims}


@pytest.mark.parametrize("line_ends", [
    ["\r"] * 6,                                  # old Mac, some exports
    ["\r\n", "\r", "\n", "\r", "\r\n", "\r"],    # pasted together from several sources
    ["\n", "\f", "\n", "\n\f", "\n", "\n"],      # pdftotext: a form feed between pages
    ["\n", "\u2028", "\n", "\v", "\n", "\n"],    # Unicode line separator, Word's manual break
], ids=["cr", "mixed", "form-feed", "separators"])
def test_every_line_end_shows_the_headings(tmp_path, line_ends):
    lines = REPORT.splitlines()
    raw = "".join(line + end for line, end in zip(lines, line_ends))
    path = tmp_path / "report.txt"
    path.write_bytes(raw.encode("gb18030"))
    text = read_text(path)
    # one character for one: the text keeps the file's length, so offsets stay the file's
    assert len(text) == len(raw)
    assert "\r" not in text.replace("\r\n", "")
    kinds = _kinds(path)
    assert kinds["0.1％"] == "actual" and kinds["5％"] == "target"


def test_gbk_with_a_few_bad_bytes_is_text_with_a_warning():
    """0.2 % of the bytes damaged (a bad sector, a cut-off download) is a damaged text file, not
    a binary one."""
    data = bytearray((REPORT * 40).encode("gbk"))
    for i in range(100, len(data), 500):
        data[i] = 0xFF
    with pytest.warns(ReportxWarning, match="undecodable"):
        text = decode_bytes(bytes(data), "old.txt")
    assert text.count("\ufffd") >= len(data) // 500 - 1
    assert "二、2024年工作安排" in text


@pytest.mark.parametrize("where", [100, 20_000], ids=["early", "late"])
def test_a_stray_nul_is_judged_the_same_wherever_it_falls(where):
    data = bytearray((REPORT * 200).encode("utf-8"))
    where = data.index(b"\n", where)  # a whole character, not part of one
    data[where] = 0
    with pytest.warns(ReportxWarning, match="nul.txt: 1 control character"):
        text = text_from_bytes(bytes(data), "nul.txt")
    assert "\x00" not in text and text.count("\ufffd") == 1
    assert len(text) == len(REPORT * 200)


def test_control_characters_are_marked_not_passed_on():
    """An ESC or a BEL in a damaged copy means nothing in a report and breaks a spreadsheet."""
    raw = REPORT.replace("0.1％", "0.1％\x1b").replace("5％左右", "5％左右\x07")
    with pytest.warns(ReportxWarning, match="2 control character"):
        text = text_from_bytes(raw.encode("gb18030"), "esc.txt")
    assert text == raw.replace("\x1b", "\ufffd").replace("\x07", "\ufffd")


def test_many_nuls_are_binary_wherever_they_fall():
    data = bytearray((REPORT * 200).encode("utf-8"))
    for i in range(20_000, len(data), 50):
        data[i] = 0
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(data), "bin.txt")


def test_utf16_page_without_bom_is_read_as_a_page():
    page = ("<html><head><script>var s = '地区生产总值增长99％';</script></head><body>"
            "<div><a>首页</a> <a>政务公开</a> <a>互动交流</a></div><div class='content'>"
            + "".join(f"<p>{line}</p>" for line in REPORT.splitlines()) + "</div></body></html>")
    for codec in ("utf-16-le", "utf-16-be"):
        data = page.encode(codec)
        assert sniff(data) == "html"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReportxWarning)  # a short page: not a whole report
            text = text_from_bytes(data, "page.htm")
        assert text == REPORT.rstrip("\n")


def test_big_text_reads_in_linear_time():
    """Decoding and line-end handling cost the same per MB for 1 and 8 MB."""
    unit = (REPORT.replace("\n", "\r") * 1800).encode("gb18030")  # ~0.5 MB, lone CRs
    timings = []
    for copies in (1, 8):
        data = unit * copies
        start = time.perf_counter()
        decode_bytes(data, "big.txt")
        timings.append((time.perf_counter() - start) / copies)
    assert timings[1] < 4 * timings[0] + 0.01
