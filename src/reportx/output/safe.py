"""Where output bytes go, without damaging what is there.

What `-o PATH` does depends on what PATH is (looked at without following links):

- nothing yet: the output is written to a hidden temporary file in the same folder and renamed
  into place when complete, with the mode a new file gets (0666 less the umask);
- a regular file with one name: the same, then renamed over it (atomic: a reader sees the old
  file or the new one, never half of one); the old file's mode is kept;
- a symbolic link, a file with other hard links, a FIFO or a device (`/dev/stdout`, `/dev/null`):
  written *through*, so the link and the other names stay what they are and a FIFO's reader
  gets the data. A regular file behind it is written only once the output is complete;
- `-` (or no PATH): standard output; `/dev/stdout`, `/dev/fd/N`: that open descriptor, as the
  shell opened it (appending, when it was opened with `>>`).

An interrupted or failed write (an error, Ctrl-C, SIGTERM) removes its temporary file.

    >>> from pathlib import Path
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with opened(folder / "out.txt", binary=False) as fh:
    ...     _ = fh.write("hello")
    >>> (folder / "out.txt").read_text()
    'hello'
"""
from __future__ import annotations

import errno
import io
import os
import re
import secrets
import shutil
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator

from reportx.errors import OutputError

STDOUT = "-"


def is_stdout(path: str | os.PathLike | None) -> bool:
    """No path, or `-`: the output goes to standard output."""
    return path is None or str(path) == STDOUT


def refuse_inputs(output: str | os.PathLike | None, inputs: Iterable[str | os.PathLike]) -> None:
    """Raise OutputError when the output names one of the inputs (by any name or link), so
    `extract report.txt -o report.txt` can never overwrite a report."""
    if is_stdout(output):
        return
    try:
        out = os.stat(output)
    except OSError:
        return  # a file that does not exist yet is nobody's input
    if not stat.S_ISREG(out.st_mode):
        return  # a FIFO or a device is not overwritten
    for path in inputs:
        try:
            st = os.stat(path)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            raise OutputError(f"{output}: is one of the inputs ({path}); write the output elsewhere")


def check_target(path: str | os.PathLike) -> None:
    """Fail early, before any work, when the output cannot be written there."""
    p = Path(path)
    if p.is_dir():
        raise OutputError(f"{p}: is a folder; give a file name")
    folder = p.parent
    if not os.path.lexists(p) and not folder.is_dir():
        raise OutputError(f"{p}: folder {folder} does not exist")


def _cannot_write(path, exc: OSError) -> OutputError:
    return OutputError(f"{path}: cannot write ({exc.strerror or exc})")


@contextmanager
def opened(path: str | os.PathLike | None, *, binary: bool, encoding: str = "utf-8",
           stdout: IO | None = None) -> Iterator[IO]:
    """A handle to write the output to; see the module docstring for where it lands.

    Any OSError while writing becomes one OutputError naming the path."""
    if is_stdout(path):
        stream = stdout or sys.stdout
        yield getattr(stream, "buffer", stream) if binary else stream
        stream.flush()
        return
    path = Path(path)
    check_target(path)
    fd = _own_descriptor(path)
    if fd is not None:  # /dev/stdout, /dev/fd/3: our own open file, as the shell opened it
        try:
            with open(os.dup(fd), "wb") as raw:
                fh = raw if binary else io.TextIOWrapper(raw, encoding=encoding, newline="")
                yield fh
                fh.flush()
        except OSError as exc:
            raise _cannot_write(path, exc) from None
        return
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    replace = st is None or (stat.S_ISREG(st.st_mode) and st.st_nlink == 1)
    writer = _replacing if replace else _through
    try:
        with writer(path, st) as raw:
            fh = raw if binary else io.TextIOWrapper(raw, encoding=encoding, newline="")
            yield fh
            fh.flush()
            if not binary:
                fh.detach()
    except OSError as exc:
        raise _cannot_write(path, exc) from None


_FD_LINK = re.compile(r"/(?:proc/self|proc/\d+|dev)/fd/(\d+)")


def _own_descriptor(path: Path) -> int | None:
    """The descriptor a path names when it is one of this process's open files (/dev/stdout →
    /proc/self/fd/1): written through that descriptor, so `-o /dev/stdout >> log` appends as
    the shell arranged instead of truncating the log."""
    current = str(path)
    for _ in range(8):
        m = _FD_LINK.fullmatch(current)
        if m and (current.startswith(("/proc/self/", "/dev/")) or
                  current.startswith(f"/proc/{os.getpid()}/")):
            return int(m.group(1))
        try:
            target = os.readlink(current)
        except OSError:
            return None
        current = os.path.normpath(os.path.join(os.path.dirname(current), target))
    return None


@contextmanager
def _replacing(path: Path, old: os.stat_result | None) -> Iterator[IO[bytes]]:
    """A temporary file in the target's folder, put in place when the body ends without error."""
    fd, name = _temporary(path.parent, path.name)
    raw = os.fdopen(fd, "wb")
    try:
        yield raw
        raw.flush()
        if old is not None:
            os.fchmod(raw.fileno(), stat.S_IMODE(old.st_mode))
            try:
                os.fchown(raw.fileno(), old.st_uid, old.st_gid)
            except OSError:
                pass  # not ours to give away: the file keeps its mode, the owner is us
        os.replace(name, path)
        name = None
    finally:
        _close_quietly(raw)
        if name is not None:
            try:
                os.unlink(name)
            except OSError:
                pass


def _temporary(folder: Path, name: str) -> tuple[int, Path]:
    """An open hidden file beside the target, created with mode 0666 so that the umask applies."""
    for _ in range(100):
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
    raise OSError(errno.EEXIST, "no free temporary name")


@contextmanager
def _through(path: Path, st: os.stat_result) -> Iterator[IO[bytes]]:
    """Write through a link, a hard-linked file, a FIFO or a device. A regular file behind it is
    written only when the output is complete (staged in an anonymous temporary file), so a
    failure before then leaves it as it was."""
    try:
        target = os.stat(path)
    except FileNotFoundError:
        target = None  # a link to nothing yet: the file is created behind it
    if target is not None and not stat.S_ISREG(target.st_mode):
        raw = open(path, "wb")
        try:
            yield raw
            raw.flush()
        finally:
            _close_quietly(raw)
        return
    folder = Path(os.path.realpath(path)).parent
    try:
        staged = tempfile.TemporaryFile(dir=folder)
    except OSError:
        staged = tempfile.TemporaryFile()
    with staged:
        yield staged
        staged.flush()
        staged.seek(0)
        with open(path, "wb") as out:
            shutil.copyfileobj(staged, out, 1 << 20)


def _close_quietly(fh: IO) -> None:
    """Close without a second error: the first one is already on its way."""
    try:
        fh.close()
    except OSError:
        pass
