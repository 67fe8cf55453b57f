"""Fingerprints: the identity of a finding, which review decisions are keyed by.

A finding's fingerprint is built from what it *is*, not where it sits: the article's
identity (``DocumentReport.name``: its ``Document.key``, else its source path), the claim
kind, the normalized claim text and value, and the fact it was linked to. Editing another
sentence of the article leaves it unchanged, so a dismissed flag stays dismissed; two
articles with the same file name in different folders (``2024/index.md``, ``2025/index.md``)
get different fingerprints.

Legacy fingerprints are the ones stores written before this used: the same hash over the
source file's *base name* only, so such articles shared decisions. They are still computed
to find old decisions; ``factcheck.review.store`` decides when one carries over, using
``same_document`` to tell whether a recorded document name can mean a given article.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath

from factcheck.model.archive import Dispute
from factcheck.model.claims import Claim, Inconsistency
from factcheck.model.report import DocumentReport
from factcheck.text.normalize import match_key

UNNAMED = "<input>"


def _hash(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def _claim_parts(claim: Claim) -> tuple[str, ...]:
    fact = claim.evidence[0].fact_id if claim.evidence else ""
    value = json.dumps(claim.value.compact(), ensure_ascii=False, sort_keys=True)
    return claim.kind.value, match_key(claim.text), value, fact


def _inconsistency_parts(inconsistency: Inconsistency, claims: list[Claim]) -> tuple[str, ...]:
    texts = sorted(match_key(c.text) for c in claims if c.id in inconsistency.claim_ids)
    return "inconsistent", inconsistency.kind, *texts


def claim_fingerprint(document: str | None, claim: Claim) -> str:
    """The fingerprint of ``claim`` in the article whose identity is ``document``."""
    return _hash(document or UNNAMED, *_claim_parts(claim))


def inconsistency_fingerprint(document: str | None, inconsistency: Inconsistency, claims: list[Claim]) -> str:
    return _hash(document or UNNAMED, *_inconsistency_parts(inconsistency, claims))


def dispute_fingerprint(document: str | None, dispute: Dispute, claims: list[Claim]) -> str:
    """A dispute is the claim (its text and value) against the value the archive's majority
    states, so it stays the same as more articles join either side."""
    claim = next((c for c in claims if c.id == dispute.claim_id), None)
    parts = _claim_parts(claim)[:3] if claim is not None else (dispute.kind, match_key(dispute.subject))
    return _hash(document or UNNAMED, "disputed", *parts, match_key(dispute.majority.value))


def add_fingerprints(report: DocumentReport) -> None:
    """Give every claim and inconsistency of ``report`` its fingerprint, in place: they are
    the report's own (``check_document`` builds the report from the verifiers' copies, never
    from cached claims), and a copy of each of an article's claims costs time and memory."""
    name = report.name
    for claim in report.claims:
        claim.fingerprint = claim_fingerprint(name, claim)
    for inconsistency in report.inconsistencies:
        inconsistency.fingerprint = inconsistency_fingerprint(name, inconsistency, report.claims)
    for dispute in report.disputes:
        dispute.fingerprint = dispute_fingerprint(name, dispute, report.claims)


def _base_name(source: str | None) -> str:
    return PurePath(source or UNNAMED).name


def legacy_claim_fingerprint(source: str | None, claim: Claim) -> str:
    """The fingerprint older stores used: the source file's base name instead of its identity."""
    return _hash(_base_name(source), *_claim_parts(claim))


def legacy_inconsistency_fingerprint(source: str | None, inconsistency: Inconsistency, claims: list[Claim]) -> str:
    return _hash(_base_name(source), *_inconsistency_parts(inconsistency, claims))


def _path(name: str) -> str:
    name = name.replace("\\", "/")
    while name.startswith("./"):
        name = name[2:]
    return name


def same_document(recorded: str | None, name: str | None) -> bool:
    """Whether a document name recorded in a store can mean the article called ``name``:
    equal, or one path ends with the other (``archive/2024/index.md`` and ``2024/index.md``,
    an absolute path and the same file relative to where it was checked)."""
    if not recorded or not name:
        return False
    recorded, name = _path(recorded), _path(name)
    if recorded == name:
        return True
    shorter, longer = sorted((recorded, name), key=len)
    return longer.endswith("/" + shorter)
