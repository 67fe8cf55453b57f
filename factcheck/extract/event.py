"""``event``: something that happened at a time or place: "hội đàm ... ngày 30/1 tại Tokyo".

Corpus: ``corpus/event.yaml``. The event rule requires the date, location and role claims
of its sentence, so the engine runs it after them.
"""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.lexicon import LEFT, NAME, RIGHT, alternation, load

_E = load("event_words")
_EVENT_NOUN = re.compile(LEFT + alternation(_E["event_nouns"]) + RIGHT, re.IGNORECASE)
_PLACE_AFTER = re.compile(rf"(?<![\w]){alternation(_E['place_cues'])}\s+(?:{alternation(_E['place_types'])}\s+)?(?P<place>{NAME})")


@rule("event.sentence", ClaimKind.event, _EVENT_NOUN, requires={ClaimKind.date, ClaimKind.location, ClaimKind.role}, once=True)
def event_sentence(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """The first event noun of a sentence that also gives a date or a place: "hội đàm", "cuộc gặp", "vụ cháy".

    Value: event (the noun, lower case), date or start/end (the sentence's first date
    claim), place (the name after "tại"/"ở" following the noun, else the sentence's first
    location claim) and participants (the people of the sentence's role claims).

    Why: an event with its date, place and participants is what a fact base records; any of
    the three can be wrong in the article.

    Not: a sentence with an event noun but neither a date nor a place ("Hai bên sẽ tiếp tục
    hội đàm."); only the first event noun of a sentence counts.
    """
    dates = [d for d in context.claims if d.kind is ClaimKind.date]
    places = [d.value.place for d in context.claims if d.kind is ClaimKind.location]
    place_match = _PLACE_AFTER.search(context.text, match.start())
    if not dates and not places and not place_match:
        return None
    value = Value(event=" ".join(match.group(0).lower().split()))
    if dates:
        first = dates[0].value
        value.date, value.start, value.end = first.date, first.start, first.end
        if first.resolved is False:
            value.resolved = False
    if place_match:
        value.place = place_match.group("place")
    elif places:
        value.place = places[0]
    people = []
    for draft in context.claims:
        if draft.kind is ClaimKind.role and draft.value.person and draft.value.person not in people:
            people.append(draft.value.person)
    value.participants = people or None
    return ClaimDraft(kind=ClaimKind.event, start=match.start(), end=match.end(), value=value, rule="")


RULES = [event_sentence]
