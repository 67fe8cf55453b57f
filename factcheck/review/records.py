"""One review decision and its line in the store (JSON Lines).

A line is one JSON object::

    {"fingerprint": "3b87eee9eb12ab34", "document": "2024/index.md", "kind": "location",
     "claim": "quận Yokosuka, Tokyo", "verdict": "contradicted", "line": 12,
     "decision": "dismissed", "by": "lan", "at": "2026-02-01T10:00:00+00:00", "note": "..."}

``line`` (default 0) and ``note`` (default "") may be left out. Two optional keys:
``"legacy": true`` marks a decision keyed by a legacy fingerprint (see
``factcheck.review.fingerprints``), ``"carried_from"`` names the legacy fingerprint a
decision was carried over from. Lines are validated here, at the boundary, with plain code
rather than a pydantic model per line: a store of 100,000 decisions must load in well under
a second. A bad line is reported as ``file:line: what is wrong; how to fix it``.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Any, NamedTuple

from factcheck.model.errors import FactcheckError


class ReviewError(FactcheckError):
    """The review store or a review command cannot proceed."""


class Decision(str, Enum):
    confirmed = "confirmed"  # a real error in the article
    dismissed = "dismissed"  # a false alarm: suppressed from later checks
    fact_updated = "fact-updated"  # the fact base was wrong or missing and has been fixed
    needs_source = "needs-source"  # cannot be settled without a source
    reopened = "reopened"  # back to open


class HistoryEntry(NamedTuple):
    """An earlier decision on a finding."""

    decision: Decision
    by: str
    at: dt.datetime
    note: str = ""


class Review(NamedTuple):
    """The current decision on one finding, what the finding was, and earlier decisions."""

    fingerprint: str
    document: str
    kind: str
    claim: str
    verdict: str
    line: int
    decision: Decision
    by: str
    at: dt.datetime
    note: str = ""
    legacy: bool = False  # keyed by a legacy (base-name) fingerprint
    carried_from: str | None = None  # the legacy fingerprint this decision was carried over from
    history: tuple[HistoryEntry, ...] = ()  # oldest first

    @property
    def is_open(self) -> bool:
        return self.decision is Decision.reopened

    def entry(self) -> HistoryEntry:
        return HistoryEntry(self.decision, self.by, self.at, self.note)

    def to_line(self) -> str:
        data: dict[str, Any] = {"fingerprint": self.fingerprint, "document": self.document, "kind": self.kind, "claim": self.claim,
                                "verdict": self.verdict, "line": self.line, "decision": self.decision.value, "by": self.by,
                                "at": self.at.isoformat(), "note": self.note}
        if self.legacy:
            data["legacy"] = True
        if self.carried_from:
            data["carried_from"] = self.carried_from
        return json.dumps(data, ensure_ascii=False)


REQUIRED = frozenset({"fingerprint", "document", "kind", "claim", "verdict", "decision", "by", "at"})
ALLOWED = REQUIRED | {"line", "note", "legacy", "carried_from"}
DECISIONS = {d.value: d for d in Decision}
FIX = "fix the line or restore the file from git"


def timestamp(value: str) -> dt.datetime:
    """An ISO 8601 time; one without a zone is taken as UTC, so all times compare."""
    at = dt.datetime.fromisoformat(value)
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.timezone.utc)


def _record(data: Any) -> Review | None:
    """The decision on a valid line, quickly; None when something is wrong (see ``_problem``)."""
    try:
        fingerprint, document, kind, claim, verdict, by, at = (data["fingerprint"], data["document"], data["kind"], data["claim"],
                                                               data["verdict"], data["by"], data["at"])
        decision = DECISIONS[data["decision"]]
    except (KeyError, TypeError):  # a key missing, an unknown decision, not an object
        return None
    line, note, legacy, carried_from = data.get("line", 0), data.get("note", ""), data.get("legacy", False), data.get("carried_from")
    optional = ("line" in data) + ("note" in data) + ("legacy" in data) + ("carried_from" in data)
    if not (len(data) == len(REQUIRED) + optional and type(fingerprint) is str and fingerprint and type(document) is str
            and type(kind) is str and type(claim) is str and type(verdict) is str and type(by) is str and type(line) is int
            and type(note) is str and type(legacy) is bool and (carried_from is None or type(carried_from) is str) and type(at) is str):
        return None
    try:
        moment = timestamp(at)
    except ValueError:
        return None
    return Review(fingerprint, document, kind, claim, verdict, line, decision, by, moment, note, legacy, carried_from)


def _problem(data: Any) -> str:
    """What is wrong with a line ``_record`` refused."""
    if type(data) is not dict:
        return f"expected one JSON object per line, found {type(data).__name__}"
    if missing := sorted(REQUIRED - data.keys()):
        return f"missing {', '.join(map(repr, missing))}"
    if unknown := sorted(data.keys() - ALLOWED):
        return f"unknown key {', '.join(map(repr, unknown))} (allowed: {', '.join(sorted(ALLOWED))})"
    if data["decision"] not in DECISIONS:
        return f"decision {data['decision']!r} is not one of {', '.join(DECISIONS)}"
    for key, kind in (("line", int), ("legacy", bool)):
        if key in data and type(data[key]) is not kind:
            return f"{key!r} must be {'an integer' if kind is int else 'true or false'}, not {data[key]!r}"
    for key in sorted(ALLOWED - {"line", "legacy", "decision"}):
        if key in data and type(data[key]) is not str:
            return f"{key!r} must be a string, not {data[key]!r}"
    if not data["fingerprint"]:
        return "'fingerprint' is empty"
    return f"'at' is not an ISO 8601 time: {data['at']!r}"


def parse_lines(text: str, where: str) -> list[Review]:
    """The decisions of a store's text, in file order, every line validated.

    ``where`` names the file in errors. A last line without its newline that is not valid
    JSON is a write killed midway and is left out (the next write cuts it off).
    """
    rows = text.split("\n")
    if rows[-1] == "":
        rows.pop()
    elif not _is_json(rows[-1]):
        rows.pop()  # torn by a killed writer
    values = None
    if rows:
        try:  # one parse for the whole file; any irregularity falls back to line by line
            values = json.loads("[" + ",".join(rows) + "]")
        except ValueError:
            values = None
        if values is not None and len(values) != len(rows):
            values = None
    numbered = enumerate(values, start=1) if values is not None else _parse_each(rows, where)
    reviews = []
    for number, data in numbered:
        review = _record(data)
        if review is None:
            raise ReviewError(f"{where}:{number}: {_problem(data)}; {FIX}")
        reviews.append(review)
    return reviews


def _parse_each(rows: list[str], where: str):
    for number, row in enumerate(rows, start=1):
        if not row.strip():
            continue
        try:
            yield number, json.loads(row)
        except json.JSONDecodeError as error:
            raise ReviewError(f"{where}:{number}: not valid JSON ({error.msg} at column {error.colno}); {FIX}") from None


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def is_complete_line(text: str) -> bool:
    """Whether an unterminated last line is a whole decision (else a torn write)."""
    return bool(text.strip()) and _is_json(text)
