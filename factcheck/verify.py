"""Hold each claim against the fact base and give it a verdict with its evidence.

Linking: names go through ``match_key`` (case, tone placement, "tỷ"/"tỉ", hyphens) to an
exact alias, else rapidfuzz over the aliases of the right entity types. Numeric claims are
linked to an event through its cue words in the sentence (or the claim's subject), the
people and place the sentence names, and the article date. A claim no fact covers is
``unverifiable``; two candidate facts that disagree make it ``ambiguous``.

Inside one article, claims that cannot all be true are reported as inconsistencies even
with an empty fact base: one place in two regions, a score that does not add up to the
rounds stated, one name spelled two ways.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz, process

from factcheck.claims import Claim, ClaimKind, Evidence, Inconsistency, Value, Verdict
from factcheck.facts import EntityType, Event, FactBase
from factcheck.normalize import match_key

NAME_MIN_SCORE = 80.0  # below this a name is not linked at all
AMBIGUITY_MARGIN = 3.0  # two entities within this many points of the best are a tie
TITLE_MIN_SCORE = 90.0
EVENT_WINDOW_DAYS = 45  # an event this far from the article date is not "the" event meant
UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2629800, "year": 31557600, "decade": 315576000}
PLACE_TYPES = (EntityType.place, EntityType.country, EntityType.organization)
ROUND_UNITS = ("lượt", "ván", "set", "game")


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

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class TenureRow(NamedTuple):
    id: str
    person: str
    title: str
    organization: str
    start: dt.date
    end: dt.date | None
    aliases: tuple[str, ...]
    sources: tuple[str, ...]

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class LocationRow(NamedTuple):
    id: str
    place: str
    region: str
    sources: tuple[str, ...]


@dataclass
class FactIndex:
    """Lookup structures over a fact base, built once (and cached by ``factcheck.check``)."""

    base: FactBase
    entities: dict[str, EntityRow] = field(default_factory=dict)
    by_key: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    tables: dict[EntityType, NameTable] = field(default_factory=lambda: defaultdict(NameTable))
    regions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # place -> location fact ids
    location_by_id: dict[str, LocationRow] = field(default_factory=dict)
    tenures: dict[str, list[TenureRow]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, base: FactBase) -> FactIndex:
        index = cls(base)
        index.entities = {e.id: EntityRow(e.id, e.type.value, e.name, tuple(e.aliases), tuple(e.sources)) for e in base.entities.values()}
        for entity in base.entities.values():
            for name in entity.names:
                key = match_key(name)
                index.by_key[key].add(entity.id)
                index.tables[entity.type].add(key, entity.id, name)
        for location in base.locations:
            index.regions[location.place].append(location.id)
            index.location_by_id[location.id] = LocationRow(location.id, location.place, location.region, tuple(location.sources))
        for t in base.tenures:
            index.tenures[t.person].append(TenureRow(t.id, t.person, t.title, t.organization, t.start, t.end, tuple(t.aliases), tuple(t.sources)))
        return index

    def compact(self) -> FactIndex:
        """A copy that unpickles faster: plain dicts and tuples, and no file/line bookkeeping
        (only ``facts validate`` needs that, and it reads the YAML itself)."""
        base = self.base.model_copy(update={"origin": {}, "field_lines": {}, "entities": {}, "locations": [], "tenures": []})
        by_key = {key: tuple(sorted(ids)) for key, ids in self.by_key.items()}
        return FactIndex(base=base, entities=self.entities, by_key=by_key, tables=dict(self.tables), regions=dict(self.regions),
                         location_by_id=self.location_by_id, tenures=dict(self.tenures))

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
        if not matches:
            return None
        best = matches[0][1]
        tied = {pool[i][1] for _, score, i in matches if score >= best - AMBIGUITY_MARGIN}
        top = pool[matches[0][2]]
        return Link(entity_ids=sorted(tied), alias=top[2], score=round(best, 1))

    def name(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def ancestors(self, place_id: str) -> list[tuple[str, str]]:
        """(region id, location fact id) for every region containing ``place_id``, nearest first."""
        result, queue, seen = [], [place_id], {place_id}
        while queue:
            current = queue.pop(0)
            for fact_id in self.regions.get(current, []):
                region = self.location_by_id[fact_id].region
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


def _name_score(a: str, b: str, **kwargs) -> float:
    """Typos and word order both count ("Koizumi Shinjiro" = "Shinjiro Koizumi")."""
    return max(fuzz.ratio(a, b, **kwargs), fuzz.token_sort_ratio(a, b, **kwargs))


# ------------------------------------------------------------------------------ verdicts


def _result(claim: Claim, verdict: Verdict, reason: str, evidence: list[Evidence] | None = None) -> Claim:
    return claim.model_copy(update={"verdict": verdict, "reason": reason, "evidence": evidence or []})


def _unverifiable(claim: Claim, reason: str) -> Claim:
    return _result(claim, Verdict.unverifiable, reason)


def verify_role(claim: Claim, index: FactIndex, day: dt.date | None) -> Claim:
    value = claim.value
    link = index.link(value.person or "", (EntityType.person,))
    if link is None:
        return _unverifiable(claim, f"no person named {value.person!r} in the fact base")
    if link.ambiguous:
        names = ", ".join(index.name(e) for e in link.entity_ids)
        return _result(claim, Verdict.ambiguous, f"{value.person!r} could be {names}",
                       [Evidence(fact_id=e, alias=link.alias, score=link.score) for e in link.entity_ids])
    person = link.entity_ids[0]
    entity = index.entities[person]
    base_evidence = Evidence(fact_id=person, source=index.source_text(entity.sources), alias=link.alias, score=link.score)
    if link.score < 100:
        base_evidence.expected = {"person": entity.name}
        return _result(claim, Verdict.contradicted,
                       f"name written {value.person!r}; the fact base knows {entity.name!r} (aliases: {', '.join(entity.aliases) or 'none'})",
                       [base_evidence])
    tenures = index.tenures.get(person, [])
    if not tenures:
        return _unverifiable(claim, f"no titles of {entity.name} in the fact base")
    if day is None:
        return _unverifiable(claim, "the article has no date, so the title cannot be checked against a tenure")
    org_link = index.link(value.organization, PLACE_TYPES) if value.organization else None
    current = [t for t in tenures if t.covers(day)]
    matching = [t for t in tenures if _title_matches(value.title or "", t)]
    if org_link and not org_link.ambiguous:
        matching = [t for t in matching if t.organization in org_link.entity_ids or _org_contains(index, t.organization, org_link.entity_ids[0])]
    for tenure in matching:
        if tenure.covers(day):
            evidence = Evidence(fact_id=tenure.id, source=index.source_text(tenure.sources), alias=link.alias, score=link.score,
                                expected={"title": tenure.title, "organization": index.name(tenure.organization)})
            return _result(claim, Verdict.supported, f"{entity.name} is {tenure.title} ({index.name(tenure.organization)}) since {tenure.start}", [evidence])
    if matching:
        tenure = matching[0]
        held = f"{tenure.start} to {tenure.end or 'now'}"
        now = "; at that date: " + ", ".join(t.title for t in current) if current else ""
        evidence = Evidence(fact_id=tenure.id, source=index.source_text(tenure.sources), alias=link.alias, score=link.score,
                            expected={"title": current[0].title if current else None, "held": held}, note="outdated")
        return _result(claim, Verdict.contradicted, f"outdated: {entity.name} was {tenure.title} from {held}{now}", [evidence])
    if current:
        tenure = current[0]
        evidence = Evidence(fact_id=tenure.id, source=index.source_text(tenure.sources), alias=link.alias, score=link.score,
                            expected={"title": tenure.title, "organization": index.name(tenure.organization)})
        return _result(claim, Verdict.contradicted,
                       f"{entity.name} is {tenure.title} ({index.name(tenure.organization)}) on {day}, not {value.title!r}", [evidence])
    return _unverifiable(claim, f"no title of {entity.name} known on {day}")


def _title_matches(stated: str, tenure: TenureRow) -> bool:
    """Same title, a near spelling, or its head ("Bộ trưởng" for "Bộ trưởng Quốc phòng")."""
    stated_key = match_key(stated)
    if not stated_key:
        return False
    for title in (tenure.title, *tenure.aliases):
        key = match_key(title)
        if stated_key == key or fuzz.ratio(stated_key, key) >= TITLE_MIN_SCORE or key.startswith(stated_key + " "):
            return True
    return False


def _org_contains(index: FactIndex, organization: str, stated: str) -> bool:
    """A stated country for an organization inside it ("Nhật Bản" for the Japanese MOFA)."""
    return organization == stated or any(region == stated for region, _ in index.ancestors(organization))


def verify_location(claim: Claim, index: FactIndex) -> Claim:
    value = claim.value
    place = index.link(value.place or "", (EntityType.place, EntityType.country))
    if place is None:
        return _unverifiable(claim, f"no place named {value.place!r} in the fact base")
    if place.ambiguous:
        return _result(claim, Verdict.ambiguous, f"{value.place!r} could be several places",
                       [Evidence(fact_id=e, alias=place.alias, score=place.score) for e in place.entity_ids])
    place_id = place.entity_ids[0]
    ancestors = index.ancestors(place_id)
    if not ancestors:
        return _unverifiable(claim, f"the fact base does not say where {index.name(place_id)} lies")
    region = index.link(value.region or "", PLACE_TYPES)
    region_ids = region.entity_ids if region and not region.ambiguous else []
    for region_id, fact_id in ancestors:
        if region_id in region_ids:
            location = index.location_by_id[fact_id]
            return _result(claim, Verdict.supported, f"{index.name(place_id)} lies in {index.name(region_id)}",
                           [Evidence(fact_id=fact_id, source=index.source_text(location.sources), alias=place.alias, score=place.score,
                                     expected={"region": index.name(region_id)})])
    nearest_region, fact_id = ancestors[0]
    location = index.location_by_id[fact_id]
    chain = " > ".join(index.name(r) for r, _ in ancestors)
    return _result(claim, Verdict.contradicted, f"{index.name(place_id)} lies in {chain}, not in {value.region}",
                   [Evidence(fact_id=fact_id, source=index.source_text(location.sources), alias=place.alias, score=place.score,
                             expected={"region": index.name(nearest_region)})])


# -- events --------------------------------------------------------------------------------


@dataclass
class SentenceFacts:
    """What a sentence says that helps to pick an event: people, places, dates."""

    people: set[str]
    places: set[str]
    days: list[dt.date]


def sentence_facts(claims: list[Claim], index: FactIndex) -> dict[str, SentenceFacts]:
    facts: dict[str, SentenceFacts] = {}
    for claim in claims:
        entry = facts.setdefault(claim.sentence, SentenceFacts(set(), set(), []))
        if claim.kind is ClaimKind.role and claim.value.person:
            link = index.link(claim.value.person, (EntityType.person,))
            if link and not link.ambiguous:
                entry.people.add(link.entity_ids[0])
        if claim.kind is ClaimKind.event:
            for person in claim.value.participants or []:
                link = index.link(person, (EntityType.person,))
                if link and not link.ambiguous:
                    entry.people.add(link.entity_ids[0])
        place_name = claim.value.place if claim.kind in (ClaimKind.location, ClaimKind.event) else None
        if place_name:
            link = index.link(place_name, (EntityType.place,))
            if link and not link.ambiguous:
                entry.places.add(link.entity_ids[0])
        if claim.kind is ClaimKind.date and claim.value.date:
            entry.days.append(dt.date.fromisoformat(claim.value.date))
    return facts


def candidate_events(claim: Claim, index: FactIndex, context: SentenceFacts, day: dt.date | None, use_dates: bool = True) -> list[tuple[float, Event]]:
    """Events the claim's sentence may be about, best first, with a score."""
    sentence_key = f" {match_key(claim.sentence)} "
    subject_key = match_key(claim.subject) if claim.subject else ""
    scored = []
    for event in index.base.events:
        cue_hits = [c for c in event.cues if f" {match_key(c)} " in sentence_key]
        if not cue_hits:
            continue
        score = max(len(match_key(c)) for c in cue_hits)
        if subject_key and any(match_key(c) == subject_key or match_key(c) in subject_key for c in event.cues):
            score += 20  # "55 phút hội đàm": the claim says which event it is about
        if claim.kind is ClaimKind.event and any(match_key(c) == match_key(claim.value.event or "") for c in event.cues):
            score += 20
        score += 15 * len(context.people & set(event.participants))
        if event.place and event.place in context.places:
            score += 15
        elif event.place and context.places and not any(_within(index, place, event.place) for place in context.places):
            continue  # the sentence puts it somewhere else: another event
        span = event.span
        if span and day is not None:
            if (span[0] - day).days > EVENT_WINDOW_DAYS or (day - span[1]).days > EVENT_WINDOW_DAYS:
                continue
        if span and use_dates and any(span[0] <= d <= span[1] for d in context.days):
            score += 10
        scored.append((score, event))
    return sorted(scored, key=lambda pair: -pair[0])


