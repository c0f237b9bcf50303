"""reportx speed and memory, as medians over interleaved runs. Anyone can run it from a checkout:

    .venv/bin/python benchmarks/bench.py            # everything (about 6 minutes on 2 cores)
    .venv/bin/python benchmarks/bench.py --quick    # fewer runs, a batch of 200, inputs to 4 MB
    .venv/bin/python benchmarks/bench.py --only warm,cold

What it measures (targets from issue 11, for a 2-core machine):

warm   extraction time per report with the rules loaded (the bundled reports, and the real
       reports ../shared/corpus/*-2026.txt when that folder is there), as a ratio to one pass of
       a regex that only finds the report's numbers; beside it the floor: one pass of every rule
       pattern (target: within 20x on each bundled report and on the corpus median);
cold   `reportx extract guigang --format jsonl` and `reportx --help` as fresh processes against
       `python -c pass` (targets: 0.35 s and 0.15 s over it); jieba never imported, its word
       index not rebuilt by those runs;
pdf    a bundled report typeset as a PDF: reading its text layer against extracting its claims
       (target: within 2x; needs fpdf2 and a CJK font, else skipped);
size   one big input in a fresh process: ordinary report text of 1 to 64 MB (and 4 MB of it on
       one line), and one sentence of 10,000 figures (joined by 、, by ， and by ；): seconds and
       peak memory per MB and per figure (target: linear, the per-MB figures flat);
batch  1,000 reports (copies of the bundled ones) through `reportx extract DIR -o out.jsonl` with
       --jobs 1 and with all cores (targets: all cores at least 1.8x faster than one on 2 cores,
       and 150 reports/s);
memory peak resident memory of the batch's parent process and of its largest worker, for batches
       of growing size through the streaming library call (`reportx.batch.extract_paths` with
       on_claims), and of the CLI writing one combined table (target: flat as the batch grows).

Runs of the things compared alternate (A B A B …) and each figure is a median, so a load that
comes and goes affects both sides alike; ratios move much less than absolute times. The machine's
load average is printed first. Child processes run with Python's bytecode cache on (as an
installed package has it): when PYTHONDONTWRITEBYTECODE is set, they write it to a temporary
folder (PYTHONPYCACHEPREFIX) instead, so a start-up is not timed compiling reportx's sources.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CORPUS = ROOT.parent / "shared" / "corpus"
# the report's numbers, nothing else: Arabic (full- or half-width, decimals) or Chinese numerals
NUMBER_PATTERN = r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+"
_ENV: dict = {}


def child_env() -> dict:
    """The environment of every timed child: bytecode cached (see the module's docstring)."""
    if not _ENV:
        env = dict(os.environ)
        if env.pop("PYTHONDONTWRITEBYTECODE", None) and not env.get("PYTHONPYCACHEPREFIX"):
            env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="reportx-bench-pyc-")
        _ENV.update(env)
    return _ENV


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
                         env=child_env(), **kw)
    wall, rss, code, err = json.loads(out.stdout)
    if code != 0:
        raise SystemExit(f"failed ({code}): {' '.join(cmd)}\n{err}")
    return wall, rss


