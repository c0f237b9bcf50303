"""From a file's bytes to the report's text.

What a file holds is read from its bytes, never guessed from its name:

- plain text in UTF-8, UTF-8 with BOM, UTF-16 (with or without BOM) or GB18030/GBK
  (charset-normalizer decides when none of these decodes cleanly);
- HTML as a browser saves it (a page, or a single .mhtml file): the report's text only, without
  scripts, styles, menus, headers and footers, one line per paragraph;
- Word .docx (a ZIP holding word/document.xml): its paragraphs and table cells, in order;
- PDF with a text layer: the text of each page, lines that only wrap a paragraph joined again,
  page numbers and running headers dropped.

Offsets the user sees point into the text this module returns (BOM stripped); `reportx text FILE`
prints it. A file with no Chinese text in it (an English page, a scanned PDF, a menu-only page)
raises InputError: there is no report to read. bs4, python-docx and pypdf are imported only when
a file needs them, so plain-text runs do not pay for them at start-up.
"""
from __future__ import annotations

import re
from pathlib import Path

from reportx.errors import InputError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Fewer Han characters than this and a file holds no report text (a report has thousands).
MIN_HAN = 4

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# C0 controls other than tab, newline, form feed and carriage return: text files have none.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


def _looks_binary(text: str) -> bool:
    """Decoded 'text' full of control characters or replacement marks is really binary data."""
    sample = text[:20000]
    if not sample:
        return False
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return bad > max(2, len(sample) // 100)


_TEXTLIKE = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u303f"
                       r"\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM: ASCII characters (digits, newlines) put their zero byte on one side;
    the side with most zeros names the byte order, and the text must then read as text."""
    if len(data) < 4 or len(data) % 2:
        return None
    head = data[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    codecs = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for codec in codecs:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        if not _looks_binary(text) and len(_TEXTLIKE.findall(sample)) >= 0.95 * len(sample):
            return text
    return None


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode report bytes to text; raise InputError for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            if not text.strip():
                raise InputError(f"{name}: file is empty")
            if _looks_binary(text):
                raise InputError(f"{name}: looks like a binary file, not a report's text")
            return text
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"{name}: looks like a binary file, not a report's text")
        return text
    text = None
    # GB18030 is a superset of GBK and GB2312: the usual encoding of older Chinese files
    for codec in ("utf-8", "gb18030"):
        try:
            text = data.decode(codec)
            break
        except UnicodeDecodeError:
            pass
    if text is None:
        # a few damaged bytes (a cut-off download) in an otherwise clean file: keep the encoding
        # that fits, with U+FFFD where the damage is, rather than read it all as another one
        for codec in ("utf-8", "gb18030"):
            candidate = data.decode(codec, errors="replace")
            if candidate.count("\ufffd") <= max(8, len(candidate) // 1000):
                text = candidate
                break
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{name}: looks like a binary file, not a report's text "
                             "(not UTF-8, GBK or UTF-16)")
        text = str(best)
    if _looks_binary(text):
        raise InputError(f"{name}: looks like a binary file, not a report's text")
    return text


def sniff(data: bytes) -> str:
    """What the bytes are: 'pdf', 'zip', 'mhtml', 'html' or 'text'."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    low = data[:4096].lower()
    if b"mime-version:" in low[:2048] and b"multipart/related" in low \
            and not low.lstrip().startswith(b"<"):
        return "mhtml"  # a page saved by a browser as one file (.mhtml, .mht)
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head.lower() \
            or b"<body" in head.lower():
        return "html"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 HTML
        try:
            t = data[:2048].decode("utf-16", errors="ignore").lstrip().lower()
        except UnicodeDecodeError:
            t = ""
        if t.startswith(("<!doctype html", "<html")):
            return "html"
    return "text"


def _readers():
    """Each kind of file: the function that reads its text, and what to say when it has none."""
    page = "no Chinese report text on this page"
    return {
        "pdf": (pdf_text, "no text layer (a scanned PDF?) or no Chinese report text in it"),
        "zip": (docx_text, "no Chinese report text in this document"),
        "html": (html_text, page),
        "mhtml": (mhtml_text, page),
        "text": (decode_bytes, "no Chinese report text in this file"),
    }


def text_from_bytes(data: bytes, name: str = "<bytes>") -> str:
    """The report text of a file's bytes, whatever the format."""
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    read, what = _readers()[sniff(data)]
    text = read(data, name)
    if han_count(text) < MIN_HAN:
        raise InputError(f"{name}: {what}")
    return text


def read_text(path: str | Path) -> str:
    """The report text of a file (plain text, HTML, .docx or PDF, told apart by their bytes)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a report file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    return text_from_bytes(data, str(p))


# Whitespace between two CJK characters is a line wrap of the source, not a space in the text.
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])[ ]+(?=[{_CJK}])")
# Only ASCII whitespace collapses (as in HTML): an em space or a no-break space is the author's.
_SPACES = re.compile(r"[ \t\r\f\v]+")
# what indents or pads a paragraph at either end
_PAD = " \t\r\f\v\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"


def _clean_line(line: str, collapse: bool = True) -> str:
    """One paragraph, its indent and trailing padding trimmed (including the full-width spaces
    that indent Chinese paragraphs). collapse: runs of ASCII spaces made one and those between
    Chinese characters dropped, for text whose line breaks were layout (HTML source, PDF)."""
    if collapse:
        line = _SPACES.sub(" ", line)
        line = _SPACE_IN_CJK.sub("", line)
    return line.strip(_PAD)


def _join_lines(lines, collapse: bool = True) -> str:
    return "\n".join(ln for ln in (_clean_line(x, collapse) for x in lines) if ln)


# ---- HTML

_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside",
              "form", "button", "select", "option", "iframe", "svg", "canvas", "menu", "dialog",
              "head", "object", "embed", "map", "link", "meta")
# class / id words of page furniture on government sites and blogs. A strong word drops the
# element whatever else its class says; a weak one only when no word of an article body is there.
_STRONG_FURNITURE = {"nav", "navbar", "navigation", "menu", "menubar", "footer", "breadcrumb",
                     "breadcrumbs", "crumbs", "copyright", "sidebar", "share", "bdshare", "login",
                     "search", "toolbar", "pagination", "pager", "qrcode", "friendlink",
                     "daohang", "topnav", "subnav", "mainnav", "footnav"}
_WEAK_FURNITURE = {"header", "head", "top", "topbar", "bottom", "foot", "side", "aside",
                   "banner", "tool", "tools", "position", "location", "related", "recommend",
                   "link", "links", "ad", "ads", "advert", "comment", "comments", "print", "dh",
                   "wza", "ewm", "skip", "social", "crumb", "info", "meta"}
_BODY_WORDS = ("article", "content", "zoom", "text", "detail", "main", "body", "post",
               "entry", "editor", "zwnr", "wzy", "unionstyle")
_WORD_SPLIT = re.compile(r"[^a-z0-9]+|(?<=[a-z])(?=\d)")
_BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr",
               "table", "section", "article", "main", "blockquote", "pre", "dd", "dt", "dl",
               "center", "hr", "td", "th", "figure", "figcaption", "address", "tbody"}


def _codec(label: str) -> str:
    label = label.strip().lower()
    # GB2312 and GBK pages often hold characters only GB18030 (their superset) names
    return "gb18030" if label in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936") else label


def _html_decode(data: bytes, name: str, charset: str | None = None) -> str:
    """Bytes of a page to str: a BOM first, then the charset its container declares, then the
    page's own <meta charset>, then detection."""
    if charset:
        try:
            return data.decode(_codec(charset))
        except (LookupError, UnicodeDecodeError):
            pass
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return decode_bytes(data, name)
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", data[:4096], re.I)
    if m:
        codec = _codec(m.group(1).decode("ascii", "ignore"))
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, name)


