"""From a file's bytes to the report's text.

Plain text arrives as UTF-8, UTF-8 with BOM, UTF-16 (with BOM) or GB18030/GBK; the encoding is
detected from the bytes, never guessed from the file name. Offsets the user sees point into the
text this module returns (BOM stripped).
"""
from __future__ import annotations

from pathlib import Path

from .errors import InputError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode report bytes to text; raise InputError for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks like a binary file, not a report's text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:  # GB18030 is a superset of GBK and GB2312: the usual encoding of older Chinese files
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{name}: cannot tell the text encoding (not UTF-8, GBK or UTF-16)")
        text = str(best)
    return text


def read_text(path: str | Path) -> str:
    """The report text of a file."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a report file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    return decode_bytes(data, str(p))
