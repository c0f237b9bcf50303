"""Which files a name on the command line means.

A path is read as a file; a folder means every report in it; a glob pattern its matches; any other
word resolves to a report in the corpus folders (the bundled seeds, then `--corpus` folders and
REPORTX_CORPUS) by file-stem prefix (guigang → guigang-2024.txt) or by the city in the report's
header (贵港, 贵港市).
"""
from __future__ import annotations

import glob
import os
from pathlib import Path

from reportx.errors import InputError
from reportx.paths import seeds_dir

REPORT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".mhtml", ".mht", ".docx", ".pdf")


def corpus_dirs(extra: list[str | Path] | None = None) -> list[Path]:
    dirs = [seeds_dir()]
    dirs += [Path(p) for p in (extra or [])]
    env = os.environ.get("REPORTX_CORPUS")
    if env:
        dirs += [Path(p) for p in env.split(os.pathsep) if p]
    return [d for d in dirs if d.is_dir()]


def reports_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)


def _city_of(path: Path) -> str:
    if path.suffix.lower() not in (".txt", ".text", ".md"):
        return ""
    try:
        with path.open("rb") as fh:
            return fh.read(800).decode("utf-8", errors="ignore")
    except OSError:
        return ""


def resolve(name: str, extra_dirs: list[str | Path] | None = None) -> list[Path]:
    """Files for one command-line name; InputError when nothing matches."""
    p = Path(name)
    if p.is_file():
        return [p]
    if p.is_dir():
        found = reports_in(p)
        if not found:
            raise InputError(f"{name}: folder holds no report files ({', '.join(REPORT_SUFFIXES)})")
        return found
    if any(ch in name for ch in "*?["):
        found = sorted(Path(m) for m in glob.glob(name, recursive=True) if Path(m).is_file())
        if not found:
            raise InputError(f"{name}: no file matches this pattern")
        return found
    candidates = [f for d in corpus_dirs(extra_dirs) for f in reports_in(d)]
    by_stem = [f for f in candidates if f.stem == name] or \
              [f for f in candidates if f.stem.startswith(name)]
    if by_stem:
        return by_stem
    if not any(sep in name for sep in "/\\.") and name.strip():
        by_city = [f for f in candidates if f"在{name}" in _city_of(f)]
        if by_city:
            return by_city
    if os.sep in name or "." in name:
        raise InputError(f"{name}: no such file")
    known = ", ".join(sorted({f.stem for f in candidates})) or "none"
    raise InputError(f"{name}: not a file and not a known report (known: {known})")


def resolve_all(names: list[str], extra_dirs=None) -> list[Path]:
    """Every file the names mean, each once, in the order given."""
    seen, out = set(), []
    for n in names:
        for f in resolve(n, extra_dirs):
            k = f.resolve()
            if k not in seen:
                seen.add(k)
                out.append(f)
    return out
