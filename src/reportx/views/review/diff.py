"""The diff page's data: one side's figures (the engine's claims, or a second annotator's records)
against a reference annotation file, each figure marked with its fate as `reportx eval` counts it.

Fates, from views.evaluation's matching (the same pairs `evaluate` scores):
- agree:        paired, same value and unit, every attribute the same;
- attribute:    paired, same value and unit, some attribute (qualifier, direction, period, kind,
                indicator_id) differs: an exact hit with a disagreement;
- mismatch:     paired, another value or unit: a detection hit, an exact miss and false alarm;
- false_alarm:  unpaired, on no optional reference record;
- neutral:      paired with, or lying on, an optional reference record: counts for nothing;
- miss:         a required reference record nothing pairs;
- optional:     an optional reference record nothing pairs (counts for nothing either).
"""
from __future__ import annotations

from reportx.engine.document import Document
from reportx.views.evaluation import evaluate, matching
from reportx.views.review.payload import record_item

FATES = ("agree", "attribute", "mismatch", "false_alarm", "neutral", "miss", "optional")


def mark_fates(reference: list[dict], others: list, other_items: list[dict],
               doc: Document) -> tuple[list[dict], dict]:
    """(items, summary): other_items (the page items of `others`, in the same order) each given
    its fate and, when paired, the reference record it was paired with; then one item per
    unpaired reference record. The summary is `evaluate`'s score without its lists."""
    score = evaluate(reference, others, text=doc.text)
    pairs = {p.claim: p for p in matching(reference, others)}
    optional = [r for r in reference if r.get("optional")]
    items = []
    for i, item in enumerate(other_items):
        pair = pairs.get(i)
        item = dict(item, origin="other")
        if pair is None:
            on_optional = any(_overlap(item, r) > 0 for r in optional)
            item["fate"] = "neutral" if on_optional else "false_alarm"
        else:
            ref = reference[pair.gold]
            item["ref"] = record_item(ref, doc)
            item["differs"] = list(pair.differs)
            item["fate"] = ("neutral" if ref.get("optional") else
                            "mismatch" if not pair.exact else
                            "attribute" if pair.differs else "agree")
        items.append(item)
    paired = {p.gold for p in pairs.values()}
    for gi, record in enumerate(reference):
        if gi not in paired:
            item = dict(record_item(record, doc), origin="reference")
            item["fate"] = "optional" if record.get("optional") else "miss"
            items.append(item)
    items.sort(key=lambda it: (it["start"], it["origin"] != "other"))
    return items, summary(score)


def summary(score) -> dict:
    """The counts and rates `reportx eval` prints (its lists are the page's marks)."""
    return {"gold": score.gold, "optional": score.optional, "claims": score.claims,
            "neutral": score.neutral, "detection": score.detection.to_dict(),
            "exact": score.exact.to_dict(), "accuracy": score.accuracy,
            "agreement": {k: list(v) for k, v in score.agreement.items()},
            "misses": len(score.misses), "false_alarms": len(score.false_alarms),
            "mismatches": len(score.mismatches),
            "disagreements": len(score.disagreements)}


def _overlap(a: dict, b: dict) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])
