"""Many reports at once: claims of every file, in input order, with the files that failed.

With more than one job the files go to a pool of worker processes. Each worker loads the rule set
once (on Linux the pool forks after the parent has loaded and validated it, so the compiled rules
and jieba's dictionary come along for free) and answers one file at a time; at most a few files per
worker are in flight, so memory stays flat however long the list is. A file that cannot be read
or extracted is a failure with its reason; the others go on. A broken rule folder is not a
per-file failure: it raises RuleError before any file is read.

    >>> from reportx.batch import extract_paths
    >>> result = extract_paths(["seeds/guigang-2024.txt"], jobs=1)   # doctest: +SKIP
    >>> result.summary()                                               # doctest: +SKIP
    '1 file, 372 claims, 0 failures, 0.3 s'
"""
from __future__ import annotations

import os
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from reportx.errors import ReportxError

# progress(path, ok): called in the calling process once per finished file, in input order.
Progress = Callable[[str, bool], None]


@dataclass
class BatchResult:
    claims: list = field(default_factory=list)                    # every claim, files in input order
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    files: int = 0                                                # files attempted
    seconds: float = 0.0                                          # wall time of the batch
    claim_count: int = 0                                          # claims found (also when streamed)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        """One line: '12 files, 4031 claims, 1 failure, 3.2 s'."""
        def n(count, word):
            return f"{count} {word}{'' if count == 1 else 's'}"
        return (f"{n(self.files, 'file')}, {n(self.claim_count, 'claim')}, "
                f"{n(len(self.failures), 'failure')}, {self.seconds:.1f} s")


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def doc_keys(paths: list[Path]) -> list[str]:
    """The `doc` key of each file: its stem, or parent/stem where two files share a stem (so the
    combined table can tell them apart), or the whole path without suffix if that still clashes."""
    stems = [p.stem for p in paths]
    counts: dict[str, int] = {}
    for s in stems:
        counts[s] = counts.get(s, 0) + 1
    keys = [s if counts[s] == 1 else f"{p.parent.name}/{s}" for p, s in zip(paths, stems)]
    counts = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    return [k if counts[k] == 1 else str(p.with_suffix("")) for p, k in zip(paths, keys)]


def _rules(rule_dirs: tuple[str, ...]):
    from reportx.engine.ruleset import load_rules

    return load_rules(rule_dirs)      # cached per folder set by load_rules itself


def _share_strings(claims: list) -> list:
    """Claims of one report repeat their section and sentence; make equal strings one object, so
    pickling to the parent sends each once and the parent holds each once."""
    if not claims:
        return claims
    import dataclasses

    pool: dict[str, str] = {}
    out = []
    for c in claims:
        section = pool.setdefault(c.section, c.section)
        sentence = pool.setdefault(c.sentence, c.sentence)
        if section is c.section and sentence is c.sentence:
            out.append(c)
        else:
            out.append(dataclasses.replace(c, section=section, sentence=sentence))
    return out


def extract_one(path: str, key: str, rule_dirs: tuple[str, ...] = ()) -> tuple[list, str | None]:
    """(claims, None) for a file, or ([], reason) when it fails. Never raises for a bad file."""
    from reportx.extraction import extract, load

    try:
        rs = _rules(rule_dirs)
        claims = extract(load(path, key=key), rules=rs)
        return _share_strings(claims), None
    except ReportxError as exc:
        reason = str(exc)
        # the caller reports (path, reason): the path once is enough
        return [], reason[len(path) + 2:] if reason.startswith(f"{path}: ") else reason
    except RecursionError:
        return [], "text too deeply nested to read"
    except MemoryError:
        return [], "out of memory"
    except Exception as exc:  # a bug must not sink the batch: report it with the file
        return [], f"internal error ({type(exc).__name__}: {exc}); please report it"


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool (no traceback from each worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool(jobs: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the parent's loaded rules and jieba's dictionary with every worker; where
    # fork is unavailable (Windows, macOS default) workers load them once each.
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_ignore_sigint)


def iter_extract(paths: Iterable[str | Path], *, jobs: int | None = None,
                 rule_dirs: Iterable[str | Path] = ()) -> Iterator[tuple[str, list, str | None]]:
    """Yield (path, claims, failure reason or None) for each file, in input order.

    The streaming form of `extract_paths`: nothing is kept once yielded, so a caller that writes
    as it goes runs any number of files in flat memory. Raises RuleError for a broken rule folder
    before reading any file."""
    paths = [Path(p) for p in paths]
    rule_dirs = tuple(str(d) for d in rule_dirs)
    keys = doc_keys(paths)
    _rules(rule_dirs)  # validate (and load, so that forked workers inherit it) up front
    jobs = default_jobs() if jobs is None else max(1, int(jobs))
    jobs = min(jobs, len(paths))
    if jobs <= 1:
        for p, k in zip(paths, keys):
            claims, reason = extract_one(str(p), k, rule_dirs)
            yield str(p), claims, reason
        return

    from concurrent.futures.process import BrokenProcessPool

    window = jobs * 4  # files in flight: enough to keep every worker busy, few enough to stay flat
    pool = _pool(jobs)
    pending: deque = deque()
    todo = iter(zip(paths, keys))
    broken = False
    try:
        while True:
            while not broken and len(pending) < window:
                nxt = next(todo, None)
                if nxt is None:
                    break
                p, k = nxt
                try:
                    pending.append((str(p), pool.submit(extract_one, str(p), k, rule_dirs)))
                except BrokenProcessPool:
                    broken = True
                    pending.append((str(p), None))
            if not pending:
                if broken:  # the pool died: the files not yet sent fail with the reason
                    for p, _ in todo:
                        yield str(p), [], "not processed: a worker process died"
                return
            path, fut = pending.popleft()
            if fut is None:
                yield path, [], "not processed: a worker process died"
                continue
            try:
                claims, reason = fut.result()
            except BrokenProcessPool:
                broken = True
                claims, reason = [], "a worker process died (out of memory?)"
            yield path, claims, reason
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def extract_paths(paths: Iterable[str | Path], *, jobs: int | None = None,
                  rule_dirs: Iterable[str | Path] = (), progress: Progress | None = None,
                  on_claims: Callable[[list], None] | None = None) -> BatchResult:
    """Claims of every file, files in input order, and the files that failed with their reasons.

    jobs:      worker processes (default: all cores; 1 runs in this process).
    rule_dirs: folders of the user's own rule files, added to the bundled ones.
    progress:  called as progress(path, ok) after each file (see reportx.progress.progress_bar).
    on_claims: called with each file's claims, in input order, instead of collecting them in
               `result.claims` (which then stays empty; `claim_count` still counts): a caller
               that writes JSON Lines or CSV as it goes keeps memory flat for any batch size.
    """
    started = time.perf_counter()
    result = BatchResult()
    for path, claims, reason in iter_extract(paths, jobs=jobs, rule_dirs=rule_dirs):
        result.files += 1
        if reason is None:
            result.claim_count += len(claims)
            if on_claims is not None:
                on_claims(claims)
            else:
                result.claims.extend(claims)
        else:
            result.failures.append((path, reason))
        if progress is not None:
            progress(path, reason is None)
    result.seconds = time.perf_counter() - started
    return result
