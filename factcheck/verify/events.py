"""Claims checked through the event they are about: duration, score, quantity, date, event.

A claim is linked to an event by one of the event's cue words in its sentence, within 45
days of the article date, and only when something else agrees too: a participant the
article names, the event's place named in the sentence, or the claim's own subject naming
the event. Among those, the people and place the sentence names and its dates score; the
best-scored event that says something about the claim decides. Two top events that
disagree make the claim ``ambiguous``; none makes it ``unverifiable``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from factcheck.extract.lexicon import load
from factcheck.extract.units import comparable, same_measure
from factcheck.facts.index import FactIndex
from factcheck.facts.schema import EntityType, Event, TimeUnit
from factcheck.model.claims import Claim, ClaimKind, Evidence, Verdict
from factcheck.text.normalize import match_key
from factcheck.verify.common import Article, SentenceFacts, parse_day, result, unverifiable, within
from factcheck.verify.registry import verifies

UNIT_SECONDS = {TimeUnit.second: 1, TimeUnit.minute: 60, TimeUnit.hour: 3600, TimeUnit.day: 86400, TimeUnit.week: 604800,
                TimeUnit.month: 2629800, TimeUnit.year: 31557600, TimeUnit.decade: 315576000}

Relevant = Callable[[Event], Any]  # what an event says about a claim, None when nothing


@dataclass
class Candidate:
    """An event one of whose cues a sentence contains, and what the sentence says for it."""

    event: Event
    score: float  # the longest cue found, +15 for each participant and for the place the sentence names
    dated: bool  # one of the sentence's days falls within the event's span
    anchored: bool  # besides the cue, a participant or the event's place is named (see ``anchored``)


def sentence_candidates(sentence: str, article: Article) -> list[Candidate]:
    """The events a sentence's cues name near the article date, minus those it places
    elsewhere; computed once per sentence (``Article.memo``)."""
    memo_key = ("events", sentence)
    if memo_key in article.memo:
        return article.memo[memo_key]
    index, context = article.index, article.sentences.get(sentence) or SentenceFacts()
    candidates = []
    for event, cues_found in article.cued_events(sentence):
        score = max(len(c) for c in cues_found) + 15 * len(context.people & set(event.participants))
        if event.place and event.place in context.places:
            score += 15
        elif event.place and context.places and not any(within(index, place, event.place) for place in context.places):
            continue  # the sentence puts it somewhere else: another event
        span = event.span
        dated = bool(span) and any(span[0] <= d <= span[1] for d in context.days)
        candidates.append(Candidate(event, score, dated, anchored(event, sentence, article)))
    article.memo[memo_key] = candidates
    return candidates


def anchored(event: Event, sentence: str, article: Article) -> bool:
    """A cue and a date are not enough to link an event ("gặp bạn bè" is not every meeting):
    one of its participants must be named in the article (by a claim or by name), or its
    place in the sentence (or a place inside it). A region around the place does not count:
    "tại Mỹ" is said of too many things to tie a sentence to the one event in Washington."""
    participants = set(event.participants)
    if participants & article.people or participants & article.named():
        return True
    if not event.place:
        return False
    if event.place in article.named(sentence):
        return True
    places = article.sentences[sentence].places if sentence in article.sentences else set()
    return any(place == event.place or any(r == event.place for r, _ in article.index.ancestors(place)) for place in places)


def candidate_events(claim: Claim, article: Article, use_dates: bool = True) -> list[tuple[float, Event]]:
    """Events the claim may be about, best first, with a score.

    Only events one of whose cues is in the sentence and that are near the article date are
    considered, found through the index's cue map (``FactIndex.cued_events``), never by
    scanning every event; and only those anchored by more than the cue: a participant, the
    place, or the claim's own subject naming the event ("55 phút hội đàm")."""
    cue_keys = article.index.cue_keys
    subject_key = match_key(claim.subject) if claim.subject else ""
    noun_key = match_key(claim.value.event or "") if claim.kind is ClaimKind.event else ""
    scored = []
    for candidate in sentence_candidates(claim.sentence, article):
        event, cues = candidate.event, cue_keys.get(candidate.event.id, ())
        about = bool(subject_key) and any(c == subject_key or c in subject_key for c in cues)
        if not (candidate.anchored or about):
            continue
        score = candidate.score + (20 if about else 0) + (20 if noun_key and noun_key in cues else 0)
        if use_dates and candidate.dated:
            score += 10
        scored.append((score, event))
    return sorted(scored, key=lambda pair: -pair[0])


