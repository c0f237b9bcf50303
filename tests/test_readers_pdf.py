"""PDFs as portals publish them: locked against editing, numbered pages, a year or a figure on a
line of its own, tables, paragraphs running over the page break."""
from __future__ import annotations

from pathlib import Path

import pytest

import reportx
from reportx.errors import InputError, ReportxWarning
from reportx.readers.loading import text_from_bytes
from readers_fixtures import (LEFT, PAGES, PLAN, REVIEW, SIZE, At, Row, encrypt_pdf, make_pdf,
                              page_number, wrap)



def _lines(data: bytes, name: str = "r.pdf") -> list[str]:
    return text_from_bytes(data, name).splitlines()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_locked_only_against_editing_is_read(algorithm):
    pytest.importorskip("cryptography")  # to write the locked file; reading needs nothing extra
    lines = _lines(encrypt_pdf(make_pdf(PAGES), algorithm))
    assert REVIEW in lines and PLAN in lines


def test_a_pdf_that_needs_a_password_to_open_says_so():
    pytest.importorskip("cryptography")
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(make_pdf(PAGES))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = BytesIO()
    writer.write(out)
    with pytest.raises(InputError, match="locked.pdf: the PDF is password-protected"):
        text_from_bytes(out.getvalue(), "locked.pdf")


def test_only_page_numbers_at_the_page_edge_are_dropped():
    """A title's year and a figure on a line of their own are text wherever they stand; a page
    number is at the foot of its page and follows the page sequence."""
    pages = [
        ["政府工作报告", "2022", wrap(REVIEW), "71", wrap(PLAN), page_number(1)],
        [wrap(PLAN), At("2035", LEFT, 80), page_number(2, "第{n}页")],
        [wrap(REVIEW), At("2036", LEFT, 40)],          # no page number: the last line is a year
        [wrap(PLAN), page_number(4, "{n}")],           # a bare page number, in sequence
    ]
    lines = _lines(make_pdf(pages))
    for kept in ("2022", "71", "2035", "2036"):
        assert kept in lines, kept
    for dropped in ("- 1 -", "第2页", "4"):
        assert dropped not in lines, dropped


def test_a_table_row_is_not_glued_to_the_next_line():
    right = LEFT + 37 * SIZE  # the column's right margin, where the row's last cell ends
    pages = [[wrap(REVIEW), Row([("地区生产总值", LEFT), ("亿元", 300), ("15.94", right - 2.5 * SIZE)]),
              "2021年以来，全市经济运行总体平稳。", wrap(PLAN), page_number(1)]]
    text = text_from_bytes(make_pdf(pages), "table.pdf")
    assert "15.942021" not in text
    assert "地区生产总值\u3000亿元\u300015.94" in text.splitlines()
    assert "2021年以来，全市经济运行总体平稳。" in text.splitlines()


def test_a_paragraph_runs_on_over_the_page_break():
    lines = wrap(REVIEW + PLAN)
    pages = [["一、2023年工作回顾", lines[:2], page_number(1)], [lines[2:], page_number(2)]]
    assert _lines(make_pdf(pages)) == ["一、2023年工作回顾", REVIEW + PLAN]


def test_an_indented_line_after_a_full_one_starts_a_paragraph():
    full = "一二三四五六七八九十" * 3 + "一二三四五六七"  # the whole column, no full stop
    indented = [("新的段落从这里开始。", LEFT + 2 * SIZE)]
    lines = _lines(make_pdf([[wrap(REVIEW), [(full, LEFT)], indented, wrap(PLAN)]]))
    assert full in lines and "新的段落从这里开始。" in lines


def test_pages_without_text_are_named_in_a_warning():
    with pytest.warns(ReportxWarning, match=r"scan\.pdf: 1 of 3 pages have no text layer"):
        lines = _lines(make_pdf([PAGES[0], [], PAGES[1]]), "scan.pdf")
    assert REVIEW in lines and PLAN in lines


def test_pdf_claims_carry_kind_and_point_into_the_text():
    text = text_from_bytes(make_pdf(PAGES), "r.pdf")
    assert "\r" not in text
    claims = reportx.extract(text, key="r")
    assert all(text[c.start:c.end] == c.surface for c in claims)
    kinds = {c.surface: c.kind for c in claims}
    assert kinds["0.1％"] == "actual" and kinds["5％"] == "target"


def test_a_line_ending_in_a_closing_quote_still_runs_on():
    """A closing quote or bracket at the end of a full line ends no sentence (打响“露营天堂
    自在贵港”品牌 broken after the quote)."""
    first = "全市上下认真贯彻落实党中央决策部署，大力发展文旅产业，打响“露营天堂”"
    assert len(first) == 35  # exactly the first line of an indented paragraph
    paragraph = first + "品牌，新建旅游营地5个，接待游客增长44.2％。"
    assert wrap(paragraph)[0][0] == first
    lines = _lines(make_pdf([[wrap(REVIEW), wrap(paragraph), wrap(PLAN), page_number(1)]]))
    assert paragraph in lines


FILES = Path(__file__).parent / "files"


def test_a_pdf_typeset_by_an_office_suite_gives_the_claims_of_its_text():
    """Wide fixed leading, ragged right, figures pushed whole to the next line, and the gap a
    typesetter puts between Chinese and digits: the same claims as the text it was made from."""
    from reportx.readers.loading import read_text
    from readers_fixtures import facts, seed_text

    text = read_text(FILES / "guigang-2024.pdf")
    assert "2023年工作回顾" in text and "2023 年" not in text
    assert "分别增长25.6％、19.3％、10.5％" in text        # a line that ended short, joined
    assert "— 1 —" not in text and "— 2 —" not in text   # page numbers dropped
    assert facts(reportx.extract(text)) == facts(reportx.extract(seed_text("guigang-2024")))