def _within(index: FactIndex, a: str, b: str) -> bool:
    """``a`` and ``b`` are the same place or one lies inside the other."""
    return a == b or any(r == b for r, _ in index.ancestors(a)) or any(r == a for r, _ in index.ancestors(b))


def _event_evidence(event: Event, index: FactIndex, expected, note: str | None = None) -> Evidence:
    return Evidence(fact_id=event.id, source=index.source_text(event.sources), expected=expected, note=note)


def _pick(claim: Claim, candidates: list[tuple[float, Event]], relevant) -> tuple[Event | None, Claim | None]:
    """The best candidate that says something about this claim; ambiguous if the top ones disagree."""
    useful = [(s, e) for s, e in candidates if relevant(e) is not None]
    if not useful:
        return None, None
    best_score = useful[0][0]
    top = [e for s, e in useful if s == best_score]
    if len({repr(relevant(e)) for e in top}) > 1:
        names = ", ".join(e.name for e in top)
        return None, _result(claim, Verdict.ambiguous, f"the sentence may be about {names}, which disagree",
                             [Evidence(fact_id=e.id, expected=relevant(e)) for e in top])
    return top[0], None


def verify_with_event(claim: Claim, index: FactIndex, context: SentenceFacts, day: dt.date | None) -> Claim:
    kind, value = claim.kind, claim.value
    if kind is ClaimKind.duration:
        relevant = lambda e: e.attributes.duration  # noqa: E731
    elif kind is ClaimKind.score:
        relevant = lambda e: e.attributes.score  # noqa: E731
    elif kind is ClaimKind.quantity:
        unit = match_key(value.unit or "")
        relevant = lambda e: next((c for c in e.attributes.counts if match_key(c.unit) == unit), None)  # noqa: E731
    elif kind is ClaimKind.date:
        relevant = lambda e: e.span  # noqa: E731
    elif kind is ClaimKind.event:
        relevant = lambda e: e.span or e.place  # noqa: E731
    else:
        return _unverifiable(claim, "no fact covers this kind of claim")
    candidates = candidate_events(claim, index, context, day, use_dates=kind is not ClaimKind.date)
    if kind is ClaimKind.event:  # the event noun itself must name the event ("cuộc họp báo" is not the G20 summit)
        noun = match_key(value.event or "")
        candidates = [(s, e) for s, e in candidates if any(match_key(c) == noun or noun in match_key(c) for c in e.cues)]
    event, ambiguous = _pick(claim, candidates, relevant)
    if ambiguous:
        return ambiguous
    if event is None:
        return _unverifiable(claim, "no event in the fact base matches this sentence")
    if kind is ClaimKind.duration:
        return _check_duration(claim, event, index)
    if kind is ClaimKind.score:
        expected = event.attributes.score
        stated = value.scores or []
        verdict = Verdict.supported if stated == expected else Verdict.contradicted
        return _result(claim, verdict, f"{event.name}: score {expected[0]}-{expected[1]}, stated {stated[0]}-{stated[1]}" if stated else event.name,
                       [_event_evidence(event, index, {"scores": expected})])
    if kind is ClaimKind.quantity:
        count = relevant(event)
        amount = value.amount
        if amount is None:
            return _unverifiable(claim, "the text gives no exact amount")
        ok = any(abs(a - amount) < 1e-9 for a in count.amounts)
        verdict = Verdict.supported if ok else Verdict.contradicted
        known = ", ".join(f"{a:g}" for a in count.amounts)
        return _result(claim, verdict, f"{event.name}: {known} {count.unit} known, stated {amount:g}",
                       [_event_evidence(event, index, {"amount": count.amounts if len(count.amounts) > 1 else count.amounts[0], "unit": count.unit}, count.note)])
    if kind is ClaimKind.date:
        return _check_date(claim, event, index)
    return _check_event(claim, event, index, context)