def _attr_words(tag) -> list[str]:
    attrs = getattr(tag, "attrs", None) or {}
    cls = attrs.get("class") or []
    if isinstance(cls, str):
        cls = [cls]
    raw = " ".join([*cls, str(attrs.get("id") or "")])
    # camelCase to words: newsContent -> news content
    raw = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw).lower()
    return [w for w in _WORD_SPLIT.split(raw) if w]


def _is_furniture(tag) -> bool:
    attrs = getattr(tag, "attrs", None) or {}
    if attrs.get("role") in ("navigation", "banner", "contentinfo", "menu", "menubar", "search"):
        return True
    words = _attr_words(tag)
    if not words:
        return False
    if any(w in _STRONG_FURNITURE for w in words):
        return True
    if any(w in _WEAK_FURNITURE for w in words):
        return not any(b in w for w in words for b in _BODY_WORDS)
    return False


def _link_heavy(tag) -> bool:
    """A block whose text is mostly link text (a menu, a list of related articles)."""
    text = tag.get_text(" ", strip=True)
    if not text:
        return False
    links = tag.find_all("a")
    if len(links) < 3:
        return False
    linked = sum(len(a.get_text(" ", strip=True)) for a in links)
    return linked / len(text) > 0.5


def _own_han(tag) -> int:
    """Han characters in the direct text and paragraph children of a tag (not deep blocks)."""
    n = 0
    for child in tag.children:
        if isinstance(child, str):
            n += han_count(child)
        elif child.name in ("p", "span", "font", "strong", "b", "br", "em", "section") or \
                (child.name == "div" and not child.find(["div", "table", "ul"])):
            n += han_count(child.get_text())
    return n


