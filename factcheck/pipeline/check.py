"""Check articles against the fact base: extraction, verdicts and inconsistencies per article."""

from __future__ import annotations

from factcheck.extract.engine import extract
from factcheck.facts.index import FactIndex
from factcheck.model.claims import Claim
from factcheck.model.document import Document
from factcheck.model.report import DocumentReport
from factcheck.review.fingerprints import add_fingerprints
from factcheck.review.store import ReviewStore, apply_reviews  # noqa: F401  (apply_reviews: importable from here too)
from factcheck.verify.consistency import find_inconsistencies
from factcheck.verify.location import nested
from factcheck.verify.registry import verify_claims


def check_document(document: Document, index: FactIndex, store: ReviewStore | None = None, claims: list[Claim] | None = None,
                   archive=None) -> DocumentReport:
    """Verdicts, inconsistencies and fingerprints for one article; decisions from ``store``.

    ``claims`` are the article's extracted claims when they are known already (the cache);
    with ``archive`` (``factcheck.archive.lookup.Archive``), each claim's corroboration and
    disputes in the publisher's earlier articles.
    """
    claims = verify_claims(extract(document) if claims is None else claims, index, document.date)
    inconsistencies = find_inconsistencies(claims, lambda a, b: nested(index, a, b))
    report = DocumentReport(document=document, claims=claims, inconsistencies=inconsistencies)
    if archive is not None:
        report.corroborations, report.disputes = archive.evidence(document, claims)
    add_fingerprints(report)
    if store is not None:
        apply_reviews(report, store)
    return report
