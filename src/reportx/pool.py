"""A pool of worker processes that can be replaced when one of its workers dies, and that
never leaves a worker behind.

Each worker ignores Ctrl-C and takes SIGTERM's default (the parent stops the pool), and on Linux
asks the kernel to kill it when its parent dies, even by `kill -9`. Stopping the pool early
kills its workers at once rather than after their current file.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Iterator

def worker_init(parent: int) -> None:
    """Workers leave Ctrl-C and SIGTERM to the parent, which stops the pool, and die with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)  # not the CLI's handler, inherited by fork
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)  # forked while they were held
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _die_with_parent() -> None:
    """Linux: have the kernel send SIGKILL to this process when its parent dies."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Workers:
    """A process pool that can be replaced when one of its workers dies."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool = None
        self.generation = 0

    def _new(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork shares the parent's loaded rules and jieba's dictionary with every worker; where
        # fork is unavailable (Windows, macOS default) workers load them once each.
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx,
                                   initializer=worker_init, initargs=(os.getpid(),))

    def submit(self, fn, *args) -> tuple[Future, int]:
        from concurrent.futures.process import BrokenProcessPool

        with signals_held():
            if self.pool is None:
                self.pool = self._new()
            try:
                return self.pool.submit(fn, *args), self.generation
            except BrokenProcessPool:
                self.restart()
                return self.pool.submit(fn, *args), self.generation

    def lost_one(self) -> bool:
        """A worker of the pool has died."""
        processes = (getattr(self.pool, "_processes", None) or {}).values()
        return any(p.exitcode is not None for p in list(processes))

    def restart(self) -> None:
        with signals_held():
            self.close(kill=True)
            self.pool = self._new()
            self.generation += 1

    def close(self, kill: bool) -> None:
        """Stop the pool; kill=True ends the workers now rather than after their file."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if kill:
            _kill_workers(pool)
        try:
            pool.shutdown(wait=True, cancel_futures=True)
        except RuntimeError:
            pass  # stopped before its manager thread had started: nothing to join


def _kill_workers(pool) -> None:
    """End a pool's workers now. A worker killed while sending a result leaves half a message
    in the result pipe, and the pool's manager thread would wait for the rest for ever; once
    the workers are dead, closing this process's own end of that pipe gives it an end of file
    instead, and it shuts down as for a broken pool."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for proc in processes:
        try:
            proc.kill()
        except (OSError, ValueError, AttributeError):
            pass
    for proc in processes:
        try:
            proc.join(5)
        except (OSError, ValueError, AttributeError, AssertionError):
            pass
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass


# Signals that stop a run. They wait while a pool forks its workers and starts its thread: an
# exception raised in the middle of a fork is swallowed by the fork's own hooks ("Exception
# ignored in _releaseLock") and would leave a half-made pool; the threads the pool starts
# keep them blocked, so they always reach the main thread.
HELD = frozenset(s for s in (getattr(signal, n, None) for n in ("SIGINT", "SIGTERM", "SIGHUP")) if s)


@contextmanager
def signals_held() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
