"""Reading the fact base: every YAML file under a folder, merged, with file:line errors.

Schema problems come back as ``FactProblem`` rows (``facts validate`` reports them all);
a file that cannot be read at all raises ``FactBaseError`` (exit 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from factcheck.facts.schema import FactBase, FactBaseError, FactFile, FactProblem


def fact_files(directory: Path) -> list[Path]:
    directory = Path(directory)
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise FactBaseError(f"{directory}: fact base folder not found (pass --facts DIR)")
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _line_map(node: yaml.Node, path: tuple = (), into: dict | None = None) -> dict[tuple, int]:
    """1-based line of every mapping key / sequence item, by its path in the document."""
    into = {} if into is None else into
    into.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            into[child] = key.start_mark.line + 1
            _line_map(value, child, into)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = path + (index,)
            into[child] = item.start_mark.line + 1
            _line_map(item, child, into)
    return into


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster on big fact bases


def _read_yaml(path: Path) -> tuple[Any, dict[tuple, int]]:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise FactBaseError(f"{path}: not valid UTF-8 at byte {error.start}; save it as UTF-8") from None
    except OSError as error:
        raise FactBaseError(f"{path}: cannot read: {error.strerror}") from None
    loader = _Loader(text)
    try:  # one parse gives both the node tree (for line numbers) and the data
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = getattr(error, "problem", None) or str(error)
        raise FactBaseError(f"{where}: broken YAML: {problem}") from None
    finally:
        loader.dispose()
    return data, (_line_map(node) if node is not None else {})


def _path_text(loc: tuple) -> str:
    return " -> ".join(str(part) for part in loc)


def load_fact_base(directory: Path) -> tuple[FactBase, list[FactProblem]]:
    """Read every fact file; schema problems come back as FactProblems with file and line."""
    base = FactBase()
    problems: list[FactProblem] = []
    for path in fact_files(directory):
        data, lines = _read_yaml(path)
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append(FactProblem(file=str(path), line=1, path="", code="F001", message="a fact file is a mapping with sources/entities/locations/tenures/events"))
            continue
        try:
            content = FactFile.model_validate(data)
        except ValidationError as error:
            for item in error.errors():
                loc = tuple(item["loc"])
                line = _closest_line(lines, loc)
                message = item["msg"].removeprefix("Value error, ")
                if item["type"] == "extra_forbidden":
                    message = f"unknown field {loc[-1]!r}: check its spelling, or remove it"
                elif loc and loc[-1] == "sources" and item["type"] in ("too_short", "missing"):
                    message = "every fact needs at least one source: add sources: [SOURCE-ID] (ids are listed in sources.yaml)"
                elif item["type"] == "missing":
                    message = f"field {loc[-1]!r} is required"
                problems.append(FactProblem(file=str(path), line=line, path=_path_text(loc), code="F002", message=message))
            continue
        fields: dict[tuple, dict[str, int]] = {}
        for key, number in lines.items():
            if len(key) == 3:
                fields.setdefault(key[:2], {})[key[2]] = number
        for section in ("sources", "entities", "locations", "tenures", "events"):
            for index, fact in enumerate(getattr(content, section)):
                line = lines.get((section, index), 1)
                if fact.id in base.origin:
                    first_file, first_line = base.origin[fact.id]
                    problems.append(FactProblem(file=str(path), line=line, path=f"{section} -> {index} -> id", code="F003",
                                                message=f"duplicate id {fact.id!r} (first defined at {first_file}:{first_line})"))
                    continue
                base.origin[fact.id] = (str(path), line)
                base.field_lines[fact.id] = fields.get((section, index), {})
                if section == "sources":
                    base.sources[fact.id] = fact
                elif section == "entities":
                    base.entities[fact.id] = fact
                else:
                    getattr(base, section).append(fact)
    return base, problems


def _closest_line(lines: dict[tuple, int], loc: tuple) -> int:
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return 1
