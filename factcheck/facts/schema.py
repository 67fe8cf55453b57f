"""The fact base: curated YAML under ``claims/``, validated strictly, with file:line errors.

A fact-base file may hold any of these top-level lists (all optional, merged across files):

    sources:    where facts come from (publisher, title, url or document, accessed date)
    entities:   people, organizations, countries, places, events with names and aliases
    locations:  which place lies in which region
    tenures:    who held which title in which organization (or of none named: an occupation,
                a rank, a degree), from when to when; ``exclusive:
                true`` marks a title one person holds at a time (prime minister, president,
                minister of X), so two such tenures of one title and organization must not
                overlap (F007). Titles several people hold at once (vice-minister, member of
                parliament) leave it false, the default.
    events:     dated, placed events with participants and attributes (duration, score,
                counts), and recurring events with the occurrence before a resumption

Values the verifier compares are typed, so a fact base that validates cannot break a check:
a duration's unit is one of second, minute, hour, day, week, month, year, decade (or its
Vietnamese name: giây, phút, giờ/tiếng, ngày, tuần, tháng, năm, thập kỷ/thập niên); a score
is two whole numbers; a count has at least one amount; amounts and tolerances are finite and
not negative; names, titles, cues and counted units have words to match on; an event has
either a date or a start (and maybe an end), and previous with resumed.

Every fact but a source names at least one source id. Ids are unique across all files.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from factcheck.model.errors import FactcheckError
from factcheck.text.normalize import match_key


def _has_words(text: str) -> str:
    """A name, title, cue or unit is matched by its words (``match_key``): it needs some."""
    if not match_key(text):
        raise ValueError(f"{text!r} has no letters or digits to match on")
    return text


Words = Annotated[str, AfterValidator(_has_words)]
NonNegative = Annotated[float, Field(ge=0, allow_inf_nan=False)]  # an amount, a count, a tolerance


class TimeUnit(str, Enum):
    """A duration's unit. Fact files may write it in English or Vietnamese ("phút", "giờ")."""

    second = "second"
    minute = "minute"
    hour = "hour"
    day = "day"
    week = "week"
    month = "month"
    year = "year"
    decade = "decade"

    @classmethod
    def parse(cls, text: object) -> TimeUnit | None:
        """The unit ``text`` names ("phút", "minutes", "Minute"), or None."""
        if isinstance(text, cls):
            return text
        key = match_key(str(text)) if isinstance(text, str) else ""
        return cls.__members__.get(key) or cls.__members__.get(key.removesuffix("s")) or TIME_UNIT_ALIASES.get(key)


TIME_UNIT_ALIASES = {
    "giây": TimeUnit.second, "phút": TimeUnit.minute, "giờ": TimeUnit.hour, "tiếng": TimeUnit.hour,
    "ngày": TimeUnit.day, "tuần": TimeUnit.week, "tháng": TimeUnit.month, "năm": TimeUnit.year,
    "thập kỷ": TimeUnit.decade, "thập kỉ": TimeUnit.decade, "thập niên": TimeUnit.decade,
}


def _time_unit(value: object) -> object:
    unit = TimeUnit.parse(value)
    if unit is None:
        known = ", ".join(u.value for u in TimeUnit)
        raise ValueError(f"unknown time unit {value!r}: use one of {known} (or giây, phút, giờ, tiếng, ngày, tuần, tháng, năm, thập kỷ, thập niên)")
    return unit


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Strict):
    """Where facts come from. A source that is one dated release of a list (a pack's
    snapshot) names its ``series``, ``snapshot`` date, the ``package`` that carried it and its
    ``licence``; ``effective`` is the legal date from which that release's structure holds,
    when one is known (the 2025 reform: 2025-07-01). A fact citing snapshot sources was in
    force in the snapshots it cites (see ``facts/validity.py``)."""

    id: str
    publisher: str
    title: str
    url: str | None = None
    document: str | None = None
    accessed: dt.date
    series: str | None = None
    snapshot: dt.date | None = None
    effective: dt.date | None = None
    package: str | None = None  # "vietnam-provinces==0.2.2"
    licence: str | None = None

    @model_validator(mode="after")
    def _series(self) -> Source:
        if (self.series is None) != (self.snapshot is None):
            raise ValueError("series and snapshot go together: the list a release belongs to, and its date")
        if self.effective and self.snapshot and self.effective > self.snapshot:
            raise ValueError(f"effective {self.effective} is after the snapshot {self.snapshot} that shows it")
        return self

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


class Dated(Strict):
    """A fact in force from ``start`` to ``end`` (both days included; none: as far as the
    sources go). Without them, a fact citing snapshot sources is in force in those snapshots."""

    start: dt.date | None = None
    end: dt.date | None = None

    @model_validator(mode="after")
    def _order(self) -> Dated:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


