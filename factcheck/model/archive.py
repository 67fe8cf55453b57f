"""What the archive says about a claim: corroboration and disputes (``factcheck/archive/``).

The archive is the publisher's own earlier reporting, not a curated fact base: agreement
with it is *corroboration* (n articles, first and last date), never a ``supported``
verdict; disagreement with a majority of it is a *dispute*, a finding of its own (fail
level ``disputed``) that editors confirm or dismiss like any other.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Witness(BaseModel):
    """One archived article stating something: its identity, date and ``file:line``."""

    model_config = ConfigDict(extra="forbid")
    document: str  # doc id, else path
    source: str | None = None  # the file as archived
    url: str | None = None
    date: str | None = None
    line: int = 0

    @property
    def where(self) -> str:
        return f"{self.source or self.document}:{self.line}"


class Side(BaseModel):
    """One value in a disagreement, with how many articles state it and some of them."""

    model_config = ConfigDict(extra="forbid")
    value: str  # as an editor reads it: "Bộ trưởng", "2-1", "Quảng Nam", "55 minute"
    articles: int
    first: str | None = None
    last: str | None = None
    witnesses: list[Witness] = []


class Corroboration(BaseModel):
    """Earlier archived articles stating what a claim states (the article itself excluded)."""

    model_config = ConfigDict(extra="forbid")
    claim_id: str
    kind: str  # role | place | score | duration | count
    articles: int
    first: str | None = None
    last: str | None = None
    witnesses: list[Witness] = []


class Dispute(BaseModel):
    """A claim the archive disagrees with: the majority, this claim's side, or a tie."""

    model_config = ConfigDict(extra="forbid")
    claim_id: str
    kind: str  # role | place | score | duration | count
    subject: str  # the person, place, match or event it is about
    message: str
    line: int = 0
    stated: Side  # this claim's side (the article itself counted)
    majority: Side  # the most stated other value (equal to ``stated.articles`` on a tie)
    tie: bool = False
    fingerprint: str | None = None
    review: str | None = None

    @property
    def claim_ids(self) -> list[str]:
        """The claims this finding is about, as an inconsistency names its own."""
        return [self.claim_id]


class Conflict(BaseModel):
    """Articles of the archive that disagree about one thing."""

    kind: str
    subject: str  # as an editor reads it: the person, place, match or event
    aspect: str  # the organization and ladder, the unit; "" when one value per subject
    majority: Side
    minority: list[Side]
    tie: bool = False
    first: str
    last: str

    @property
    def lopsided(self) -> float:
        """Majority articles per minority article: 14.0 for 1 against 14."""
        return self.majority.articles / max(1, sum(side.articles for side in self.minority))
