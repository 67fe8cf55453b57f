"""The result model: one report per article, the findings in it, and what fails a check.

Every renderer is a pure function of ``DocumentReport`` objects; the review layer decides
on ``Finding`` objects. Nothing here knows how the report was produced.
"""

from __future__ import annotations

from collections import Counter
from enum import Enum

from pydantic import BaseModel

from factcheck.model.archive import Corroboration, Dispute
from factcheck.model.claims import Claim, Inconsistency, Verdict
from factcheck.model.document import Document

DISMISSED = "dismissed"  # the review decision that suppresses a finding


class FailLevel(str, Enum):
    """``--fail-on``: the least serious finding that makes ``check`` exit 1."""

    contradicted = "contradicted"  # contradicted claims only
    disputed = "disputed"  # ... or claims the archive's majority disagrees with (check --archive)
    inconsistent = "inconsistent"  # ... or inconsistencies inside an article
    unverifiable = "unverifiable"  # ... or ambiguous or unverifiable claims
    never = "never"


class Finding(BaseModel):
    """A claim or inconsistency that may need an editor, with its fingerprint."""

    fingerprint: str
    document: str
    kind: str
    claim: str
    verdict: str
    line: int


def is_finding(claim: Claim) -> bool:
    """Claims an editor may decide on: all but the supported ones."""
    return claim.verdict in (Verdict.contradicted, Verdict.ambiguous, Verdict.unverifiable)


def suppressed(item: Claim | Inconsistency | Dispute) -> bool:
    """An editor dismissed this finding: later checks do not count or show it."""
    return item.review == DISMISSED


class DocumentReport(BaseModel):
    """One checked article: its claims with verdicts, its inconsistencies, stale decisions."""

    document: Document
    claims: list[Claim]
    inconsistencies: list[Inconsistency]
    stale: list[str] = []  # fingerprints of decisions on this article whose finding is gone
    corroborations: list[Corroboration] = []  # earlier archived articles stating the same (check --archive)
    disputes: list[Dispute] = []  # claims the archive disagrees with (check --archive)

    @property
    def name(self) -> str:
        """The article's identity in findings and review decisions."""
        return self.document.key or self.document.source or "<input>"

    def counts(self) -> Counter:
        return Counter(c.verdict.value for c in self.claims if c.verdict)

    def findings(self) -> list[Finding]:
        """Everything an editor may decide on: non-supported claims and inconsistencies."""
        found = [Finding(fingerprint=c.fingerprint, document=self.name, kind=c.kind.value, claim=c.text, verdict=c.verdict.value, line=c.line)
                 for c in self.claims if is_finding(c)]
        found += [Finding(fingerprint=i.fingerprint, document=self.name, kind=f"inconsistent:{i.kind}", claim=i.message,
                          verdict="inconsistent", line=i.line)
                  for i in self.inconsistencies]
        found += [Finding(fingerprint=d.fingerprint, document=self.name, kind=f"disputed:{d.kind}", claim=d.message,
                          verdict="disputed", line=d.line)
                  for d in self.disputes]
        return found

    def failing(self, level: FailLevel) -> int:
        """How many of this article's findings are at or above ``level`` (dismissed ones do not count)."""
        if level is FailLevel.never:
            return 0
        count = 0
        for claim in self.claims:
            if suppressed(claim):
                continue
            if claim.verdict is Verdict.contradicted:
                count += 1
            elif level is FailLevel.unverifiable and claim.verdict in (Verdict.unverifiable, Verdict.ambiguous):
                count += 1
        if level in (FailLevel.inconsistent, FailLevel.unverifiable):
            count += sum(1 for i in self.inconsistencies if not suppressed(i))
        if level is not FailLevel.contradicted:
            count += sum(1 for d in self.disputes if not suppressed(d))
        return count


def count_failing(reports: list[DocumentReport], level: FailLevel) -> int:
    """How many findings across ``reports`` are at or above ``level``."""
    return sum(report.failing(level) for report in reports)
