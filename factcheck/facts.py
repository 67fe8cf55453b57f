"""The fact base: curated YAML under ``claims/``, validated strictly, with file:line errors.

A fact-base file may hold any of these top-level lists (all optional, merged across files):

    sources:    where facts come from (publisher, title, url or document, accessed date)
    entities:   people, organizations, countries, places, events with names and aliases
    locations:  which place lies in which region
    tenures:    who held which title in which organization, from when to when
    events:     dated, placed events with participants and attributes (duration, score,
                counts), and recurring events with the occurrence before a resumption

Every fact but a source names at least one source id. Ids are unique across all files.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from factcheck.errors import FactcheckError


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Strict):
    id: str
    publisher: str
    title: str
    url: str | None = None
    document: str | None = None
    accessed: dt.date

    @model_validator(mode="after")
    def _where(self) -> Source:
        if not self.url and not self.document:
            raise ValueError("a source needs a url or a document")
        return self


class EntityType(str, Enum):
    person = "person"
    organization = "organization"
    country = "country"
    place = "place"
    event = "event"


class Entity(Strict):
    id: str
    type: EntityType
    name: str
    aliases: list[str] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class Location(Strict):
    id: str
    place: str  # entity id
    region: str  # entity id
    sources: list[str] = Field(min_length=1)


class Tenure(Strict):
    id: str
    person: str  # entity id
    title: str  # as Vietnamese news writes it: "Bộ trưởng Quốc phòng"
    organization: str  # entity id (a country or a body)
    start: dt.date
    end: dt.date | None = None  # still in office
    aliases: list[str] = Field(default_factory=list)  # other ways to write the title
    sources: list[str] = Field(min_length=1)

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Amount(Strict):
    amount: float
    unit: str
    tolerance: float = 0.0  # accepted absolute difference for approximate statements ("khoảng")


class Count(Strict):
    unit: str  # the counted noun as news writes it: "lượt", "pha"
    amounts: list[float]  # every count of that unit the event is known for
    note: str | None = None


class Attributes(Strict):
    duration: Amount | None = None
    score: list[int] | None = None
    counts: list[Count] = Field(default_factory=list)


class Event(Strict):
    id: str
    name: str
    cues: list[str] = Field(min_length=1)  # words that refer to it: "hội đàm", "giao lưu bóng bàn"
    date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None  # entity id
    participants: list[str] = Field(default_factory=list)  # entity ids
    attributes: Attributes = Field(default_factory=Attributes)
    # For a recurring event that resumed: the occurrence before the break, and the resumption.
    previous: dt.date | None = None
    resumed: dt.date | None = None
    sources: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _dates(self) -> Event:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.previous and self.resumed and self.resumed < self.previous:
            raise ValueError(f"resumed {self.resumed} is before previous {self.previous}")
        return self

    @property
    def span(self) -> tuple[dt.date, dt.date] | None:
        if self.date:
            return self.date, self.date
        if self.start:
            return self.start, self.end or self.start
        return None


class FactFile(Strict):
    """One YAML file's content."""

    sources: list[Source] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    tenures: list[Tenure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    @field_validator("*", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return [] if value is None else value


class FactBase(BaseModel):
    """All fact files merged, with where each fact came from (for error messages)."""

    sources: dict[str, Source] = Field(default_factory=dict)
    entities: dict[str, Entity] = Field(default_factory=dict)
    locations: list[Location] = Field(default_factory=list)
    tenures: list[Tenure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    origin: dict[str, tuple[str, int]] = Field(default_factory=dict)  # fact id -> (file, line)
    field_lines: dict[str, dict[str, int]] = Field(default_factory=dict)  # fact id -> field -> line

    def where(self, fact_id: str, field: str | None = None) -> tuple[str, int]:
        file, line = self.origin.get(fact_id, ("?", 0))
        return file, self.field_lines.get(fact_id, {}).get(field, line) if field else line


class FactProblem(BaseModel):
    """One finding of ``facts validate``: an error (exit 1) or a warning."""

    file: str
    line: int
    path: str
    message: str
    severity: str = "error"
    code: str

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}"
        return f"{location}: {self.severity} {self.code} [{self.path}] {self.message}"


class FactBaseError(FactcheckError):
    """The fact base cannot be read at all (broken YAML, unreadable file): exit 2."""


# ---------------------------------------------------------------------------- loading


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
                message = item["msg"]
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
