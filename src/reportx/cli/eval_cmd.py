"""`reportx eval`: how well the extraction agrees with a gold annotation file (GUIDELINE.md's
JSON Lines form): detection and exact precision/recall/F1, attribute accuracies, then the misses
and false alarms, and the headline figures when a `<stem>.key.json` sits beside the gold."""

# No `from __future__ import annotations`: typer reads the commands' signatures at every
# start, and would evaluate string annotations anew each time (see reportx.cli.help).
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from reportx.cli import app
from reportx.cli.common import CorpusOpt, RulesOpt, guarded, stdout_console


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("eval")
@guarded
def eval_command(
    gold: Annotated[Path, typer.Argument(
        help="gold annotations (.jsonl), one JSON object per line")],
    name: Annotated[Optional[str], typer.Argument(
        help="the report: a file or a bundled name (default: the gold's `doc` key)")] = None,
    rules: RulesOpt = None,
    show: Annotated[int, typer.Option(
        "--show", min=0, help="misses, false alarms and disagreements listed in the table")] = 20,
    fmt: Annotated[EvalFormat, typer.Option(
        "--format", "-f", case_sensitive=False, help="table | json (json lists everything)")] = EvalFormat.table,
    corpus: CorpusOpt = None,
    year: Annotated[Optional[int], typer.Option(
        help="the report's year, for a text whose header does not say it (as extract's "
        "--year)", show_default=False)] = None,
) -> None:
    """Score the extraction of one report against its gold annotations: detection (span overlap)
    and exact (also value and unit) precision, recall and F1; accuracy of qualifier, direction,
    period, kind and indicator_id; the misses and false alarms with their context.

    Example: reportx eval tests/gold/guigang-2024.jsonl --show 5
    """
    from reportx.views.evaluation import evaluate, headline_check, load_gold, load_key, reanchor
    from reportx.extraction import extract, load
    from reportx.engine.ruleset import load_rules

    records = load_gold(gold)
    report = _report_path(records, name, corpus)
    doc = load(report, year=year)
    claims = extract(doc, rules=load_rules(extra_dirs=list(rules or [])))
    records, moved, lost = reanchor(records, doc.text)
    if moved:
        print(f"reportx: note: {moved} gold spans placed on the text reportx read of {report}, "
              "where its readers' repairs moved them", file=sys.stderr)
    _warn_if_other_text(lost, len(records), report)
    score = evaluate(records, claims, text=doc.text)
    key_file = gold.with_name(gold.stem + ".key.json")
    headline = headline_check(load_key(key_file), claims) if key_file.is_file() else None
    if fmt is EvalFormat.json:
        out = {"gold_file": str(gold), "report": str(report), **score.to_dict(),
               "headline": None if headline is None else {"file": str(key_file), "problems": headline}}
        import json

        print(json.dumps(out, ensure_ascii=False, indent=1))
        return
    _print_report(score, headline, key_file, report, doc.text, show)


def _report_path(gold: list[dict], name: str | None, corpus) -> Path:
    """The one file NAME means, or the report the gold's `doc` key names."""
    from reportx.corpus import resolve
    from reportx.errors import InputError
    from reportx.views.evaluation import gold_documents

    if name is None:
        docs = gold_documents(gold)
        if len(docs) != 1:
            found = ", ".join(docs) or "none"
            raise InputError(f"the gold names {len(docs)} documents ({found}); give the report")
        name = docs[0]
    paths = resolve(name, corpus)
    if len(paths) != 1:
        shown = ", ".join(p.name for p in paths[:5]) + (" …" if len(paths) > 5 else "")
        raise InputError(f"{name}: means {len(paths)} files ({shown}); give one")
    return paths[0]


def _warn_if_other_text(mismatched: list[dict], total: int, report: Path) -> None:
    """Offsets that do not hold mean the gold was made for another text: say so, still score."""
    if mismatched:
        first = mismatched[0]
        print(f"reportx: warning: {len(mismatched)} of {total} gold spans do not match the text of "
              f"{report} (first: {first['surface']!r} at {first['start']}); wrong report?",
              file=sys.stderr)


