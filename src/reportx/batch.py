"""Many reports at once: claims of every file, in input order, with the files that failed.

With more than one job the files go to a pool of worker processes. Each worker loads the rule set
once (on Linux the pool forks after the parent has loaded and validated it, so the compiled rules
come along for free; jieba's word index is a file the workers map and share) and answers one
file at a time; at most a few files per worker are in flight, so memory stays flat however long
the list is. With `encode`, a worker filters and encodes its own file's rows, so the calling
process only writes what they send. A file that cannot be read
or extracted is a failure with its reason; the others go on. A broken rule folder is not a
per-file failure: it raises RuleError before any file is read.

Workers never outlive the batch: when it ends early (an error, Ctrl-C, SIGTERM turned into an
exception by the CLI) they are killed at once, and on Linux each worker is also killed by the
kernel if the calling process dies (even by `kill -9`). A worker that dies mid-file (killed,
out of memory) costs a new pool: the files it may have held are run again, one at a time, and a
file whose worker dies a second time is a failure with that reason.

Standard input (`-`), FIFOs and devices are read in the calling process: a worker has no stdin.

    >>> from reportx.batch import extract_paths
    >>> result = extract_paths(["seeds/guigang-2024.txt"], jobs=1)   # doctest: +SKIP
    >>> result.summary()                                               # doctest: +SKIP
    '1 file, 372 claims, 0 failures, 0.3 s'
"""
from __future__ import annotations

import os
import stat
import sys
import time
import warnings
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from reportx.errors import ReportxError, ReportxWarning
from reportx.pool import Workers

# progress(path, ok): called in the calling process once per finished file, in input order.
Progress = Callable[[str, bool], None]
DIED = "a worker process died while reading it, twice (out of memory? killed?)"
STDIN = "-"


class Outcome(NamedTuple):
    """What reading one file gave."""
    path: str                  # as given
    claims: list               # its claims (empty when it failed)
    reason: str | None         # why it failed, or None
    document: object = None    # the Document, when asked for (compare, list)
    warnings: tuple = ()       # ReportxWarning messages (a report read only in part)
    found: int | None = None   # with `encode`: claims found, and kept by the filter (`claims`
    kept: int | None = None    # is then what encode made of the kept ones)


@dataclass
class BatchResult:
    claims: list = field(default_factory=list)                    # every claim kept, files in input order
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    files: int = 0                                                # files attempted
    seconds: float = 0.0                                          # wall time of the batch
    claim_count: int = 0                                          # claims kept (also when streamed)
    found: int = 0                                                # claims found, before any filter
    warnings: list[str] = field(default_factory=list)             # ReportxWarning messages, in order

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        """One line: '12 files, 4031 claims, 1 failure, 3.2 s' ('3 claims (of 372)' when a
        filter kept only some)."""
        def n(count, word):
            return f"{count} {word}{'' if count == 1 else 's'}"
        kept = n(self.claim_count, "claim")
        if self.found != self.claim_count:
            kept += f" (of {self.found})"
        return (f"{n(self.files, 'file')}, {kept}, "
                f"{n(len(self.failures), 'failure')}, {self.seconds:.1f} s")


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def doc_keys(paths: list[Path]) -> list[str]:
    """The `doc` key of each file: its stem, or parent/stem where two files share a stem (so the
    combined table can tell them apart), or the whole path without suffix if that still clashes.
    Standard input is `stdin`."""
    stems = ["stdin" if str(p) == STDIN else p.stem for p in paths]
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


def _load(path: str, key: str, year: int | None):
    from reportx.extraction import load, load_bytes

    if path == STDIN:
        return load_bytes(sys.stdin.buffer.read(), key, name="<stdin>", year=year)
    return load(path, key=key, year=year)


