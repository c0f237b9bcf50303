"""Score `reportx eval` over every full gold (`<stem>.jsonl` beside its text) of some folders.

    python scripts/score_full_gold.py tests/heldout/IA tests/heldout/IG
    python scripts/score_full_gold.py --src /tmp/wt/base/src tests/heldout/I?   # another checkout
    python scripts/score_full_gold.py -v tests/heldout/IB        # every miss and false alarm

A held-out set's `years.txt` (STEM=YEAR lines) gives eval its `--year`. Each report's claims and text
come from `reportx extract --format jsonl` and `reportx text` in a subprocess with the given source
tree first on PYTHONPATH, so what is scored is what a user of that version gets; they are scored
as `reportx eval` scores (this checkout's `views.evaluation`, the gold placed on the text read); the
counts are summed over all reports (micro-averaged precision and recall), attribute agreement over
the exact matches.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# this checkout's scoring (the engine scored is --src's, run in a subprocess)
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from stem_lists import read_stem_list  # noqa: E402

TEXT_SUFFIXES = (".txt", ".html", ".docx", ".pdf")
ATTRIBUTES = ("qualifier", "direction", "period", "kind", "indicator_id", "span", "value_high")


def golds_of(folder: Path) -> list[tuple[Path, Path]]:
    """(gold, text) pairs of a folder: a `.jsonl` with a text of the same stem beside it."""
    pairs = []
    for gold in sorted(folder.glob("*.jsonl")):
        text = next((gold.with_suffix(s) for s in TEXT_SUFFIXES if gold.with_suffix(s).exists()), None)
        if text is not None:
            pairs.append((gold, text))
    return pairs


def evaluate(gold: Path, text: Path, src: Path, year: str | None, whole: Path | None = None) -> dict:
    """The eval of one gold: the claims and the text that tree's `reportx extract` and `reportx
    text` give (so an older checkout can be scored), matched by this checkout's scoring. With
    `whole`, the excerpt's paragraphs are found in that report and scored with its claims there."""
    from reportx.views.evaluation import evaluate as score, load_gold, reanchor

    extra = ["--year", year] if year else []
    read = _run(src, "text", str(text))
    records, _, _ = reanchor(load_gold(gold), read)
    source = text
    if whole is not None:
        records, read, bounds = _placed_in(records, read, _run(src, "text", str(whole)), gold)
        source = whole
    claims = [json.loads(line) for line in _run(src, "extract", str(source), *extra, "--format",
                                                 "jsonl").splitlines() if line.strip()]
    if whole is not None:
        claims = [c for c in claims if bounds[0] <= c["start"] < bounds[1]]
    return score(records, claims, text=read).to_dict()


def _placed_in(records: list[dict], part: str, whole: str, gold: Path):
    """The excerpt's records moved onto the whole report: its body (after the first blank line)
    found there; the records of its first lines (the title, copied above the body) dropped."""
    nl = "\r\n" if "\r\n" in part else "\n"
    cut = part.find(nl + nl)
    body_start = cut + 2 * len(nl)
    body = part[body_start:].strip()
    at = whole.find(body[:200])
    if cut < 0 or at < 0:
        raise SystemExit(f"{gold}: its excerpt's paragraphs are not in the report named in sources.txt")
    lead = len(part[body_start:]) - len(part[body_start:].lstrip())
    shift = at - (body_start + lead)
    moved = [{**r, "start": r["start"] + shift, "end": r["end"] + shift}
             for r in records if r["start"] >= body_start]
    return moved, whole, (at, at + len(body))


def _run(src: Path, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(src))
    # (bytes, decoded here: text mode would turn a CRLF text's line ends into LF, and its offsets)
    out = subprocess.run([sys.executable, "-m", "reportx", *args], capture_output=True, env=env)
    if out.returncode != 0:
        raise SystemExit(f"reportx {args[0]} failed on {args[1]}: "
                         f"{out.stderr.decode('utf-8', 'replace').strip()}")
    return out.stdout.decode("utf-8")


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} {r:.3f} {f:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--src", type=Path, default=ROOT / "src")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every miss and false alarm")
    args = ap.parse_args()
    totals = {"detection": [0, 0, 0], "exact": [0, 0, 0]}
    agree = {a: [0, 0] for a in ATTRIBUTES}
    print("report                       gold  det P R F1          exact P R F1")
    for folder in args.folders:
        years = read_stem_list(folder / "years.txt")
        # (the whole report an excerpt was cut from, so that its figures are scored where they
        # stand, under the report's own headings; paths from the repository's root)
        sources = {stem: ROOT / rel for stem, rel in read_stem_list(folder / "sources.txt").items()}
        for gold, text in golds_of(folder):
            out = evaluate(gold, text, args.src, years.get(gold.stem), sources.get(gold.stem))
            for part, sums in totals.items():
                for i, field in enumerate(("tp", "fp", "fn")):
                    sums[i] += out[part][field]
            for a in ATTRIBUTES:
                right, of = out["agreement"].get(a) or (0, 0)
                agree[a][0] += right
                agree[a][1] += of
            name = f"{folder.name}/{gold.stem}"
            det, ex = out["detection"], out["exact"]
            print(f"{name:<28} {out['gold']:>4}  {prf(det['tp'], det['fp'], det['fn'])}   "
                  f"{prf(ex['tp'], ex['fp'], ex['fn'])}")
            if args.verbose:
                for miss in out["misses"]:
                    print(f"    miss  {miss['surface']}  …{miss['context']}…")
                for alarm in out["false_alarms"]:
                    print(f"    alarm {alarm.get('surface')}  {alarm.get('context', '')[:80]}")
                for m in out["mismatches"]:
                    print(f"    value {json.dumps(m, ensure_ascii=False)[:200]}")
                for d in out["disagreements"]:
                    print(f"    {d['attribute']:<12} {d['surface']}  gold {d['gold']!r} claimed "
                          f"{d['claimed']!r}  …{d['context'][:60]}…")
    for part, (tp, fp, fn) in totals.items():
        print(f"all {part:<10} tp {tp} fp {fp} fn {fn}  P R F1 {prf(tp, fp, fn)}")
    print("agreement on exact matches: " + ", ".join(
        f"{a} {r}/{n}" for a, (r, n) in agree.items() if n))


if __name__ == "__main__":
    main()
