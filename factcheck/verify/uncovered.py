"""Percent and money claims: no kind of fact in the fact base covers them yet, so they are
``unverifiable`` with a reason that says so (rather than falling through to another kind)."""

from __future__ import annotations

from factcheck.model.claims import Claim, ClaimKind
from factcheck.verify.common import Article, unverifiable
from factcheck.verify.registry import verifies


@verifies(ClaimKind.percent, ClaimKind.money)
def verify_uncovered(claim: Claim, article: Article) -> Claim:
    return unverifiable(claim, f"no kind of fact in the fact base covers {claim.kind.value} claims")