def read_one(path: str, key: str, rule_dirs: tuple[str, ...] = (), year: int | None = None,
             keep_document: bool = False, keep: Callable[[object], bool] | None = None,
             encode: Callable[[list], object] | None = None) -> Outcome:
    """Read and extract one file. Never raises for a bad file: its reason is in the outcome.
    With `encode`, the outcome's claims are encode(the claims `keep` keeps), and it counts
    them (found, kept)."""
    from reportx.extraction import extract_document

    found = kept = payload = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportxWarning)
        try:
            doc = _load(path, key, year)
            claims = _share_strings(extract_document(doc, _rules(rule_dirs)))
            if encode is not None:
                chosen = claims if keep is None else [c for c in claims if keep(c)]
                found, kept, payload = len(claims), len(chosen), encode(chosen)
            reason = None
        except ReportxError as exc:
            doc, claims, reason = None, [], str(exc)
            # the caller reports (path, reason): the path once is enough
            if reason.startswith(f"{path}: "):
                reason = reason[len(path) + 2:]
        except RecursionError:
            doc, claims, reason = None, [], "text too deeply nested to read"
        except MemoryError:
            doc, claims, reason = None, [], "out of memory"
        except Exception as exc:  # a bug must not sink the batch: report it with the file
            doc, claims = None, []
            reason = f"internal error ({type(exc).__name__}: {exc}); please report it"
    notes = [str(w.message) for w in caught if issubclass(w.category, ReportxWarning)]
    if doc is not None and (unread := unread_parts(path, doc, claims)):
        notes.append(unread)
    if kept is not None:
        claims = payload
    return Outcome(path, claims, reason, doc if keep_document else None, tuple(notes),
                   found, kept)


def unread_parts(path: str, doc, claims: list) -> str | None:
    """A warning when no claim could be told achieved or planned (so period and kind are blank),
    saying why: no year in the header, or no part reads as a review or a plan."""
    if not claims or any(c.kind for c in claims):
        return None
    if doc.year is None:
        return (f"{path}: no year in its header, so period and kind are blank; "
                "give the report's year (--year YEAR)")
    return (f"{path}: no part reads as a review or a plan (no such headings), so period and "
            "kind are blank")


def extract_one(path: str, key: str, rule_dirs: tuple[str, ...] = ()) -> tuple[list, str | None]:
    """(claims, None) for a file, or ([], reason) when it fails. Never raises for a bad file."""
    out = read_one(path, key, rule_dirs)
    return out.claims, out.reason


def _in_parent(path: Path) -> bool:
    """Standard input, a FIFO or a device: only the calling process can read it."""
    if str(path) == STDIN:
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # missing: a worker names the problem like any other


@dataclass
class _Item:
    path: Path
    key: str
    future: Future | None = None   # None: read in the calling process
    generation: int = 0


def iter_reports(paths: Iterable[str | Path], *, jobs: int | None = None,
                 rule_dirs: Iterable[str | Path] = (), year: int | None = None,
                 documents: bool = False, keep: Callable[[object], bool] | None = None,
                 encode: Callable[[list], object] | None = None) -> Iterator[Outcome]:
    """Yield an Outcome for each file, in input order.

    Nothing is kept once yielded, so a caller that writes as it goes runs any number of files
    in flat memory. year: the reports' year where a header does not say it. documents: include
    each Document (for views that need the text). keep, encode: filter and encode each file's
    claims where it is read (see extract_paths). Raises RuleError for a broken rule folder
    before reading any file."""
    paths = [Path(p) for p in paths]
    rule_dirs = tuple(str(d) for d in rule_dirs)
    keys = doc_keys(paths)
    _rules(rule_dirs)  # validate (and load, so that forked workers inherit it) up front
    task = partial(read_one, rule_dirs=rule_dirs, year=year, keep_document=documents,
                   keep=keep if encode is not None else None, encode=encode)
    pooled = sum(1 for p in paths if not _in_parent(p))
    jobs = min(default_jobs() if jobs is None else max(1, int(jobs)), pooled)
    if jobs <= 1:
        for p, k in zip(paths, keys):
            yield task(str(p), k)
        return
    yield from _pooled(paths, keys, task, jobs)


def _pooled(paths: list[Path], keys: list[str], task, jobs: int) -> Iterator[Outcome]:
    from concurrent.futures.process import BrokenProcessPool

    window = jobs * 4  # files in flight: enough to keep every worker busy, few enough to stay flat
    workers = Workers(jobs)
    pending: deque[_Item] = deque()
    todo = iter(zip(paths, keys))
    finished = False
    try:
        while True:
            # after a worker died, the files it may have held run alone before any new one
            recovering = any(i.future is not None and i.generation < workers.generation
                             for i in pending)
            while not recovering and len(pending) < window:
                nxt = next(todo, None)
                if nxt is None:
                    break
                item = _Item(*nxt)
                if not _in_parent(item.path):
                    item.future, item.generation = workers.submit(task, str(item.path), item.key)
                pending.append(item)
            if not pending:
                finished = True
                return
            item = pending.popleft()
            if item.future is None:
                yield task(str(item.path), item.key)
                continue
            try:
                yield _result(item.future, workers)
            except BrokenProcessPool:
                if item.generation == workers.generation:
                    workers.restart()
                yield _alone(workers, task, item)
    finally:
        workers.close(kill=not finished)


