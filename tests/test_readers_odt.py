"""The OpenDocument reader (readers/odt.py): paragraphs, headings and table rows of content.xml in
order, notes and the record of tracked changes left out; an .odt told from a .docx by its
mimetype. One file is real (LibreOffice Writer 7.4 saved the bundled guigang report as .odt:
tests/files/README.md), the others are built here so each test shows what it feeds."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import reportx
from reportx.errors import InputError
from reportx.readers.loading import read_text, text_from_bytes
from readers_fixtures import facts, seed_text

FILES = Path(__file__).parent / "files"
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')


def make_odt(body: str, mimetype_first: bool = True) -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS}>'
               f"<office:body><office:text>{body}</office:text></office:body>"
               "</office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        members = [("mimetype", "application/vnd.oasis.opendocument.text"),
                   ("content.xml", content)]
        for name, data in members if mimetype_first else members[::-1]:
            z.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else
                       zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_an_odt_written_by_writer_gives_the_claims_of_its_text():
    claims = reportx.extract(read_text(FILES / "guigang-2024.odt"))
    assert len(claims) > 200
    assert facts(claims) == facts(reportx.extract(seed_text("guigang-2024")))


def test_paragraphs_headings_lists_and_spans_in_order():
    body = ('<text:h text:outline-level="1">一、2023年工作回顾</text:h>'
            '<text:p>地区生产总值<text:span>增长</text:span>0.1％，'
            '<text:a>一般公共预算收入</text:a>增长3.7％。</text:p>'
            '<text:list><text:list-item><text:p>居民人均可支配收入增长5％左右。</text:p>'
            '</text:list-item></text:list>'
            '<text:section><text:p>市长<text:s text:c="2"/>林海波<text:tab/>讲话'
            '<text:line-break/>第二行</text:p></text:section>')
    assert text_from_bytes(make_odt(body), "a.odt").splitlines() == [
        "一、2023年工作回顾", "地区生产总值增长0.1％，一般公共预算收入增长3.7％。",
        "居民人均可支配收入增长5％左右。", "市长  林海波\t讲话", "第二行"]


def test_notes_and_deleted_text_are_not_read():
    body = ('<text:tracked-changes><text:changed-region><text:deletion>'
            '<text:p>删去的增长9%。</text:p></text:deletion></text:changed-region>'
            '</text:tracked-changes>'
            '<text:p>地区生产总值增长5%<text:note><text:note-citation>1</text:note-citation>'
            '<text:note-body><text:p>注：按可比价格计算增长8%。</text:p></text:note-body>'
            '</text:note>。</text:p>')
    assert text_from_bytes(make_odt(body), "a.odt") == "地区生产总值增长5%。"


def test_a_table_row_is_one_line():
    body = ('<table:table><table:table-row><table:table-cell><text:p>指标</text:p>'
            '</table:table-cell><table:table-cell><text:p>目标</text:p></table:table-cell>'
            '</table:table-row><table:table-row><table:table-cell><text:p>地区生产总值'
            '</text:p></table:table-cell><table:table-cell/><table:table-cell><text:p>5%</text:p>'
            '</table:table-cell></table:table-row></table:table>')
    assert text_from_bytes(make_odt(body), "a.odt").splitlines() == [
        "指标\u3000目标", "地区生产总值\u30005%"]


def test_an_odt_whose_mimetype_is_not_first_is_still_one():
    data = make_odt("<text:p>政府工作报告，地区生产总值增长5%。</text:p>", mimetype_first=False)
    assert text_from_bytes(data, "late.odt") == "政府工作报告，地区生产总值增长5%。"


@pytest.mark.parametrize("content, message", [
    ("<office:document-content", "not a readable OpenDocument text"),
    (None, "without content.xml"),
])
def test_a_broken_odt_says_what_it_is(content, message):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        if content is not None:
            z.writestr("content.xml", content)
    with pytest.raises(InputError, match=message):
        text_from_bytes(out.getvalue(), "bad.odt")
