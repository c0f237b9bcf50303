"""Word 97-2003 .doc (and WPS files saved in that format): the main document's text.

Many government sites still publish reports as .doc. Its text is read the way Word itself finds
it ([MS-DOC] 2.4.1, "Retrieving Text"): the File Information Block at the start of the
WordDocument stream says which table stream holds the piece table (Clx) and how many characters
the main document has (ccpText); each piece of the table is a run of those characters, stored
either as UTF-16 or as 8-bit (cp1252) bytes somewhere in the WordDocument stream. Only the main
document is read: footnotes, headers, comments and text boxes follow it in the same character
space and are not the report's running text.

Word's special characters become what Word shows: a paragraph mark (\\r), a manual line break
(\\v) and a page or section break (\\f) end a line; a field keeps its result and loses its code
(\\x13 code \\x14 result \\x15, fields nest); a table cell's mark (\\x07) is the gap between
cells, as the .docx reader writes it, and the mark that ends a row (a second \\x07) ends the
line. Object anchors (pictures, drawings, footnote references) are dropped.

Not read: text deleted with tracked changes stays in a .doc's character stream, marked only by
character properties, so it would be read as text; Word 6/95 files (another layout); encrypted
files. The last two raise InputError with what to do. The OLE2 container is parsed by olefile.
"""
from __future__ import annotations

import re
import struct

from reportx.errors import InputError
from reportx.readers.paragraphs import CELL_GAP, join_lines

_WORD_IDENT = 0xA5EC
_NFIB_WORD97 = 0x00C1  # Word 6 and 95 wrote 101–105, with another File Information Block
_F_ENCRYPTED = 0x0100
_F_WHICH_TABLE = 0x0200  # set: the table stream is 1Table, else 0Table
_CCP_TEXT = 3  # ccpText: the fourth 32-bit value of FibRgLw97
_FC_CLX = 33  # fcClx/lcbClx: the 34th pair of FibRgFcLcb97
_COMPRESSED = 0x40000000  # the piece's bytes are 8-bit, at fc / 2

# What other OLE2 files hold, to say what the file is when it is not a Word document.
_OTHER_KINDS = {"workbook": "an Excel workbook (.xls)", "book": "an Excel workbook (.xls)",
                "powerpoint document": "a PowerPoint presentation (.ppt)"}

_FIELD_MARKS = re.compile(r"([\x13\x14\x15])")
# Word's marks: line ends, the cell gap, and characters that anchor an object (dropped).
_LINE_ENDS = re.compile(r"\x07{2,}|[\r\x0b\x0c]")
_MARKS = str.maketrans({"\x07": CELL_GAP, "\x1e": "-", "\x1f": None, "\x01": None,
                        "\x02": None, "\x03": None, "\x04": None, "\x05": None, "\x08": None})


def doc_text(data: bytes, name: str = "<doc>") -> str:
    """The main document's paragraphs of a Word 97-2003 file, one line each."""
    word, table = _streams(data, name)
    try:
        chars = _main_text(word, table)
    except (struct.error, IndexError, ValueError):
        raise InputError(f"{name}: a damaged Word .doc file (its piece table cannot be read)") \
            from None
    lines = _LINE_ENDS.split(_field_results(chars))
    return join_lines((line.translate(_MARKS) for line in lines), collapse=False)


