"""The RTF reader (readers/rtf.py): Chinese written as Unicode (\\uN with fallbacks, as LibreOffice
writes it) or as code-page bytes (\\'d6\\'d0 under \\ansicpg936 or a GB2312 font, as Word and
WordPad write it), fields' results, table rows as lines; tables, headers, notes, hidden and
deleted text left out. One file is real (LibreOffice Writer 7.4 saved the bundled guigang report
as .rtf: tests/files/README.md); the others are written here so each test shows what it feeds."""
from __future__ import annotations

from pathlib import Path

import pytest

import reportx
from reportx.errors import InputError
from reportx.readers.loading import read_text, sniff, text_from_bytes
from readers_fixtures import facts, seed_text

FILES = Path(__file__).parent / "files"


def gbk(text: str) -> str:
    """Text as Word writes it in RTF: each byte of its GBK form as \\'hh."""
    return "".join(f"\\'{b:02x}" if b >= 0x80 else chr(b) for b in text.encode("gbk"))


def uni(text: str) -> str:
    """Text as LibreOffice writes it: \\uN for each character, then one ? as its fallback."""
    return "".join(f"\\u{ord(c)}?" if ord(c) >= 0x80 else c for c in text)


WORD_HEAD = ("{\\rtf1\\ansi\\ansicpg936\\deff0\\deflang1033\\deflangfe2052{\\fonttbl"
             "{\\f0\\fnil\\fcharset134 " + gbk("宋体") + ";}{\\f1\\fswiss\\fcharset0 Arial;}}"
             "{\\*\\generator Msftedit 5.41.21.2510;}\\viewkind4\\uc1\\pard\\lang2052\\f0\\fs22 ")


def test_an_rtf_written_by_writer_gives_the_claims_of_its_text():
    path = FILES / "guigang-2024.rtf"
    assert sniff(path.read_bytes()) == "rtf"
    claims = reportx.extract(read_text(path))
    assert facts(claims) == facts(reportx.extract(seed_text("guigang-2024")))


def test_code_page_bytes_as_word_writes_them():
    rtf = WORD_HEAD + gbk("政府工作报告") + "\\par\n" + gbk("地区生产总值增长") + "5.2%" + \
        gbk("。") + "\\par\n}"
    assert text_from_bytes(rtf.encode("ascii"), "w.rtf") == "政府工作报告\n地区生产总值增长5.2%。"


def test_unicode_with_fallbacks_and_a_wider_fallback_count():
    rtf = ("{\\rtf1\\ansi{\\fonttbl{\\f0\\fnil\\fcharset134 X;}}\\f0 " + uni("政府工作报告") +
           "\\par {\\uc2\\u22320\\'b5\\'d8\\u21306\\'c7\\'f8}" + uni("生产总值增长5%。") + "}")
    assert text_from_bytes(rtf.encode("ascii"), "u.rtf") == "政府工作报告\n地区生产总值增长5%。"


def test_fields_keep_their_result_and_tables_are_rows():
    rtf = (WORD_HEAD + gbk("政府工作报告") + "\\par "
           "{\\field{\\*\\fldinst HYPERLINK \"http://example.org\"}{\\fldrslt " + gbk("增长5%") + "}}"
           "\\par \\trowd\\cellx2000\\cellx4000 " + gbk("指标") + "\\cell " + gbk("目标") +
           "\\cell\\row \\trowd " + gbk("地区生产总值") + "\\cell 5%\\cell\\row\\pard " +
           gbk("结束。") + "\\par}")
    assert text_from_bytes(rtf.encode("ascii"), "f.rtf").splitlines() == [
        "政府工作报告", "增长5%", "指标\u3000目标", "地区生产总值\u30005%", "结束。"]


def test_headers_notes_hidden_deleted_and_unknown_destinations_are_left_out():
    rtf = (WORD_HEAD + "{\\header " + gbk("页眉增长9%") + "}" + gbk("政府工作报告") +
           "{\\footnote " + gbk("注：增长8%") + "}{\\*\\unknowndest " + gbk("不要") + "}"
           "{\\v " + gbk("隐藏") + "}{\\deleted " + gbk("删去") + "}" + gbk("，增长5%。") + "\\par}")
    assert text_from_bytes(rtf.encode("ascii"), "h.rtf") == "政府工作报告，增长5%。"


def test_raw_code_page_bytes_in_the_text_are_decoded_too():
    rtf = (WORD_HEAD.encode("ascii") + "政府工作报告，增长5%。".encode("gbk") + b"\\par}")
    assert text_from_bytes(rtf, "raw.rtf") == "政府工作报告，增长5%。"


def test_an_rtf_with_no_text_says_so():
    with pytest.raises(InputError, match="empty.rtf"):
        text_from_bytes(b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}}", "empty.rtf")
