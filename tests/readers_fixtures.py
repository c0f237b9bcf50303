"""Files the reader tests build in tmp_path: PDFs with text where a typesetter puts it, Word files
with the markup real ones carry. Small and made by hand, so a test shows exactly what it feeds."""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

# A small report the plain-text and loading tests read in many encodings and line ends.
REPORT = (
    "政府工作报告\n"
    "——2024年2月3日在贵港市第六届人民代表大会第六次会议上\n"
    "一、2023年工作回顾\n"
    "地区生产总值增长0.1％，其中第一产业增加值增长4.7％，第二产业增加值下降8.8％。\n"
    "二、2024年工作安排\n"
    "居民人均可支配收入增长5％左右，新增城镇就业1.3万人。\n"
)


PAGE_WIDTH, PAGE_HEIGHT = 595, 842
LEFT, TOP, SIZE = 72, 770, 12
# a text column of 37 characters of 12 pt: the right margin at 72 + 444 = 516
COLUMN = 37


@dataclass
class At:
    """Text at a given place on the page: a page number, a running head, a title."""
    text: str
    x: float
    y: float
    size: float = SIZE


@dataclass
class Row:
    """A table row: cells on one baseline, each at its own x."""
    cells: list[tuple[str, float]]


def em(ch: str) -> float:
    """A character's width in font sizes: half for ASCII, a quarter for a space, else one."""
    return 0.25 if ch == " " else 0.5 if ord(ch) < 128 else 1.0


def wrap(paragraph: str, width: float = COLUMN, indent: float = 2) -> list[tuple[str, float]]:
    """A paragraph broken into lines of a column `width` characters wide, its first line indented,
    as a typesetter breaks Chinese: anywhere, each line as full as it can be.
    (text, x) per line."""
    lines, cur, used, x = [], "", indent, indent
    for ch in paragraph:
        if used + em(ch) > width:
            lines.append((cur, x))
            cur, used, x = "", 0.0, 0.0
        cur += ch
        used += em(ch)
    lines.append((cur, x))
    return [(text, LEFT + offset * SIZE) for text, offset in lines]


def place(pages: list[list]) -> list[list[tuple[str, float, float, float]]]:
    """Where each item of each page stands: (text, x, y, size) in points from the page's bottom
    left. An item is a str (a line at the left margin, at the next baseline), a list of (text, x)
    (lines at the next baselines, from `wrap`), an At or a Row."""
    placed = []  # per page: (text, x, y, size)
    for page in pages:
        y = TOP
        out = []
        for item in page:
            if isinstance(item, At):
                out.append((item.text, item.x, item.y, item.size))
                continue
            if isinstance(item, Row):
                out += [(text, x, y, SIZE) for text, x in item.cells]
            elif isinstance(item, str):
                out.append((item, LEFT, y, SIZE))
            else:
                for text, x in item:
                    out.append((text, x, y, SIZE))
                    y -= SIZE * 1.5
                continue
            y -= SIZE * 1.5
        placed.append(out)
    return placed


def make_pdf(pages: list[list]) -> bytes:
    """A PDF whose pages show the given items (as `place` reads them). The font is a Type0 font
    with a ToUnicode map and glyph widths (no font program: a reader needs none to extract
    text)."""
    placed = place(pages)
    chars = sorted({ch for page in placed for text, *_ in page for ch in text})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(chars)} beginbfchar\n"
            + "".join(f"<{cid[ch]:04X}> <{ord(ch):04X}>\n" for ch in chars)
            + "endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n"
            ).encode()
    widths = " ".join(f"{cid[ch]} [{int(em(ch) * 1000)}]" for ch in chars)
    objects: list[bytes | None] = []

    def add(body):
        objects.append(body)
        return len(objects)

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    catalog, pages_id = add(None), add(None)
    to_unicode = add(stream(cmap))
    cid_font = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo "
                   b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 "
                   b"/W [" + widths.encode() + b"] >>")
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode))
    kids = []
    for page in placed:
        ops = [f"BT /F1 {size:g} Tf 1 0 0 1 {x:g} {y:g} Tm <"
               + "".join(f"{cid[ch]:04X}" for ch in text) + "> Tj ET"
               for text, x, y, size in page]
        content = add(stream("\n".join(ops).encode()))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_id, PAGE_WIDTH, PAGE_HEIGHT, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                             + b"] /Count %d >>" % len(kids))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += (b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, catalog, xref))
    return bytes(out)


OFD_NS = "http://www.ofdspec.org/2016"
_MM = 25.4 / 72


