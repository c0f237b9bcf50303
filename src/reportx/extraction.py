"""The library's front door: a report in, claims out. One entry per kind of input, so a string
is never read as a file by accident:

- report text (a `str`): `extract(text)`, `load_text(text)`;
- a file: `extract(Path(...))`, `extract_file(path)`, `load(path)`;
- a bundled or corpus report by name: `find_report("guigang")` gives its Path, and raises when
  no report (or more than one) has that name;
- a Document read before: `extract(doc)`.

A one-line string with no Chinese in it that names a file or reads as a path (ends in a report
suffix, or has folders and a suffix: seeds/guigang-2024.tx), and a string that is a report's
name (guigang, 贵港), are refused with an InputError saying which entry to use: they are
mistakes, and an empty list would hide them.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Union

from reportx.engine.claim import Claim
from reportx.engine.document import Document, build_document
from reportx.errors import AmbiguousName, InputError

if TYPE_CHECKING:
    from reportx.engine.ruleset import RuleSet

Source = Union[str, "os.PathLike[str]", Document]

# A name or a path is one short token: no spaces, no sentence punctuation.
_TOKEN = re.compile(r"[\w\-./\\~:]{1,255}")
# A path, surely: folders and a file name with a suffix (seeds/guigang-2024.tx).
_PATH = re.compile(r".*[/\\][^/\\]*\.[A-Za-z][A-Za-z0-9]{0,4}")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def load(path: str | os.PathLike, key: str | None = None, *, year: int | None = None) -> Document:
    """Read a report file (text in any common encoding, HTML, .docx, .doc, PDF) into a Document.

    key:  the document key (default: the file's stem).
    year: the report's year, for a file whose header does not say it.
    Raises InputError for a missing, empty, binary or unreadable file."""
    from reportx.readers.loading import read_text

    p = Path(path)
    return build_document(read_text(p), key=key or p.stem, source=str(p), year=year)


def load_bytes(data: bytes, key: str = "stdin", *, name: str = "<stdin>",
               year: int | None = None) -> Document:
    """A Document from a report's bytes (standard input, an upload), any format `load` reads;
    `name` is how error messages call it."""
    from reportx.readers.loading import text_from_bytes

    return build_document(text_from_bytes(data, name), key=key, year=year)


def load_text(text: str, key: str = "text", *, year: int | None = None) -> Document:
    """A Document from a report's text. `year`: the report's year when no header says it
    (a snippet), so its parts can be told apart as review (actual) and plan (target)."""
    _refuse_names(text)
    return build_document(text, key=key, year=year)


def find_report(name: str, *, corpus: list[str | os.PathLike] | None = None) -> Path:
    """The file of a bundled report (or one in `corpus` folders, or REPORTX_CORPUS) by name:
    its stem (guigang-2024), its city (贵港, 贵港市) or a unique start of a stem (guigang).
    Case-insensitive. Raises InputError when no report, or more than one, has the name."""
    from reportx.corpus import find_report as _find

    return _find(name, corpus)


def names_a_file(text: str) -> bool:
    """A one-line string with no Chinese that names an existing file or reads as a path (ends
    in a report suffix, or has folders and a suffix): `extract` and `load_text` refuse it."""
    if "\n" in text or not _TOKEN.fullmatch(text) or _HAN.search(text):
        return False
    from reportx.corpus import REPORT_SUFFIXES

    return (os.path.isfile(text) or Path(text).suffix.lower() in REPORT_SUFFIXES
            or bool(_PATH.fullmatch(text)))


def _refuse_names(text: str) -> None:
    """Raise InputError for a string that is surely a file name or a report's name, not text."""
    if "\n" in text or not _TOKEN.fullmatch(text):
        return
    if names_a_file(text):
        raise InputError(f"{text!r} is a file name, not a report's text: pass "
                         f"pathlib.Path({text!r}) or use reportx.extract_file({text!r})")
    if len(text) > 64 or any(ch in text for ch in "/\\"):
        return
    try:
        find_report(text)
    except AmbiguousName:
        pass        # names several reports: a name all the same
    except InputError:
        return      # names no report: it is text (a short one)
    raise InputError(f"{text!r} is a report's name, not its text: use "
                     f"reportx.extract(reportx.find_report({text!r}))")


def extract(source: Source, *, rules: RuleSet | None = None, key: str | None = None,
            year: int | None = None) -> list[Claim]:
    """Every numeric claim of a report, in document order.

    source: the report's text (a `str` is always text), a file as a `pathlib.Path`, or a
            Document from `load`. For a report by name: `extract(find_report("guigang"))`.
    rules:  a RuleSet from `load_rules` (default: the bundled rules).
    key:    the `doc` key of the claims (default: the file stem, or "text").
    year:   the report's year when its text has no header saying it (snippets).

    >>> [c.surface for c in extract("地区生产总值增长5.2%。", year=2024)]
    ['5.2%']
    """
    return extract_document(as_document(source, key=key, year=year), rules)


def extract_file(path: str | os.PathLike, *, rules: RuleSet | None = None,
                 key: str | None = None, year: int | None = None) -> list[Claim]:
    """Every numeric claim of a report file (a path as `str` or Path). Raises InputError for a
    missing or unreadable file."""
    return extract_document(load(path, key=key, year=year), rules)


def as_document(source: Source, *, key: str | None = None, year: int | None = None) -> Document:
    """The Document for a source: a Document as it is (read again with `year` when it had
    none), a path-like object loaded from its file, a `str` read as report text."""
    if isinstance(source, Document):
        doc = source
    elif isinstance(source, os.PathLike):
        return load(source, key=key, year=year)
    elif isinstance(source, str):
        return load_text(source, key=key or "text", year=year)
    else:
        raise TypeError(f"a report is text (str), a file (pathlib.Path) or a Document, "
                        f"not {type(source).__name__}")
    if year is not None and doc.year is None:
        # the parts (review/plan) depend on the year: read the layout again with it
        doc = build_document(doc.text, key=doc.key, source=doc.source, year=year)
    return doc


def extract_document(doc: Document, rules: RuleSet | None = None) -> list[Claim]:
    """Every numeric claim of a Document (the step after `load`). A text holding several reports
    (a compilation) gives each report's claims with its own doc key (FILE-01, …), place and year,
    their offsets into the whole text."""
    from reportx.engine.claims import find_claims
    from reportx.engine.compilation import in_whole, reports_of
    from reportx.engine.ruleset import load_rules

    rs = rules or load_rules()
    parts = reports_of(doc)
    if len(parts) == 1:
        return find_claims(doc, rs)
    return [c for part in parts for c in in_whole(find_claims(part, rs), part)]
