"""One verifier per claim kind, registered by decorator; ``verify_claims`` dispatches.

A verifier is a function ``(claim, article) -> claim with a verdict``. Adding a claim kind
means one module with a function decorated ``@verifies(ClaimKind.x)``, and its name in
``VERIFIER_MODULES`` so it is imported. A kind no verifier is registered for gets an
``unverifiable`` verdict that says so, never a KeyError.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable

from factcheck.facts.index import FactIndex
from factcheck.model.claims import Claim, ClaimKind
from factcheck.verify.common import Article, unverifiable

Verifier = Callable[[Claim, Article], Claim]

VERIFIERS: dict[ClaimKind, Verifier] = {}
VERIFIER_MODULES = ("role", "location", "events", "gap", "uncovered")


def verifies(*kinds: ClaimKind) -> Callable[[Verifier], Verifier]:
    """Register the decorated function as the verifier of ``kinds`` (one verifier per kind)."""

    def register(function: Verifier) -> Verifier:
        for kind in kinds:
            existing = VERIFIERS.get(kind)
            if existing is not None and existing is not function:
                raise ValueError(f"{kind.value} claims already have a verifier: {existing.__module__}.{existing.__qualname__}")
            VERIFIERS[kind] = function
        return function

    return register


def registered() -> dict[ClaimKind, Verifier]:
    """Every verifier, with the modules that define them imported."""
    for name in VERIFIER_MODULES:
        importlib.import_module(f"factcheck.verify.{name}")
    return VERIFIERS


def verify_claims(claims: list[Claim], index: FactIndex, day: dt.date | None) -> list[Claim]:
    """A verdict for every claim of one article."""
    verifiers = registered()
    article = Article.of(claims, index, day)
    checked = []
    for claim in claims:
        verifier = verifiers.get(claim.kind)
        if verifier is None:
            checked.append(unverifiable(claim, f"no verifier is registered for {claim.kind.value} claims"))
        else:
            checked.append(verifier(claim, article))
    return checked