def interleaved(fns: dict, runs: int) -> dict[str, float]:
    """Median seconds of each function, run in turn (A B C A B C …)."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(runs):
        for k, fn in fns.items():
            t = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t)
    return {k: statistics.median(v) for k, v in times.items()}


# --- warm -----------------------------------------------------------------------------------

def warm_reports() -> list[Path]:
    corpus = sorted(CORPUS.glob("*-2026.txt")) if CORPUS.is_dir() else []
    return SEEDS + corpus


def warm(runs: int) -> list[dict]:
    """Run in a child process: this process stays small, and a child inherits its parent's peak
    RSS figure across exec on Linux, which would otherwise floor every later memory figure."""
    out = subprocess.run([sys.executable, __file__, "--_warm", str(runs)], capture_output=True,
                         text=True, env=child_env())
    if out.returncode != 0:
        raise SystemExit(f"warm extraction failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout)


def _warm(runs: int) -> list[dict]:
    import regex

    import reportx
    from reportx.engine.document import fold
    from reportx.engine.ruleset import load_rules
    from reportx.readers.loading import read_text

    from reportx.engine.claims import find_claims
    from reportx.engine.quantities import find_quantities

    rules = load_rules()
    numbers = regex.compile(NUMBER_PATTERN)
    patterns = [r.pattern for r in [*rules.quantities, *rules.exclusions]]
    rows = []
    reportx.extract("一、2023年工作回顾\n地区生产总值增长5%。", rules=rules)   # imports, caches
    first = {}
    for path in warm_reports():
        # the first extraction of each report, in turn: what a batch of new reports pays (the
        # engine remembers phrases it has read, and here only the earlier reports' are known)
        text = read_text(path)
        t = time.perf_counter()
        reportx.extract(text, rules=rules, key=path.stem)
        first[path] = time.perf_counter() - t
    for path in warm_reports():
        text = read_text(path)
        norm = fold(text)
        claims = len(reportx.extract(text, rules=rules, key=path.stem))

        def bare(k=10):   # one pass is ~0.2 ms: time ten, report one
            for _ in range(k):
                sum(1 for _ in numbers.finditer(text))

        def floor():
            for p in patterns:
                sum(1 for _ in p.finditer(norm))

        doc = reportx.load_text(text, key=path.stem)

        def document():
            reportx.load_text(text, key=path.stem)

        def quantities():
            find_quantities(doc.norm, rules)

        def claims_of():
            find_claims(doc, rules)

        t = interleaved({"extract": lambda: reportx.extract(text, rules=rules, key=path.stem),
                         "bare": bare, "floor": floor, "document": document,
                         "quantities": quantities, "claims": claims_of}, runs)
        t["bare"] /= 10
        rows.append({"report": path.stem, "source": "seed" if path in SEEDS else "corpus",
                     "chars": len(text), "claims": claims, "first_ms": first[path] * 1000,
                     "extract_ms": t["extract"] * 1000,
                     "regex_ms": t["bare"] * 1000, "ratio": t["extract"] / t["bare"],
                     "floor": t["floor"] / t["bare"],
                     # where the time goes, in bare passes: the document (headings, frames,
                     # sentences), the quantities (the rule passes and building them), and the
                     # claims' context reading (find_claims less its quantities)
                     "document_x": t["document"] / t["bare"],
                     "quantities_x": t["quantities"] / t["bare"],
                     "context_x": (t["claims"] - t["quantities"]) / t["bare"],
                     "us_per_claim": t["extract"] * 1e6 / max(claims, 1)})
    return rows


# --- cold -----------------------------------------------------------------------------------

def cold(runs: int) -> dict:
    try:
        from reportx.engine import wordcut
    except ImportError:      # a reportx from before the word index
        wordcut = None
    extract = reportx_command() + ["extract", "guigang", "--format", "jsonl"]
    helpcmd = reportx_command() + ["--help"]
    bare = [sys.executable, "-c", "pass"]
    for cmd in (extract, helpcmd, bare):
        run_child(cmd)  # the first run may build the caches (word index, rules, bytecode)
    dict_file = wordcut._dictionary_file() if wordcut else None
    index = Path(wordcut._index_path(dict_file)) if dict_file else None
    before = index.stat().st_mtime_ns if index and index.exists() else None
    times: dict[str, list[float]] = {"extract": [], "help": [], "bare": []}
    for _ in range(runs):
        for k, cmd in (("bare", bare), ("extract", extract), ("help", helpcmd)):
            times[k].append(run_child(cmd)[0])
    after = index.stat().st_mtime_ns if index and index.exists() else None
    probe = ("import sys, reportx; reportx.extract(reportx.find_report('guigang')); "
             "print(int('jieba' in sys.modules))")
    jieba_loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                  env=child_env()).stdout.strip() == "1"
    m = {k: statistics.median(v) for k, v in times.items()}
    return {"extract_s": m["extract"], "help_s": m["help"], "bare_s": m["bare"],
            "extract_over_s": m["extract"] - m["bare"], "help_over_s": m["help"] - m["bare"],
            "word_index": str(index) if before else "none", "index_rebuilt": before != after,
            "jieba_imported": jieba_loaded,
            "bytecode": child_env().get("PYTHONPYCACHEPREFIX") or "as the environment has it"}


# --- size -----------------------------------------------------------------------------------

_SIZE_PROBE = """
import json, sys, time
import reportx
from reportx.readers.loading import read_text
rules = reportx.load_rules()
reportx.extract("一、2023年工作回顾\\n地区生产总值增长5%。", rules=rules)   # imports and caches
base = int([l for l in open("/proc/self/status") if l.startswith("VmRSS")][0].split()[1])
t = time.perf_counter()
text = read_text(sys.argv[1])
claims = reportx.extract(text, rules=rules, key="big")
seconds = time.perf_counter() - t
hwm = int([l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1])
print(json.dumps({"seconds": seconds, "claims": len(claims), "peak_kb": hwm, "base_kb": base}))
"""


def size_inputs(folder: Path, sizes: list[int]) -> list[tuple[str, Path]]:
    """Ordinary report text (the real reports, else the bundled ones, one after another) of each
    size in MB, and one sentence of 10,000 figures three ways."""
    sources = sorted(CORPUS.glob("*-2026.txt")) if CORPUS.is_dir() else []
    texts = [p.read_text(encoding="utf-8") for p in (sources or SEEDS)]
    made = []
    for mb in sizes:
        parts, size, i = [], 0, 0
        while size < mb * 2**20:
            parts.append(texts[i % len(texts)])
            size += len(parts[-1].encode("utf-8"))
            i += 1
        p = folder / f"ordinary-{mb}mb.txt"
        p.write_text("\n".join(parts), encoding="utf-8")
        made.append((f"ordinary {mb} MB", p))
        if mb == sizes[min(1, len(sizes) - 1)]:
            # the same text with its paragraphs run together (a page saved without line breaks)
            lines = "\n".join(parts).split("\n")
            one = folder / f"oneline-{mb}mb.txt"
            one.write_text("\n".join(lines[:30]) + "\n" + "".join(lines[30:]), encoding="utf-8")
            made.append((f"ordinary {mb} MB, one line", one))
    n = 10_000
    for name, joiner in (("、", "、"), ("，", "，"), ("；", "；")):
        body = joiner.join(f"第{i}项指标增长{i % 97}.{i % 10}%" for i in range(n))
        p = folder / f"sentence-{n}-{ord(joiner)}.txt"
        p.write_text(f"一、2023年工作回顾\n全市{body}。\n", encoding="utf-8")
        made.append((f"1 sentence, {n:,} figures, {name}", p))
    return made


def size(sizes: list[int]) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="reportx-bench-") as tmp:
        for label, path in size_inputs(Path(tmp), sizes):
            out = subprocess.run([sys.executable, "-c", _SIZE_PROBE, str(path)],
                                 capture_output=True, text=True, env=child_env())
            if out.returncode != 0:
                raise SystemExit(f"size {label} failed:\n{out.stderr[-2000:]}")
            r = json.loads(out.stdout)
            mb = path.stat().st_size / 2**20
            rows.append({"input": label, "mb": mb, "claims": r["claims"], "seconds": r["seconds"],
                         "s_per_mb": r["seconds"] / mb, "us_per_claim": r["seconds"] * 1e6 / max(r["claims"], 1),
                         "peak_mb": r["peak_kb"] / 1024,
                         "extra_mb_per_mb": (r["peak_kb"] - r["base_kb"]) / 1024 / mb})
    return rows


# --- pdf ------------------------------------------------------------------------------------

_PDF_PROBE = """
import json, statistics, sys, time, warnings
sys.path.insert(0, sys.argv[1])
warnings.simplefilter("ignore")
import pdf_readers
import reportx
from reportx.readers.loading import text_from_bytes
data = pdf_readers.make_pdf(pdf_readers.paragraphs(), pdf_readers.find_font())
rules = reportx.load_rules()
reportx.extract(text_from_bytes(data, "report.pdf"), rules=rules)
times = {"read": [], "extract": []}
for _ in range(int(sys.argv[2])):
    t = time.perf_counter(); text = text_from_bytes(data, "report.pdf"); times["read"].append(time.perf_counter() - t)
    t = time.perf_counter(); reportx.extract(text, rules=rules); times["extract"].append(time.perf_counter() - t)