def _result(future: Future, workers: Workers) -> Outcome:
    """The future's outcome. The pool reports a dead worker by itself, except when the worker
    died half-way through sending a result (its manager then waits for the rest): a dead
    worker seen while waiting counts as a broken pool too."""
    from concurrent.futures.process import BrokenProcessPool

    while True:
        try:
            return future.result(timeout=0.5)
        except TimeoutError:
            if workers.lost_one():
                raise BrokenProcessPool("a worker process died") from None


def _alone(workers: Workers, task, item: _Item) -> Outcome:
    """Run a file again with nothing else in the pool: if its worker dies again, it is the
    file that kills it."""
    from concurrent.futures.process import BrokenProcessPool

    future, _ = workers.submit(task, str(item.path), item.key)
    try:
        return _result(future, workers)
    except BrokenProcessPool:
        workers.restart()
        return Outcome(str(item.path), [], DIED)


def iter_extract(paths: Iterable[str | Path], *, jobs: int | None = None,
                 rule_dirs: Iterable[str | Path] = ()) -> Iterator[tuple[str, list, str | None]]:
    """Yield (path, claims, failure reason or None) for each file, in input order: the short
    form of `iter_reports`."""
    for out in iter_reports(paths, jobs=jobs, rule_dirs=rule_dirs):
        yield out.path, out.claims, out.reason


def extract_paths(paths: Iterable[str | Path], *, jobs: int | None = None,
                  rule_dirs: Iterable[str | Path] = (), progress: Progress | None = None,
                  on_claims: Callable[[list], None] | None = None,
                  keep: Callable[[object], bool] | None = None,
                  year: int | None = None,
                  encode: Callable[[list], object] | None = None) -> BatchResult:
    """Claims of every file, files in input order, and the files that failed with their reasons.

    jobs:      worker processes (default: all cores; 1 runs in this process).
    rule_dirs: folders of the user's own rule files, added to the bundled ones.
    progress:  called as progress(path, ok) after each file (see reportx.progress.progress_bar).
    on_claims: called with each file's claims, in input order, instead of collecting them in
               `result.claims` (which then stays empty; `claim_count` still counts): a caller
               that writes JSON Lines or CSV as it goes keeps memory flat for any batch size.
    keep:      a test of a claim; only claims it passes are kept and counted (`found` counts all).
    year:      the reports' year where a header does not say it.
    encode:    a function of a file's kept claims (`reportx.output.writers.RowEncoder`, say),
               run where the file is read, so that only what it returns (the rows' text) comes
               back from a worker: on_claims then gets encode(claims), not the claims. It and
               `keep` must be picklable (module-level functions or objects) to reach workers.
    """
    if encode is not None and on_claims is None:
        raise ValueError("encode needs on_claims: the encoded claims are handed to it")
    started = time.perf_counter()
    result = BatchResult()
    outcomes = iter_reports(paths, jobs=jobs, rule_dirs=rule_dirs, year=year, keep=keep,
                            encode=encode)
    try:
        for out in outcomes:
            result.files += 1
            result.warnings.extend(out.warnings)
            if out.reason is None and out.kept is not None:   # filtered and encoded already
                result.found += out.found
                result.claim_count += out.kept
                on_claims(out.claims)
            elif out.reason is None:
                result.found += len(out.claims)
                claims = out.claims if keep is None else [c for c in out.claims if keep(c)]
                result.claim_count += len(claims)
                if on_claims is not None:
                    on_claims(claims)
                else:
                    result.claims.extend(claims)
            else:
                result.failures.append((out.path, out.reason))
            if progress is not None:
                progress(out.path, out.reason is None)
    finally:
        outcomes.close()  # an error above stops the workers now, not when garbage is collected
    result.seconds = time.perf_counter() - started
    return result
