"""Run every claim rule over a document and return its claims, with original offsets.

Numeric kinds compete for text: where two numeric claims overlap, the one with the higher
rule priority wins (money > percent > score > date > gap > duration > quantity), then the
longer span. Roles, locations and events sit on top of the numbers and never compete.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from factcheck.model.claims import NUMERIC_KINDS, Claim, ClaimDraft, ClaimKind, claim_id
from factcheck.model.document import Document, Sentence, Token
from factcheck.text.normalize import normalize
from factcheck.extract import dates, events, names, quantities
from factcheck.extract.base import Rule, SentenceContext

RULES: list[Rule] = [*quantities.RULES, *dates.RULES, *events.RULES, *names.RULES]
COMPETING = set(NUMERIC_KINDS) | {ClaimKind.gap}


def sentences_or_paragraphs(document: Document) -> list[Sentence]:
    """The analyzed sentences, or each paragraph as one sentence when no NLP ran."""
    if document.sentences:
        return document.sentences
    return [Sentence(start=p.start, end=p.end, text=document.slice(p)) for p in document.paragraphs]


def resolve_overlaps(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    kept: list[ClaimDraft] = []
    competing = sorted((d for d in drafts if d.kind in COMPETING), key=lambda d: (-d.priority, -(d.end - d.start), d.start))
    for draft in competing:
        if all(draft.end <= other.start or draft.start >= other.end for other in kept):
            kept.append(draft)
    kept.extend(d for d in drafts if d.kind not in COMPETING)
    return sorted(kept, key=lambda d: (d.start, d.end, d.kind.value))


def extract_sentence(
    sentence: Sentence, document: Document, kinds: set[ClaimKind] | None = None, anchor_date: dt.date | None = None
) -> list[Claim]:
    """All claims of one sentence; ``anchor_date`` is the last day the article named before it."""
    norm = normalize(sentence.text)
    tokens = [_relative(token, sentence, norm) for token in sentence.tokens]
    context = SentenceContext(text=norm.text, article_date=document.date, tokens=[t for t in tokens if t], anchor_date=anchor_date)
    drafts: list[ClaimDraft] = []
    for rule in RULES:
        drafts.extend(rule.apply(context))
    drafts = resolve_overlaps(drafts)
    _anchor_same_day(drafts, anchor_date)
    drafts.extend(events.event_claims(context, drafts))
    drafts.sort(key=lambda d: (d.start, d.end))
    claims, seen = [], Counter()
    for draft in drafts:
        if kinds and draft.kind not in kinds:
            continue
        start, end = norm.to_original(draft.start, draft.end)
        start, end = sentence.start + start, sentence.start + end
        text = document.text[start:end]
        seen[(draft.kind, text)] += 1
        line, column = document.line_col(start)
        claims.append(
            Claim(
                id=claim_id(draft.kind, text, sentence.text, seen[(draft.kind, text)]),
                kind=draft.kind,
                text=text,
                start=start,
                end=end,
                line=line,
                column=column,
                sentence=sentence.text,
                value=draft.value,
                subject=draft.subject,
                rule=draft.rule,
            )
        )
    return claims


def extract(document: Document, kinds: set[ClaimKind] | None = None) -> list[Claim]:
    """Every claim in ``document``, in reading order."""
    claims: list[Claim] = []
    anchor: dt.date | None = None
    for sentence in sentences_or_paragraphs(document):
        found = extract_sentence(sentence, document, kinds, anchor)
        claims.extend(found)
        days = [c.value.date for c in found if c.kind is ClaimKind.date and c.value.date]
        if days:
            anchor = dt.date.fromisoformat(days[-1])
    return claims


def _anchor_same_day(drafts: list[ClaimDraft], anchor: dt.date | None) -> None:
    """"cùng ngày" means the last day named before it, in this sentence or an earlier one."""
    for draft in drafts:
        if draft.rule == "date.same_day" and anchor is not None:
            draft.value.date = anchor.isoformat()
        elif draft.kind is ClaimKind.date and draft.value.date:
            anchor = dt.date.fromisoformat(draft.value.date)


def _relative(token: Token, sentence: Sentence, norm) -> Token | None:
    """A token with offsets into the sentence's normalized text (lengths rarely differ)."""
    start, end = token.start - sentence.start, token.end - sentence.start
    if norm.original_length == len(norm.text):
        return token.model_copy(update={"start": start, "end": end})
    origin = norm.origin
    try:
        new_start = origin.index(start)
        new_end = next(i for i, o in enumerate(origin) if o >= end)
    except (ValueError, StopIteration):
        return None
    return token.model_copy(update={"start": new_start, "end": new_end})
