"""Reading the fact base: every YAML file under a folder, merged, with file:line errors.

Schema problems come back as ``FactProblem`` rows (``facts validate`` reports them all);
a file that cannot be read at all raises ``FactBaseError`` (exit 2).
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from factcheck.facts.schema import FactBase, FactBaseError, FactFile, FactProblem, PackSummary
from factcheck.pipeline.versions import code_version
from factcheck.text import yamlfile
from factcheck.text.files import keep_pickle


FACT_SUFFIXES = (".yaml", ".yml")


def fact_files(directory: Path) -> list[Path]:
    """Every fact file under ``directory`` (or the one file given). A name that looks like a
    fact file but cannot be read as one (``.YAML``, a directory ``x.yaml``, a dangling
    link) is an error, not silently skipped."""
    directory = Path(directory)
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise FactBaseError(f"{directory}: fact base folder not found (pass --facts DIR)")
    found = []
    for path in sorted(directory.rglob("*")):
        if path.suffix.lower() not in FACT_SUFFIXES:
            continue
        if path.suffix not in FACT_SUFFIXES:
            raise FactBaseError(f"{path}: fact files end in .yaml or .yml (lower case); rename it")
        if not path.is_file():
            what = "a directory" if path.is_dir() else "a broken link or not a regular file"
            raise FactBaseError(f"{path}: named like a fact file but is {what}; remove or rename it")
        found.append(path)
    return found


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


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise FactBaseError(f"{path}: cannot read: {error.strerror}") from None


def _read_yaml(path: Path, raw: bytes | None = None) -> tuple[Any, dict[tuple, int]]:
    """The file's data and the line of every key, read strictly (``text/yamlfile.py``);
    ``raw`` is the file's bytes when the caller has read them already."""
    try:
        text = (_read_bytes(path) if raw is None else raw).decode("utf-8")
    except UnicodeDecodeError as error:
        raise FactBaseError(f"{path}: not valid UTF-8 at byte {error.start}; save it as UTF-8") from None
    try:  # one parse gives both the node tree (for line numbers) and the data
        node = yamlfile.compose(text)
        data = yamlfile.construct(node)
    except yamlfile.YamlProblem as problem:
        raise FactBaseError(f"{problem.where(str(path))}: {problem.message}") from None
    return data, (_line_map(node) if node is not None else {})


def _read_pack(path: Path, cache_dir: Path | None) -> tuple[Any, dict[tuple, int]]:
    """A pack's data and line map, from a pickle beside the fact index cache when the pack's
    bytes are unchanged: parsing 10 MB of YAML strictly takes half a minute, the pickle a
    fraction of a second. Any problem with the pickle means parsing again."""
    if cache_dir is None:
        return _read_yaml(path)
    raw = _read_bytes(path)
    cached = Path(cache_dir) / f"pack-{hashlib.sha256(raw + code_version().encode()).hexdigest()[:20]}.pickle"
    try:
        with cached.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: parse the YAML
        pass
    parsed = _read_yaml(path, raw)
    keep_pickle(cached, parsed)
    return parsed


def _path_text(loc: tuple) -> str:
    return " -> ".join(str(part) for part in loc)


def load_fact_base(directory: Path, packs: list[Path] = (), cache_dir: Path | None = None) -> tuple[FactBase, list[FactProblem]]:
    """Read the ``packs`` (generated files, see ``facts/packs.py``), then every curated fact
    file under ``directory``; schema problems come back as FactProblems with file and line.

    Curated facts extend and override packs: a curated fact with a pack fact's id replaces
    it (listed in ``base.overridden``); two facts with one id in curated files, or in packs,
    are an error (F003). With ``cache_dir``, parsed packs are kept there (``_read_pack``)."""
    base = FactBase()
    problems: list[FactProblem] = []
    pack_ids: dict[str, str] = {}  # fact id -> pack name, for the facts packs brought
    for path in [*packs, *fact_files(directory)]:
        from_pack = path in packs
        data, lines = _read_pack(path, cache_dir) if from_pack else _read_yaml(path)
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
        if from_pack and content.pack is None:
            problems.append(FactProblem(file=str(path), line=1, path="pack", code="F001",
                                        message="a pack file starts with a pack: header (name, title, version, licence, attribution, built_from)"))
            continue
        if content.pack is not None:
            if not from_pack:
                problems.append(FactProblem(file=str(path), line=lines.get(("pack",), 1), path="pack", code="F001",
                                            message="a pack belongs in the packs folder, not among curated facts (see `factcheck facts info`)"))
                continue
            counts = {section: len(getattr(content, section)) for section in ("sources", "entities", "locations", "tenures", "events")}
            base.packs[content.pack.name] = PackSummary(pack=content.pack, file=str(path), counts=counts)
        fields: dict[tuple, dict[str, int]] = {}
        for key, number in lines.items():
            if len(key) == 3:
                fields.setdefault(key[:2], {})[key[2]] = number
        for section in ("sources", "entities", "locations", "tenures", "events"):
            for index, fact in enumerate(getattr(content, section)):
                line = lines.get((section, index), 1)
                if fact.id in base.origin and not from_pack and fact.id in pack_ids:
                    _drop(base, section, fact.id)  # a curated fact overrides the pack's
                    base.overridden.append(fact.id)
                    del pack_ids[fact.id]
                elif fact.id in base.origin:
                    first_file, first_line = base.origin[fact.id]
                    problems.append(FactProblem(file=str(path), line=line, path=f"{section} -> {index} -> id", code="F003",
                                                message=f"duplicate id {fact.id!r} (first defined at {first_file}:{first_line})"))
                    continue
                base.origin[fact.id] = (str(path), line)
                if from_pack:
                    pack_ids[fact.id] = content.pack.name
                base.field_lines[fact.id] = fields.get((section, index), {})
                if section == "sources":
                    base.sources[fact.id] = fact
                elif section == "entities":
                    base.entities[fact.id] = fact
                else:
                    getattr(base, section).append(fact)
    base.pack_of = pack_ids
    return base, problems


def _drop(base: FactBase, section: str, fact_id: str) -> None:
    """Remove the pack's fact ``fact_id`` so that a curated one can take its place."""
    if section in ("sources", "entities"):
        getattr(base, section).pop(fact_id, None)
    else:
        setattr(base, section, [fact for fact in getattr(base, section) if fact.id != fact_id])


def _closest_line(lines: dict[tuple, int], loc: tuple) -> int:
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return 1
