"""Loading reports: every text encoding, HTML as saved from a browser, .docx and PDF.

Each format is made here from one short report, so the test holds the input it checks: text in
five encodings, an HTML page with menus, scripts and a footer around the report, a .docx written
with python-docx, and a PDF with a text layer written byte by byte (no PDF library on this machine
writes Chinese text without a CJK font file; a Type0 font with a ToUnicode map needs none).
"""
from __future__ import annotations

import pytest

from reportx.errors import InputError
from reportx.readers.loading import decode_bytes, read_text, sniff, text_from_bytes
from readers_fixtures import REPORT, At, make_pdf, page_number, wrap



@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("gb18030", b""),
    ("gbk", b""),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""),   # no BOM: told apart by where ASCII's zero bytes fall
    ("utf-16-be", b""),
], ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be"])
def test_every_encoding_gives_the_same_text(tmp_path, encoding, prefix):
    # the suffix says nothing: the bytes decide
    path = tmp_path / "report.dat"
    path.write_bytes(prefix + REPORT.encode(encoding))
    assert read_text(path) == REPORT


def test_gbk_text_with_a_txt_suffix_is_not_read_as_utf8(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(REPORT.encode("gbk"))
    assert "地区生产总值" in read_text(path)


def test_offsets_point_into_the_text_without_bom(tmp_path):
    import reportx

    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + REPORT.encode("utf-8"))
    text = read_text(path)
    claims = reportx.extract(path)
    assert claims
    for c in claims:
        assert text[c.start:c.end] == c.surface


def test_crlf_text_keeps_its_offsets(tmp_path):
    import reportx

    path = tmp_path / "crlf.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode("gb18030"))
    text = read_text(path)
    assert "\r\n" in text
    claims = reportx.extract(path)
    assert {c.surface for c in claims} >= {"0.1％", "4.7％", "8.8％"}
    assert all(text[c.start:c.end] == c.surface for c in claims)


SAVED_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>2024年政府工作报告_贵港市人民政府门户网站</title>
<script type="text/javascript">var t = "地区生产总值增长99％"; document.write(t);</script>
<style>.nav {{ color: red }}</style></head>
<body>
<div class="header"><div class="logo">贵港市人民政府门户网站</div>
  <ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
  <li><a href="/xw">新闻中心</a></li><li><a href="/hd">政民互动</a></li></ul></div>
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<div class="content-wrap">
 <div class="left-menu"><a>政府工作报告</a><a>规划计划</a><a>统计数据</a><a>财政预决算</a></div>
 <div class="article">
  <h1>2024年贵港市政府工作报告</h1>
  <div class="info">发布时间：2024-02-05 10:30 来源：贵港市人民政府办公室 字号：大 中 小</div>
  <div id="zoom" class="TRS_Editor">
   <p style="text-align:center">政府工作报告</p>
   <p>——2024年2月3日在贵港市第六届人民代表大会第六次会议上</p>
   <p><strong>一、2023年工作回顾</strong></p>
   <p>&nbsp;&nbsp;&nbsp;&nbsp;地区生产总值增长0.1％，其中第一产业增加值增长4.7％，
   第二产业增加值下降8.8％。</p>
   <p>　　<b>二、2024年工作安排</b></p>
   <p>　　居民人均可支配收入增长5％左右，<span>新增城镇就业1.3万人</span>。</p>
  </div>
  <div class="share">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>
 </div>
</div>
<div class="related"><h3>相关文章</h3><ul><li><a>2023年政府工作报告</a></li>
 <li><a>2022年政府工作报告</a></li><li><a>2021年政府工作报告</a></li></ul></div>
<div class="footer"><p>主办：贵港市人民政府办公室 版权所有 桂ICP备05001234号</p>
 <p>网站标识码：4508000001 地区生产总值增长88％</p></div>