def _check_duration(claim: Claim, event: Event, index: FactIndex) -> Claim:
    fact = event.attributes.duration
    value = claim.value
    factor = UNIT_SECONDS[fact.unit] / UNIT_SECONDS.get(value.unit or "", UNIT_SECONDS[fact.unit])
    expected = fact.amount * factor  # in the claim's unit
    tolerance = fact.tolerance * factor if (value.approx or value.bound) else 0.0
    if value.amount is not None:
        stated_low = stated_high = value.amount
    elif value.min is not None:
        stated_low, stated_high = value.min, value.max
    else:
        return _unverifiable(claim, "the text gives no exact duration")
    if value.bound == "lower":
        ok = expected >= stated_low - tolerance
    elif value.bound == "upper":
        ok = expected <= stated_high + tolerance
    else:
        ok = stated_low - tolerance <= expected <= stated_high + tolerance
    verdict = Verdict.supported if ok else Verdict.contradicted
    return _result(claim, verdict, f"{event.name}: {fact.amount:g} {fact.unit}s (±{fact.tolerance:g}), stated {claim.text}",
                   [_event_evidence(event, index, {"amount": fact.amount, "unit": fact.unit, "tolerance": fact.tolerance})])


def _check_date(claim: Claim, event: Event, index: FactIndex) -> Claim:
    value = claim.value
    span = event.span
    if value.date:
        low = high = dt.date.fromisoformat(value.date)
    elif value.start:
        low, high = dt.date.fromisoformat(value.start), dt.date.fromisoformat(value.end or value.start)
    else:
        return _unverifiable(claim, "the date could not be resolved (no article date)")
    ok = low <= span[1] and span[0] <= high  # the stated day or span meets the event's
    expected = {"date": span[0].isoformat()} if span[0] == span[1] else {"start": span[0].isoformat(), "end": span[1].isoformat()}
    verdict = Verdict.supported if ok else Verdict.contradicted
    when = span[0].isoformat() if span[0] == span[1] else f"{span[0]} to {span[1]}"
    return _result(claim, verdict, f"{event.name}: {when}", [_event_evidence(event, index, expected)])


