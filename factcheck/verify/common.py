"""What every verifier shares: building a verdict, and what the article says around a claim.

A verifier gets the claim and an ``Article``: the fact index, the article date, and per
sentence the people, places and days its claims name (``SentenceFacts``), which help to
pick the event a number is about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from factcheck.facts.index import FactIndex, Link
from factcheck.facts.schema import EntityType, Event
from factcheck.model.claims import Claim, ClaimKind, Evidence, Verdict
from factcheck.text.normalize import match_key
from factcheck.verify.people import full_names

PLACE_TYPES = (EntityType.place, EntityType.country, EntityType.organization)
EVENT_WINDOW_DAYS = 45  # an event this far from the article date is not "the" event meant


def result(claim: Claim, verdict: Verdict, reason: str, evidence: list[Evidence] | None = None) -> Claim:
    """The claim with its verdict, one-line reason and evidence set."""
    return claim.model_copy(update={"verdict": verdict, "reason": reason, "evidence": evidence or []})


def unverifiable(claim: Claim, reason: str) -> Claim:
    return result(claim, Verdict.unverifiable, reason)


def parse_day(text: str | None) -> dt.date | None:
    """An ISO date from a claim's value, or None when it is missing or malformed."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def within(index: FactIndex, a: str, b: str) -> bool:
    """``a`` and ``b`` are the same place or one lies inside the other."""
    return a == b or any(r == b for r, _ in index.ancestors(a)) or any(r == a for r, _ in index.ancestors(b))


@dataclass
class SentenceFacts:
    """What a sentence says that helps to pick an event: people, places, dates."""

    people: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    days: list[dt.date] = field(default_factory=list)


def sentence_facts(claims: list[Claim], link: Callable[[str, tuple[EntityType, ...]], Link | None]) -> dict[str, SentenceFacts]:
    """People, places and days each sentence's claims name, linked to the fact base by ``link``."""
    facts: dict[str, SentenceFacts] = {}
    for claim in claims:
        entry = facts.setdefault(claim.sentence, SentenceFacts())
        if claim.kind is ClaimKind.role and claim.value.person:
            linked = link(claim.value.person, (EntityType.person,))
            if linked and not linked.ambiguous:
                entry.people.add(linked.entity_ids[0])
        if claim.kind is ClaimKind.event:
            for person in claim.value.participants or []:
                linked = link(person, (EntityType.person,))
                if linked and not linked.ambiguous:
                    entry.people.add(linked.entity_ids[0])
        place_name = claim.value.place if claim.kind in (ClaimKind.location, ClaimKind.event) else None
        if place_name:
            linked = link(place_name, (EntityType.place,))
            if linked and not linked.ambiguous:
                entry.places.add(linked.entity_ids[0])
        if claim.kind is ClaimKind.date:
            day = parse_day(claim.value.date)
            if day is not None:
                entry.days.append(day)
    return facts


@dataclass
class Article:
    """One article as the verifiers see it: the fact index, its date, and what each of its
    claims' sentences names."""

    index: FactIndex
    day: dt.date | None
    sentences: dict[str, SentenceFacts] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)  # every person its claims name, linked
    full: dict[str, str] = field(default_factory=dict)  # one-word name key -> the full name the article states (``people.py``)
    keys: dict[str, str] = field(default_factory=dict, repr=False)  # sentence -> " match key "
    memo: dict[tuple, Any] = field(default_factory=dict, repr=False)  # results verifiers share within the article

    @classmethod
    def of(cls, claims: list[Claim], index: FactIndex, day: dt.date | None) -> Article:
        article = cls(index=index, day=day, full=full_names(claims))
        article.sentences = sentence_facts(claims, article.link)
        article.keys = {sentence: f" {match_key(sentence)} " for sentence in article.sentences}
        article.people = {person for facts in article.sentences.values() for person in facts.people}
        return article

    def link(self, name: str, types: tuple[EntityType, ...]) -> Link | None:
        """``FactIndex.link``, once per name and types in the article: a name recurs in many
        claims, and fuzzy linking is the costliest step of verification."""
        memo_key = ("link", name, types)
        if memo_key not in self.memo:
            self.memo[memo_key] = self.index.link(name, types)
        return self.memo[memo_key]

    def full_name(self, name: str | None) -> str | None:
        """The full name this article gives a one-word name ("Putin": "Vladimir Putin"), else the name."""
        if not name or len(name.split()) != 1:
            return name
        return self.full.get(match_key(name), name)

    def sentence(self, claim: Claim) -> SentenceFacts:
        return self.sentences.get(claim.sentence) or SentenceFacts()

    def sentence_key(self, sentence: str) -> str:
        """The sentence's match key, padded with spaces for whole-word tests."""
        if sentence not in self.keys:
            self.keys[sentence] = f" {match_key(sentence)} "
        return self.keys[sentence]

    def named(self, sentence: str | None = None) -> set[str]:
        """What events refer to that the sentence, or with none the whole article, names."""
        memo_key = ("named", sentence)
        if memo_key not in self.memo:
            if sentence is None:
                self.memo[memo_key] = set().union(*(self.named(s) for s in self.keys))
            else:
                self.memo[memo_key] = self.index.named_entities(self.sentence_key(sentence))
        return self.memo[memo_key]

    def cued_events(self, sentence: str) -> list[tuple[Event, tuple[str, ...]]]:
        """Events whose cues the sentence contains and that are near the article date, with
        the cues found."""
        return self.index.cued_events(self.sentence_key(sentence), day=self.day, window=EVENT_WINDOW_DAYS)
