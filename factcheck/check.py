"""Check articles against the fact base: extraction, verdicts and inconsistencies per article."""

from __future__ import annotations

from collections import Counter
from enum import Enum
from pathlib import Path

from pydantic import BaseModel

from factcheck.claims import Claim, Inconsistency, Verdict
from factcheck.document import Document
from factcheck.extract import extract
from factcheck.facts import FactBaseError, load_fact_base
from factcheck.verify import FactIndex, find_inconsistencies, verify_claims


class FailLevel(str, Enum):
    """``--fail-on``: the least serious finding that makes ``check`` exit 1."""

    contradicted = "contradicted"  # contradicted claims only
    inconsistent = "inconsistent"  # ... or inconsistencies inside an article
    unverifiable = "unverifiable"  # ... or ambiguous or unverifiable claims
    never = "never"


class DocumentReport(BaseModel):
    document: Document
    claims: list[Claim]
    inconsistencies: list[Inconsistency]

    def counts(self) -> Counter:
        return Counter(c.verdict.value for c in self.claims if c.verdict)


def load_index(facts: Path) -> FactIndex:
    """The fact base as an index; schema problems stop the check (``facts validate`` explains)."""
    base, problems = load_fact_base(facts)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        shown = "\n  ".join(str(p) for p in errors[:5])
        more = f"\n  ... and {len(errors) - 5} more" if len(errors) > 5 else ""
        raise FactBaseError(f"the fact base in {facts} has {len(errors)} error(s); run `factcheck facts validate {facts}`:\n  {shown}{more}")
    return FactIndex.build(base)


def check_document(document: Document, index: FactIndex) -> DocumentReport:
    claims = verify_claims(extract(document), index, document.date)
    return DocumentReport(document=document, claims=claims, inconsistencies=find_inconsistencies(claims))


def findings(reports: list[DocumentReport], level: FailLevel) -> int:
    """How many findings are at or above ``level``."""
    if level is FailLevel.never:
        return 0
    count = 0
    for report in reports:
        for claim in report.claims:
            if claim.verdict is Verdict.contradicted:
                count += 1
            elif level is FailLevel.unverifiable and claim.verdict in (Verdict.unverifiable, Verdict.ambiguous):
                count += 1
        if level in (FailLevel.inconsistent, FailLevel.unverifiable):
            count += len(report.inconsistencies)
    return count