def _check_event(claim: Claim, event: Event, index: FactIndex, context: SentenceFacts) -> Claim:
    value = claim.value
    problems = []
    if event.span and (value.date or value.start):
        low = dt.date.fromisoformat(value.date or value.start)
        high = dt.date.fromisoformat(value.date or value.end or value.start)
        if not (low <= event.span[1] and event.span[0] <= high):
            problems.append(f"date {event.span[0]}")
    if event.place and value.place:
        link = index.link(value.place, (EntityType.place,))
        if link and not link.ambiguous and link.entity_ids[0] != event.place and event.place not in [r for r, _ in index.ancestors(link.entity_ids[0])]:
            if not any(r == link.entity_ids[0] for r, _ in index.ancestors(event.place)):
                problems.append(f"place {index.name(event.place)}")
    expected = {"date": event.span[0].isoformat() if event.span else None, "place": index.name(event.place) if event.place else None,
                "participants": [index.name(p) for p in event.participants]}
    if problems:
        return _result(claim, Verdict.contradicted, f"{event.name}: expected " + ", ".join(problems), [_event_evidence(event, index, expected)])
    return _result(claim, Verdict.supported, event.name, [_event_evidence(event, index, expected)])


def verify_gap(claim: Claim, index: FactIndex) -> Claim:
    value = claim.value
    names = [value.event or "", claim.text]
    for event in index.base.events:
        if event.previous is None or event.resumed is None:
            continue
        if any(f" {match_key(c)} " in f" {match_key(n)} " for c in event.cues for n in names):
            years = event.resumed.year - event.previous.year
            months = years * 12 + event.resumed.month - event.previous.month
            expected_amount = {"year": years, "month": months}.get(value.unit or "")
            if expected_amount is None:
                return _unverifiable(claim, f"gap in {value.unit}s cannot be compared")
            tolerance = 1 if value.approx else 0
            ok = value.amount is not None and abs(value.amount - expected_amount) <= tolerance
            verdict = Verdict.supported if ok else Verdict.contradicted
            return _result(claim, verdict, f"{event.name}: held {event.previous.year}, resumed {event.resumed.year} ({expected_amount} {value.unit}s)",
                           [_event_evidence(event, index, {"amount": expected_amount, "unit": value.unit, "previous": event.previous.year})])
    return _unverifiable(claim, f"no resumed event {value.event!r} in the fact base")