# Administrative levels of places: a region contains a place only from a lower number.
Level = Annotated[int, Field(ge=0, le=4)]  # 0 country, 1 province/state, 2 district/county, 3 commune/ward or city, 4 below


class Entity(Dated):
    id: str
    type: EntityType
    name: Words
    aliases: list[Words] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)
    # Places from packs: the level, the word Vietnamese puts before the name ("tỉnh",
    # "huyện", "phường"), the upstream id ("gso:00001", "iso:JP-14", "geonames:1848313")
    # and, for a unit that was merged away, what took it over.
    level: Level | None = None
    designation: str | None = None
    ref: str | None = None
    replaced_by: list[str] = Field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class Location(Dated):
    id: str
    place: str  # entity id
    region: str  # entity id
    sources: list[str] = Field(min_length=1)


class Tenure(Strict):
    id: str
    person: str  # entity id
    title: Words  # as Vietnamese news writes it: "Bộ trưởng Quốc phòng"
    # Entity id (a country or a body). None: a title held of no body the sources name (an
    # occupation, a rank, a degree, "HLV" with no team): it decides only claims that name no
    # organization either, and cannot be exclusive (one holder of what?).
    organization: str | None = None
    start: dt.date
    end: dt.date | None = None  # still in office
    aliases: list[Words] = Field(default_factory=list)  # other ways to write the title
    exclusive: bool = False  # one holder at a time (prime minister); false for vice-minister
    sources: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _exclusive_of_a_body(self) -> Tenure:
        if self.exclusive and self.organization is None:
            raise ValueError("an exclusive title needs its organization: one holder at a time of what?")
        return self

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Amount(Strict):
    """How long an event lasted: ``{amount: 55, unit: minute, tolerance: 5}``."""

    amount: NonNegative
    unit: Annotated[TimeUnit, BeforeValidator(_time_unit)]
    tolerance: NonNegative = 0.0  # accepted absolute difference for approximate statements ("khoảng")


class Count(Strict):
    unit: Words  # the counted noun as news writes it: "lượt", "pha"
    amounts: list[NonNegative] = Field(min_length=1)  # every count of that unit the event is known for
    note: str | None = None


Goals = Annotated[int, Field(strict=True, ge=0)]


class Attributes(Strict):
    duration: Amount | None = None
    score: list[Goals] | None = None  # exactly two: [2, 2]
    counts: list[Count] = Field(default_factory=list)

    @field_validator("score")
    @classmethod
    def _two_sides(cls, score: list[int] | None) -> list[int] | None:
        if score is not None and len(score) != 2:
            raise ValueError(f"a score is two whole numbers, one per side, e.g. [2, 2]; got {len(score)}")
        return score


class Event(Strict):
    id: str
    name: str
    cues: list[Words] = Field(min_length=1)  # words that refer to it: "hội đàm", "giao lưu bóng bàn"
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
        if self.date and (self.start or self.end):
            raise ValueError("give either date (one day) or start and end (a span), not both")
        if self.end and not self.start:
            raise ValueError(f"end {self.end} needs a start")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if (self.previous is None) != (self.resumed is None):
            raise ValueError("previous and resumed go together: the occurrence before the break and the resumption")
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


class Pack(Strict):
    """The header of a generated pack file: what it is, what it was built from, its licence."""

    name: str
    title: str
    version: str  # the importer's version of the pack, with the upstream releases it holds
    licence: str
    attribution: str
    built_from: list[str] = Field(min_length=1)  # "vietnam-provinces==0.2.2", "babel==2.17.0"


class FactFile(Strict):
    """One YAML file's content."""

    pack: Pack | None = None
    sources: list[Source] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    tenures: list[Tenure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    @field_validator("sources", "entities", "locations", "tenures", "events", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return [] if value is None else value


class PackSummary(BaseModel):
    """A loaded pack: its header, its file and how many facts of each kind it holds."""

    pack: Pack
    file: str
    counts: dict[str, int]


class FactBase(BaseModel):
    """All fact files merged, with where each fact came from (for error messages)."""

    sources: dict[str, Source] = Field(default_factory=dict)
    entities: dict[str, Entity] = Field(default_factory=dict)
    locations: list[Location] = Field(default_factory=list)
    tenures: list[Tenure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    packs: dict[str, PackSummary] = Field(default_factory=dict)  # pack name -> header, file, counts
    overridden: list[str] = Field(default_factory=list)  # pack fact ids a curated fact replaced
    pack_of: dict[str, str] = Field(default_factory=dict)  # fact id -> the pack it came from (curated facts: absent)
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
