"""Strict YAML reading for rule files (the loader is in yaml_strict.py): duplicate keys and syntax errors raise RuleError naming the
file (PyYAML on its own silently keeps the last of two equal keys).

A rule file is also bounded in shape, checked while it is composed, before anything walks it: at
most MAX_DEPTH levels of nesting (20,000 nested brackets would otherwise end in a RecursionError)
and at most MAX_VALUES values once its aliases are expanded (a 1 KB "billion laughs" file of
nested aliases expands to 10^9 and would run until memory runs out). The bundled files have 7
levels and under 1,000 values.

PyYAML's pure-Python loader takes about 60 ms for the bundled files, more than the rest of a
start-up; so a file that parsed is remembered in the per-user cache folder (one small file per
rule file, holding a digest of its text and what it parsed to), and read back in about a
millisecond while its text stays the same. Only what parsed strictly is remembered, so every
problem is still found and named; a cache that cannot be read or written is not used.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

from reportx.errors import RuleError
from reportx.paths import user_cache_dir


MAX_DEPTH = 50
MAX_VALUES = 100_000
# Part of every cache digest: a change to what is accepted (the bounds above, the loader's own
# text in yaml_strict.py) or to Python's marshal format makes every remembered file stale.
_CACHE_SALT = ":".join([str(MAX_DEPTH), str(MAX_VALUES), str(marshal.version), sys.version,
                        hashlib.sha256(Path(__file__).with_name("yaml_strict.py").read_bytes())
                        .hexdigest()])


def load_yaml(path: Path):
    """Parse one YAML file strictly."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(path, None, f"cannot read: {exc}") from None
    digest = hashlib.sha256(f"{_CACHE_SALT}\n{raw}".encode("utf-8", "surrogatepass")).hexdigest()
    cache = _cache_path(path)
    found = _remembered(cache, digest)
    if found is not None:
        return found[0]
    from reportx.engine.yaml_strict import parse  # PyYAML only when a file must be parsed

    data = parse(raw, path)
    _remember(cache, digest, data)
    return data


def _cache_path(path: Path) -> Path | None:
    try:
        where = str(Path(path).resolve())
    except (OSError, RuntimeError):
        return None
    name = hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return user_cache_dir() / "rules" / f"{name}.marshal"


def _remembered(cache: Path | None, digest: str) -> tuple | None:
    """(data,) as remembered for a file whose text has this digest, or None."""
    if cache is None:
        return None
    try:
        with open(cache, "rb") as f:
            kept = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == digest:
        return (kept[1],)
    return None


def _remember(cache: Path | None, digest: str, data) -> None:
    if cache is None:
        return
    try:
        blob = marshal.dumps((digest, data))
    except ValueError:  # a value marshal cannot hold (a YAML date, say): parse it each time
        return
    tmp = None
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
        os.replace(tmp, cache)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
