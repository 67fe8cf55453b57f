"""What a claim states, as the archive keys it: one ``Statement`` per checkable claim.

Build and lookup share this module, so an archived article and a checked one are keyed
the same way. A statement is (kind, subject, aspect, value, date):

- ``role``: subject the person (match key, at least two words), aspect the organization
  and the title's ladder ("bộ y tế|minister"), value its rank on the ladder and the title;
- ``place``: subject the place with its type family, value the region;
- ``score``: subject the two teams named around the score, value the score (sorted);
- ``duration`` / ``count``: subject an event (cue and place) of the same sentence, aspect
  the unit, value the amount; the date is the event's own when it has one.

Two statements of one subject and aspect with different values may be incompatible;
``conflicts.py`` decides which are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from factcheck.model.claims import Claim, ClaimKind
from factcheck.text import yamlfile
from factcheck.text.normalize import match_key
from factcheck.verify.ladders import ladder  # noqa: F401  (importable from here too)
from factcheck.verify.people import person_key  # noqa: F401  (importable from here too)

KINDS = ("role", "place", "score", "duration", "count")
# How far apart two statements may be dated and still be about one state of the world:
# a title in the same month, a match within a few days, a place within a year, an event's
# figures on the event's own date (or the article's, a day either side).
WINDOW_DAYS = {"role": 31, "score": 3, "place": 365, "duration": 1, "count": 1}


@dataclass(frozen=True)
class Statement:
    kind: str
    subject: str  # match key of what it is about
    aspect: str  # what of it: "organization|ladder", a unit; "" when one value per subject
    value: str  # compared for equality ("1|bộ trưởng", "hà nội", "1-2", "55")
    display: str  # the value as an editor reads it
    label: str  # the subject as an editor reads it
    date: dt.date
    exact: bool = True  # False: approximate or a bound ("khoảng 55 phút"): corroborates, never conflicts

    @property
    def rank(self) -> int | None:
        """A role's rank on its ladder (0 lowest), None for a title on no ladder."""
        if self.kind != "role":
            return None
        head = self.value.split("|", 1)[0]
        return int(head) if head.isdigit() else None




def former(claim: Claim) -> bool:
    """A past title ("cựu", "nguyên"): the verifier's own word list decides."""
    from factcheck.verify.role import _former

    return _former(claim)


def _role(claim: Claim, day: dt.date, person: str) -> Statement | None:
    value = claim.value
    if not value.title or former(claim):
        return None
    name, rank, rest = ladder(value.title)
    organization = " ".join(part for part in (rest, match_key(value.organization or "")) if part)
    aspect = f"{organization}|{name}"
    shown = value.title + (f" ({value.organization})" if value.organization else "")
    return Statement("role", person, aspect, f"{'' if rank is None else rank}|{match_key(value.title)}", shown, value.person or person, day)


def _region_like(name: str | None) -> bool:
    from factcheck.verify.consistency import _region_like as like

    return like(name)


PLACE_FAMILIES = {"xã": "commune", "phường": "commune", "thị trấn": "commune", "huyện": "district", "quận": "district",
                  "thị xã": "district", "tỉnh": "province", "thành phố": "province", "tp": "province"}


def _place(claim: Claim, day: dt.date) -> Statement | None:
    value = claim.value
    if not (value.place and value.region and _region_like(value.place) and _region_like(value.region)):
        return None
    family = PLACE_FAMILIES.get((value.place_type or "").lower(), (value.place_type or "").lower())
    region = match_key(value.region)
    shown = f"{value.region_type} {value.region}" if value.region_type else value.region
    label = f"{value.place_type} {value.place}" if value.place_type else value.place
    return Statement("place", f"{family}|{match_key(value.place)}", "", region, shown, label, day)


_WORD = re.compile(r"[\w\-.']+")
_NOT_TEAMS = frozenset(match_key(w) for w in ("Dân trí", "Trong", "Tại", "Với", "Sau", "Ở", "Khi", "Nhưng", "Đây", "Trận", "Hiệp", "Ngày", "Tháng"))


