"""Word files as people edit them: tracked changes, smart tags, custom XML, fields, text boxes,
content controls, unnumbered bold headings; ZIP bombs; the real 2025 provincial reports."""
from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

import pytest

import reportx
from reportx.errors import InputError
from reportx.readers.loading import read_text, text_from_bytes
from reportx.readers.paragraphs import clean_line
from readers_fixtures import make_docx, p, run

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
INS = "<w:ins w:id='1' w:author='审稿人' w:date='2024-01-20T10:00:00Z'>{}</w:ins>"
DEL = "<w:del w:id='2' w:author='审稿人' w:date='2024-01-20T10:00:00Z'>{}</w:del>"


def _text_box(*paragraphs: str) -> str:
    """A text box as Word 2010+ writes it: the DrawingML shape, and a VML copy for old readers."""
    inner = "<w:txbxContent>" + "".join(p(t) for t in paragraphs) + "</w:txbxContent>"
    return ("<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor>"
            "<a:graphic><a:graphicData><wps:wsp><wps:txbx>" + inner + "</wps:txbx></wps:wsp>"
            "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>"
            "<w:pict><v:shape><v:textbox>" + inner + "</v:textbox></v:shape></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>")


EDITED = "".join([
    p(run("政府工作报告", bold=True)),
    p("——2024年1月20日在某省第十四届人民代表大会第二次会议上"),
    p(run("2023年工作回顾", bold=True)),  # a heading by its look only: bold, no number
    p("全年新增城镇就业", INS.format(run("28.5万人")), "，",
      DEL.format("<w:r><w:delText>城镇调查失业率5.5％，</w:delText></w:r>"), "居民收入增长5.1％。"),
    p("地区生产总值", "<w:smartTag w:uri='urn:schemas-microsoft-com:office:smarttags' "
      "w:element='chmetcnv'><w:smartTagPr/>" + run("1.2万亿") + "</w:smartTag>", "元。"),
    p("<w:customXml w:element='figure'>" + run("粮食产量149.3万吨") + "</w:customXml>", "。"),
    p("一般公共预算收入", "<w:fldSimple w:instr=' MERGEFIELD revenue '>" + run("350亿元")
      + "</w:fldSimple>", "，增长",
      "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> REF rate \\h </w:instrText>"
      "</w:r><w:r><w:fldChar w:fldCharType='separate'/></w:r>" + run("3.7％")
      + "<w:r><w:fldChar w:fldCharType='end'/></w:r>", "。"),
    p("外贸进出口", "<w:hyperlink r:id='rId9'>" + run("总额") + "</w:hyperlink>",
      "<w:sdt><w:sdtPr/><w:sdtContent>" + run("增长7.1％") + "</w:sdtContent></w:sdt>", "。",
      "<w:moveFrom w:id='3' w:author='a'><w:r><w:t>搬走的旧句子。</w:t></w:r></w:moveFrom>"),
    p("<w:moveTo w:id='4' w:author='a'>" + run("搬来的新句子。") + "</w:moveTo>",
      _text_box("专栏1：新增学位1.3万个。")),
    p("规模以上", run("工业"), run("增加值增长"), run("1"), run("2.5％。")),  # runs split anywhere
    p(run("2024年工作安排", bold=True), style="Heading1"),
    "<w:customXml w:element='plan'>" + p("地区生产总值增长5％左右。") + "</w:customXml>",
    "<w:sdt><w:sdtPr/><w:sdtContent>" + p("城镇新增就业28万人以上。") + "</w:sdtContent></w:sdt>",
])

EXPECTED = [
    "政府工作报告",
    "——2024年1月20日在某省第十四届人民代表大会第二次会议上",
    "2023年工作回顾",
    "全年新增城镇就业28.5万人，居民收入增长5.1％。",
    "地区生产总值1.2万亿元。",
    "粮食产量149.3万吨。",
    "一般公共预算收入350亿元，增长3.7％。",
    "外贸进出口总额增长7.1％。",
    "搬来的新句子。",
    "专栏1：新增学位1.3万个。",  # the text box once (not its VML copy), after its paragraph
    "规模以上工业增加值增长12.5％。",
    "2024年工作安排",
    "地区生产总值增长5％左右。",
    "城镇新增就业28万人以上。",
]


def test_every_text_word_shows_is_read_once_and_only_that(tmp_path):
    path = tmp_path / "edited.docx"
    path.write_bytes(make_docx(EDITED))
    assert read_text(path).splitlines() == EXPECTED


def test_claims_of_an_edited_document_point_into_its_text(tmp_path):
    path = tmp_path / "edited.docx"
    path.write_bytes(make_docx(EDITED))
    text = read_text(path)
    claims = reportx.extract(path)
    assert {"28.5万人", "1.2万亿元", "149.3万吨", "350亿元", "3.7％", "7.1％", "1.3万个",
            "12.5％"} <= {c.surface for c in claims}
    assert "5.5％" not in {c.surface for c in claims}  # deleted with tracked changes
    assert all(text[c.start:c.end] == c.surface for c in claims)


