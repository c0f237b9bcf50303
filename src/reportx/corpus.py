"""Which files a name on the command line means.

- `-` is standard input; a path to a file is that file (a FIFO or `/dev/stdin` included);
- a folder is every report-like file in it (`recursive`: in its sub-folders too), less those
  matching an `exclude` pattern;
- a glob pattern is its matching files;
- any other word names a report in the corpus folders (the bundled seeds, `--corpus` folders,
  REPORTX_CORPUS), case-insensitively: the file stem exactly (guigang-2024), else the city of a
  text report's header (贵港市, or 贵港 without its last character), else a *unique* start of
  stems that ends where the stem has a separator (guigang → guigang-2024, but not g or guigan).
  A name that means several reports is an error listing them; so is one that means none, with
  the nearest known names.

Report-like: a report suffix (.txt, .html, .docx, .doc, .pdf …), not hidden, not an editor's lock or
backup file, and for the text kinds some Chinese in the first few kilobytes (so a folder's
README.md is no report). An empty or damaged file with a report suffix stays in, to be named
with its problem.

    >>> resolve("guigang")[0].name
    'guigang-2024.txt'
"""
from __future__ import annotations

import difflib
import fnmatch
import glob
import os
import re
import stat
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from reportx.errors import AmbiguousName, InputError
from reportx.paths import seeds_dir

REPORT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".mhtml", ".mht", ".docx", ".doc",
                   ".wps", ".odt", ".rtf", ".pdf", ".ofd")
# Plain-text kinds, whose first kilobytes must show Chinese; a page's may all be markup.
TEXT_SUFFIXES = (".txt", ".text", ".md")
STDIN = "-"
# How much of a text file is read to tell whether it holds Chinese, and to read its city.
HEAD_BYTES = 4096
# Where a stem may be cut for a name to be its start: guigang-2024, hailar_2013, x.y.
_SEPARATORS = "-_. "
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def corpus_dirs(extra: Sequence[str | os.PathLike] | None = None) -> list[Path]:
    """The folders names resolve in: the bundled seeds, then `extra`, then REPORTX_CORPUS."""
    dirs = [seeds_dir()]
    dirs += [Path(p) for p in (extra or [])]
    env = os.environ.get("REPORTX_CORPUS")
    if env:
        dirs += [Path(p) for p in env.split(os.pathsep) if p]
    return [d for d in dirs if d.is_dir()]


def _ignored_name(name: str) -> bool:
    """Hidden files, editors' lock and backup files."""
    return name.startswith((".", "~$", "#")) or name.endswith("~")


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError:
        return b""


def _head_text(data: bytes) -> str:
    """The start of a text file, decoded leniently (a cut-off last character is fine)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="ignore")
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError as exc:
            if exc.start > len(data) - 4:  # only the last character is cut
                return data[:exc.start].decode(codec, errors="ignore")
    return data.decode("utf-8", errors="ignore")


def _version(path: Path) -> tuple | None:
    """What identifies a file's content for the caches below: its size and change time."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def report_like(path: Path) -> bool:
    """A file a folder of reports is expected to hold (see the module docstring)."""
    if _ignored_name(path.name) or path.suffix.lower() not in REPORT_SUFFIXES:
        return False
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return True
    return _text_report_like(str(path), _version(path))


