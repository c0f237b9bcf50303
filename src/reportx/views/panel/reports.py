"""Which report stands for which place and year.

A panel groups reports by what their own headers say, never by file names: the place is the
header's city (海拉尔区, 浙江省; 全国 for the State Council's report), the year the report's year.
So a folder of files with any names works. Two reports of one place and year: one warning naming
both, and the one given later wins (nothing is merged). A report whose header names no year
cannot be placed in a series and is left out with a warning; one whose header names no place is
kept under its file's key, with a warning, so its figures are not lost.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportx.engine.document import Document


@dataclass(frozen=True)
class Placed:
    """The reports of a panel: (place, year) → the report that counts, and what was said."""
    reports: dict[tuple[str, int], Document]   # in (place, year) order
    dropped: list[Document]                    # reports left out (duplicates, no year)
    warnings: list[str]                        # one line each, for stderr


def place_of(doc: Document) -> str:
    """The place a report is about: its header's city, else its key."""
    return doc.city or doc.key


def place_reports(documents: list[Document]) -> Placed:
    """Group the reports by (place, year); the later of two with one place and year wins."""
    chosen: dict[tuple[str, int], Document] = {}
    dropped, warnings = [], []
    for doc in documents:
        if doc.year is None:
            dropped.append(doc)
            warnings.append(f"{_name(doc)}: the header gives no year; left out of the panel")
            continue
        if doc.city is None:
            warnings.append(f"{_name(doc)}: the header names no place; its rows are under "
                            f"'{doc.key}'")
        key = (place_of(doc), doc.year)
        earlier = chosen.get(key)
        if earlier is not None:
            dropped.append(earlier)
            warnings.append(f"{_name(earlier)} and {_name(doc)} are both {key[0]} {key[1]}; "
                            f"using {_name(doc)} (given later)")
        chosen[key] = doc
    ordered = dict(sorted(chosen.items()))
    return Placed(reports=ordered, dropped=dropped, warnings=warnings)


def _name(doc: Document) -> str:
    return doc.source or doc.key
