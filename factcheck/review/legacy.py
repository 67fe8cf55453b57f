"""The old review store format: one YAML mapping (``reviews.yaml``), read so it can be used
and converted.

It held one entry per fingerprint with its current decision and a ``history`` list. Every
fingerprint in it is a legacy (base-name) fingerprint. It is validated with pydantic, as
before, and turned into the decision records of the JSON Lines store, oldest first.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.text import yamlfile
from factcheck.review.records import Decision, Review, ReviewError

SUFFIXES = (".yaml", ".yml")


class _Earlier(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Decision
    by: str
    at: dt.datetime
    note: str = ""


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    document: str
    kind: str
    claim: str
    verdict: str
    line: int = 0
    decision: Decision
    by: str
    at: dt.datetime
    note: str = ""
    history: list[_Earlier] = Field(default_factory=list)


class _Store(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decisions: dict[str, _Entry] = Field(default_factory=dict)


def _utc(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.timezone.utc)


def parse_legacy(text: str, path: Path) -> list[Review]:
    """The decisions of an old YAML store, each fingerprint's history first, marked legacy."""
    try:
        data = yamlfile.load(text) or {}  # strict: a fingerprint given twice is an error, not a lost decision
        store = _Store.model_validate(data)
    except yamlfile.YamlProblem as problem:
        raise ReviewError(f"{problem.where(str(path))}: review store: {problem.message}; fix it by hand or restore it from git") from None
    except ValidationError as error:
        first = error.errors()[0]
        raise ReviewError(f"{path}: review store entry {' -> '.join(map(str, first['loc']))}: {first['msg']}") from None
    reviews = []
    for fingerprint, entry in sorted(store.decisions.items(), key=lambda item: (item[1].document, item[1].line, item[0])):
        finding = dict(fingerprint=fingerprint, document=entry.document, kind=entry.kind, claim=entry.claim, verdict=entry.verdict,
                       line=entry.line, legacy=True)
        for earlier in entry.history:
            reviews.append(Review(**finding, decision=earlier.decision, by=earlier.by, at=_utc(earlier.at), note=earlier.note))
        reviews.append(Review(**finding, decision=entry.decision, by=entry.by, at=_utc(entry.at), note=entry.note))
    return reviews