def event_evidence(event: Event, index: FactIndex, expected: Any, note: str | None = None) -> Evidence:
    return Evidence(fact_id=event.id, source=index.source_text(event.sources), expected=expected, note=note)


def pick(claim: Claim, candidates: list[tuple[float, Event]], relevant: Relevant) -> tuple[Event | None, Claim | None]:
    """The best candidate that says something about this claim; ambiguous if the top ones disagree."""
    useful = [(s, e) for s, e in candidates if relevant(e) is not None]
    if not useful:
        return None, None
    best_score = useful[0][0]
    top = [e for s, e in useful if s == best_score]
    if len({repr(relevant(e)) for e in top}) > 1:
        names = ", ".join(e.name for e in top)
        return None, result(claim, Verdict.ambiguous, f"the sentence may be about {names}, which disagree",
                            [Evidence(fact_id=e.id, expected=relevant(e)) for e in top])
    return top[0], None


def linked_event(claim: Claim, article: Article, relevant: Relevant, use_dates: bool = True) -> tuple[Event | None, Claim | None]:
    """The event the claim is about, or the claim with its verdict when there is none to pick."""
    candidates = candidate_events(claim, article, use_dates)
    if claim.kind is ClaimKind.event:  # the event noun itself must name the event ("cuộc họp báo" is not the G20 summit)
        noun = match_key(claim.value.event or "")
        candidates = [(s, e) for s, e in candidates if any(c == noun or noun in c for c in article.index.cue_keys.get(e.id, ()))]
    event, ambiguous = pick(claim, candidates, relevant)
    if ambiguous:
        return None, ambiguous
    if event is None:
        loose = [c.event.name for c in sentence_candidates(claim.sentence, article) if not c.anchored and relevant(c.event) is not None]
        if loose and not candidates:
            return None, unverifiable(claim, f"the sentence's cue words name {', '.join(loose[:3])}, but no participant, place or "
                                             "subject of the claim ties it to this sentence")
        return None, unverifiable(claim, "no event in the fact base matches this sentence")
    return event, None


# Words naming a break ("sau 9 năm gián đoạn"): a duration they are the subject of is the
# length of a gap, which the gap verifier checks; it says nothing of an event's own length.
_BREAK_SUBJECTS = {match_key(word) for word in load("gap_words")["break_words"]}


@verifies(ClaimKind.duration)
def verify_duration(claim: Claim, article: Article) -> Claim:
    if claim.subject and match_key(claim.subject) in _BREAK_SUBJECTS:
        return unverifiable(claim, "the length of a break before something resumed: the gap claim of this sentence is what the fact base checks")
    event, done = linked_event(claim, article, lambda e: e.attributes.duration)
    if done:
        return done
    fact, value = event.attributes.duration, claim.value
    stated_unit = TimeUnit.parse(value.unit) if value.unit else fact.unit
    if stated_unit is None:
        return unverifiable(claim, f"{value.unit!r} is not a time unit the fact base can compare")
    factor = UNIT_SECONDS[fact.unit] / UNIT_SECONDS[stated_unit]
    expected = fact.amount * factor  # in the claim's unit
    tolerance = fact.tolerance * factor if (value.approx or value.bound) else 0.0
    if value.amount is not None:
        stated_low = stated_high = value.amount
    elif value.min is not None or value.max is not None:
        stated_low = value.min if value.min is not None else value.max
        stated_high = value.max if value.max is not None else value.min
    else:
        return unverifiable(claim, "the text gives no exact duration")
    if value.bound == "lower":
        ok = expected >= stated_low - tolerance
    elif value.bound == "upper":
        ok = expected <= stated_high + tolerance
    else:
        ok = stated_low - tolerance <= expected <= stated_high + tolerance
    verdict = Verdict.supported if ok else Verdict.contradicted
    unit = fact.unit.value
    return result(claim, verdict, f"{event.name}: {fact.amount:g} {unit}s (±{fact.tolerance:g}), stated {claim.text}",
                  [event_evidence(event, article.index, {"amount": fact.amount, "unit": unit, "tolerance": fact.tolerance})])


