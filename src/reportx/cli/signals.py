"""SIGTERM and SIGHUP end a run as cleanly as Ctrl-C does: the signal becomes an exception in
the main thread, so every `finally` runs (workers are stopped, temporary files removed, a file
being replaced stays as it was), and the process then dies of that same signal, so the shell and
a supervisor see the usual status (143 for SIGTERM).
"""
from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from typing import Iterator

HANDLED = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)


class Terminated(BaseException):
    """Raised in the main thread by SIGTERM or SIGHUP. A BaseException, like KeyboardInterrupt,
    so that no `except Exception` on the way up mistakes it for a failed file."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise(signum, _frame) -> None:
    for s in HANDLED:  # a second signal while cleaning up must not interrupt the cleanup
        signal.signal(s, signal.SIG_IGN)
    raise Terminated(signum)


@contextmanager
def terminations_raise() -> Iterator[None]:
    """Within the block SIGTERM and SIGHUP raise Terminated; if one escapes the block, the
    process kills itself with the same signal once everything has been cleaned up."""
    old = {s: signal.signal(s, _raise) for s in HANDLED}
    try:
        yield
    except Terminated as stop:
        signal.signal(stop.signum, signal.SIG_DFL)
        os.kill(os.getpid(), stop.signum)
        raise SystemExit(128 + stop.signum)  # where the signal does not end the process
    finally:
        for s, handler in old.items():
            try:
                signal.signal(s, handler)
            except (TypeError, ValueError):
                pass
