"""YAML as every factcheck file reads it: strictly, and with bounded cost.

Used for the fact base, Markdown front matter, expectation files and the review store.
PyYAML on its own keeps the last of two equal keys without a word (a second
``locations:`` silently drops the first list), expands aliases without limit (a few
hundred bytes can stand for gigabytes) and follows recursive aliases. Here the document is
composed to a node tree first and checked before anything is built:

- a key repeated in one mapping is an error naming both lines;
- the tree, counted with aliases expanded, may hold at most ``MAX_NODES`` nodes, and nest
  at most ``MAX_DEPTH`` levels; a recursive alias is an error.

Errors are ``YamlProblem`` with the line and column; callers add the file name and turn
them into their own error type.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_NODES = 2_000_000  # expanded; a 100k-entity fact base has well under this
MAX_DEPTH = 64

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster on big files


class YamlProblem(ValueError):
    """What is wrong with a YAML text, and where (1-based line and column, when known)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column

    def where(self, source: str) -> str:
        if self.line is None:
            return source
        return f"{source}:{self.line}" + (f":{self.column}" if self.column else "")


def compose(text: str, first_line: int = 1) -> yaml.Node | None:
    """The node tree of a one-document YAML text, checked (see the module docstring).
    ``first_line`` is the text's first line in its file (front matter starts on line 2)."""
    shift = first_line - 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise YamlProblem(f"broken YAML: {problem}", mark.line + 1 + shift if mark else None, mark.column + 1 if mark else None) from None
    finally:
        loader.dispose()
    if node is not None:
        try:
            check_tree(node, shift)
        except YamlProblem as problem:
            raise problem from None
    return node


def construct(node: yaml.Node | None) -> Any:
    """Python data from a checked node tree."""
    if node is None:
        return None
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise YamlProblem(f"broken YAML: {getattr(error, 'problem', None) or error}", mark.line + 1 if mark else None) from None
    except (ValueError, TypeError, OverflowError) as error:  # e.g. a timestamp like 2026-01-31T25:99:00
        raise YamlProblem(f"a value cannot be read: {error}") from None
    finally:
        loader.dispose()


def load(text: str, first_line: int = 1) -> Any:
    """Parse a YAML text strictly: duplicate keys, alias bombs and deep nesting are errors."""
    return construct(compose(text, first_line))


def _line(node: yaml.Node, shift: int = 0) -> int:
    return node.start_mark.line + 1 + shift


def check_tree(root: yaml.Node, shift: int = 0) -> None:
    """Reject duplicate keys, recursive aliases, too deep nesting and too many nodes once
    aliases are expanded. Iterative, so a deep document cannot overflow the stack."""
    expanded: dict[int, int] = {}  # id(node) -> node count with aliases expanded
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            children = _children(node)
            total = 1 + sum(expanded[id(child)] for child in children)
            if total > MAX_NODES:
                raise YamlProblem(f"the document expands to more than {MAX_NODES:,} values (aliases reused too often); "
                                  "write the data out instead of repeating aliases", _line(node, shift))
            expanded[key] = total
            continue
        if key in expanded:
            continue
        if key in on_path:
            raise YamlProblem("a recursive alias (an anchor used inside itself)", _line(node, shift))
        if depth > MAX_DEPTH:
            raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", _line(node, shift))
        if isinstance(node, yaml.MappingNode):
            _check_keys(node, shift)
        on_path.add(key)
        stack.append((node, depth, True))
        for child in _children(node):
            if id(child) not in expanded:
                stack.append((child, depth + 1, False))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_keys(node: yaml.MappingNode, shift: int = 0) -> None:
    seen: dict[str, int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if key.tag == "tag:yaml.org,2002:merge":
            continue
        if key.value in seen:
            raise YamlProblem(f"key {key.value!r} appears twice in one mapping (first at line {seen[key.value]}); "
                              "YAML would keep only the last one: merge them", _line(key, shift), key.start_mark.column + 1)
        seen[key.value] = _line(key, shift)
