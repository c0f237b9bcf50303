"""What the ZIP-based readers (.docx, .odt) share: opening the archive, and refusing a part that
declares it expands beyond MAX_PART_BYTES (a ZIP bomb: 388 KB can hold 40 million empty
paragraphs) before anything is inflated. zipfile never inflates a member past the size its header
declares (a header that lies fails the CRC check), so the check bounds what is read."""
from __future__ import annotations

import io
import zipfile

from reportx.errors import InputError

# A real report's document.xml is 0.1–1 MB; a thousand-page book's is a few tens of MB.
MAX_PART_BYTES = 64 * 1024 * 1024


# an XML part is parsed without entities, DTDs or the network: a document that names a file in
# its DTD (XXE) would have it read
SAFE_XML = {"resolve_entities": False, "no_network": True, "load_dtd": False}


def unreadable_part_errors():
    """What reading a damaged part of an archive raises (lxml imported only by a reader); also a
    part zipfile cannot open: one encrypted (RuntimeError, a password needed) or packed by a
    method it does not read (NotImplementedError: Deflate64, AES)."""
    from lxml import etree

    return (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError,
            NotImplementedError)


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{name}: a damaged ZIP archive, not a report") from None


def check_part_size(z: zipfile.ZipFile, part: str, name: str) -> None:
    if z.getinfo(part).file_size > MAX_PART_BYTES:
        raise InputError(f"{name}: {part} expands to more than {MAX_PART_BYTES // 2**20} MB "
                         "(a ZIP bomb?); not read")