def make_ofd(pages: list[list], *, per_glyph: bool = False, base_loc: str = "attribute",
             namespace: str = OFD_NS, extra: dict[str, str] | None = None) -> bytes:
    """An OFD package whose pages show the items `place` reads, in millimetres from the page's
    top left as OFD has them. Two producers' ways: a text object a line, with DeltaX steps in the
    "g N d" shorthand (converters), or a text object a glyph under a matrix that scales a 10 mm
    design space down to the type size, its baseline at a negative Y (Suwell's, from Word).
    `base_loc`: a page's location as an attribute beside Document.xml, as a child element, or
    as a path from the archive's root with a leading slash. `extra`: more members (a template,
    an encryption list)."""
    ns = f'xmlns:ofd="{namespace}"'
    width, height = PAGE_WIDTH * _MM, PAGE_HEIGHT * _MM
    refs, members = [], {}
    for n, items in enumerate(place(pages)):
        objects, oid = [], 100
        for text, x, y, size in items:
            left, base, mm = x * _MM, (PAGE_HEIGHT - y) * _MM, size * _MM
            if not per_glyph:
                steps = " ".join(f"{em(ch) * mm:.3f}" for ch in text[:-1])
                objects.append(f'<ofd:TextObject ID="{oid}" Boundary="{left:.3f} {base - mm:.3f} '
                               f'{len(text) * mm:.3f} {mm * 1.2:.3f}" Font="1" Size="{mm:.3f}">'
                               f'<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{mm:.3f}" '
                               f'DeltaX="{steps}">{_xml(text)}</ofd:TextCode></ofd:TextObject>')
                oid += 1
                continue
            scale = mm / 10
            for ch in text:
                objects.append(f'<ofd:TextObject ID="{oid}" Boundary="{left:.3f} {base - mm:.3f} '
                               f'{mm:.3f} {mm * 1.2:.3f}" Font="1" Size="10" '
                               f'CTM="{scale:.4f} 0 0 {-scale:.4f} 0 0">'
                               f'<ofd:TextCode X="0" Y="-10">{_xml(ch)}</ofd:TextCode>'
                               f'</ofd:TextObject>')
                left += em(ch) * mm
                oid += 1
        members[f"Doc_0/Pages/Page_{n}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content>'
            f'<ofd:Layer ID="{n + 10}">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')
        loc = f"Pages/Page_{n}/Content.xml"
        refs.append(f'<ofd:Page ID="{n + 1}"><ofd:BaseLoc>{loc}</ofd:BaseLoc></ofd:Page>'
                    if base_loc == "child" else
                    f'<ofd:Page ID="{n + 1}" BaseLoc="/Doc_0/{loc}"/>' if base_loc == "absolute"
                    else f'<ofd:Page ID="{n + 1}" BaseLoc="{loc}"/>')
    members["OFD.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} DocType="OFD" '
                          f'Version="1.1"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID>'
                          f'</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
                          f'</ofd:DocBody></ofd:OFD>')
    members["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData>'
        f'<ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {width:.2f} '
        f'{height:.2f}</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>'
        f'<ofd:Pages>{"".join(refs)}</ofd:Pages></ofd:Document>')
    members.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    return out.getvalue()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def page_number(n: int, form: str = "- {n} -") -> At:
    """A page number in the footer, centred, 30 pt from the bottom edge."""
    text = form.format(n=n)
    return At(text, PAGE_WIDTH / 2 - len(text) * SIZE / 4, 30, 10.5)


# A two-page report the fixed-layout readers' tests typeset (PDF, OFD): a header, a review
# paragraph broken over lines, a plan paragraph, a page number at each foot.
REVIEW = ("地区生产总值增长0.1％，其中第一产业增加值增长4.7％，第二产业增加值下降8.8％，"
          "第三产业增加值增长4.8％；一般公共预算收入增长3.7％，外贸进出口总额增长7.1％。")
PLAN = "居民人均可支配收入增长5％左右，新增城镇就业1.3万人，粮食产量稳定在140万吨以上。"
PAGES = [["政府工作报告", "——2024年2月3日在贵港市第六届人民代表大会第六次会议上", "一、2023年工作回顾",
          wrap(REVIEW), page_number(1)],
         ["二、2024年工作安排", wrap(PLAN), page_number(2)]]


def encrypt_pdf(data: bytes, algorithm: str = "AES-128") -> bytes:
    """The PDF locked against editing only: an empty user password, as portals publish them."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'mc:Ignorable="wps"')

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def p(*runs: str, style: str | None = None) -> str:
    """A Word paragraph of the given run XML; plain strings become runs."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    return f"<w:p>{ppr}{body}</w:p>"


def run(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def document_xml(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:document {DOCX_NAMESPACES}><w:body>{body}<w:sectPr/></w:body></w:document>")


def make_docx(body: str | None = None, document: bytes | None = None,
              compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal .docx package around the given body XML (or whole document.xml bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document if document is not None else document_xml(body))
    return out.getvalue()


def seed_text(name: str) -> str:
    """A bundled report's text."""
    from tests.conftest import SEEDS

    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def load_saved(tmp_path, name: str, text: str):
    """A report saved as `text` in tmp_path and read back: its Document and the messages of the
    warnings reading it gave (a reshaped layout is said in one)."""
    import warnings

    import reportx

    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = reportx.load(path)
    return doc, [str(w.message) for w in caught]


def facts(claims) -> list[tuple]:
    """What a claim says, without where: to compare the claims of one report in two shapes."""
    return [(c.value, c.unit, c.indicator_id or "", c.period or "", c.kind or "",
             c.qualifier or "", c.direction or "") for c in claims]
