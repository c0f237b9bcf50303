"""The Word 97-2003 reader (readers/doc.py): the main document's text from the piece table, Word's
marks read as Word shows them, and files that are not a readable .doc named as what they are.

Most files are built by hand (tests/ole_fixtures.py) so each test shows the pieces it feeds; one
is a real .doc written by LibreOffice Writer from the bundled guigang report
(`soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to doc:"MS Word 97"`)."""
from __future__ import annotations

from pathlib import Path

import pytest

import reportx
from reportx.errors import InputError
from reportx.readers.loading import read_text, sniff, text_from_bytes
from tests.ole_fixtures import Piece, make_doc, make_ole
from tests.readers_fixtures import facts, seed_text

FILES = Path(__file__).parent / "files"


def test_a_doc_written_by_writer_gives_the_claims_of_its_text():
    path = FILES / "guigang-2024.doc"
    assert sniff(path.read_bytes()) == "ole"
    claims = reportx.extract(read_text(path))
    assert len(claims) > 200
    assert facts(claims) == facts(reportx.extract(seed_text("guigang-2024")))


def test_pieces_in_utf16_and_in_8_bit_bytes_are_read_in_order():
    data = make_doc(["政府工作报告\r地区生产总值增长", Piece("5.2% ", compressed=True),
                     "左右。\r"])
    assert text_from_bytes(data, "a.doc") == "政府工作报告\n地区生产总值增长5.2% 左右。"


def test_only_the_main_document_is_read():
    # footnotes, headers and text boxes follow the main text in the same character space
    data = make_doc(["政府工作报告\r地区生产总值增长5%。\r"], tail="注：脚注文字增长9%。\r")
    assert "脚注" not in text_from_bytes(data, "a.doc")


def test_a_field_keeps_its_result_and_loses_its_code_nested_fields_too():
    data = make_doc(["政府工作报告\r见第\x13 PAGE \x14三\x15页，"
                     "\x13 IF \x13 DATE \x142024\x15 \x14增长5%\x15。\r"])
    assert text_from_bytes(data, "a.doc") == "政府工作报告\n见第三页，增长5%。"


def test_table_cells_are_one_line_a_row_apart_by_ideographic_spaces():
    data = make_doc(["政府工作报告\r指标\x07目标\x07\x07地区生产总值\x075%\x07\x07结尾。\r"])
    assert text_from_bytes(data, "a.doc").splitlines() == [
        "政府工作报告", "指标\u3000目标", "地区生产总值\u30005%", "结尾。"]


def test_breaks_end_lines_and_object_anchors_are_dropped():
    data = make_doc(["政府工作报告\x0b第二行\x0c第三\x01行\x08，\x1e\x1f好\r"])
    assert text_from_bytes(data, "a.doc").splitlines() == ["政府工作报告", "第二行", "第三行，-好"]


def test_the_table_stream_named_by_the_fib_is_read():
    data = make_doc(["政府工作报告\r增长5%。\r"], table="0Table")
    assert text_from_bytes(data, "a.doc") == "政府工作报告\n增长5%。"


@pytest.mark.parametrize("data, message", [
    (make_doc(["政府工作报告\r"], encrypted=True), r"old\.doc: an encrypted"),
    (make_doc(["政府工作报告\r"], nfib=0x0065), r"old\.doc: a Word 6/95 document; save it as"),
    (make_ole({"Workbook": b"\x09\x08" + bytes(100)}), r"old\.doc: an Excel workbook \(\.xls\)"),
    (make_ole({"Contents": bytes(100)}), "an OLE2 file that is not a Word document"),
    (make_ole({"WordDocument": bytes(100), "1Table": bytes(10)}), "no File Information Block"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), r"old\.doc: a damaged OLE2"),
])
def test_files_that_are_not_a_readable_doc_say_what_they_are(data, message):
    with pytest.raises(InputError, match=message):
        text_from_bytes(data, "old.doc")


@pytest.mark.parametrize("clx", [b"\x07" + bytes(20), b"\x02\x10\x00\x00\x00" + bytes(3), b""])
def test_a_piece_table_that_cannot_be_read_is_a_damaged_file(clx):
    with pytest.raises(InputError, match=r"cut\.doc: a damaged Word \.doc file"):
        text_from_bytes(make_doc(["政府工作报告\r"], clx=clx), "cut.doc")


def test_cli_extracts_a_doc(tmp_path):
    from typer.testing import CliRunner

    from reportx.cli import app

    good = tmp_path / "guigang-2024.doc"
    good.write_bytes((FILES / "guigang-2024.doc").read_bytes())
    result = CliRunner().invoke(app, ["extract", str(good), "--format", "jsonl"])
    assert result.exit_code == 0
    assert result.stdout.count("\n") == len(reportx.extract(seed_text("guigang-2024")))
