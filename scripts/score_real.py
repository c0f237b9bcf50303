"""Score `reportx compare FILE --format jsonl` against every key file in tests/real/.

    python scripts/score_real.py                 # this checkout
    python scripts/score_real.py --src DIR/src   # another checkout (e.g. the version on arrival)
    python scripts/score_real.py --dir /tmp/heldout --year huangmei-2016=2017
    python scripts/score_real.py --dir tests/heldout/FQ     # its years.txt gives the --year flags
                                                 # key files beside their texts (a held-out set)

Runs compare in a subprocess with the given source tree first on PYTHONPATH, so the cells scored are
exactly what a user of that version sees; prints the share of key entries right per report.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from stem_lists import read_stem_list  # noqa: E402


def _this_checkouts_scoring():
    """This checkout's key scoring (a module of plain Python), loaded by its path: the engine
    scored may be another checkout's (--src), the scoring stays this one's."""
    import importlib.util

    path = ROOT / "src" / "reportx" / "views" / "keycheck.py"
    spec = importlib.util.spec_from_file_location("_keycheck", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module      # (dataclasses look their module up by name)
    spec.loader.exec_module(module)
    return module.cell_key, module.label, module.score_key


cell_key, label, score_key = _this_checkouts_scoring()

CORPUS = ROOT.parent / "shared" / "corpus"

# Annotators know only CONTRACT.md's catalog: for an item it lacks they make a new id (an entry
# marked "new_id"). Where that names an indicator reportx's catalog has beyond CONTRACT's (their
# NOTES give the Chinese name), the entry is scored as that id; the count is printed.
NEW_ID_NAMES = {
    "total_fiscal_revenue": "fiscal_total_revenue",              # 财政总收入, 全口径财政收入
    "industrial_output_above_scale": "industrial_output",        # 规上工业总产值
    "population_natural_growth_rate": "natural_population_growth_rate",   # 人口自然增长率
}


def report_of(key_path: Path) -> Path:
    stem = key_path.name[: -len(".key.json")]
    for suffix in (".txt", ".docx", ".html", ".pdf"):     # beside its key (a held-out set)
        if (key_path.parent / f"{stem}{suffix}").exists():
            return key_path.parent / f"{stem}{suffix}"
    for suffix in (".txt", ".docx"):
        if (CORPUS / f"{stem}{suffix}").exists():
            return CORPUS / f"{stem}{suffix}"
    raise SystemExit(f"no report for {key_path.name} in {CORPUS}")


def compare_rows(report: Path, src: Path, extra: list[str]) -> list[dict]:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run([sys.executable, "-m", "reportx", "compare", str(report), *extra,
                          "--format", "jsonl"], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise SystemExit(f"compare failed on {report.name}: {out.stderr.strip()}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def inproc_rows(report: Path, year: int | None = None) -> list[dict]:
    """Compare rows computed in this process (fast, for development): the same reading and the
    same comparison as the command, without a process per report. `year`: the report's year
    when its text has no dated header (an excerpt), as `reportx extract --year` takes it."""
    import warnings

    from reportx.engine.document import build_document
    from reportx.readers.loading import read_text
    from reportx.views.comparison import build_comparison

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # a reader's note on a wrapped text, say
        text = read_text(report)
    doc = build_document(text, key=report.stem, source=str(report), year=year)
    rows = build_comparison([doc]).rows
    return rows.to_dict(orient="records")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", type=Path, default=ROOT / "src")
    ap.add_argument("--all", action="store_true", help="pass --all to compare (older versions)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every wrong entry")
    ap.add_argument("--inproc", action="store_true", help="compare in this process (faster)")
    ap.add_argument("--dir", type=Path, help="score the key files of DIR against the texts "
                                             "beside them (in this process)")
    ap.add_argument("--year", action="append", default=[], metavar="STEM=YEAR",
                    help="a report's year where its text has no dated header (with --dir)")
    ap.add_argument("--unasked", type=Path, metavar="FILE",
                    help="write the cells compare fills that no key entry asks for (of the "
                         "periods the key covers) to FILE as JSON lines, for a judge to read: "
                         "the precision side of the score")
    ap.add_argument("keys", nargs="*", type=Path)
    args = ap.parse_args()
    # the engine of --src, in this process too (--inproc, --dir)
    sys.path.insert(0, str(args.src.resolve()))
    # a kept set's own --year flags (tests/heldout/*/years.txt), then the command line's
    years = {k: int(v) for k, v in read_stem_list(args.dir / "years.txt").items()} if args.dir else {}
    years.update({k: int(v) for k, v in (y.split("=", 1) for y in args.year)})
    if args.dir:
        args.inproc = True          # compare takes no --year
    keys = args.keys or sorted((args.dir or ROOT / "tests" / "real").glob("*.key.json"))
    total = right = renamed = 0
    unasked: list[dict] = []
    for key_path in keys:
        entries = json.loads(key_path.read_text(encoding="utf-8"))
        for e in entries:
            if e.get("new_id") and e.get("key") in NEW_ID_NAMES:
                e["key"], renamed = NEW_ID_NAMES[e["key"]], renamed + 1
        report = report_of(key_path)
        if args.inproc:
            # an excerpt without a dated header: the year its name ends with (the year it was
            # delivered), unless --year says otherwise (a report delivered in December)
            stem_year = report.stem[-4:]
            default = int(stem_year) if args.dir and stem_year.isdigit() else None
            rows = inproc_rows(report, years.get(report.stem, default))
        else:
            rows = compare_rows(report, args.src, ["--all"] if args.all else [])
        score = score_key(rows[0]["doc"] if rows else report.stem, entries, rows)
        total, right = total + score.total, right + score.right
        extra = unasked_cells(entries, rows, report)
        unasked += extra
        print(f"{report.stem:16} {score.right:3}/{score.total:<3} {score.share:6.1%}"
              + (f"  ({len(extra)} unasked)" if args.unasked else ""))
        if args.verbose:
            for r in score.failures():
                print(f"    ✗ {label(r.entry)} — {r.why}")
    print(f"{'all':16} {right:3}/{total:<3} {right / total if total else 1:6.1%}")
    if renamed:
        print(f"({renamed} annotators' new ids scored as the catalog id that names them)")
    if args.unasked:
        args.unasked.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in unasked),
                                encoding="utf-8")
        print(f"{len(unasked)} cells no key entry asks for -> {args.unasked}")


def unasked_cells(entries: list[dict], rows: list[dict], report: Path) -> list[dict]:
    """Cells of the periods a key covers (its review year, its targets' year) that no entry of
    it asks for: a figure the annotator left out as no headline, or one compare should not show.
    A key lists every catalog result of its review year and every target, so each of these is
    read by a judge to tell which: what turns the share right into a precision."""
    asked = {cell_key(e) for e in entries}
    periods = {str(e["period"]) for e in entries if e.get("period")}
    out = []
    for r in rows:
        key = (r.get("indicator_id"), r.get("unit"),
               str(r["period"]) if r.get("period") else None, r.get("kind"))
        if key[2] in periods and key not in asked:
            out.append({"report": str(report), "indicator_id": key[0], "indicator": r.get("indicator"),
                        "period": key[2], "kind": key[3], "unit": key[1], "display": r.get("display"),
                        "surface": r.get("surface"), "sentence": r.get("sentence")})
    return out


if __name__ == "__main__":
    main()
