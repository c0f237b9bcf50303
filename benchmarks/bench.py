"""reportx speed and memory, as medians over repeated runs. Anyone can run it from a checkout:

    .venv/bin/python benchmarks/bench.py            # everything (about 3 minutes on 2 cores)
    .venv/bin/python benchmarks/bench.py --quick    # fewer runs, a batch of 200
    .venv/bin/python benchmarks/bench.py --only warm,cold

What it measures (targets from issue 4, for a 2-core machine):

warm   extraction time per bundled report with the rules loaded, and its ratio to one regex pass
       that only finds the report's numbers (target: within 100x);
cold   `reportx extract guigang --format jsonl` as a fresh process against `python -c pass`
       (target: within 1.0 s), and whether jieba's dictionary cache was rebuilt by those runs;
batch  1,000 reports (copies of the bundled ones) through `reportx extract DIR -o out.jsonl` with
       --jobs 1 and with all cores (target: under 60 s with all cores);
memory peak resident memory of the batch's parent process and of its largest worker, for batches
       of growing size through the streaming library call (`reportx.batch.extract_paths` with
       on_claims), and of the CLI writing one combined table (target: flat as the batch grows).

The machine's load average is printed first: other work running at the same time slows every
figure, so run it on an idle machine and compare runs made alike.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# the report's numbers, nothing else: Arabic (full- or half-width, decimals) or Chinese numerals
NUMBER_PATTERN = r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+"


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def reportx_command() -> list[str]:
    """The installed `reportx` script beside this Python, else `python -m reportx`."""
    script = Path(sys.executable).with_name("reportx")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reportx"]


def run_child(cmd: list[str], **kw) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB, the largest process of its tree) of one command.

    The command runs under a small Python wrapper so that RUSAGE_CHILDREN sees it alone."""
    wrapper = ("import resource,subprocess,sys,time,json;t=time.perf_counter();"
               "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
               "w=time.perf_counter()-t;"
               "print(json.dumps([w,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
               "r.returncode,r.stderr.decode('utf-8','replace')[-500:]]))")
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True,
                         **kw)
    wall, rss, code, err = json.loads(out.stdout)
    if code != 0:
        raise SystemExit(f"failed ({code}): {' '.join(cmd)}\n{err}")
    return wall, rss


