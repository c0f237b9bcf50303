"""The library's front door: a report (text or file) in, claims out."""
from __future__ import annotations

import os
from pathlib import Path

from reportx.engine.claim import Claim
from reportx.engine.document import Document, build_document
from reportx.readers.loading import read_text


def load(path: str | Path, key: str | None = None) -> Document:
    """Read a report file (text, HTML, .docx, PDF) into a Document; key defaults to the stem."""
    p = Path(path)
    return build_document(read_text(p), key=key or p.stem, source=str(p))


def looks_like_path(source: str) -> bool:
    """A short one-line string naming an existing file (else it is a report's text)."""
    return len(source) < 1024 and "\n" not in source and os.path.isfile(source)


def extract(source: str | Path | Document, *, rules=None, key: str | None = None,
            year: int | None = None) -> list[Claim]:
    """Every numeric claim of a report, in document order.

    source: report text, a path to a report file, or a Document from `load`.
    rules:  a RuleSet from `load_rules` (default: the bundled rules).
    year:   the report's year when the text has no header saying it (snippets).
    """
    if isinstance(source, Document):
        doc = source
    elif isinstance(source, Path) or looks_like_path(source):
        doc = load(source, key=key)
    else:
        doc = build_document(source, key=key or "text", year=year)
    if year is not None and doc.year is None:
        # the parts (review/plan) depend on the year: read the layout again with it
        doc = build_document(doc.text, key=doc.key, source=doc.source, year=year)
    return extract_document(doc, rules)


def extract_document(doc: Document, rules=None) -> list[Claim]:
    from reportx.engine.claims import find_claims
    from reportx.engine.ruleset import load_rules

    return find_claims(doc, rules or load_rules())
