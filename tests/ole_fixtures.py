"""Word 97-2003 files built by hand for the .doc reader's tests: an OLE2 compound file ([MS-CFB],
version 3, 512-byte sectors) holding a WordDocument stream with a File Information Block and a
table stream with a piece table ([MS-DOC]). Only what the reader reads is written; every stream
is padded to the 4,096 bytes at which OLE2 keeps it in ordinary sectors, so no mini stream is
needed. Small and explicit, so a test shows exactly which pieces, fields and marks it feeds."""
from __future__ import annotations

import struct
from dataclasses import dataclass

SECTOR = 512
FREE, END, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
_MIN_STREAM = 4096  # smaller streams would live in the mini stream


def _dir_entry(name: str, kind: int, start: int, size: int, child: int = NO_STREAM,
               right: int = NO_STREAM) -> bytes:
    raw = (name + "\0").encode("utf-16-le") if name else b""
    return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", NO_STREAM, right, child) + bytes(16) + bytes(4) + bytes(16)
            + struct.pack("<IQ", start, size))


def make_ole(streams: dict[str, bytes]) -> bytes:
    """A compound file with these streams at its root (sector 0 the FAT, sector 1 the directory,
    then the streams one after another)."""
    data = [s.ljust(max(len(s), _MIN_STREAM), b"\0") for s in streams.values()]
    sectors = [-(-len(s) // SECTOR) for s in data]
    assert len(streams) <= 3 and 2 + sum(sectors) <= SECTOR // 4
    fat = [FAT_SECTOR, END]
    starts = []
    for n in sectors:
        starts.append(len(fat))
        fat += list(range(len(fat) + 1, len(fat) + n)) + [END]
    fat += [FREE] * (SECTOR // 4 - len(fat))
    names = list(streams)
    entries = [_dir_entry("Root Entry", 5, END, 0, child=1)]
    for i, (name, start, s) in enumerate(zip(names, starts, data)):
        right = i + 2 if i + 1 < len(names) else NO_STREAM
        entries.append(_dir_entry(name, 2, start, len(s), right=right))
    directory = b"".join(entries).ljust(SECTOR, b"\0")
    for i in range(len(entries), SECTOR // 128):
        directory = directory[:128 * i] + _dir_entry("", 0, 0, 0) + directory[128 * (i + 1):]
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, _MIN_STREAM, END, 0, END, 0)
              + struct.pack("<I", 0) + struct.pack("<108I", *[FREE] * 108))
    body = b"".join(s.ljust(n * SECTOR, b"\0") for s, n in zip(data, sectors))
    return header + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + body


@dataclass
class Piece:
    """A run of the document's characters: stored as UTF-16, or as 8-bit cp1252 bytes."""
    text: str
    compressed: bool = False


_TEXT_AT = 1024  # where the pieces' bytes start in the WordDocument stream, after the FIB


def make_doc(pieces: list[Piece | str], tail: str = "", nfib: int = 0x00C1,
             encrypted: bool = False, table: str = "1Table", clx: bytes | None = None) -> bytes:
    """A .doc whose main document is the pieces, in order; `tail` follows it in the character
    space (as footnotes and headers do) and is not part of the main text. `clx` replaces the
    piece table the pieces make (to feed a damaged one)."""
    pieces = [p if isinstance(p, Piece) else Piece(p) for p in pieces]
    if tail:
        pieces.append(Piece(tail))
    ccp_text = sum(len(p.text) for p in pieces) - len(tail)
    text_bytes = b""
    cps, pcds = [0], []
    for p in pieces:
        at = _TEXT_AT + len(text_bytes)
        if p.compressed:
            text_bytes += p.text.encode("cp1252")
            fc = (at * 2) | 0x40000000
        else:
            text_bytes += p.text.encode("utf-16-le")
        pcds.append(struct.pack("<HIH", 0, fc if p.compressed else at, 0))
        cps.append(cps[-1] + len(p.text))
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(pcds)
    if clx is None:  # one property run (Prc) before the piece table (Pcdt), as Word writes
        clx = b"\x01" + struct.pack("<h", 2) + bytes(2) + b"\x02" + struct.pack("<I", len(plc)) + plc
    flags = (0x0200 if table == "1Table" else 0) | (0x0100 if encrypted else 0)
    fib = struct.pack("<HHHHHH", 0xA5EC, nfib, 0, 0x0804, 0, flags).ljust(32, b"\0")
    fib += struct.pack("<H", 14) + bytes(28)
    lw = [0] * 22
    lw[3] = ccp_text
    fib += struct.pack("<H", 22) + struct.pack("<22i", *lw)
    fclcb = [0] * (93 * 2)
    fclcb[33 * 2], fclcb[33 * 2 + 1] = 0, len(clx)
    fib += struct.pack("<H", 93) + struct.pack(f"<{93 * 2}I", *fclcb) + struct.pack("<H", 0)
    assert len(fib) <= _TEXT_AT
    word = fib.ljust(_TEXT_AT, b"\0") + text_bytes
    return make_ole({"WordDocument": word, table: clx})
