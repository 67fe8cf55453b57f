"""Hold each claim against the fact base and give it a verdict with its evidence.

Linking: names go through ``match_key`` (case, tone placement, "tỷ"/"tỉ", hyphens) to an
exact alias, else rapidfuzz over the aliases of the right entity types. Numeric claims are
linked to an event through its cue words in the sentence (or the claim's subject), the
people and place the sentence names, and the article date. A claim no fact covers is
``unverifiable``; two candidate facts that disagree make it ``ambiguous``.

"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.model.claims import Claim, ClaimKind, Evidence, Verdict
from factcheck.facts.index import FactIndex, TenureRow
from factcheck.facts.schema import EntityType, Event
from factcheck.text.normalize import match_key

TITLE_MIN_SCORE = 90.0
EVENT_WINDOW_DAYS = 45  # an event this far from the article date is not "the" event meant
UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2629800, "year": 31557600, "decade": 315576000}
PLACE_TYPES = (EntityType.place, EntityType.country, EntityType.organization)


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