def _lines_of(tag) -> list[str]:
    """Text of a tag with a line break at every block element, as a browser lays it out."""
    from bs4 import NavigableString
    from bs4.element import Comment, Doctype, ProcessingInstruction, Declaration, CData

    skip = (Comment, Doctype, ProcessingInstruction, Declaration, CData)
    lines, cur = [], []

    def walk(node, pre: bool):
        for child in node.children:
            if isinstance(child, NavigableString):
                if isinstance(child, skip):
                    continue
                if pre:  # preformatted: its line breaks are the text's
                    first, *rest = str(child).split("\n")
                    cur.append(first)
                    for piece in rest:
                        lines.append("".join(cur))
                        cur[:] = [piece]
                else:
                    cur.append(str(child).replace("\n", " "))
                continue
            block = child.name in _BLOCK_TAGS
            if block and cur:
                lines.append("".join(cur))
                cur.clear()
            walk(child, pre or child.name in ("pre", "textarea", "xmp", "plaintext"))
            if block and cur:
                lines.append("".join(cur))
                cur.clear()

    walk(tag, tag.name == "pre")
    if cur:
        lines.append("".join(cur))
    return lines


def mhtml_text(data: bytes, name: str = "<mhtml>") -> str:
    """A page saved as one file (MIME multipart/related): the text of its HTML part."""
    import email
    from email import policy

    try:
        msg = email.message_from_bytes(data, policy=policy.compat32)
        for part in msg.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True) or b""
                return html_text(payload, name, charset=part.get_content_charset())
    except Exception as exc:  # a damaged MIME file
        raise InputError(f"{name}: not a readable saved web page ({type(exc).__name__})") from None
    raise InputError(f"{name}: a saved web page with no HTML in it")


def html_text(data: bytes, name: str = "<html>", charset: str | None = None) -> str:
    """The report's text on a saved web page: main content only, one line per paragraph.
    charset: the encoding a container (an .mhtml part) declares, if any."""
    from bs4 import BeautifulSoup

    markup = _html_decode(data, name, charset)
    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception:  # lxml missing or choking: the stdlib parser is slower but always there
        soup = BeautifulSoup(markup, "html.parser")
    body = soup.body or soup
    for t in body.find_all(_DROP_TAGS):
        # <header>/<footer> inside an <article> or <main> hold the report's title and date
        if t.name in ("header", "footer") and t.find_parent(("article", "main")):
            continue
        t.decompose()
    for t in body.find_all(True):
        if getattr(t, "decomposed", False) or t.parent is None:
            continue
        if _is_furniture(t) or (t.name in ("ul", "ol", "div", "table", "td", "dl")
                                and _link_heavy(t)):
            t.decompose()
    # the page's title (its first <h1> left once the furniture is gone, so not a site logo)
    title = body.find("h1")
    title_text = _clean_line(title.get_text(" ")) if title else ""

    # The body is the element holding the most Chinese text in its own paragraphs; when that is
    # little of the page's text (a report split over several blocks), its ancestors are taken.
    best, best_n = body, _own_han(body)
    for t in body.find_all(["div", "article", "main", "section", "td", "table"]):
        n = _own_han(t)
        if n > best_n:
            best, best_n = t, n
    total = han_count(body.get_text())
    node = best
    while node is not body and node.parent is not None and han_count(node.get_text()) < 0.6 * total:
        node = node.parent
    lines = _lines_of(node)
    text = _join_lines(lines)
    if title_text and title_text not in text[: len(title_text) + 200]:
        text = f"{title_text}\n{text}" if text else title_text
    return text


