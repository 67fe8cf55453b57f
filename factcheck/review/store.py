"""Editorial decisions on findings: fingerprints, the review store, and how check uses it.

A finding's fingerprint is built from what it *is*, not where it sits: the article's file
name, the claim kind, the normalized claim text and value, and the fact it was linked to.
Editing another sentence of the article leaves it unchanged, so a dismissed flag stays
dismissed.

The store is one YAML file in the repository (``reviews.yaml`` by default), keyed by
fingerprint, each entry with its decision, who, when, note and the history of earlier
decisions. Decisions are editorial records: every write takes an exclusive lock, writes a
temporary file, fsyncs it and renames it over the old one (``factcheck.review.files``), so
two reviewers at once or a kill in the middle of a write never lose an entry.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import hashlib
import json
import os
import subprocess
from enum import Enum
from pathlib import Path
from typing import Iterator

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.model.claims import Claim, Inconsistency
from factcheck.model.report import Finding
from factcheck.model.errors import FactcheckError
from factcheck.review.files import atomic_write, exclusive_lock  # noqa: F401  (atomic_write: importable from here too)
from factcheck.text.normalize import match_key

DEFAULT_STORE = Path("reviews.yaml")
STORE_ENV = "FACTCHECK_REVIEWS"


class Decision(str, Enum):
    confirmed = "confirmed"  # a real error in the article
    dismissed = "dismissed"  # a false alarm: suppressed from later checks
    fact_updated = "fact-updated"  # the fact base was wrong or missing and has been fixed
    needs_source = "needs-source"  # cannot be settled without a source
    reopened = "reopened"  # back to open


class HistoryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Decision
    by: str
    at: dt.datetime
    note: str = ""


class Review(BaseModel):
    """The current decision on one finding, what the finding was, and earlier decisions."""

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
    history: list[HistoryEntry] = Field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.decision is Decision.reopened


class ReviewStore(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decisions: dict[str, Review] = Field(default_factory=dict)


class ReviewError(FactcheckError):
    """The review store or a review command cannot proceed."""


# ------------------------------------------------------------------------------ fingerprints


def document_key(source: str | None) -> str:
    return Path(source or "<input>").name


def claim_fingerprint(document: str | None, claim: Claim) -> str:
    fact = claim.evidence[0].fact_id if claim.evidence else ""
    value = json.dumps(claim.value.compact(), ensure_ascii=False, sort_keys=True)
    key = "|".join((document_key(document), claim.kind.value, match_key(claim.text), value, fact))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def inconsistency_fingerprint(document: str | None, inconsistency: Inconsistency, claims: list[Claim]) -> str:
    texts = sorted(match_key(c.text) for c in claims if c.id in inconsistency.claim_ids)
    key = "|".join((document_key(document), "inconsistent", inconsistency.kind, *texts))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# ------------------------------------------------------------------------------ the store


def store_path(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    return Path(os.environ[STORE_ENV]) if os.environ.get(STORE_ENV) else DEFAULT_STORE


def load_store(path: Path) -> ReviewStore:
    if not path.exists():
        return ReviewStore()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return ReviewStore.model_validate(data)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ReviewError(f"{where}: review store is not valid YAML ({getattr(error, 'problem', error)}); fix it by hand or restore it from git") from None
    except ValidationError as error:
        first = error.errors()[0]
        raise ReviewError(f"{path}: review store entry {' -> '.join(map(str, first['loc']))}: {first['msg']}") from None


def _dump(store: ReviewStore) -> str:
    header = "# factcheck review decisions, one entry per finding fingerprint. Written by `factcheck review`.\n"
    data = store.model_dump(mode="json")
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=120)


@contextlib.contextmanager
def locked_store(path: Path) -> Iterator[ReviewStore]:
    """Read-modify-write the store under an exclusive lock; the change is saved on exit."""
    with exclusive_lock(path):
        store = load_store(path)
        yield store
        atomic_write(path, _dump(store))


def default_reviewer() -> str:
    if os.environ.get("FACTCHECK_REVIEWER"):
        return os.environ["FACTCHECK_REVIEWER"]
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=5).stdout.strip()
        if name:
            return name
    return getpass.getuser()


def decide(path: Path, finding: Finding, decision: Decision, note: str, by: str, now: dt.datetime | None = None) -> Review:
    """Record ``decision`` on ``finding``; the previous decision moves into the history."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    with locked_store(path) as store:
        previous = store.decisions.get(finding.fingerprint)
        history = []
        if previous is not None:
            history = [*previous.history, HistoryEntry(decision=previous.decision, by=previous.by, at=previous.at, note=previous.note)]
        review = Review(document=finding.document, kind=finding.kind, claim=finding.claim, verdict=finding.verdict, line=finding.line,
                        decision=decision, by=by, at=now, note=note, history=history)
        store.decisions[finding.fingerprint] = review
    return review


def resolve_id(identifier: str, candidates: list[str]) -> str:
    """A full fingerprint from a unique prefix."""
    matches = sorted({c for c in candidates if c.startswith(identifier.lower())})
    if not matches:
        raise ReviewError(f"no finding with id {identifier!r}")
    if len(matches) > 1:
        raise ReviewError(f"id {identifier!r} is ambiguous: {', '.join(m[:12] for m in matches[:5])}; give more characters")
    return matches[0]