# ------------------------------------------------------------------------------- document


def verify_claims(claims: list[Claim], index: FactIndex, day: dt.date | None) -> list[Claim]:
    """A verdict for every claim of one article."""
    contexts = sentence_facts(claims, index)
    checked = []
    for claim in claims:
        context = contexts.get(claim.sentence, SentenceFacts(set(), set(), []))
        if claim.kind is ClaimKind.role:
            checked.append(verify_role(claim, index, day))
        elif claim.kind is ClaimKind.location:
            checked.append(verify_location(claim, index))
        elif claim.kind is ClaimKind.gap:
            checked.append(verify_gap(claim, index))
        elif claim.kind in (ClaimKind.percent, ClaimKind.money):
            checked.append(_unverifiable(claim, "no fact covers this kind of claim"))
        else:
            checked.append(verify_with_event(claim, index, context, day))
    return checked


def _region_like(name: str | None) -> bool:
    """A place or region name worth comparing: not an initial, not an acronym ("EU", "CCTV")
    other than a city's ("TPHCM")."""
    if not name or len(name) < 2:
        return False
    letters = name.replace(".", "").replace(" ", "")
    return not (letters.isupper() and len(letters) >= 2 and letters not in ("TPHCM", "HCM", "TPHN"))


def find_inconsistencies(claims: list[Claim]) -> list[Inconsistency]:
    """Claims of one article that contradict each other, with or without a fact base."""
    found: list[Inconsistency] = []
    # One place put in two regions, neither of which the article puts inside the other.
    regions: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind is ClaimKind.location and _region_like(claim.value.place) and _region_like(claim.value.region):
            regions[match_key(claim.value.place)].append(claim)
    inside = {(match_key(c.value.place), match_key(c.value.region)) for c in claims if c.kind is ClaimKind.location and c.value.place and c.value.region}
    for place_claims in regions.values():
        distinct = {}
        for claim in place_claims:
            distinct.setdefault(match_key(claim.value.region), claim)
        keys = list(distinct)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if (a, b) in inside or (b, a) in inside:
                    continue
                if fuzz.ratio(a, b) >= 85 or a.startswith(b) or b.startswith(a):
                    continue  # "Chư Păh" / "Chư Pah", "An" / "An Giang": one region written two ways
                first, second = distinct[a], distinct[b]
                found.append(Inconsistency(
                    kind="place_region", line=second.line, claim_ids=[first.id, second.id],
                    message=f"{first.value.place} is put in {first.value.region} (line {first.line}) and in {second.value.region} (line {second.line})"))
    # A score that does not add up to the rounds the same sentence states.
    for claim in claims:
        if claim.kind is not ClaimKind.score or not claim.value.scores:
            continue
        total = sum(claim.value.scores)
        for other in claims:
            # Rounds of one game ("bốn lượt", "5 ván"), not matches: "11 trận" counts games, and a
            # football score counts goals.
            if other.kind is ClaimKind.quantity and other.sentence == claim.sentence and (other.value.unit or "") in ROUND_UNITS:
                if other.value.amount is not None and other.value.amount != total:
                    found.append(Inconsistency(
                        kind="score_rounds", line=claim.line, claim_ids=[other.id, claim.id],
                        message=f"{other.text} but the score {claim.text} adds up to {total}"))
    # One person's name spelled two ways (same person, not a reordering).
    people: dict[str, Claim] = {}
    for claim in claims:
        if claim.kind is ClaimKind.role and claim.value.person and len(claim.value.person.split()) > 1:
            people.setdefault(match_key(claim.value.person), claim)
    keys = [k for k in people if all(len(word) > 1 for word in k.split())]  # "George W" is initials
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if fuzz.token_sort_ratio(a, b) == 100:
                continue  # "Koizumi Shinjiro" / "Shinjiro Koizumi": name order, not spelling
            if set(a.split()) <= set(b.split()) or set(b.split()) <= set(a.split()):
                continue  # "Phạm Kim Huệ" / "Phạm Thị Kim Huệ": a middle name or a short form
            if max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) >= 85:
                first, second = people[a], people[b]
                found.append(Inconsistency(
                    kind="name_spelling", line=second.line, claim_ids=[first.id, second.id],
                    message=f"{first.value.person!r} (line {first.line}) and {second.value.person!r} (line {second.line}) look like one name spelled two ways"))
    return found