print(json.dumps({"bytes": len(data), **{k: statistics.median(v) for k, v in times.items()}}))
"""


def pdf(runs: int) -> dict | None:
    """guigang typeset as a PDF (benchmarks/pdf_readers.py: fpdf2 and a CJK font): reading its
    text against extracting its claims, interleaved. None when fpdf2 or a font is missing."""
    out = subprocess.run([sys.executable, "-c", _PDF_PROBE, str(Path(__file__).parent), str(runs)],
                         capture_output=True, text=True, env=child_env())
    if out.returncode != 0:
        return None
    r = json.loads(out.stdout)
    return {**r, "ratio": r["read"] / r["extract"]}


# --- batch and memory -----------------------------------------------------------------------

def make_batch(folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        seed = SEEDS[i % len(SEEDS)]
        p = folder / f"{i:05d}-{seed.name}"
        shutil.copyfile(seed, p)
        paths.append(p)
    return paths


def batch(n: int, runs: int, jobs_all: int) -> list[dict]:
    job_counts = sorted({1, jobs_all})
    walls: dict[int, list[float]] = {j: [] for j in job_counts}
    peaks: dict[int, int] = {j: 0 for j in job_counts}
    claims: dict[int, int] = {}
    with tempfile.TemporaryDirectory(prefix="reportx-bench-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        make_batch(folder, n)
        out = Path(tmp) / "claims.jsonl"
        for _ in range(runs):
            for jobs in job_counts:
                cmd = reportx_command() + ["extract", str(folder), "-o", str(out), "--jobs",
                                           str(jobs)]
                wall, rss = run_child(cmd)
                walls[jobs].append(wall)
                peaks[jobs] = max(peaks[jobs], rss)
                claims[jobs] = sum(1 for _ in out.open(encoding="utf-8"))
    one = statistics.median(walls[1])
    rows = []
    for jobs in job_counts:
        wall = statistics.median(walls[jobs])
        rows.append({"reports": n, "jobs": jobs, "seconds": wall, "reports_per_s": n / wall,
                     "speedup": one / wall, "claims": claims[jobs],
                     "peak_rss_mb": peaks[jobs] / 1024})
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
                                 check=True, env=child_env())
            r = json.loads(out.stdout)
            # the CLI on the same files, writing one combined table
            cli = reportx_command() + ["extract", *map(str, paths[:n]), "-o",
                                       str(Path(tmp) / "claims.jsonl"), "--jobs", str(jobs_all)]
            _, cli_kb = run_child(cli)
            rows.append({"reports": n, "jobs": jobs_all, "claims": r["claims"],
                         "parent_mb": r["parent_kb"] / 1024, "worker_mb": r["worker_kb"] / 1024,
                         "seconds": r["seconds"], "cli_mb": cli_kb / 1024})
    return rows


# --- report ---------------------------------------------------------------------------------

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
    ap.add_argument("--quick", action="store_true",
                    help="fewer runs, a batch of 200, big inputs up to 4 MB")
    ap.add_argument("--only", default="warm,cold,size,pdf,batch,memory",
                    help="comma-separated parts: warm, cold, size, pdf, batch, memory")
    ap.add_argument("--batch", type=int, default=None, help="reports in the batch (default 1000)")
    ap.add_argument("--runs", type=int, default=None, help="repeats for the medians")
    ap.add_argument("--sizes", default=None, help="MB of the big inputs (default 1,4,16,64)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object too")
    ap.add_argument("--_warm", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._warm:
        print(json.dumps(_warm(args._warm)))
        return 0
    parts = set(args.only.split(","))
    n = args.batch or (200 if args.quick else 1000)
    runs = args.runs or (3 if args.quick else 7)
    sizes = [int(s) for s in (args.sizes or ("1,4" if args.quick else "1,4,16,64")).split(",")]
    jobs_all = default_jobs()
    figures: dict = {}
    print(f"reportx benchmark: python {sys.version.split()[0]}, {jobs_all} cores, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    verdicts = []

    if "warm" in parts:
        rows = figures["warm"] = warm(runs=max(runs, 5) * 3)
        print("\nwarm extraction (rules loaded) against one bare regex pass over the report's "
              "numbers (ratio) and one pass of every rule pattern (floor), medians")
        print(table(rows, {"report": "", "chars": "d", "claims": "d", "first_ms": ".1f",
                           "extract_ms": ".1f",
                           "regex_ms": ".2f", "ratio": ".1f", "floor": ".1f",
                           "document_x": ".1f", "quantities_x": ".1f", "context_x": ".1f",
                           "us_per_claim": ".0f"}))
        seeds = [r["ratio"] for r in rows if r["source"] == "seed"]
        corpus = [r["ratio"] for r in rows if r["source"] == "corpus"]
        verdicts.append(("warm extraction within 20x of a bare regex pass, each bundled report",
                         max(seeds) <= 20, f"worst {max(seeds):.1f}x"))
        if corpus:
            med = statistics.median(corpus)
            print(f"corpus median: {med:.1f}x ({len(corpus)} reports), floor median "
                  f"{statistics.median(r['floor'] for r in rows if r['source'] == 'corpus'):.1f}x, "
                  f"{statistics.median(r['us_per_claim'] for r in rows if r['source'] == 'corpus'):.0f} us per claim")
            parts_x = {k: statistics.median(r[k] for r in rows if r["source"] == "corpus")
                       for k in ("document_x", "floor", "quantities_x", "context_x")}
            print(f"where it goes (corpus medians, in bare passes): the document "
                  f"{parts_x['document_x']:.1f}x, the quantities {parts_x['quantities_x']:.1f}x "
                  f"(of which the rule passes, the floor, {parts_x['floor']:.1f}x), the claims' "
                  f"context {parts_x['context_x']:.1f}x; the document and the floor alone: "
                  f"{parts_x['document_x'] + parts_x['floor']:.1f}x")
            verdicts.append(("warm extraction within 20x, median of ../shared/corpus/*-2026.txt",
                             med <= 20, f"{med:.1f}x"))
    if "cold" in parts:
        c = figures["cold"] = cold(max(runs, 5) + 4)
        print(f"\ncold start, median of {max(runs, 5) + 4} interleaved runs (bytecode: {c['bytecode']})\n"
              f"  reportx extract guigang --format jsonl: {c['extract_s']:.3f} s "
              f"(+{c['extract_over_s']:.3f} s)\n"
              f"  reportx --help: {c['help_s']:.3f} s (+{c['help_over_s']:.3f} s)\n"
              f"  python -c pass: {c['bare_s']:.3f} s\n"
              f"  jieba imported: {'yes' if c['jieba_imported'] else 'no'}; word index: "
              f"{c['word_index']}, rebuilt during the runs: {'yes' if c['index_rebuilt'] else 'no'}")
        verdicts.append(("cold extract within 0.35 s of bare Python", c["extract_over_s"] <= 0.35,
                         f"{c['extract_over_s']:.3f} s"))
        verdicts.append(("reportx --help within 0.15 s of bare Python", c["help_over_s"] <= 0.15,
                         f"{c['help_over_s']:.3f} s"))
        verdicts.append(("jieba not imported, its word index not rebuilt",
                         not c["jieba_imported"] and not c["index_rebuilt"], ""))
    if "size" in parts:
        rows = figures["size"] = size(sizes)
        print("\nbig inputs, one fresh process each: reportx.extract(text) after read_text")
        print(table(rows, {"input": "", "mb": ".2f", "claims": "d", "seconds": ".2f",
                           "s_per_mb": ".2f", "us_per_claim": ".0f", "peak_mb": ".0f",
                           "extra_mb_per_mb": ".1f"}))
        ordinary = [r for r in rows if r["input"].startswith("ordinary") and "line" not in r["input"]]
        if len(ordinary) > 1:
            grow = ordinary[-1]["s_per_mb"] / ordinary[0]["s_per_mb"]
            verdicts.append((f"linear time on ordinary text, {sizes[0]} to {sizes[-1]} MB "
                             "(s/MB within 1.5x)", grow <= 1.5, f"{grow:.2f}x"))
            mgrow = ordinary[-1]["extra_mb_per_mb"] / ordinary[0]["extra_mb_per_mb"]
            verdicts.append(("linear memory on ordinary text (MB/MB within 1.5x)", mgrow <= 1.5,
                             f"{mgrow:.2f}x"))
        for r in rows:
            if r["input"].endswith("one line"):
                same = next(o for o in ordinary if r["input"].startswith(o["input"]))
                slower = r["s_per_mb"] / same["s_per_mb"]
                verdicts.append((f"{r['input']}: as fast as on lines (within 1.3x)", slower <= 1.3,
                                 f"{slower:.2f}x"))
            if r["input"].startswith("1 sentence"):
                verdicts.append((f"{r['input']}: under 1 ms per figure and 200 MB",
                                 r["us_per_claim"] < 1000 and r["peak_mb"] < 200,
                                 f"{r['us_per_claim']:.0f} us, {r['peak_mb']:.0f} MB"))
    if "pdf" in parts:
        p = figures["pdf"] = pdf(max(runs, 5))
        if p is None:
            print("\npdf: skipped (needs fpdf2 and a CJK font: .venv/bin/pip install fpdf2)")
        else:
            print(f"\npdf: guigang typeset as a {p['bytes'] / 1e3:.0f} kB PDF, medians: reading its "
                  f"text {p['read'] * 1000:.1f} ms, extracting its claims {p['extract'] * 1000:.1f} ms")
            verdicts.append(("PDF text within 2x of extracting its claims", p["ratio"] <= 2,
                             f"{p['ratio']:.2f}x"))
    if "batch" in parts:
        rows = figures["batch"] = batch(n, max(1, runs // 3 if not args.runs else runs), jobs_all)
        print(f"\nbatch: reportx extract DIR -o claims.jsonl, {n} reports, median wall time "
              "(runs alternate between the job counts)")
        print(table(rows, {"reports": "d", "jobs": "d", "seconds": ".1f", "reports_per_s": ".1f",
                           "speedup": ".2f", "claims": "d", "peak_rss_mb": ".0f"}))
        best = next(r for r in rows if r["jobs"] == jobs_all)
        if jobs_all > 1:
            verdicts.append((f"--jobs {jobs_all} at least 1.8x --jobs 1", best["speedup"] >= 1.8,
                             f"{best['speedup']:.2f}x"))
        verdicts.append((f"at least 150 reports/s with --jobs {jobs_all}",
                         best["reports_per_s"] >= 150, f"{best['reports_per_s']:.0f}/s"))
    if "memory" in parts:
        msizes = [n // 4, n // 2, n]
        rows = figures["memory"] = memory(msizes, jobs_all)
        print(f"\nmemory, peak RSS: extract_paths(..., jobs={jobs_all}, on_claims=...) streaming "
              "(parent, largest worker), and the CLI writing one combined claims.jsonl (cli)")
        print(table(rows, {"reports": "d", "claims": "d", "parent_mb": ".0f", "worker_mb": ".0f",
                           "seconds": ".1f", "cli_mb": ".0f"}))
        grow = max(r["parent_mb"] for r in rows) - min(r["parent_mb"] for r in rows)
        wgrow = max(r["worker_mb"] for r in rows) - min(r["worker_mb"] for r in rows)
        verdicts.append(("memory flat as the batch grows (streaming, parent and workers)",
                         grow < 20 and wgrow < 20,
                         f"parent +{grow:.0f} MB, worker +{wgrow:.0f} MB from {msizes[0]} to {msizes[-1]}"))
        cgrow = rows[-1]["cli_mb"] - rows[0]["cli_mb"]
        verdicts.append(("memory flat as the batch grows (the CLI's combined table)", cgrow < 50,
                         f"+{cgrow:.0f} MB from {msizes[0]} to {msizes[-1]} reports"))

    print("\ntargets")
    for what, ok, detail in verdicts:
        print(f"  [{'ok' if ok else 'MISSED'}] {what}" + (f": {detail}" if detail else ""))
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    return 0 if all(ok for _, ok, _ in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