def warm(runs: int) -> list[dict]:
    """Run in a child process: this process stays small, and a child inherits its parent's peak
    RSS figure across exec on Linux, which would otherwise floor every later memory figure."""
    out = subprocess.run([sys.executable, __file__, "--_warm", str(runs)], capture_output=True,
                         text=True)
    if out.returncode != 0:
        raise SystemExit(f"warm extraction failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout)


def _warm(runs: int) -> list[dict]:
    import regex

    import reportx
    from reportx.readers.loading import read_text
    from reportx.engine.ruleset import load_rules

    rules = load_rules()
    numbers = regex.compile(NUMBER_PATTERN)
    rows = []
    for seed in SEEDS:
        text = read_text(seed)
        reportx.extract(text, rules=rules, key=seed.stem)  # first call pays jieba's loading
        t_extract = median_time(lambda: reportx.extract(text, rules=rules, key=seed.stem), runs)
        t_regex = median_time(lambda: sum(1 for _ in numbers.finditer(text)), runs * 20)
        claims = len(reportx.extract(text, rules=rules, key=seed.stem))
        rows.append({"report": seed.stem, "chars": len(text), "claims": claims,
                     "extract_ms": t_extract * 1000, "regex_ms": t_regex * 1000,
                     "ratio": t_extract / t_regex})
    return rows


def jieba_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reportx" / "jieba.cache"


def cold(runs: int) -> dict:
    cmd = reportx_command() + ["extract", "guigang", "--format", "jsonl"]
    run_child(cmd)  # the first run may build jieba's cache; it is not counted
    cache = jieba_cache()
    before = cache.stat().st_mtime_ns if cache.exists() else None
    t_cli = statistics.median(run_child(cmd)[0] for _ in range(runs))
    t_bare = statistics.median(run_child([sys.executable, "-c", "pass"])[0] for _ in range(runs))
    after = cache.stat().st_mtime_ns if cache.exists() else None
    return {"command": " ".join(["reportx"] + cmd[len(reportx_command()):]),
            "cli_s": t_cli, "bare_s": t_bare, "over_bare_s": t_cli - t_bare,
            "jieba_cache": str(cache) if before else "none (jieba not used on this report)",
            "cache_rebuilt": before != after}


def make_batch(folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        seed = SEEDS[i % len(SEEDS)]
        p = folder / f"{i:05d}-{seed.name}"
        shutil.copyfile(seed, p)
        paths.append(p)
    return paths


def batch(n: int, runs: int, jobs_all: int) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="reportx-bench-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        make_batch(folder, n)
        out = Path(tmp) / "claims.jsonl"
        for jobs in sorted({1, jobs_all}):
            cmd = reportx_command() + ["extract", str(folder), "-o", str(out), "--jobs", str(jobs)]
            results = [run_child(cmd) for _ in range(runs)]
            wall = statistics.median(r[0] for r in results)
            claims = sum(1 for _ in out.open(encoding="utf-8"))
            rows.append({"reports": n, "jobs": jobs, "seconds": wall, "reports_per_s": n / wall,
                         "claims": claims, "peak_rss_mb": max(r[1] for r in results) / 1024})
    return rows


_MEMORY_PROBE = """
import json, resource, sys, time
from reportx.batch import extract_paths
paths = sys.argv[2:]
count = [0]
t = time.perf_counter()
r = extract_paths(paths, jobs=int(sys.argv[1]), on_claims=lambda cs: count.__setitem__(0, count[0] + len(cs)))
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")]
parent_kb = int(hwm[0].split()[1]) if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": time.perf_counter() - t, "claims": r.claim_count,
                  "failures": len(r.failures), "parent_kb": parent_kb,
                  "worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def memory(sizes: list[int], jobs_all: int) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="reportx-bench-") as tmp:
        paths = make_batch(Path(tmp), max(sizes))
        for n in sizes:
            out = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(jobs_all),
                                  *map(str, paths[:n])], capture_output=True, text=True,
                                 check=True)
            r = json.loads(out.stdout)
            # the CLI on the same files, writing one combined table
            cli = reportx_command() + ["extract", *map(str, paths[:n]), "-o",
                                       str(Path(tmp) / "claims.jsonl"), "--jobs", str(jobs_all)]
            _, cli_kb = run_child(cli)
            rows.append({"reports": n, "jobs": jobs_all, "claims": r["claims"],
                         "parent_mb": r["parent_kb"] / 1024, "worker_mb": r["worker_kb"] / 1024,
                         "seconds": r["seconds"], "cli_mb": cli_kb / 1024})
    return rows


def table(rows: list[dict], fmt: dict[str, str]) -> str:
    heads = list(fmt)
    cells = [[format(r[h], fmt[h]) for h in heads] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads)]
    line = lambda xs: "  ".join(x.rjust(w) for x, w in zip(xs, widths))  # noqa: E731
    return "\n".join([line(heads)] + [line(c) for c in cells])


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def main(argv=None) -> int:

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs and a batch of 200")
    ap.add_argument("--only", default="warm,cold,batch,memory",
                    help="comma-separated parts: warm, cold, batch, memory")
    ap.add_argument("--batch", type=int, default=None, help="reports in the batch (default 1000)")
    ap.add_argument("--runs", type=int, default=None, help="repeats for the medians")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object too")
    ap.add_argument("--_warm", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._warm:
        print(json.dumps(_warm(args._warm)))
        return 0
    parts = set(args.only.split(","))
    n = args.batch or (200 if args.quick else 1000)
    runs = args.runs or (3 if args.quick else 7)
    jobs_all = default_jobs()
    figures: dict = {}
    print(f"reportx benchmark: python {sys.version.split()[0]}, {jobs_all} cores, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    verdicts = []

    if "warm" in parts:
        rows = figures["warm"] = warm(runs=max(runs, 5) * 3)
        print("\nwarm extraction (rules loaded), median of repeated runs")
        print(table(rows, {"report": "", "chars": "d", "claims": "d", "extract_ms": ".1f",
                           "regex_ms": ".2f", "ratio": ".0f"}))
        worst = max(r["ratio"] for r in rows)
        verdicts.append(("warm extraction within 100x of a bare regex pass", worst <= 100,
                         f"worst {worst:.0f}x"))
    if "cold" in parts:
        c = figures["cold"] = cold(runs)
        print(f"\ncold start, median of {runs} runs\n"
              f"  {c['command']}: {c['cli_s']:.3f} s\n  python -c pass: {c['bare_s']:.3f} s\n"
              f"  difference: {c['over_bare_s']:.3f} s\n  jieba cache: {c['jieba_cache']}, "
              f"rebuilt during the runs: {'yes' if c['cache_rebuilt'] else 'no'}")
        verdicts.append(("cold start within 1.0 s of bare Python", c["over_bare_s"] <= 1.0,
                         f"{c['over_bare_s']:.2f} s"))
        verdicts.append(("jieba's dictionary cached, not rebuilt per run", not c["cache_rebuilt"], ""))
    if "batch" in parts:
        rows = figures["batch"] = batch(n, max(1, runs // 3 if not args.runs else runs), jobs_all)
        print(f"\nbatch: reportx extract DIR -o claims.jsonl, {n} reports, median wall time")
        print(table(rows, {"reports": "d", "jobs": "d", "seconds": ".1f", "reports_per_s": ".1f",
                           "claims": "d", "peak_rss_mb": ".0f"}))
        best = min(r["seconds"] for r in rows if r["jobs"] == jobs_all)
        scaled = best * 1000 / n
        verdicts.append(("1,000 reports in under 60 s with all cores", scaled < 60,
                         f"{scaled:.1f} s" + ("" if n == 1000 else f" (scaled from {n})")))
    if "memory" in parts:
        sizes = [n // 4, n // 2, n]
        rows = figures["memory"] = memory(sizes, jobs_all)
        print(f"\nmemory, peak RSS: extract_paths(..., jobs={jobs_all}, on_claims=...) streaming "
              "(parent, largest worker), and the CLI writing one combined claims.jsonl (cli)")
        print(table(rows, {"reports": "d", "claims": "d", "parent_mb": ".0f", "worker_mb": ".0f",
                           "seconds": ".1f", "cli_mb": ".0f"}))
        grow = max(r["parent_mb"] for r in rows) - min(r["parent_mb"] for r in rows)
        wgrow = max(r["worker_mb"] for r in rows) - min(r["worker_mb"] for r in rows)
        verdicts.append(("memory flat as the batch grows (streaming, parent and workers)",
                         grow < 20 and wgrow < 20,
                         f"parent +{grow:.0f} MB, worker +{wgrow:.0f} MB from {sizes[0]} to {sizes[-1]}"))
        cgrow = rows[-1]["cli_mb"] - rows[0]["cli_mb"]
        verdicts.append(("memory flat as the batch grows (the CLI's combined table)", cgrow < 50,
                         f"+{cgrow:.0f} MB from {sizes[0]} to {sizes[-1]} reports"))

    print("\ntargets")
    for what, ok, detail in verdicts:
        print(f"  [{'ok' if ok else 'MISSED'}] {what}" + (f": {detail}" if detail else ""))
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    return 0 if all(ok for _, ok, _ in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
