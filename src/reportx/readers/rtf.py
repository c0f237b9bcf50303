"""Rich Text Format (.rtf, and the ".doc" files some sites serve that are RTF inside): the
document's text, paragraph by paragraph.

RTF is plain ASCII: groups in braces, control words (\\par, \\f3, \\u20013) and text. Chinese
comes either as Unicode (\\u20013 followed by \\ucN fallback characters to skip, as LibreOffice
and newer Word write it) or as bytes (\\'d6\\'d0) in the code page of the current font's
character set (\\fcharset134: GB2312, so GBK) or of the document (\\ansicpg936). Both are read.

What is shown is kept: a paragraph or line break, a section or page break and a table row's end
each end a line; a table cell's end is the gap between cells (an ideographic space, as the other
readers write it); a field keeps its result (\\fldrslt) and loses its instruction. Left out, as
not the report's running text: the font, colour and style tables, document information,
pictures and objects, headers and footers, footnotes and comments, every destination marked
\\* that is not known, hidden text (\\v) and text deleted with tracked changes (\\deleted).
"""
from __future__ import annotations

import re

from reportx.errors import InputError
from reportx.readers.paragraphs import CELL_GAP, join_lines

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"     # a control word and its parameter
    rb"|\\'([0-9a-fA-F]{2})"                    # a byte in the code page
    rb"|\\([^a-zA-Z'])"                          # a control symbol (\~ \- \_ \{ \} \\ \*)
    rb"|([{}])"
    rb"|[\r\n]+"
    rb"|([^\\{}\r\n]+)")

# destinations whose text is not the report's (a group that starts with one is skipped whole)
_SKIP = frozenset(
    "fonttbl colortbl stylesheet info pict object header headerl headerr headerf footer footerl "
    "footerr footerf footnote annotation atnid atnauthor xe tc tcn fldinst listtable "
    "listoverridetable rsidtbl generator themedata colorschememapping datastore latentstyles "
    "xmlnstbl pgdsctbl mmathPr revtbl filetbl defchp defpap userprops docvar ftnsep ftnsepc "
    "aftnsep aftnsepc shp shpinst shppict nonshppict blipuid bkmkstart bkmkend template "
    "passwordhash wgrffmtfilter listtext pntext pntxta pntxtb".split())
_LINE = {"par", "line", "sect", "page", "row", "nestrow", "column"}
_CHARS = {"tab": "\t", "cell": CELL_GAP, "nestcell": CELL_GAP, "emdash": "—", "endash": "–", "lquote": "‘",
          "rquote": "’", "ldblquote": "“", "rdblquote": "”", "bullet": "•", "emspace": "\u2003",
          "enspace": "\u2002", "qmspace": "\u2005"}
_SYMBOLS = {"~": "\xa0", "_": "-", "-": "", "{": "{", "}": "}", "\\": "\\"}
# \fcharset → code page: the ones Chinese, and other CJK, documents use; 0 is ANSI
_CHARSET_CODEPAGE = {0: 1252, 1: 1252, 2: 1252, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253,
                     162: 1254, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250}


class _State:
    """What a group carries: whether its text is shown, the fallback count after \\u, the
    current font's code page."""
    __slots__ = ("skip", "uc", "codepage", "hidden")

    def __init__(self, skip=False, uc=1, codepage=None, hidden=False):
        self.skip, self.uc, self.codepage, self.hidden = skip, uc, codepage, hidden

    def copy(self) -> "_State":
        return _State(self.skip, self.uc, self.codepage, self.hidden)


def is_rtf(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf"


def rtf_text(data: bytes, name: str = "<rtf>") -> str:
    """The text of an RTF document, a line per paragraph."""
    fonts = _font_codepages(data)
    default = _document_codepage(data)
    out: list[str] = []
    pending = bytearray()                 # \'hh bytes not yet decoded
    state = _State(codepage=None)
    stack: list[_State] = []
    skip_next = 0                         # fallback characters still to skip after a \u
    group_start = False

    def flush():
        if pending:
            out.append(pending.decode(_codec(state.codepage or default), errors="replace"))
            pending.clear()

    for m in _TOKEN.finditer(data):
        word, param, hexbyte, symbol, brace, text = m.groups()
        if brace is not None:
            flush()
            skip_next = 0
            if brace == b"{":
                stack.append(state)
                state = state.copy()
                group_start = True
            else:
                if not stack:
                    break                 # the closing brace of the document
                state = stack.pop()
            continue
        starting, group_start = group_start, False
        if word is not None:
            w = word.decode("ascii")
            if skip_next and w not in ("u", "uc"):
                skip_next -= 1            # a fallback written as a control word
                continue
            if starting and w in _SKIP:
                state.skip = True
            if state.skip:
                continue
            if w == "u" and param is not None:
                flush()
                code = int(param)
                out.append(_shown(chr(code + 65536 if code < 0 else code), state))
                skip_next = state.uc
            elif w == "uc" and param is not None:
                state.uc = int(param)
            elif w == "f" and param is not None:
                flush()
                state.codepage = fonts.get(int(param))
            elif w in ("deleted", "v"):
                state.hidden = param != b"0"
            elif w == "bin" and param is not None:
                break                     # binary data inside text: nothing readable follows
            elif w in _LINE:
                flush()
                out.append("\n")
            elif w in _CHARS:
                flush()
                out.append(_shown(_CHARS[w], state))
            continue
        if symbol is not None:
            if symbol == b"*" and starting:
                state.skip = True         # an optional destination this reader does not know
            elif not state.skip and skip_next:
                skip_next -= 1
            elif not state.skip and symbol.decode("latin-1") in _SYMBOLS:
                flush()
                out.append(_shown(_SYMBOLS[symbol.decode("latin-1")], state))
            continue
        if state.skip:
            continue
        if hexbyte is not None:
            if skip_next:
                skip_next -= 1
            elif not state.hidden:
                pending.append(int(hexbyte, 16))
            continue
        if text is not None:
            if max(text) >= 0x80:         # a writer that put the code page's bytes in as they are
                if not state.hidden:
                    pending.extend(text)
                continue
            flush()
            chunk = text.decode("ascii")
            if skip_next:
                cut = min(skip_next, len(chunk))
                chunk, skip_next = chunk[cut:], skip_next - cut
            out.append(_shown(chunk, state))
    flush()
    if not out:
        raise InputError(f"{name}: an RTF file with no text in it")
    return join_lines("".join(out).split("\n"), collapse=False)


def _shown(text: str, state: _State) -> str:
    return "" if state.hidden else text


_CODECS = {936: "gbk", 950: "big5", 932: "cp932", 949: "cp949"}


def _codec(codepage: int | None) -> str:
    return _CODECS.get(codepage or 1252, f"cp{codepage or 1252}")


def _document_codepage(data: bytes) -> int:
    m = re.search(rb"\\ansicpg(\d{3,5})", data[:4096])
    return int(m[1]) if m else 1252


_FONT = re.compile(rb"\\f(\d{1,5})[^{}]*?\\fcharset(\d{1,3})")


def _font_codepages(data: bytes) -> dict[int, int]:
    """Each font number's code page, from the font table (\\f4…\\fcharset134 → 936)."""
    start = data.find(b"\\fonttbl")
    if start < 0:
        return {}
    depth, end = 0, len(data)
    for i in range(start - 1, len(data)):       # the font table's group, braces balanced
        ch = data[i:i + 1]
        depth += (ch == b"{") - (ch == b"}")
        if depth == 0 and i > start:
            end = i
            break
    return {int(f): _CHARSET_CODEPAGE.get(int(cs), 1252)
            for f, cs in _FONT.findall(data[start:end])}
