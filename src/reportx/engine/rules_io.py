"""Strict YAML reading for rule files: duplicate keys and syntax errors raise RuleError naming the
file (PyYAML on its own silently keeps the last of two equal keys).

A rule file is also bounded in shape, checked while it is composed, before anything walks it: at
most MAX_DEPTH levels of nesting (20,000 nested brackets would otherwise end in a RecursionError)
and at most MAX_VALUES values once its aliases are expanded (a 1 KB "billion laughs" file of
nested aliases expands to 10^9 and would run until memory runs out). The bundled files have 7
levels and under 1,000 values.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from reportx.errors import RuleError


MAX_DEPTH = 50
MAX_VALUES = 100_000


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
    try:
        return yaml.load(raw, Loader=_StrictLoader)
    except _TooComplex as exc:
        raise RuleError(path, None, f"line {exc.problem_mark.line + 1}: {exc.problem}; "
                        "a rule file is a few levels of plain lists and mappings") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleError(path, None, f"{where}not valid YAML ({problem})") from None