def teams(claim: Claim) -> tuple[str, str] | None:
    """The two sides of a score: the nearest capitalized names before and after it in its
    sentence (or the two nearest before it). None when two cannot be told."""
    sentence = claim.sentence
    at = sentence.find(claim.text)
    if at < 0:
        return None
    names: list[tuple[int, str]] = []  # runs of capitalized words: "SHB Đà Nẵng", "Nam Định"
    last_end = -2
    for m in _WORD.finditer(sentence):
        word = m.group().strip(".")
        if not word or not word[0].isupper() or any(ch.isdigit() for ch in word):
            last_end = -2
            continue
        if names and sentence[last_end:m.start()].strip() == "" and last_end >= 0:
            names[-1] = (names[-1][0], names[-1][1] + " " + word)
        else:
            names.append((m.start(), word))
        last_end = m.start() + len(word)
    names = [(start, name) for start, name in names if match_key(name) not in _NOT_TEAMS and len(match_key(name)) > 1]
    before = [name for start, name in names if start < at]
    after = [name for start, name in names if start >= at + len(claim.text)]
    picked = [before[-1], after[0]] if before and after else before[-2:] if len(before) >= 2 else []
    if len(picked) != 2 or match_key(picked[0]) == match_key(picked[1]):
        return None
    return picked[0], picked[1]


@lru_cache(maxsize=None)
def _in_play() -> tuple[str, ...]:
    data = yamlfile.load((Path(__file__).parent / "data" / "scores.yaml").read_text(encoding="utf-8"))
    return tuple(match_key(word) for word in data["in_play"])


def _score(claim: Claim, day: dt.date) -> Statement | None:
    scores = claim.value.scores
    if not scores or len(scores) != 2 or any(f" {w} " in f" {match_key(claim.sentence)} " for w in _in_play()):
        return None
    sides = teams(claim)
    if sides is None:
        return None
    keys = sorted(match_key(side) for side in sides)
    value = "-".join(str(s) for s in sorted(scores))
    return Statement("score", "|".join(keys), "", value, f"{scores[0]}-{scores[1]}", f"{sides[0]} – {sides[1]}", day)


def _event_date(event: Claim, day: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(event.value.date) if event.value.date else day
    except ValueError:
        return day


def _figures(claim: Claim, events: list[Claim], day: dt.date) -> Statement | None:
    """A duration or a count stated in the sentence of an event: that event's figure."""
    event = next((e for e in events if e.sentence == claim.sentence and e.value.event), None)
    value = claim.value
    if event is None or value.amount is None or not value.unit or value.vague:
        return None
    cue = set(match_key(event.value.event).split())
    if not (claim.subject and cue & set(match_key(claim.subject).split())):
        return None  # a figure of the sentence, not said to be the event's ("khoảng 55 phút hội đàm" is)
    kind = "duration" if claim.kind is ClaimKind.duration else "count"
    place = match_key(event.value.place or "")
    amount = f"{value.amount:g}"
    exact = not (value.approx or value.bound)
    label = event.value.event + (f" tại {event.value.place}" if event.value.place else "")
    return Statement(kind, f"{match_key(event.value.event)}|{place}", match_key(value.unit), amount, f"{amount} {value.unit}", label,
                     _event_date(event, day), exact)


def statements(claims: list[Claim], day: dt.date | None, person=person_key) -> list[tuple[Claim, Statement]]:
    """Every claim of one article that the archive keys, with its statement. ``person``
    turns a name into the person's key (the archive links spellings of one person)."""
    if day is None:
        return []  # no date, no window: nothing to compare
    events = [c for c in claims if c.kind is ClaimKind.event]
    found = []
    for claim in claims:
        statement = None
        if claim.kind is ClaimKind.role:
            key = person(claim.value.person)
            statement = _role(claim, day, key) if key else None
        elif claim.kind is ClaimKind.location:
            statement = _place(claim, day)
        elif claim.kind is ClaimKind.score:
            statement = _score(claim, day)
        elif claim.kind in (ClaimKind.duration, ClaimKind.quantity) and events:
            statement = _figures(claim, events, day)
        if statement is not None:
            found.append((claim, statement))
    return found