def test_a_manual_line_break_starts_a_line_and_a_tab_stays():
    body = p("来源：某省人民政府", "<w:r><w:br/></w:r>", "2024年1月20日", "<w:r><w:tab/></w:r>",
             "省长　某某")
    assert text_from_bytes(make_docx(body), "d.docx").splitlines() == [
        "来源：某省人民政府", "2024年1月20日\t省长　某某"]


def test_table_rows_also_inside_content_controls():
    cell = "<w:tc><w:tcPr/>{}</w:tc>"
    rows = ["<w:tr>" + "".join(cell.format(p(c)) for c in r) + "</w:tr>"
            for r in (["指标", "增速"], ["地区生产总值", "增长5.2％"])]
    deleted = ("<w:tr><w:trPr><w:del w:id='5' w:author='a'/></w:trPr>"
               + cell.format(p("删去的行")) + "</w:tr>")
    body = ("<w:tbl><w:tblPr/>" + rows[0] + "<w:sdt><w:sdtContent>" + rows[1]
            + "</w:sdtContent></w:sdt>" + deleted + "</w:tbl>" + p("全年目标任务圆满完成。"))
    assert text_from_bytes(make_docx(body), "t.docx").splitlines() == [
        "指标\u3000增速", "地区生产总值\u3000增长5.2％", "全年目标任务圆满完成。"]


def _declare_size(data: bytes, member: str, size: int) -> bytes:
    """The archive with the uncompressed size its headers declare for `member` changed."""
    out = bytearray(data)
    name = member.encode()
    at = out.find(b"PK\x03\x04")
    while at != -1:
        if out[at + 30: at + 30 + len(name)] == name:
            struct.pack_into("<I", out, at + 22, size)
        at = out.find(b"PK\x03\x04", at + 4)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", out, at + 28)[0]
        if out[at + 46: at + 46 + length] == name:
            struct.pack_into("<I", out, at + 24, size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    """A 388 KB .docx can hold 40 million empty paragraphs (3.8 GB once read): a part that says
    it expands to more than a report's worth is not read."""
    data = _declare_size(make_docx(p("地区生产总值增长5％。") + "<w:p/>" * 1000),
                         "word/document.xml", 4_000_000_000)
    with pytest.raises(InputError, match=r"bomb\.docx: word/document\.xml expands to more than "
                                         r"\d+ MB \(a ZIP bomb\?\)"):
        text_from_bytes(data, "bomb.docx")


def test_a_part_past_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr("reportx.readers.archive.MAX_PART_BYTES", 50_000)
    data = make_docx(p("地区生产总值增长5％。") + "<w:p/>" * 20_000)
    with pytest.raises(InputError, match="ZIP bomb"):
        text_from_bytes(data, "big.docx")


def test_a_header_that_hides_the_size_is_still_bounded():
    """zipfile inflates no more than a header declares: a lying header fails its checksum."""
    data = _declare_size(make_docx(p("地区生产总值增长5％。") * 5000), "word/document.xml", 2000)
    with pytest.raises(InputError, match="not a readable .docx"):
        text_from_bytes(data, "liar.docx")


def test_damaged_xml_says_what_it_is():
    with pytest.raises(InputError, match="not a readable .docx document"):
        text_from_bytes(make_docx(document=b"<w:document><w:body><w:p>"), "cut.docx")


REAL = sorted(CORPUS.glob("*-2025.docx"))


@pytest.mark.skipif(not REAL, reason=f"the real corpus is not at {CORPUS}")
@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_a_real_report_comes_out_whole(path):
    """Every character of every w:t of the document is in the text, in order, and every
    paragraph with text is a line of its own."""
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    han = re.compile(r"[\u3400-\u9fff]")
    every_t = "".join(t.text or "" for t in root.iter(f"{{{W}}}t"))
    text = read_text(path)
    assert han.findall(text) == han.findall(every_t)
    lines = set(text.splitlines())
    for para in root.iter(f"{{{W}}}p"):
        shown = "".join("\n" if el.tag in (f"{{{W}}}br", f"{{{W}}}cr") else el.text or ""
                        for el in para.iter(f"{{{W}}}t", f"{{{W}}}br", f"{{{W}}}cr"))
        for piece in (clean_line(x, collapse=False) for x in shown.split("\n")):
            assert not piece or piece in lines, piece[:40]


def test_an_entity_naming_a_file_is_not_read_into_the_text(tmp_path):
    """Word writes no DTD; a document.xml whose entity names a local file (XXE) must not pull
    that file into the report."""
    from readers_fixtures import DOCX_NAMESPACES

    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容增长99％", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
           f"<w:document {DOCX_NAMESPACES}><w:body><w:p><w:r><w:t>地区生产总值增长5％。&x;</w:t>"
           "</w:r></w:p></w:body></w:document>").encode()
    try:
        text = text_from_bytes(make_docx(document=xml), "xxe.docx")
    except InputError:
        return  # refused outright: as good
    assert "机密" not in text and "地区生产总值增长5％。" in text


def test_an_embedded_chunk_not_read_is_named_in_a_warning():
    from reportx.errors import ReportxWarning

    body = p("地区生产总值增长5％。") + "<w:altChunk r:id='rId5'/>"
    with pytest.warns(ReportxWarning, match=r"chunk\.docx: 1 embedded document\(s\) \(altChunk\)"):
        text_from_bytes(make_docx(body), "chunk.docx")
