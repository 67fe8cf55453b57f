"""The claim model: what the extractor produces and every later layer consumes.

A claim is one checkable statement: its ``kind``, the exact ``text`` span with ``start``/
``end`` offsets into the original document, the sentence it sits in, a normalized
``value`` whose fields depend on the kind, the ``subject`` it is about when the sentence
says so, and the ``rule`` that produced it. The ``id`` is stable: the same claim text in
the same sentence gets the same id on every run, whatever file or offset it has.
"""

from __future__ import annotations

import hashlib
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from factcheck.text.normalize import match_key


class ClaimKind(str, Enum):
    quantity = "quantity"
    duration = "duration"
    date = "date"
    score = "score"
    percent = "percent"
    money = "money"
    gap = "gap"
    role = "role"
    location = "location"
    event = "event"


NUMERIC_KINDS = (ClaimKind.quantity, ClaimKind.duration, ClaimKind.date, ClaimKind.score, ClaimKind.percent, ClaimKind.money)


class Value(BaseModel):
    """Normalized value of a claim. Fields that do not apply are left out of the output.

    amount/min/max  the number ("24.400" -> 24400; a range has min and max)
    unit            counted noun (quantity), time unit (duration, gap)
    approx          stated as approximate (khoảng, chừng, xấp xỉ, gần)
    bound           "lower" (hơn, trên, ít nhất) or "upper" (dưới, tối đa, gần)
    vague           an amount with no exact number (vài, hàng trăm)
    currency        ISO 4217 code (money)
    date            ISO date (date, event); start/end for a span; resolved false when the
                    article date is unknown
    scores/outcome  [a, b] and draw/win/loss when the text says so (score)
    event           what resumed (gap) or the event noun (event)
    person/title/organization   (role);  place/region (location, event)
    title_class     office, occupation, rank or academic (role): what kind of fact can check it
    amounts         every number of a compound quantity: dimensions ("1.920 x 1.080 pixel"),
                    alternatives ("64/128 GB"), ratios ("45/50 học sinh"), in order
    shape           dimensions, alternatives or ratio, for a quantity with ``amounts``
    canonical       the amount in the unit's base unit, via pint ("1,5 km" -> 1500 meter):
                    {amount, min, max, unit}; only for units pint knows (data/units.txt)
    place_type/region_type      the word before a place or region, lower case ("huyện",
                    "tỉnh", "phường"); a location with a place_type and no region states
                    only that such a place exists ("tỉnh Hà Giang")
    participants    people named in an event sentence
    """

    model_config = ConfigDict(extra="forbid")
    amount: float | None = None
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    approx: bool | None = None
    bound: str | None = None
    vague: bool | None = None
    currency: str | None = None
    date: str | None = None
    start: str | None = None
    end: str | None = None
    resolved: bool | None = None
    scores: list[int] | None = None
    outcome: str | None = None
    event: str | None = None
    person: str | None = None
    title: str | None = None
    organization: str | None = None
    place: str | None = None
    region: str | None = None
    place_type: str | None = None
    region_type: str | None = None
    title_class: str | None = None
    amounts: list[float] | None = None
    shape: str | None = None
    canonical: dict[str, Any] | None = None
    participants: list[str] | None = None

    def compact(self) -> dict[str, Any]:
        return whole_numbers(self.model_dump(exclude_none=True))


def whole_numbers(data: dict[str, Any]) -> dict[str, Any]:
    """A dumped ``Value`` (``exclude_none``) with whole amounts as ints: 5.0 is written 5."""
    for key in ("amount", "min", "max"):
        if key in data and float(data[key]).is_integer():
            data[key] = int(data[key])
    return data


class Verdict(str, Enum):
    """What the fact base says of a claim (see ``factcheck.verify.registry``)."""

    supported = "supported"  # a fact covers it and agrees
    contradicted = "contradicted"  # a fact covers it and disagrees: stated vs expected in evidence
    ambiguous = "ambiguous"  # two candidate facts disagree; a person must decide
    unverifiable = "unverifiable"  # no fact covers it


class Evidence(BaseModel):
    """Why a verdict was given: the fact, its source, how the claim was linked to it."""

    model_config = ConfigDict(extra="forbid")
    fact_id: str
    source: str | None = None  # "publisher: title (url or document)"
    alias: str | None = None  # the name in the fact base the claim's name matched
    score: float | None = None  # link score, 0-100
    expected: Any = None  # what the fact says, when it disagrees or for reference
    note: str | None = None


class Claim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    kind: ClaimKind
    text: str
    start: int
    end: int
    line: int = 0
    column: int = 0
    sentence: str
    value: Value
    subject: str | None = None
    rule: str
    verdict: Verdict | None = None  # set by the verifier
    reason: str | None = None  # one line for people: why this verdict
    evidence: list[Evidence] = Field(default_factory=list)
    fingerprint: str | None = None  # stable identity of the finding (see factcheck.review.store)
    review: str | None = None  # the editor's decision on it, if any

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude_none=True)
        data["value"] = whole_numbers(data["value"])  # Value's fields dump alike in both modes: no second dump
        if not self.evidence and self.verdict is None:
            data.pop("evidence", None)
        return data


class Inconsistency(BaseModel):
    """Claims of one article that cannot all be true, whatever the fact base says."""

    model_config = ConfigDict(extra="forbid")
    kind: str  # place_region | score_rounds | name_spelling
    message: str
    claim_ids: list[str]
    line: int = 0
    fingerprint: str | None = None
    review: str | None = None


class ClaimDraft(BaseModel):
    """What a rule returns: offsets are into the sentence's normalized text."""

    kind: ClaimKind
    start: int
    end: int
    value: Value
    rule: str
    subject: str | None = None
    priority: int = Field(default=0, description="wins overlaps among numeric kinds")


def claim_id(kind: ClaimKind, text: str, sentence: str, occurrence: int) -> str:
    """Same text in the same sentence -> same id, on any run, in any file."""
    key = "|".join((kind.value, match_key(text), match_key(sentence), str(occurrence)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
