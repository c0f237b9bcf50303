"""OFD files (GB/T 33190) as Chinese portals publish them: written by a converter (a text object
a line) or by an office suite's OFD printer (a text object a glyph, under a matrix), numbered
pages, paragraphs running over the page break, tables; and the damaged and locked ones."""
from __future__ import annotations

from pathlib import Path

import pytest

import reportx
from reportx.errors import InputError, ReportxWarning
from reportx.readers.loading import read_text, sniff, text_from_bytes
from readers_fixtures import (LEFT, PAGES, PLAN, REVIEW, SIZE, At, Row, facts, make_ofd,
                              page_number, seed_text, wrap)

FILES = Path(__file__).parent / "files"


def _lines(data: bytes) -> list[str]:
    return text_from_bytes(data, "r.ofd").splitlines()


@pytest.mark.parametrize("per_glyph", [False, True], ids=["object a line", "object a glyph"])
@pytest.mark.parametrize("base_loc", ["attribute", "child", "absolute"])
def test_paragraphs_are_whole_and_page_numbers_dropped(per_glyph, base_loc):
    data = make_ofd(PAGES, per_glyph=per_glyph, base_loc=base_loc)
    assert sniff(data) == "zip"
    assert _lines(data) == ["政府工作报告", "——2024年2月3日在贵港市第六届人民代表大会第六次会议上",
                            "一、2023年工作回顾", REVIEW, "二、2024年工作安排", PLAN]


def test_a_paragraph_over_the_page_break_is_one():
    lines = wrap(REVIEW)
    pages = [["一、2023年工作回顾", lines[:2], page_number(1)], [lines[2:], page_number(2)]]
    assert REVIEW in _lines(make_ofd(pages))


def test_a_producer_with_another_namespace_is_read():
    assert PLAN in _lines(make_ofd(PAGES, namespace="http://example.org/not-the-standard"))


def test_glyphs_out_of_order_in_the_file_are_read_in_reading_order():
    """A producer may write a page's objects in any order (the second line first): lines are
    read top to bottom, each left to right."""
    pages = [["一、2023年工作回顾", At("新增城镇就业1.3万人。", LEFT + 8.5 * SIZE, 700),
              At("居民收入增长5％，", LEFT, 700)]]
    assert _lines(make_ofd(pages))[-1] == "居民收入增长5％，新增城镇就业1.3万人。"
    pages = [["一、2023年工作回顾", At("第二行。", LEFT, 680), At("第一行。", LEFT, 700)]]
    assert _lines(make_ofd(pages))[-2:] == ["第一行。", "第二行。"]


def test_a_table_row_keeps_its_cells_apart():
    pages = [["一、2023年工作回顾", Row([("地区生产总值", LEFT), ("1218亿元", LEFT + 10 * SIZE),
                                        ("6.2％", LEFT + 18 * SIZE)]), wrap(PLAN)]]
    assert "地区生产总值\u30001218亿元\u30006.2％" in _lines(make_ofd(pages))


def test_its_claims_are_those_of_its_text():
    data = make_ofd(PAGES, per_glyph=True)
    claims = reportx.extract(text_from_bytes(data, "r.ofd"))
    assert [(c.indicator_id, c.value, c.kind) for c in claims if c.indicator_id == "gdp"] == \
        [("gdp", 0.1, "actual")]
    assert {"new_urban_jobs", "grain_output"} <= {c.indicator_id for c in claims}


def test_a_page_without_text_is_said():
    pages = [["一、2023年工作回顾", wrap(REVIEW)], [], ["二、2024年工作安排", wrap(PLAN)]]
    with pytest.warns(ReportxWarning, match="1 of 3 pages have no text"):
        lines = _lines(make_ofd(pages))
    assert REVIEW in lines and PLAN in lines


def test_an_ofd_of_scanned_pages_only_is_an_error():
    with pytest.raises(InputError, match="no Chinese report text"):
        text_from_bytes(make_ofd([[], []]), "scan.ofd")


def test_an_encrypted_ofd_says_so():
    data = make_ofd(PAGES, extra={"Encryptions.xml": "<ofd:Encryptions/>"})
    with pytest.raises(InputError, match="encrypted"):
        text_from_bytes(data, "locked.ofd")