def _streams(data: bytes, name: str) -> tuple[bytes, bytes]:
    """The WordDocument stream and the table stream it names, or InputError saying what the
    file is instead."""
    import olefile

    try:
        ole = olefile.OleFileIO(data)
    except (OSError, ValueError, struct.error):
        raise InputError(f"{name}: a damaged OLE2 (.doc) file, not readable") from None
    with ole:
        streams = {"/".join(entry).lower() for entry in ole.listdir()}
        if "worddocument" not in streams:
            kind = next((what for key, what in _OTHER_KINDS.items() if key in streams),
                        "an OLE2 file that is not a Word document")
            raise InputError(f"{name}: {kind}, not a report")
        word = ole.openstream("WordDocument").read()
        if len(word) < 32 or struct.unpack_from("<H", word, 0)[0] != _WORD_IDENT:
            raise InputError(f"{name}: a damaged Word .doc file (no File Information Block)")
        nfib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 10)[0]
        if nfib < _NFIB_WORD97:
            raise InputError(f"{name}: a Word 6/95 document; save it as .docx (Word, WPS or "
                             "`libreoffice --convert-to docx`)")
        if flags & _F_ENCRYPTED:
            raise InputError(f"{name}: an encrypted (password-protected) Word document; "
                             "save a copy without the password")
        table_name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
        if table_name.lower() not in streams:
            raise InputError(f"{name}: a damaged Word .doc file (no {table_name} stream)")
        return word, ole.openstream(table_name).read()


def _main_text(word: bytes, table: bytes) -> str:
    """The main document's characters, piece by piece, Word's marks still in them."""
    pos = 32  # after FibBase: csw, fibRgW, cslw, fibRgLw, cbRgFcLcb, fibRgFcLcb
    pos += 2 + 2 * struct.unpack_from("<H", word, pos)[0]
    cslw = struct.unpack_from("<H", word, pos)[0]
    ccp_text = struct.unpack_from("<i", word, pos + 2 + 4 * _CCP_TEXT)[0]
    pos += 2 + 4 * cslw
    if struct.unpack_from("<H", word, pos)[0] <= _FC_CLX:
        raise ValueError("no piece table in the File Information Block")
    fc_clx, lcb_clx = struct.unpack_from("<II", word, pos + 2 + 8 * _FC_CLX)
    cps, pieces = _piece_table(table[fc_clx:fc_clx + lcb_clx])
    out: list[str] = []
    for (start, end), fc in zip(zip(cps, cps[1:]), pieces):
        end = min(end, ccp_text)
        if start >= end:
            break
        if fc & _COMPRESSED:
            at = (fc & ~_COMPRESSED) // 2
            out.append(word[at:at + end - start].decode("cp1252", errors="replace"))
        else:
            out.append(word[fc:fc + 2 * (end - start)].decode("utf-16-le", errors="replace"))
    return "".join(out)


def _piece_table(clx: bytes) -> tuple[tuple[int, ...], list[int]]:
    """The character positions where pieces start (and the last one ends), and each piece's
    file offset with its 8-bit flag. A Clx is property runs (0x01) before one Pcdt (0x02)."""
    i = 0
    while i < len(clx) and clx[i] == 0x01:
        i += 3 + struct.unpack_from("<h", clx, i + 1)[0]
    if i >= len(clx) or clx[i] != 0x02:
        raise ValueError("no Pcdt in the Clx")
    lcb = struct.unpack_from("<I", clx, i + 1)[0]
    plc = clx[i + 5:i + 5 + lcb]
    n, rest = divmod(lcb - 4, 12)  # n + 1 positions of 4 bytes, n descriptors of 8
    if len(plc) < lcb or n < 1 or rest:
        raise ValueError("a piece table cut short")
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    base = 4 * (n + 1)
    pieces = [struct.unpack_from("<I", plc, base + 8 * k + 2)[0] for k in range(n)]
    return cps, pieces


def _field_results(chars: str) -> str:
    """The text with each field's code dropped and its result kept, fields inside fields
    included: a character is shown when every field it is in has passed its separator."""
    if "\x13" not in chars:
        return chars
    shown: list[str] = []
    stack: list[bool] = []  # per open field: past its separator yet
    for part in _FIELD_MARKS.split(chars):
        if part == "\x13":
            stack.append(False)
        elif part == "\x14":
            if stack:
                stack[-1] = True
        elif part == "\x15":
            if stack:
                stack.pop()
        elif all(stack):
            shown.append(part)
    return "".join(shown)
