"""The fact base as lookup structures: names (exact and fuzzy), regions, tenures, event cues.

Built once per fact base and cached as a pickle keyed by the fact files and the package's
code (``load_index``), so a large fact base loads in a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import pickle
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, NamedTuple

from rapidfuzz import fuzz, process

from factcheck.facts.load import fact_files, load_fact_base
from factcheck.facts.schema import EntityType, Event, FactBase, FactBaseError
from factcheck.facts.validity import ALWAYS, Series, State, Validity
from factcheck.model.errors import warn as warn_user
from factcheck.pipeline.versions import code_version
from factcheck.text.files import keep_pickle
from factcheck.text.normalize import match_key
from factcheck.text.spelling import one_syllable_misspelt

NAME_MIN_SCORE = 80.0  # below this a name is not linked at all
AMBIGUITY_MARGIN = 3.0  # two entities within this many points of the best are a tie


@dataclass
class Link:
    """A name linked to fact-base entities."""

    entity_ids: list[str]
    alias: str
    score: float

    @property
    def ambiguous(self) -> bool:
        return len(self.entity_ids) > 1


BLOCK_LIMIT = 5000  # a word shared by more names than this ("nguyễn") does not pick candidates


def _probes(key: str) -> set[str]:
    words = key.split()
    probes = set(words) | {w[:3] for w in words if len(w) > 3}
    probes |= {f"{a} {b}" for a, b in zip(words, words[1:])}
    return probes


@dataclass
class NameTable:
    """All names of some entity types, with a word index so fuzzy matching scans few of them."""

    keys: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    words: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, key: str, entity_id: str, name: str) -> None:
        position = len(self.keys)
        self.keys.append(key)
        self.ids.append(entity_id)
        self.names.append(name)
        for probe in _probes(key):
            self.words[probe].append(position)

    def candidates(self, key: str) -> list[int]:
        """Names sharing a word, a word's first three letters, or a pair of neighbouring
        words with ``key``. Vietnamese names reuse few syllables ("Nguyễn", "Văn"), so single
        words are too common to narrow anything; neighbouring pairs still are selective."""
        found: set[int] = set()
        for probe in _probes(key):
            postings = self.words.get(probe)
            if postings and len(postings) <= BLOCK_LIMIT:
                found.update(postings)
        if not found and len(self.keys) <= BLOCK_LIMIT:
            return list(range(len(self.keys)))
        return sorted(found)


class EntityRow(NamedTuple):
    """An entity as the verifier needs it: a plain tuple, cheap to unpickle by the 100k."""

    id: str
    type: str  # an EntityType value; a plain str compares equal to the enum member
    name: str
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    level: int | None = None
    designation: str | None = None
    replaced_by: tuple[str, ...] = ()
    validity: Validity = ALWAYS
    pack: str | None = None  # the pack it came from; None: curated

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class TenureRow(NamedTuple):
    id: str
    person: str
    title: str
    organization: str | None  # None: of no body named (schema.Tenure)
    start: dt.date
    end: dt.date | None
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    exclusive: bool = False

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class CuePosting(NamedTuple):
    """The events one cue names, as positions in ``FactBase.events``: those without dates, and
    the dated ones sorted by their first day, so the events near a day are one slice."""

    undated: tuple[int, ...]
    dated: tuple[int, ...]
    firsts: tuple[int, ...]  # first day of each dated event (date ordinals), ascending
    lasts: tuple[int, ...]  # its last day
    longest: int  # the longest span in days: how far before a day a meeting span can start

    @classmethod
    def of(cls, positions: list[int], events: list[Event]) -> CuePosting:
        dated = sorted((events[p].span[0].toordinal(), events[p].span[1].toordinal(), p) for p in positions if events[p].span)
        return cls(undated=tuple(p for p in positions if not events[p].span), dated=tuple(p for _, _, p in dated),
                   firsts=tuple(f for f, _, _ in dated), lasts=tuple(l for _, l, _ in dated),
                   longest=max((l - f for f, l, _ in dated), default=0))

    def near(self, day: dt.date | None, window: int) -> list[int]:
        """Every event, or with ``day`` the undated ones and those whose span meets
        ``day`` ± ``window`` days."""
        if day is None:
            return [*self.undated, *self.dated]
        low, high = day.toordinal() - window, day.toordinal() + window
        start, end = bisect_left(self.firsts, low - self.longest), bisect_right(self.firsts, high)
        return [*self.undated, *(self.dated[i] for i in range(start, end) if self.lasts[i] >= low)]


class LocationRow(NamedTuple):
    id: str
    place: str
    region: str
    sources: tuple[str, ...]
    validity: Validity = ALWAYS


@dataclass
class FactIndex:
    """Lookup structures over a fact base, built once (and cached by ``factcheck.pipeline.check``)."""

    base: FactBase
    entities: dict[str, EntityRow] = field(default_factory=dict)
    by_key: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    tables: dict[EntityType, NameTable] = field(default_factory=lambda: defaultdict(NameTable))
    regions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # place -> location fact ids
    location_by_id: dict[str, LocationRow] = field(default_factory=dict)
    tenures: dict[str, list[TenureRow]] = field(default_factory=lambda: defaultdict(list))
    offices: dict[str, list[TenureRow]] = field(default_factory=dict)  # organization -> tenures of its exclusive titles
    # Events by the match key of each cue (see ``cued_events``).
    event_cues: dict[str, CuePosting] = field(default_factory=dict)
    gap_cues: dict[str, CuePosting] = field(default_factory=dict)  # only recurring events that resumed
    cue_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)  # event id -> its cues' match keys
    cue_heads: frozenset[str] = frozenset()  # first words of cues: where a lookup may start
    longest_cue: int = 0  # in words: the longest word n-gram worth looking up
    # What events refer to (participants, places) by the match key of each name, to tell
    # whether an article names them.
    event_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    name_heads: frozenset[str] = frozenset()
    longest_name: int = 0

    @classmethod
    def build(cls, base: FactBase) -> FactIndex:
        index = cls(base)
        series = Series(base.sources.values())
        same = _same_as(base)  # a pack entity a curated one names by its ref -> the curated id
        merged = {curated: base.entities[pack_id] for pack_id, curated in same.items()}
        for e in base.entities.values():
            if e.id in same:
                continue
            validity = series.validity(e.start, e.end, e.sources)
            twin = merged.get(e.id)  # the pack's entity this curated one stands for: its level and designation hold
            level = e.level if e.level is not None or twin is None else twin.level
            designation = e.designation or (twin.designation if twin else None)
            index.entities[e.id] = EntityRow(e.id, e.type.value, e.name, tuple(e.aliases), tuple(e.sources), level, designation,
                                             tuple(same.get(r, r) for r in e.replaced_by), validity, base.pack_of.get(e.id))
        for entity in base.entities.values():
            if entity.id in same:
                continue
            for name in entity.names:
                key = match_key(name)
                index.by_key[key].add(entity.id)
                index.tables[entity.type].add(key, entity.id, name)
        for location in sorted(base.locations, key=lambda fact: fact.id in base.pack_of):  # curated evidence first
            place, region = same.get(location.place, location.place), same.get(location.region, location.region)
            index.regions[place].append(location.id)
            index.location_by_id[location.id] = LocationRow(location.id, place, region, tuple(location.sources),
                                                            series.validity(location.start, location.end, location.sources))
        for t in base.tenures:
            row = TenureRow(t.id, t.person, t.title, t.organization, t.start, t.end, tuple(t.aliases), tuple(t.sources), t.exclusive)
            index.tenures[t.person].append(row)
            if t.exclusive:
                index.offices.setdefault(t.organization, []).append(row)
        index._index_events()
        return index

    def _index_events(self) -> None:
        """Map each cue's match key to the events it names, so a sentence finds its events by
        looking up its own word n-grams instead of testing every event's cues; and the names
        of what events refer to, so an article's mentions of them are found the same way."""
        events: dict[str, list[int]] = defaultdict(list)
        gaps: dict[str, list[int]] = defaultdict(list)
        referred: dict[str, None] = {}  # entity ids, in order
        for position, event in enumerate(self.base.events):
            keys = tuple(dict.fromkeys(k for k in (match_key(c) for c in event.cues) if k))
            self.cue_keys[event.id] = keys
            for key in keys:
                events[key].append(position)
                if event.previous is not None and event.resumed is not None:
                    gaps[key].append(position)
            referred.update(dict.fromkeys([*event.participants, *([event.place] if event.place else [])]))
        self.event_cues = {key: CuePosting.of(positions, self.base.events) for key, positions in events.items()}
        self.gap_cues = {key: CuePosting.of(positions, self.base.events) for key, positions in gaps.items()}
        self.cue_heads, self.longest_cue = _heads(events)
        names: dict[str, list[str]] = defaultdict(list)
        for entity_id in referred:
            entity = self.entities.get(entity_id)
            for key in dict.fromkeys(map(match_key, entity.names) if entity else ()):
                if key:
                    names[key].append(entity_id)
        self.event_names = {key: tuple(ids) for key, ids in names.items()}
        self.name_heads, self.longest_name = _heads(names)

    def compact(self) -> FactIndex:
        """A copy that unpickles faster: plain dicts and tuples, and no file/line bookkeeping
        (only ``facts validate`` needs that, and it reads the YAML itself)."""
        base = self.base.model_copy(update={"origin": {}, "field_lines": {}, "entities": {}, "locations": [], "tenures": [], "pack_of": {}})
        by_key = {key: tuple(sorted(ids)) for key, ids in self.by_key.items()}
        return FactIndex(base=base, entities=self.entities, by_key=by_key, tables=dict(self.tables), regions=dict(self.regions),
                         location_by_id=self.location_by_id, tenures=dict(self.tenures), offices=self.offices, event_cues=self.event_cues,
                         gap_cues=self.gap_cues, cue_keys=self.cue_keys, cue_heads=self.cue_heads, longest_cue=self.longest_cue,
                         event_names=self.event_names, name_heads=self.name_heads, longest_name=self.longest_name)

    # -- events ------------------------------------------------------------------------

    def cued_events(self, *keys: str, gaps: bool = False, day: dt.date | None = None, window: int = 0) -> list[tuple[Event, tuple[str, ...]]]:
        """Events one of whose cues occurs as whole words in one of ``keys`` (match keys), in
        fact-base order, each with the cue keys found. Only ``gaps``: events that resumed.
        With ``day``: only events without dates or within ``window`` days of it.

        Looks up each key's word n-grams (up to the longest cue) in the cue map, and a day's
        window by bisection: the cost follows the text and the events near the day, not the
        size of the fact base."""
        table = self.gap_cues if gaps else self.event_cues
        found: dict[int, list[str]] = {}
        for key in keys:
            for cue in _phrases(key, self.cue_heads, self.longest_cue):
                posting = table.get(cue)
                if posting is not None:
                    for position in posting.near(day, window):
                        found.setdefault(position, []).append(cue)
        return [(self.base.events[position], tuple(found[position])) for position in sorted(found)]

    def named_entities(self, key: str) -> set[str]:
        """The participants and places of events that ``key`` (a match key) names by one of
        their names, as whole words."""
        return {entity_id for name in _phrases(key, self.name_heads, self.longest_name) for entity_id in self.event_names.get(name, ())}

    # -- names -------------------------------------------------------------------------

    def link(self, name: str, types: tuple[EntityType, ...]) -> Link | None:
        """Exact alias first; fuzzy matching only for people, where a near miss is a
        misspelling worth flagging. Places differ by one letter for real ("Bắc Ninh" is not
        "Bắc Kinh", "Đông Anh" is not "Đông Kinh"), so they link exactly or not at all."""
        key = match_key(name)
        exact = [e for e in self.by_key.get(key, ()) if self.entities[e].type in types]
        if exact:
            alias = next(n for e in exact for n in self.entities[e].names if match_key(n) == key)
            return Link(entity_ids=sorted(set(exact)), alias=alias, score=100.0)
        types = tuple(t for t in types if t is EntityType.person)
        pool: list[tuple[str, str, str]] = []
        for kind in types:
            table = self.tables.get(kind)
            if table is not None:
                pool.extend((table.keys[i], table.ids[i], table.names[i]) for i in table.candidates(key))
        if not pool:
            return None
        matches = process.extract(key, [c[0] for c in pool], scorer=_name_score, limit=5, score_cutoff=NAME_MIN_SCORE)
        # Below 100 (not the same words reordered), only a misspelling of the name links:
        # "Nguyễn Đức Thắng" is another person than "Nguyễn Đức Hùng" (``text/spelling.py``).
        matches = [m for m in matches if m[1] >= 100 or one_syllable_misspelt(key, pool[m[2]][0])]
        if not matches:
            return None
        best = matches[0][1]
        tied = {pool[i][1] for _, score, i in matches if score >= best - AMBIGUITY_MARGIN}
        top = pool[matches[0][2]]
        return Link(entity_ids=sorted(tied), alias=top[2], score=round(best, 1))

    def state(self, entity_id: str, day: dt.date | None) -> State:
        """Whether the entity is in force on ``day`` (see ``facts/validity.py``)."""
        entity = self.entities.get(entity_id)
        return entity.validity.at(day) if entity else State.in_force

    def named(self, name: str, types: tuple[EntityType, ...]) -> list[EntityRow]:
        """Every entity of ``types`` with ``name`` (by match key) among its names: homonyms
        included, exactly ("Bắc Ninh" is not "Bắc Kinh")."""
        return [self.entities[e] for e in sorted(self.by_key.get(match_key(name), ())) if self.entities[e].type in types]

    def name(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def ancestors(self, place_id: str, day: dt.date | None = None) -> list[tuple[str, str]]:
        """(region id, location fact id) for every region containing ``place_id``, nearest
        first; with ``day``, only through containments and regions in force that day."""
        result, queue, seen = [], [place_id], {place_id}
        while queue:
            current = queue.pop(0)
            for fact_id in self.regions.get(current, []):
                location = self.location_by_id[fact_id]
                region = location.region
                if day is not None and (location.validity.at(day) is not State.in_force or self.state(region, day) is not State.in_force):
                    continue
                if region not in seen:
                    seen.add(region)
                    result.append((region, fact_id))
                    queue.append(region)
        return result

    def source_text(self, source_ids: list[str]) -> str | None:
        if not source_ids:
            return None
        source = self.base.sources.get(source_ids[0])
        if source is None:
            return source_ids[0]
        return f"{source.publisher}: {source.title} ({source.url or source.document})"


def _same_as(base: FactBase) -> dict[str, str]:
    """Pack entities that a curated entity names by its ``ref`` ("geonames:1848313"): the
    curated one takes their place, with their location facts."""
    curated = {e.ref: e.id for e in base.entities.values() if e.ref and e.id not in base.pack_of}
    if not curated:
        return {}
    return {e.id: curated[e.ref] for e in base.entities.values() if e.id in base.pack_of and e.ref in curated}


def _heads(phrases: dict[str, object]) -> tuple[frozenset[str], int]:
    """First words of ``phrases`` and their greatest length in words: what a lookup by word
    n-grams needs to know."""
    split = [phrase.split() for phrase in phrases]
    return frozenset(words[0] for words in split), max(map(len, split), default=0)


def _phrases(key: str, heads: frozenset[str], longest: int):
    """Every run of up to ``longest`` words of ``key`` that starts with one of ``heads``."""
    words = key.split()
    for start, head in enumerate(words):
        if head in heads:
            for end in range(start + 1, min(start + longest, len(words)) + 1):
                yield " ".join(words[start:end])


def _name_score(a: str, b: str, **kwargs) -> float:
    """Typos and word order both count ("Koizumi Shinjiro" = "Shinjiro Koizumi")."""
    return max(fuzz.ratio(a, b, **kwargs), fuzz.token_sort_ratio(a, b, **kwargs))


# ------------------------------------------------------------------------------ loading


def load_index(facts: Path, cache_dir: Path | None = None, warn: Callable[[str], None] | None = None, packs: list[Path] = ()) -> FactIndex:
    """The fact base as an index; schema problems stop the check (``facts validate`` explains).

    With ``cache_dir``, the built index is kept there as a pickle keyed by the fact files'
    content and all of the package's code, so a large fact base loads in a fraction of a
    second. A cached file that cannot be used is rebuilt, and ``warn`` says so.
    """
    warn = warn or warn_user
    packs = list(packs)
    cached = _index_cache_file(facts, cache_dir, packs) if cache_dir else None
    if cached is not None and cached.exists():
        index = _read_cached(cached, warn)
        if index is not None:
            return index
    base, problems = load_fact_base(facts, packs, cache_dir)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        shown = "\n  ".join(str(p) for p in errors[:5])
        more = f"\n  ... and {len(errors) - 5} more" if len(errors) > 5 else ""
        raise FactBaseError(f"the fact base in {facts} has {len(errors)} error(s); run `factcheck facts validate {facts}`:\n  {shown}{more}")
    index = FactIndex.build(base)
    if cached is not None:
        index = index.compact()
        _write_cached(cached, index, warn)
    return index


def _read_cached(cached: Path, warn: Callable[[str], None]) -> FactIndex | None:
    """The pickled index, or None (with a warning) when it is damaged or not ours."""
    try:
        gc.disable()  # unpickling 100k objects: the cyclic GC would rescan them again and again
        with cached.open("rb") as handle:
            index = pickle.load(handle)
        if isinstance(index, FactIndex):
            return index
        problem = f"it holds a {type(index).__name__}, not a fact index"
    except Exception as error:  # noqa: BLE001 - a damaged or foreign pickle is rebuilt, never trusted
        problem = f"{type(error).__name__}: {error}"
    finally:
        gc.enable()
    warn(f"fact index cache {cached} is unusable ({problem}); rebuilding it")
    cached.unlink(missing_ok=True)
    return None


def _write_cached(cached: Path, index: FactIndex, warn: Callable[[str], None]) -> None:
    """Keep the index for next time; a cache folder that cannot be written only costs speed."""
    problem = keep_pickle(cached, index)
    if problem:
        warn(f"cannot write the fact index cache in {cached.parent} ({problem}); continuing without it")


def _index_cache_file(facts: Path, cache_dir: Path, packs: list[Path] = ()) -> Path:
    digest = hashlib.sha256(code_version().encode())
    for path in packs:
        digest.update(f"pack {path.name}".encode())
        digest.update(path.read_bytes())
    for path in fact_files(facts):
        digest.update(str(path.relative_to(facts) if Path(facts).is_dir() else path.name).encode())
        digest.update(path.read_bytes())
    return Path(cache_dir) / f"facts-{digest.hexdigest()[:20]}.pickle"