# ---- .docx


def docx_text(data: bytes, name: str = "<docx>") -> str:
    """Paragraphs and table cells of a Word document, in order, one line each."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except zipfile.BadZipFile:
        raise InputError(f"{name}: a damaged ZIP archive, not a report") from None
    if "word/document.xml" not in names:
        raise InputError(f"{name}: a ZIP archive but not a Word .docx document")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise InputError(f"{name}: not a readable .docx document ({type(exc).__name__})") from None

    lines: list[str] = []

    def add_block(parent_body, element):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(element, parent_body).text)
        elif tag == "tbl":
            for row in Table(element, parent_body).rows:
                seen = set()
                cells = []
                for cell in row.cells:  # a merged cell repeats: keep it once
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(p.text for p in cell.paragraphs).strip())
                # cells apart by an ideographic space, which survives the clean-up of spaces
                lines.append("\u3000".join(c for c in cells if c))
        elif tag == "sdt":  # content controls wrap paragraphs
            content = element.find(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdtContent")
            if content is not None:
                for sub in content:
                    add_block(parent_body, sub)

    body = document.element.body
    for element in body.iterchildren():
        add_block(document, element)
    return _join_lines(lines, collapse=False)


# ---- PDF

_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页|/\s*\d{1,4})?[-—–\s]*$")
_SENTENCE_STOP = tuple("。！？：；!?:;」』”）)")


def _is_heading_line(line: str) -> bool:
    return bool(re.match(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*、|[(（][一二三四五六七八九十]{1,3}[)）]|"
                         r"\d{1,2}\s*[.、．])", line))


def _unwrap(lines: list[str]) -> list[str]:
    """Join the lines a PDF broke only to fit the page width back into paragraphs."""
    lengths = sorted(len(ln) for ln in lines if ln)
    if not lengths:
        return []
    full = lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0]
    out: list[str] = []
    joining = False
    for ln in lines:
        if not ln:
            joining = False
            continue
        if joining and out and not _is_heading_line(ln):
            out[-1] += ln
        else:
            out.append(ln)
        joining = len(ln) >= 0.85 * full and not ln.endswith(_SENTENCE_STOP) and full >= 15
    return out


def pdf_text(data: bytes, name: str = "<pdf>") -> str:
    """The text layer of a PDF: pages in order, page numbers and running heads dropped."""
    import io
    import logging

    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise InputError(f"{name}: reading PDF needs the pypdf package") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd font
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise InputError(f"{name}: the PDF is password-protected")
            except InputError:
                raise
            except Exception:
                raise InputError(f"{name}: the PDF is encrypted and cannot be read") from None
        pages = []
        for page in reader.pages:
            pages.append((page.extract_text() or "").splitlines())
    except InputError:
        raise
    except (PdfReadError, Exception) as exc:  # damaged files raise all sorts
        raise InputError(f"{name}: not a readable PDF ({type(exc).__name__})") from None

    pages = [[_clean_line(ln) for ln in lines] for lines in pages]
    # a line that starts or ends most pages the same way is a running head or foot
    repeated = set()
    if len(pages) >= 3:
        from collections import Counter

        edges = Counter()
        for lines in pages:
            kept = [ln for ln in lines if ln]
            for ln in set(kept[:2] + kept[-2:]):
                edges[ln] += 1
        repeated = {ln for ln, n in edges.items() if n >= max(3, len(pages) // 2)}
    lines: list[str] = []
    for page_lines in pages:
        lines += [ln for ln in page_lines
                  if ln and ln not in repeated and not _PAGE_NUMBER.match(ln)]
    return "\n".join(_unwrap(lines))
