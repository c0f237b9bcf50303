"""Strict YAML reading for rule files: duplicate keys and syntax errors raise RuleError naming the
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

import yaml

from reportx.errors import RuleError
from reportx.paths import user_cache_dir


MAX_DEPTH = 50
MAX_VALUES = 100_000
# Part of every cache digest: a change to what this module accepts (the bounds above, the
# loader) or to marshal's format makes every remembered file stale.
_CACHE_SALT = f"rules-yaml-1:{MAX_DEPTH}:{MAX_VALUES}:{marshal.version}:{sys.version}"


class _TooComplex(yaml.YAMLError):
    def __init__(self, problem: str, mark):
        super().__init__(problem)
        self.problem, self.problem_mark = problem, mark


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses deep nesting and alias expansion past the bounds."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self._values: dict[int, int] = {}  # id(node) -> values it holds, aliases expanded

    def compose_node(self, parent, index):
        if self._depth >= MAX_DEPTH:
            raise _TooComplex(f"nested more than {MAX_DEPTH} levels deep",
                              self.peek_event().start_mark)
        self._depth += 1
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if id(node) not in self._values:  # an alias returns a node already counted
            self._values[id(node)] = 1 + sum(self._values.get(id(child), 1)
                                             for child in _children(node))
            if self._values[id(node)] > MAX_VALUES:
                raise _TooComplex(f"aliases expand to more than {MAX_VALUES:,} values "
                                  "(an alias bomb?)", node.start_mark)
        return node


def _children(node):
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def _mapping_no_duplicates(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first at line {seen[key] + 1})",
                key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_no_duplicates)


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
    try:
        data = yaml.load(raw, Loader=_StrictLoader)
    except _TooComplex as exc:
        raise RuleError(path, None, f"line {exc.problem_mark.line + 1}: {exc.problem}; "
                        "a rule file is a few levels of plain lists and mappings") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleError(path, None, f"{where}not valid YAML ({problem})") from None
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
