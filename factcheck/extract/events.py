"""Claims about what happened: scores of games, gaps before a resumption, dated events."""

from __future__ import annotations

import re

from factcheck.model.claims import ClaimDraft, ClaimKind, Value
from factcheck.extract.base import SentenceContext, rule
from factcheck.extract.common import AMOUNT, amount_value
from factcheck.extract.lexicon import LEFT, NAME, RIGHT, alternation, load

_E = load("event_words")
TIME_UNITS: dict[str, str] = load("time_units")
_SCORE_CUE = re.compile(LEFT + alternation(_E["score_cues"]) + RIGHT, re.IGNORECASE)
_SCORE_PHRASE = re.compile(LEFT + alternation(_E["score_phrase_cues"]) + RIGHT, re.IGNORECASE)
_OUTCOMES: dict[str, str] = _E["outcomes"]
_OUTCOME = re.compile(LEFT + alternation(_OUTCOMES) + RIGHT, re.IGNORECASE)


@rule(
    "score.pair",
    ClaimKind.score,
    r"(?<![\w/.,\-–])(?P<a>\d{1,2})\s*[-–]\s*(?P<b>\d{1,2})(?![\w/%\-–]|[.,]\d|\s*(?:phút|giờ|ngày|tháng|năm|tuổi|người|lần|%))",
    priority=80,
)
def score_pair(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """"tỷ số hòa 2-2", "trận thua đau 0-1" -> scores, with the outcome when stated."""
    window = context.text[max(0, match.start() - 60) : match.start()]
    clause = re.split(r"[.;:!?]", window)[-1]
    if not _SCORE_CUE.search(clause):
        return None
    value = Value(scores=[int(match.group("a")), int(match.group("b"))])
    outcomes = list(_OUTCOME.finditer(clause))
    if outcomes:
        value.outcome = _OUTCOMES[" ".join(outcomes[-1].group(0).lower().split())]
    start = match.start()
    cues = [c for c in _SCORE_PHRASE.finditer(clause) if len(clause) - c.end() <= 12]
    if cues:  # "tỷ số hòa 2-2": the cue is part of what the sentence claims
        start = match.start() - (len(clause) - cues[0].start())
    return ClaimDraft(kind=ClaimKind.score, start=start, end=match.end(), value=value, rule="")


_RESUME = re.compile(LEFT + alternation(_E["resumption_cues"]) + RIGHT, re.IGNORECASE)
_BREAK = alternation(_E["break_words"])


@rule("gap.after_break", ClaimKind.gap, rf"{LEFT}sau\s+{AMOUNT}\s+(?P<unit>{alternation(TIME_UNITS)})(?:\s+(?P<brk>{_BREAK}))?{RIGHT}", priority=65)
def after_break(match: re.Match, context: SentenceContext) -> ClaimDraft | None:
    """"nối lại ... SAREX sau 9 năm gián đoạn" -> event, amount, unit."""
    resumption = _RESUME.search(context.text[: match.start()])
    if not match.group("brk") and not resumption:
        return None
    before = context.text[: match.start()]
    names = list(re.finditer(rf"(?:(?P<noun>[^\W\d_A-Z]+(?:\s+[^\W\d_A-Z]+)?)\s+)?(?P<name>{NAME})\s*$", before))
    event = None
    start = match.start()
    if names:
        found = names[-1]
        event = found.group("name")
        noun = found.group("noun")
        if noun:
            noun = re.sub(r"^(?:của\s+|cuộc\s+|sự\s+)+", "", noun)
            noun = noun.split()[-1] if noun.split()[0] in ("của", "cuộc", "sự") else noun
            event = f"{noun} {event}".strip()
        start = found.start("name")
    elif resumption:
        phrase = before[resumption.end() :].strip()
        event = " ".join(phrase.split()[:6]) or None
    value = amount_value(match)
    value.unit = TIME_UNITS[" ".join(match.group("unit").lower().split())]
    value.event = event
    return ClaimDraft(kind=ClaimKind.gap, start=start, end=match.end(), value=value, rule="")


_EVENT_NOUN = re.compile(LEFT + alternation(_E["event_nouns"]) + RIGHT, re.IGNORECASE)


def event_claims(context: SentenceContext, drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """One event per sentence that names an event noun and gives a date or a place.

    Runs after the other kinds, since it gathers their claims: the date, the place and the
    people (role claims) of the same sentence.
    """
    match = _EVENT_NOUN.search(context.text)
    if not match:
        return []
    dates = [d for d in drafts if d.kind is ClaimKind.date]
    places = [d.value.place for d in drafts if d.kind is ClaimKind.location]
    place_match = re.search(rf"(?<![\w])(?:tại|ở)\s+(?:(?:căn cứ|thành phố|thủ đô|tỉnh|TP\.?)\s+)?(?P<place>{NAME})", context.text[match.start():])
    if not dates and not places and not place_match:
        return []
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
    for draft in drafts:
        if draft.kind is ClaimKind.role and draft.value.person and draft.value.person not in people:
            people.append(draft.value.person)
    value.participants = people or None
    return [ClaimDraft(kind=ClaimKind.event, start=match.start(), end=match.end(), value=value, rule="event.sentence")]


RULES = [score_pair, after_break]
