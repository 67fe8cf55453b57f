"""Check articles against the fact base: extraction, verdicts and inconsistencies per article."""

from __future__ import annotations

from factcheck.extract.engine import extract
from factcheck.facts.index import FactIndex
from factcheck.model.claims import Claim
from factcheck.model.document import Document
from factcheck.model.report import DocumentReport
from factcheck.review.store import ReviewStore, claim_fingerprint, inconsistency_fingerprint
from factcheck.verify.consistency import find_inconsistencies
from factcheck.verify.registry import verify_claims


def check_document(document: Document, index: FactIndex, store: ReviewStore | None = None, claims: list[Claim] | None = None) -> DocumentReport:
    """Verdicts, inconsistencies and fingerprints for one article; decisions from ``store``.

    ``claims`` are the article's extracted claims when they are known already (the cache).
    """
    claims = verify_claims(extract(document) if claims is None else claims, index, document.date)
    claims = [c.model_copy(update={"fingerprint": claim_fingerprint(document.source, c)}) for c in claims]
    inconsistencies = [i.model_copy(update={"fingerprint": inconsistency_fingerprint(document.source, i, claims)})
                       for i in find_inconsistencies(claims)]
    report = DocumentReport(document=document, claims=claims, inconsistencies=inconsistencies)
    if store is not None:
        apply_reviews(report, store)
    return report


def apply_reviews(report: DocumentReport, store: ReviewStore) -> None:
    """Attach each finding's decision, and list the article's decisions whose finding is gone."""
    for item in [*report.claims, *report.inconsistencies]:
        review = store.decisions.get(item.fingerprint)
        item.review = review.decision.value if review else None
    present = {f.fingerprint for f in report.findings()}
    name = report.name
    report.stale = sorted(fp for fp, review in store.decisions.items() if review.document == name and fp not in present)