@lru_cache(maxsize=8192)
def _text_report_like(name: str, version) -> bool:
    data = _head(Path(name))
    if not data.strip() or b"\x00" in data[:512]:
        return True  # empty, binary or UTF-16: read, and named with its problem if it has one
    text = _head_text(data)
    return bool(_HAN.search(text)) or _looks_binary(text)


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > max(2, len(text) // 100)


def reports_in(folder: Path, *, recursive: bool = False,
               exclude: Sequence[str] = ()) -> list[Path]:
    """The report-like files of a folder, sorted, hidden sub-folders skipped."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _ignored_name(d)) if recursive else []
        base = Path(root)
        for name in files:
            p = base / name
            if _excluded(p, folder, exclude) or not p.is_file():
                continue
            if report_like(p):
                found.append(p)
    return sorted(found)


def _excluded(path: Path, folder: Path, patterns: Sequence[str]) -> bool:
    """A pattern matches the file's name or its path below the folder (sub/*.txt)."""
    rel = path.relative_to(folder).as_posix()
    return any(fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(rel, p) for p in patterns)


def _stream_file(p: Path) -> bool:
    """A FIFO, a character device or a socket: read as a report's bytes, like a file."""
    try:
        mode = p.stat().st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


def resolve(name: str, extra_dirs: Sequence[str | os.PathLike] | None = None, *,
            recursive: bool = False, exclude: Sequence[str] = ()) -> list[Path]:
    """Files for one command-line name; InputError when it means none, or several reports."""
    if name == STDIN:
        return [Path(STDIN)]
    p = Path(name)
    if p.is_file() or _stream_file(p):
        return [p]
    if p.is_dir():
        found = reports_in(p, recursive=recursive, exclude=exclude)
        if not found:
            where = "or its sub-folders " if recursive else ""
            raise InputError(f"{name}: folder {where}holds no report files "
                             f"({', '.join(REPORT_SUFFIXES)})")
        return found
    if any(ch in name for ch in "*?["):
        found = sorted(Path(m) for m in glob.glob(name, recursive=True)
                       if Path(m).is_file() and not _excluded_glob(Path(m), exclude))
        if not found:
            raise InputError(f"{name}: no file matches this pattern")
        return found
    return [find_report(name, extra_dirs)]


def _excluded_glob(path: Path, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(path.as_posix(), p) for p in patterns)


def find_report(name: str, extra_dirs: Sequence[str | os.PathLike] | None = None) -> Path:
    """The one report a name means in the corpus folders (see the module docstring).

    Raises InputError when no report has that name, or when it means several (listed)."""
    if not name.strip():
        raise InputError("an empty name names no report")
    candidates = [f for d in corpus_dirs(extra_dirs) for f in reports_in(d)]
    matches = _matching(name, candidates)
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(_shown(f) for f in matches[:10]) + (" …" if len(matches) > 10 else "")
        raise AmbiguousName(f"{name}: means {len(matches)} reports ({listed}); give one of them")
    if os.sep in name or "/" in name or Path(name).suffix.lower() in REPORT_SUFFIXES:
        raise InputError(f"{name}: no such file")
    stems = sorted({f.stem for f in candidates})
    near = difflib.get_close_matches(name.casefold(), [s.casefold() for s in stems], n=3, cutoff=0.6)
    hint = f"did you mean {', '.join(near)}?" if near else f"known: {', '.join(stems) or 'none'}"
    raise InputError(f"{name}: not a file and not a known report ({hint})")


def _shown(f: Path) -> str:
    return str(f) if f.parent != seeds_dir() else f.stem


def _matching(name: str, candidates: list[Path]) -> list[Path]:
    """Exact stem, else exact city, else a unique separator-bounded start of stems."""
    want = name.casefold()
    exact = [f for f in candidates if f.stem.casefold() == want]
    if exact:
        return exact
    by_city = [f for f in candidates if _city_matches(want, city_of(f))]
    if by_city:
        return by_city
    return [f for f in candidates
            if f.stem.casefold().startswith(want) and len(f.stem) > len(want)
            and f.stem[len(want)] in _SEPARATORS]


def _city_matches(want: str, city: str | None) -> bool:
    """贵港市 is named by 贵港市 or 贵港 (the city without its one-character level word)."""
    if not city:
        return False
    city = city.casefold()
    return want == city or (len(city) > 2 and want == city[:-1])


def city_of(path: Path) -> str | None:
    """The city in the header of a text report (read from its first few kilobytes only)."""
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return None
    return _city(str(path), _version(path))


@lru_cache(maxsize=8192)
def _city(name: str, version) -> str | None:
    path = Path(name)
    text = _head_text(_head(path))
    if not _HAN.search(text):
        return None
    from reportx.engine.document import build_document

    return build_document(text, key=path.stem).city


def resolve_all(names: Iterable[str], extra_dirs: Sequence[str | os.PathLike] | None = None, *,
                recursive: bool = False, exclude: Sequence[str] = ()) -> list[Path]:
    """Every file the names mean, each once, in the order given."""
    seen, out = set(), []
    for n in names:
        for f in resolve(n, extra_dirs, recursive=recursive, exclude=exclude):
            k = f if str(f) == STDIN else f.resolve()
            if k not in seen:
                seen.add(k)
                out.append(f)
    return out