def test_a_page_named_but_missing_is_a_damaged_ofd():
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(make_ofd(PAGES)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            if "Page_1" not in item.filename:
                z.writestr(item, src.read(item))
    with pytest.raises(InputError, match="damaged OFD: Pages/Page_1/Content.xml is named"):
        text_from_bytes(out.getvalue(), "cut.ofd")


def test_broken_xml_is_one_line_error():
    data = make_ofd(PAGES, extra={"Doc_0/Pages/Page_0/Content.xml": "<ofd:Page><unclosed>"})
    with pytest.raises(InputError, match=r"not a readable OFD \(XMLSyntaxError in "
                                         r"Doc_0/Pages/Page_0/Content.xml\)"):
        text_from_bytes(data, "bad.ofd")


def test_an_ofd_from_an_independent_converter_gives_the_claims_of_its_text():
    """tests/files/guigang-2024.ofd was written by easyofd from the bundled PDF (a text object a
    line, every page's box in points though its text is in millimetres, and the spaces it read
    between Chinese and figures typed in: 2023 年, 478.7 万)."""
    text = read_text(FILES / "guigang-2024.ofd")
    assert "— 1 —" not in text and "参保人数478.7 万" in text
    assert facts(reportx.extract(text)) == facts(reportx.extract(seed_text("guigang-2024")))


def test_extract_reads_an_ofd_by_path(tmp_path):
    path = tmp_path / "guigang-2024.ofd"
    path.write_bytes(make_ofd(PAGES))
    claims = reportx.extract(path)
    assert any(c.indicator_id == "gdp" and c.value == 0.1 for c in claims)


def _rezip(data: bytes, change) -> bytes:
    """The package's members written again, `change(ZipInfo, bytes)` giving each new one."""
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            info, body = change(item, src.read(item))
            z.writestr(info, body)
    return out.getvalue()


def test_steps_declared_past_the_text_are_not_made():
    """"g 99999999 1": a step list is as long as the glyphs it steps between, never what a file
    declares (a 1 KB file could otherwise ask for gigabytes)."""
    from reportx.readers.ofd import _deltas

    assert _deltas("g 99999999 1 g 99999999 1", 3) == [1.0, 1.0, 1.0]
    assert _deltas("2 g 2 3 4", 10) == [2.0, 3.0, 3.0, 4.0]


def test_a_page_listed_twice_is_read_once():
    import re

    def twice(info, body):
        if info.filename.endswith("Document.xml"):
            body = re.sub(rb"(<ofd:Page [^>]*/>)", rb"\1\1", body, count=1)
        return info, body

    assert _lines(_rezip(make_ofd(PAGES), twice)).count(REVIEW) == 1


def test_a_package_zipped_with_its_folder_is_read():
    import zipfile

    def nested(info, body):
        return zipfile.ZipInfo("report/" + info.filename), body

    assert PLAN in _lines(_rezip(make_ofd(PAGES), nested))


def test_an_encrypted_member_is_a_one_line_error():
    """A member whose flags say it is encrypted (zipfile then asks for a password)."""
    import io
    import zipfile

    data = bytearray(make_ofd(PAGES))
    for info in zipfile.ZipFile(io.BytesIO(bytes(data))).infolist():
        if info.filename.endswith("Content.xml"):
            data[info.header_offset + 6] |= 0x1                       # its local header
    at = data.find(b"PK\x01\x02")
    while at >= 0:                                                     # and its directory entry
        size = int.from_bytes(data[at + 28:at + 30], "little")
        if bytes(data[at + 46:at + 46 + size]).endswith(b"Content.xml"):
            data[at + 8] |= 0x1
        at = data.find(b"PK\x01\x02", at + 4)
    with pytest.raises(InputError, match="not a readable OFD"):
        text_from_bytes(bytes(data), "locked.ofd")


def test_vertical_text_stays_out_of_the_line_beside_it():
    """A title set vertically (DeltaY steps, no DeltaX) beside a line of body text: its glyphs
    stand one under another, not in the body line."""
    def vertical(info, body):
        if info.filename.endswith("Page_0/Content.xml"):
            obj = ('<ofd:TextObject ID="9" Boundary="5 60 8 60" Font="1" Size="8">'
                   '<ofd:TextCode X="0" Y="8" DeltaY="g 5 8">政府工作报告</ofd:TextCode>'
                   '</ofd:TextObject>').encode()
            body = body.replace(b"</ofd:Layer>", obj + b"</ofd:Layer>")
        return info, body

    assert REVIEW in _lines(_rezip(make_ofd(PAGES), vertical))
