"""The strict YAML loader of rule files (see rules_io): bounded depth and size, no duplicate
keys. A module of its own so that PyYAML is imported only when a rule file must be parsed,
not when every file is remembered in the cache."""
from __future__ import annotations

import yaml

from reportx.engine.rules_io import MAX_DEPTH, MAX_VALUES
from reportx.errors import RuleError


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


def parse(raw: str, path):
    """The data of a rule file's text; RuleError naming `path` and the line for any problem."""
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
    return data