<script>var _hmt = _hmt || [];</script>
</body></html>
"""


def test_html_keeps_the_report_and_drops_page_furniture(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(SAVED_PAGE.encode("gbk"))
    text = read_text(path)
    lines = text.splitlines()
    assert lines[0] == "2024年贵港市政府工作报告"  # the page's h1 heads the text
    assert "——2024年2月3日在贵港市第六届人民代表大会第六次会议上" in lines
    assert "一、2023年工作回顾" in lines  # a heading starts its own line
    assert "二、2024年工作安排" in lines
    # a paragraph is one line even where the page's source wrapped it
    assert "地区生产总值增长0.1％，其中第一产业增加值增长4.7％，第二产业增加值下降8.8％。" in lines
    assert "居民人均可支配收入增长5％左右，新增城镇就业1.3万人。" in lines
    for furniture in ("首页", "政务公开", "99％", "88％", "版权所有", "相关文章", "分享到",
                      "_hmt", "发布时间", "规划计划", "color"):
        assert furniture not in text, furniture


def test_html_claims_and_offsets(tmp_path):
    import reportx

    path = tmp_path / "page.html"
    path.write_text(SAVED_PAGE.replace("gb2312", "utf-8"), encoding="utf-8")
    text = read_text(path)
    claims = reportx.extract(path)
    assert {c.surface for c in claims} >= {"0.1％", "4.7％", "8.8％", "5％", "1.3万人"}
    assert all(text[c.start:c.end] == c.surface for c in claims)
    gdp = next(c for c in claims if c.surface == "0.1％")
    assert (gdp.indicator_id, gdp.period, gdp.kind) == ("gdp", "2023", "actual")
    assert next(c for c in claims if c.surface == "5％").kind == "target"


def test_html_without_markers_falls_back_to_the_densest_block(tmp_path):
    page = ("<html><body><div><a>首页</a> | <a>关于</a> | <a>联系</a> | <a>地图</a></div>"
            "<div><div><p>一、2023年工作回顾</p><p>地区生产总值增长0.1％。</p>"
            "<p>一般公共预算收入增长3.7％。</p></div></div></body></html>")
    text = text_from_bytes(page.encode("utf-8"), "p.html")
    assert text == "一、2023年工作回顾\n地区生产总值增长0.1％。\n一般公共预算收入增长3.7％。"


def test_html_is_told_by_its_content_not_its_name(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(SAVED_PAGE, encoding="utf-8")
    assert sniff(path.read_bytes()) == "html"
    assert "<p" not in read_text(path)


def test_html_page_with_menus_only_has_no_report(tmp_path):
    page = ("<html><body><ul class='nav'><li><a>首页</a></li><li><a>政务公开</a></li>"
            "<li><a>新闻</a></li></ul><div class='footer'>版权所有 贵港市人民政府</div>"
            "</body></html>")
    path = tmp_path / "menu.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(InputError, match="no Chinese report text on this page"):
        read_text(path)


def _docx(tmp_path, name="report.docx"):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in REPORT.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "增速"
    table.cell(1, 0).text = "外贸进出口总额"
    table.cell(1, 1).text = "增长7.1％"
    document.add_paragraph("")
    document.add_paragraph("贵港市人民政府")
    path = tmp_path / name
    document.save(path)
    return path


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    text = read_text(_docx(tmp_path))
    assert text == REPORT.rstrip("\n") + "\n指标\u3000增速\n外贸进出口总额\u3000增长7.1％\n贵港市人民政府"


def test_docx_claims_point_into_its_text(tmp_path):
    import reportx

    path = _docx(tmp_path)
    text = read_text(path)
    claims = reportx.extract(path)
    assert {c.surface for c in claims} >= {"0.1％", "4.7％", "8.8％", "5％"}
    assert all(text[c.start:c.end] == c.surface for c in claims)


def test_docx_named_otherwise_is_still_a_docx(tmp_path):
    path = _docx(tmp_path, "report.bin")
    assert "地区生产总值增长0.1％" in read_text(path)


def test_zip_that_is_not_a_docx(tmp_path):
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "地区生产总值增长0.1％")
    with pytest.raises(InputError, match="not a Word .docx"):
        read_text(path)


HEAD = At("贵港市人民政府文件", 240, 805, 10.5)  # the running head of every page
PDF_PAGES = [
    [HEAD, "政府工作报告", "——2024年2月3日在贵港市第六届人民代表大会第六次会议上", "一、2023年工作回顾",
     wrap("地区生产总值增长0.1％，其中第一产业增加值增长4.7％，第二产业增加值下降8.8％，"
          "第三产业增加值增长4.8％；一般公共预算收入增长3.7％。"),
     page_number(1)],
    [HEAD, "二、2024年工作安排",
     wrap("居民人均可支配收入增长5％左右，新增城镇就业1.3万人，粮食产量稳定在140万吨以上。"),
     page_number(2)],
    [HEAD, "三、加强政府自身建设", wrap("一般性支出压减10％。"), page_number(3)],
]


def test_pdf_text_layer_pages_unwrapped(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(PDF_PAGES))
    text = read_text(path)
    lines = text.splitlines()
    assert "一、2023年工作回顾" in lines
    assert ("地区生产总值增长0.1％，其中第一产业增加值增长4.7％，第二产业增加值下降8.8％，"
            "第三产业增加值增长4.8％；一般公共预算收入增长3.7％。") in lines
    assert "居民人均可支配收入增长5％左右，新增城镇就业1.3万人，粮食产量稳定在140万吨以上。" in lines
    assert "二、2024年工作安排" in lines
    assert "- 1 -" not in text and "- 2 -" not in text   # page numbers
    assert "贵港市人民政府文件" not in text                # the running head of every page


def test_pdf_claims_point_into_its_text(tmp_path):
    import reportx

    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(PDF_PAGES))
    text = read_text(path)
    claims = reportx.extract(path)
    surfaces = {c.surface for c in claims}
    assert {"0.1％", "8.8％", "5％", "1.3万人", "140万吨"} <= surfaces
    assert all(text[c.start:c.end] == c.surface for c in claims)
    assert next(c for c in claims if c.surface == "8.8％").direction == "decrease"


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[]]))
    with pytest.raises(InputError, match="no text layer"):
        read_text(path)


def test_damaged_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="PDF"):
        read_text(path)


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"  \n\t\r\n", "empty"),
    (b"\xef\xbb\xbf", "empty"),
    (bytes(range(256)) * 8, "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    (b"\x7fELF\x02\x01\x01" + bytes(100) + b"\xff\xfe" * 50, "binary"),
    (b"GDP grew by 5 percent in 2023.\n" * 20, "no Chinese report text"),
])
def test_unreadable_bytes(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as err:
        read_text(path)
    assert str(path) in str(err.value)


def test_random_high_bytes_are_binary():
    import random

    rnd = random.Random(7)
    for _ in range(20):
        data = bytes(rnd.randrange(256) for _ in range(3000))
        with pytest.raises(InputError):
            text_from_bytes(data, "noise")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder"):
        read_text(tmp_path)


def test_decode_bytes_keeps_its_contract():
    assert decode_bytes("地区生产总值".encode("gbk")) == "地区生产总值"
    with pytest.raises(InputError, match="<bytes>: file is empty"):
        decode_bytes(b"")


def test_page_saved_as_one_mhtml_file(tmp_path):
    """Chrome's "Webpage, Single File": MIME multipart/related, the HTML quoted-printable, its
    charset declared by the MIME part."""
    import quopri

    html = quopri.encodestring(SAVED_PAGE.replace("charset=gb2312", "").encode("gbk"))
    mhtml = (b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.gxgg.gov.cn/x.html\r\n"
             b"Subject: 2024\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
             b"\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc\"\r\n\r\n"
             b"------MultipartBoundary--abc\r\nContent-Type: text/html; charset=gbk\r\n"
             b"Content-Transfer-Encoding: quoted-printable\r\n"
             b"Content-Location: https://www.gxgg.gov.cn/x.html\r\n\r\n" + html +
             b"\r\n------MultipartBoundary--abc\r\nContent-Type: text/css\r\n\r\n.nav{}\r\n"
             b"------MultipartBoundary--abc--\r\n")
    path = tmp_path / "page.mhtml"
    path.write_bytes(mhtml)
    assert sniff(mhtml) == "mhtml"
    text = read_text(path)
    assert "地区生产总值增长0.1％，其中第一产业增加值增长4.7％，第二产业增加值下降8.8％。" in text.splitlines()
    assert "首页" not in text and "版权所有" not in text


def test_html_keeps_the_authors_spaces_and_preformatted_lines():
    page = ("<html><body><div class='content'><p>市长&nbsp;&nbsp;林海波</p>"
            "<p>打响“露营天堂\u2003自在贵港”品牌，新建旅游营地5个。</p>"
            "<pre>一、2023年工作回顾\n地区生产总值增长0.1％。\n  二、2024年工作安排\n增长5％左右。</pre>"
            "</div></body></html>")
    lines = text_from_bytes(page.encode("utf-8"), "p.html").splitlines()
    assert lines == ["市长\xa0\xa0林海波", "打响“露营天堂\u2003自在贵港”品牌，新建旅游营地5个。",
                     "一、2023年工作回顾", "地区生产总值增长0.1％。", "二、2024年工作安排", "增长5％左右。"]


def test_a_whole_report_survives_html_intact():
    """Every paragraph of a bundled report, wrapped in <p> on a page with menus, comes back as
    the same lines."""
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "seeds" / "guigang-2024.txt"
    report = read_text(seed)
    paras = [ln.strip(" \u3000") for ln in report.splitlines() if ln.strip()]
    menu = "".join(f"<li><a href='/c{i}'>栏目{i}</a></li>" for i in range(300))
    page = (f"<html><body><div class='top'><ul>{menu}</ul></div><div class='main'>"
            f"<div class='left'>{menu}</div><div class='right'><div class='article-con'>"
            + "".join(f"<p>{p}</p>\n" for p in paras) + "</div></div></div></body></html>")
    assert text_from_bytes(page.encode("utf-8"), "page.html").splitlines() == paras


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_few_damaged_bytes_keep_the_encoding(encoding):
    """A file cut off mid-character, or with one bad byte, is still read in its own encoding,
    with U+FFFD where the damage is (not as mojibake in another encoding)."""
    data = (REPORT * 20).encode(encoding)
    damaged = data[:300] + b"\xff" + data[300:-1]
    text = decode_bytes(damaged)
    assert 1 <= text.count("\ufffd") <= 4
    assert "地区生产总值增长0.1％" in text


def test_html_title_is_the_articles_not_the_sites_logo():
    page = ("<html><body><header><h1><a href='/'>贵港市人民政府门户网站</a></h1>"
            "<nav><a>首页</a><a>政务公开</a><a>互动</a></nav></header>"
            "<main><article><header><h1>2024年政府工作报告</h1><p class='date'>2024-02-05</p>"
            "</header><div class='text'><p>一、2023年工作回顾</p><p>地区生产总值增长0.1％。</p>"
            "</div></article></main><footer>版权所有：贵港市人民政府</footer></body></html>")
    lines = text_from_bytes(page.encode("utf-8"), "p.html").splitlines()
    assert lines[0] == "2024年政府工作报告"
    assert "贵港市人民政府门户网站" not in lines and "版权所有：贵港市人民政府" not in lines
    assert lines[-2:] == ["一、2023年工作回顾", "地区生产总值增长0.1％。"]
