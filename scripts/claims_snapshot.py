"""Every claim of every real report, as JSON Lines: the record that a speed change left the
output alone.

    python scripts/claims_snapshot.py -o /tmp/before.jsonl               # this checkout
    python scripts/claims_snapshot.py --src /tmp/head/src -o /tmp/head.jsonl
    python scripts/claims_snapshot.py --check /tmp/before.jsonl          # exit 1 on any difference

Reads every report of ../shared/corpus (text and .docx), the bundled seeds and tests/unseen, in
file-name order, and writes one line per claim with all its fields (and the file it came from).
`--src DIR` runs another source tree (a `git archive HEAD src rules` export, say) so a
snapshot of the committed engine can be taken while the working tree has changes in it.
`--check FILE` compares with an earlier snapshot and names the first lines that differ.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = (".txt", ".docx", ".html", ".htm", ".pdf")


def reports() -> list[Path]:
    found = []
    for folder in (CORPUS, ROOT / "seeds", ROOT / "tests" / "unseen"):
        found += sorted(p for p in folder.iterdir()
                        if p.suffix in SUFFIXES and p.name.lower() != "readme.txt")
    return found


def dump(out) -> int:
    import reportx
    from reportx.engine.claim import CLAIM_FIELDS

    n = 0
    for path in reports():
        for c in reportx.extract(path):
            row = {"file": f"{path.parent.name}/{path.name}"}
            row.update({f: getattr(c, f) for f in CLAIM_FIELDS})
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
            n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", type=Path, help="write the snapshot here (default stdout)")
    ap.add_argument("--src", type=Path, help="the source tree to run (default: this checkout's)")
    ap.add_argument("--check", type=Path, help="compare with this snapshot; exit 1 if it differs")
    args = ap.parse_args()
    output = args.output
    if args.check is not None and output is None:
        import tempfile

        output = Path(tempfile.mkstemp(prefix="claims-", suffix=".jsonl")[1])
    if args.src is not None:
        # a fresh interpreter, so that the other tree's reportx is the one imported
        env = dict(os.environ, PYTHONPATH=str(args.src.resolve()))
        cmd = [sys.executable, __file__] + (["-o", str(output)] if output else [])
        code = subprocess.run(cmd, env=env).returncode
        if code:
            return code
    else:
        if "PYTHONPATH" not in os.environ:
            sys.path.insert(0, str(ROOT / "src"))
        if output is None:
            dump(sys.stdout)
            return 0
        with output.open("w", encoding="utf-8") as f:
            n = dump(f)
        print(f"{n} claims -> {output}", file=sys.stderr)
    return check(args.check, output) if args.check is not None else 0


def check(before_path: Path, now_path: Path) -> int:
    before = before_path.read_text(encoding="utf-8").splitlines()
    now = now_path.read_text(encoding="utf-8").splitlines()
    if now == before:
        print(f"identical: {len(now)} claims", file=sys.stderr)
        return 0
    diffs = [i for i, (a, b) in enumerate(zip(before, now)) if a != b]
    extra = abs(len(before) - len(now))
    print(f"DIFFERENT: {len(before)} claims before, {len(now)} now, {len(diffs)} lines differ"
          + (f", {extra} lines only in one" if extra else ""), file=sys.stderr)
    for i in diffs[:5]:
        print(f"- {before[i]}\n+ {now[i]}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