def _print_report(score, headline, key_file: Path, report: Path, text: str, show: int) -> None:
    console = stdout_console()
    console.print(f"{report}: {score.gold} gold records (+{score.optional} optional), "
                  f"{score.claims} claims ({score.neutral} on optional records)",
                  markup=False, highlight=False, soft_wrap=True)
    console.print(_metrics_table(score))
    console.print(_accuracy_table(score))
    _print_findings(console, "misses", score.misses, text, show)
    _print_findings(console, "false alarms", score.false_alarms, text, show)
    _print_mismatches(console, score.mismatches, text, show)
    _print_disagreements(console, score.disagreements, text, show)
    if headline is not None:
        _print_headline(console, headline, key_file)


def _metrics_table(score):
    from rich.table import Table

    table = Table(header_style="bold", box=None, pad_edge=False)
    for column in ("match", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "match" else "right")
    for label, m in (("detection", score.detection), ("exact", score.exact)):
        table.add_row(label, str(m.tp), str(m.fp), str(m.fn),
                      f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}")
    return table


def _accuracy_table(score):
    from rich.table import Table

    table = Table(header_style="bold", box=None, pad_edge=False)
    for column in ("attribute", "right", "accuracy"):
        table.add_column(column, justify="left" if column == "attribute" else "right")
    for attr, (right, compared) in score.agreement.items():
        accuracy = score.accuracy[attr]
        table.add_row(attr, f"{right}/{compared}", "—" if accuracy is None else f"{accuracy:.3f}")
    return table


def _heading(console, title: str, shown: int, total: int) -> None:
    more = f", first {shown}" if shown < total else ""
    console.print(f"\n{title}: {total}{more}", style="bold", markup=False, highlight=False)


def _where(text: str, start: int, end: int):
    """The report's own text around a span, the span in bold: the exact place, which a whole
    sentence with the surface repeated in it would not show."""
    from rich.text import Text

    from reportx.views.evaluation import context_window

    before, span, after = context_window(text, start, end)
    return Text.assemble(before, (span, "bold"), after)


def _value(value, unit) -> str:
    from reportx.output.display import format_value

    return "" if value is None else f"{format_value(value)} {unit}"


def _print_list(console, title: str, items, show: int, columns, row) -> None:
    """A titled table of the first `show` items; row(item) gives its cells, the last one the
    text around it (the only column that wraps)."""
    from rich.table import Table

    if not items:
        return
    _heading(console, title, min(show, len(items)), len(items))
    if not show:
        return
    table = Table(header_style="bold", box=None, pad_edge=False)
    for column in columns:
        table.add_column(column, justify="right" if column in ("at", "value") else "left",
                         overflow="fold", no_wrap=column != "context")
    for item in items[:show]:
        table.add_row(*row(item))
    console.print(table)


def _print_findings(console, title: str, findings, text: str, show: int) -> None:
    _print_list(console, title, findings, show, ("surface", "at", "value", "id", "context"),
                lambda f: (f.surface, str(f.start), _value(f.value, f.unit), f.indicator_id or "",
                           _where(text, f.start, f.end)))


def _print_mismatches(console, mismatches, text: str, show: int) -> None:
    _print_list(console, "found with another value or unit", mismatches, show,
                ("gold", "at", "gold value", "claimed", "claimed value", "context"),
                lambda m: (m.gold.surface, str(m.gold.start), _value(m.gold.value, m.gold.unit),
                           m.claim.surface, _value(m.claim.value, m.claim.unit),
                           _where(text, min(m.gold.start, m.claim.start),
                                  max(m.gold.end, m.claim.end))))


def _print_disagreements(console, disagreements, text: str, show: int) -> None:
    _print_list(console, "attribute disagreements", disagreements, show,
                ("surface", "at", "attribute", "gold", "claimed", "context"),
                lambda d: (d.surface, str(d.start), d.attribute, str(d.gold), str(d.claimed),
                           _where(text, d.start, d.start + len(d.surface))))


def _print_headline(console, problems: list[str], key_file: Path) -> None:
    if not problems:
        console.print(f"\nheadline figures ({key_file.name}): all right", markup=False, highlight=False)
        return
    console.print(f"\nheadline figures ({key_file.name}): {len(problems)} wrong",
                  style="bold", markup=False, highlight=False)
    for p in problems:
        console.print(f"  {p}", markup=False, highlight=False, soft_wrap=True)
