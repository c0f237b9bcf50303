"""The STEM=VALUE lists a held-out folder keeps beside its texts: `years.txt` (the report's year
for an excerpt with no dated header) and `sources.txt` (the whole report an excerpt was cut from).
One entry a line; blank lines and lines opening with # are skipped."""
from __future__ import annotations

from pathlib import Path


def read_stem_list(path: Path) -> dict[str, str]:
    """STEM → VALUE of a list file, {} when there is none."""
    if not path.exists():
        return {}
    pairs = (line.strip().split("=", 1) for line in path.read_text(encoding="utf-8").splitlines()
             if "=" in line and not line.lstrip().startswith("#"))
    return {stem.strip(): value.strip() for stem, value in pairs}