@verifies(ClaimKind.score)
def verify_score(claim: Claim, article: Article) -> Claim:
    event, done = linked_event(claim, article, lambda e: e.attributes.score)
    if done:
        return done
    expected, stated = event.attributes.score, claim.value.scores or []
    if len(stated) != 2 or len(expected) != 2:
        return unverifiable(claim, f"{event.name}: the text gives no score of two sides to compare")
    verdict = Verdict.supported if stated == expected else Verdict.contradicted
    return result(claim, verdict, f"{event.name}: score {expected[0]}-{expected[1]}, stated {stated[0]}-{stated[1]}",
                  [event_evidence(event, article.index, {"scores": expected})])


@verifies(ClaimKind.quantity)
def verify_quantity(claim: Claim, article: Article) -> Claim:
    """A count of the same unit as written ("pha"), or a measure in any unit pint reads as the
    same kind of thing: a fact of 1.500 m checks "1,5 km" (``extract/units.py``)."""
    stated_unit = claim.value.unit or ""
    unit = match_key(stated_unit)

    def same_unit(count) -> bool:
        return match_key(count.unit) == unit or (bool(stated_unit) and comparable(stated_unit, count.unit))

    relevant = lambda e: next((c for c in e.attributes.counts if c.amounts and same_unit(c)), None)
    event, done = linked_event(claim, article, relevant)
    if done:
        return done
    count = relevant(event)
    amount = claim.value.amount
    if amount is None:
        return unverifiable(claim, "the text gives no exact amount")
    converted = match_key(count.unit) != unit
    if converted:
        ok = any(same_measure(amount, stated_unit, a, count.unit) for a in count.amounts)
    else:
        ok = any(abs(a - amount) < 1e-9 for a in count.amounts)
    verdict = Verdict.supported if ok else Verdict.contradicted
    known = ", ".join(f"{a:g}" for a in count.amounts)
    stated = f"{amount:g} {stated_unit}" if converted else f"{amount:g}"
    return result(claim, verdict, f"{event.name}: {known} {count.unit} known, stated {stated}",
                  [event_evidence(event, article.index, {"amount": count.amounts if len(count.amounts) > 1 else count.amounts[0], "unit": count.unit}, count.note)])


@verifies(ClaimKind.date)
def verify_date(claim: Claim, article: Article) -> Claim:
    event, done = linked_event(claim, article, lambda e: e.span, use_dates=False)
    if done:
        return done
    stated = stated_days(claim)
    if stated is None:
        return unverifiable(claim, "the date could not be resolved (no article date)")
    span = event.span
    ok = stated[0] <= span[1] and span[0] <= stated[1]  # the stated day or span meets the event's
    expected = {"date": span[0].isoformat()} if span[0] == span[1] else {"start": span[0].isoformat(), "end": span[1].isoformat()}
    verdict = Verdict.supported if ok else Verdict.contradicted
    when = span[0].isoformat() if span[0] == span[1] else f"{span[0]} to {span[1]}"
    return result(claim, verdict, f"{event.name}: {when}", [event_evidence(event, article.index, expected)])


@verifies(ClaimKind.event)
def verify_event(claim: Claim, article: Article) -> Claim:
    event, done = linked_event(claim, article, lambda e: e.span or e.place)
    if done:
        return done
    index, value = article.index, claim.value
    problems = []
    stated = stated_days(claim)
    if event.span and stated and not (stated[0] <= event.span[1] and event.span[0] <= stated[1]):
        problems.append(f"date {event.span[0]}")
    if event.place and value.place:
        link = article.link(value.place, (EntityType.place,))
        if link and not link.ambiguous and not within(index, link.entity_ids[0], event.place):
            problems.append(f"place {index.name(event.place)}")
    expected = {"date": event.span[0].isoformat() if event.span else None, "place": index.name(event.place) if event.place else None,
                "participants": [index.name(p) for p in event.participants]}
    if problems:
        return result(claim, Verdict.contradicted, f"{event.name}: expected " + ", ".join(problems), [event_evidence(event, index, expected)])
    return result(claim, Verdict.supported, event.name, [event_evidence(event, index, expected)])


def stated_days(claim: Claim) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date or event claim states, or None when it states none."""
    value = claim.value
    if value.date:
        day = parse_day(value.date)
        return (day, day) if day else None
    low, high = parse_day(value.start), parse_day(value.end or value.start)
    if low is None or high is None:
        return None
    return (low, high) if low <= high else (high, low)
