"""The review page: a report's text with every claim marked where it stands, the headline table
`reportx compare` shows for it, and a correction mode whose work exports as gold JSON Lines
(GUIDELINE.md's form) that `reportx eval` scores. The diff page shows the engine's claims (or a
second annotator's records) against an annotation file, each figure marked with its fate.

    >>> from reportx.views.review import review_html
    >>> page = review_html("seeds/guigang-2024.txt")   # doctest: +SKIP

One self-contained HTML file: the page's script, stylesheet and data are inlined (payload.py
builds the data, page.py the file, assets/ holds the template). It fetches nothing.
"""
from __future__ import annotations

from pathlib import Path

from reportx.engine.document import Document
from reportx.views.review.payload import (claim_item, codes, document_payload, headline_payload,
                                          record_item)


def review_payload(source, *, rules=None) -> dict:
    """The review page's data for one report (a Document, a path or a report's text)."""
    doc, rs = _document(source), _rules(rules)
    _, items, headline = _engine_items(doc, rs)
    return {"mode": "review", "doc": document_payload(doc), "items": items,
            "headline": headline, "codes": codes(rs.indicators), "version": _version()}


def diff_payload(source, reference: list[dict], *, other: list[dict] | None = None, rules=None,
                 reference_name: str = "gold", other_name: str | None = None) -> dict:
    """The diff page's data: the engine's claims (or, given `other`, a second annotation file's
    records) against the `reference` records, as `reportx eval` pairs them. Two annotation files
    also get their agreement (views.agreement)."""
    from reportx.views.agreement import agreement, as_claims
    from reportx.views.review.diff import mark_fates

    doc, rs = _document(source), _rules(rules)
    if other is None:
        others, other_items, headline = _engine_items(doc, rs)
        other_name = other_name or "engine"
        agree = None
    else:
        others, headline = as_claims(other), []
        other_items = [record_item(r, doc) for r in other]
        other_name = other_name or "annotator B"
        agree = agreement(reference, other).to_dict()
    items, score = mark_fates(reference, others, other_items, doc)
    return {"mode": "diff", "doc": document_payload(doc), "items": items, "headline": headline,
            "codes": codes(rs.indicators), "version": _version(),
            "diff": {"reference": reference_name, "other": other_name, "score": score,
                     "agreement": agree}}


def review_html(source, *, rules=None) -> str:
    """The review page of one report, as one HTML string."""
    return html_page(review_payload(source, rules=rules))


def diff_html(source, reference: list[dict], **options) -> str:
    """The diff page (see diff_payload for the options), as one HTML string."""
    return html_page(diff_payload(source, reference, **options))


def html_page(payload: dict) -> str:
    """The self-contained HTML file for a review or diff payload."""
    from reportx.views.review.page import render

    return render(payload, _title(payload, payload["mode"]))


def _engine_items(doc: Document, rs) -> tuple[list, list[dict], list[dict]]:
    """The engine's claims, the same as page items (headline ones marked), and the headline
    table: all
    from `build_comparison`, so the panel is what `reportx compare` shows for this report."""
    from reportx.views.comparison import build_comparison

    comparison = build_comparison([doc], rules=rs)
    claims = comparison.claims[doc.key]
    headline, marks = headline_payload(comparison, doc.key, claims)
    items = []
    for i, c in enumerate(claims):
        item = claim_item(c, doc)
        if i in marks:
            item["headline"] = marks[i]
        items.append(item)
    return claims, items, headline


def _document(source) -> Document:
    """The one report a page is of: a compilation (several reports in one file) is refused, as
    a page's headline table and figures are one report's."""
    from reportx.engine.compilation import reports_of
    from reportx.errors import InputError
    from reportx.extraction import load

    doc = source if isinstance(source, Document) else load(Path(source))
    if len(parts := reports_of(doc)) > 1:
        name = doc.source or doc.key
        raise InputError(f"{name}: holds {len(parts)} reports (a compilation); a page is of one: "
                         f"`reportx split {name}` writes each to a file of its own to review")
    return doc


def _rules(rules):
    from reportx.engine.ruleset import load_rules

    return rules or load_rules()


def _title(payload: dict, what: str) -> str:
    doc = payload["doc"]
    place = " ".join(str(x) for x in (doc["city"], doc["year"]) if x)
    return f"{doc['key']}{' · ' + place if place else ''} — reportx {what}"


def _version() -> str:
    from reportx import __version__

    return __version__
