"""What a rule is: a readable name, a pattern, and a production that builds the claim.

Rules match on a sentence's normalized text (so "hoà" and "hòa" both match) and return
``ClaimDraft`` objects with offsets into that text; the engine maps them back to the
original document. Tokens and POS tags are there as supporting evidence only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from factcheck.model.claims import ClaimDraft, ClaimKind
from factcheck.model.document import Token


@dataclass
class SentenceContext:
    """One sentence as rules see it."""

    text: str  # normalized sentence text
    article_date: dt.date | None
    tokens: list[Token] = field(default_factory=list)  # offsets relative to ``text``
    anchor_date: dt.date | None = None  # the last single day named earlier in the article ("cùng ngày")

    def token_at(self, start: int) -> Token | None:
        for token in self.tokens:
            if token.start <= start < token.end:
                return token
        return None


Production = Callable[[re.Match, SentenceContext], "ClaimDraft | list[ClaimDraft] | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    kind: ClaimKind
    pattern: re.Pattern
    production: Production
    priority: int = 0

    def apply(self, context: SentenceContext) -> Iterable[ClaimDraft]:
        for match in self.pattern.finditer(context.text):
            produced = self.production(match, context)
            if produced is None:
                continue
            for draft in produced if isinstance(produced, list) else [produced]:
                draft.rule = draft.rule or self.name
                draft.priority = self.priority
                yield draft


def rule(name: str, kind: ClaimKind, pattern: str, priority: int = 0, flags: int = re.IGNORECASE):
    """Decorator: turn a production function into a ``Rule`` named ``name``."""

    def wrap(production: Production) -> Rule:
        return Rule(name=name, kind=kind, pattern=re.compile(pattern, flags), production=production, priority=priority)

    return wrap
