"""`reportx review`: one self-contained HTML page showing a report with every figure marked, to
check and correct it (the work exports as gold JSON Lines); given annotation files, the diff page
of the engine (or a second annotator) against them."""

# No `from __future__ import annotations`: typer reads the commands' signatures at every
# start, and would evaluate string annotations anew each time (see reportx.cli.help).
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from reportx.cli import app
from reportx.cli.common import CorpusOpt, RulesOpt, guarded, stderr_console

ANNOTATION_SUFFIXES = (".jsonl", ".ndjson")
PAGE_SUFFIXES = (".html", ".htm")


@app.command()
@guarded
def review(
    names: Annotated[list[str], typer.Argument(
        help="the report (bundled name or file), after up to two annotation files (.jsonl)",
        metavar="[GOLD.jsonl [OTHER.jsonl]] [NAME|PATH]")],
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="the page to write (.html); an existing page is replaced")] = None,
    open_page: Annotated[bool, typer.Option(
        "--open", help="open the page in the web browser (without -o: a temporary file)")] = False,
    rules: RulesOpt = None,
    corpus: CorpusOpt = None,
) -> None:
    """Write a page showing the report with every figure marked where it stands, the headline
    table beside it, and a correction mode (confirm, mark wrong, edit, add a missed figure) whose
    work is kept in the browser and exported as gold JSON Lines for `reportx eval`.

    With GOLD.jsonl first: the diff page, the engine's claims against the annotations, each
    figure marked as `reportx eval` counts it. With two annotation files: the second against
    the first, and their agreement (Cohen's kappa on kind and qualifier, F1 on spans and values).

    Example: reportx review guigang -o guigang.html --open
    """
    from reportx.corpus import resolve
    from reportx.engine.ruleset import load_rules
    from reportx.errors import InputError
    from reportx.extraction import load
    from reportx.views.evaluation import load_gold, reanchor

    annotations = [Path(n) for n in names if _is_annotation(n)]
    reports = [n for n in names if not _is_annotation(n)]
    if len(annotations) > 2:
        raise InputError("give at most two annotation files (the reference, then the other)")
    if len(reports) > 1:
        raise InputError(f"give one report, not {len(reports)} ({', '.join(reports)})")
    target = _target(output, open_page)
    gold = [load_gold(p) for p in annotations]
    name = reports[0] if reports else _doc_key(gold, annotations)
    paths = resolve(name, corpus)
    if len(paths) != 1:
        raise InputError(f"{name}: means {len(paths)} files; give one report")
    _refuse_overwriting(target, paths[0])
    doc = load(paths[0])
    # (offsets counted in the file as decoded are moved where the readers' repairs put the text)
    placed = [reanchor(records, doc.text) for records in gold]
    gold = [records for records, _, _ in placed]
    for path, records, (_, _, lost) in zip(annotations, gold, placed):
        _warn_if_other_text(path, records, lost, paths[0])
    rs = load_rules(rules or [])
    page, summary = _page(doc, gold, annotations, rs)
    _write(target, page)
    err = stderr_console()
    for line in summary:
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    err.print(f"{doc.key} → {target}", markup=False, highlight=False, soft_wrap=True)
    if open_page:
        import webbrowser

        webbrowser.open(target.resolve().as_uri())


def _is_annotation(name: str) -> bool:
    return Path(name).suffix.lower() in ANNOTATION_SUFFIXES


def _target(output: Path | None, open_page: bool) -> Path:
    """The page's path: -o (an .html name, so a report or a gold file is never overwritten by
    mistake), else with --open a fresh temporary file."""
    from reportx.errors import OutputError

    if output is None:
        if not open_page:
            raise OutputError("give -o FILE.html (or --open to view it without keeping a file)")
        import os
        import tempfile

        fd, name = tempfile.mkstemp(prefix="reportx-review-", suffix=".html")
        os.close(fd)
        return Path(name)
    if output.is_dir():
        raise OutputError(f"{output}: is a folder; give a file name ending in .html")
    if output.suffix.lower() not in PAGE_SUFFIXES:
        raise OutputError(f"{output}: the page is HTML; give a name ending in .html")
    return output


def _refuse_overwriting(target: Path, report: Path) -> None:
    """A report may itself be an .html file: the page must never be written over it."""
    from reportx.errors import OutputError

    if target.exists() and target.resolve() == report.resolve():
        raise OutputError(f"{target}: is the report itself; write the page elsewhere")


def _doc_key(gold: list[list[dict]], annotations: list[Path]) -> str:
    """No report named: the one the annotation file's `doc` key names."""
    from reportx.errors import InputError
    from reportx.views.evaluation import gold_documents

    if not gold:
        raise InputError("give a report: a bundled name (guigang) or a file")
    docs = gold_documents(gold[0])
    if len(docs) != 1:
        raise InputError(f"{annotations[0]}: names {len(docs)} documents "
                         f"({', '.join(docs) or 'none'}); give the report")
    return docs[0]


def _page(doc, gold, annotations, rs) -> tuple[str, list[str]]:
    """The HTML and the lines that sum it up on stderr."""
    from reportx.views.review import diff_payload, html_page, review_payload

    if not gold:
        return html_page(review_payload(doc, rules=rs)), []
    other = gold[1] if len(gold) > 1 else None
    payload = diff_payload(doc, gold[0], other=other, rules=rs, reference_name=annotations[0].name,
                           other_name=annotations[1].name if other is not None else None)
    return html_page(payload), _summary(payload["diff"])


def _summary(diff: dict) -> list[str]:
    s = diff["score"]
    counts = ", ".join(_count(s[key], *names) for key, names in (
        ("misses", ("miss", "misses")), ("false_alarms", ("false alarm", "false alarms")),
        ("mismatches", ("other value", "other values")),
        ("disagreements", ("attribute difference", "attribute differences"))))
    lines = [f"{diff['other']} against {diff['reference']}: exact F1 {s['exact']['f1']:.3f} "
             f"(detection {s['detection']['f1']:.3f}); {counts}"]
    a = diff.get("agreement")
    if a:
        kappa = ", ".join(f"{k} {_num(v['kappa'])} ({v['pairs']} pairs)" for k, v in a["kappa"].items())
        lines.append(f"agreement: span F1 {a['span_f1']:.3f}, value F1 {a['value_f1']:.3f}; "
                     f"Cohen's kappa {kappa}")
    return lines


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _num(x) -> str:
    return "undefined (one label only)" if x is None else f"{x:.3f}"


def _warn_if_other_text(path: Path, records: list[dict], mismatched: list[dict], report: Path) -> None:
    if mismatched:
        first = mismatched[0]
        print(f"reportx: warning: {path}: {len(mismatched)} of {len(records)} spans do not match "
              f"the text of {report} (first: {first['surface']!r} at {first['start']}); wrong report?",
              file=sys.stderr)


def _write(target: Path, page: str) -> None:
    from reportx.output.writers import atomic_write

    atomic_write(target, lambda tmp: tmp.write_text(page, encoding="utf-8"))
