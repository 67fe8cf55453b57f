"""Run the registered rules over a document and return its claims, with original offsets.

The engine knows no particular rule: it runs ``registry.STAGES`` in order. After each stage
it resolves overlaps among everything produced so far, so a rule that requires kinds (see
``base.Rule.requires``) sees their claims as they will be reported.

Numeric kinds compete for text: where two such claims overlap, the one with the higher
rule priority wins (money > percent > score > date > duration > quantity), then the longer
span. Gaps, roles, locations and events sit on top of the numbers and never compete (the
break of a gap, "sau 9 năm gián đoạn", is a duration too); a location is stated once per
sentence and value.

A sentence longer than ``MAX_SENTENCE_CHARS`` (a file that is one huge line, read without
the sentence splitter, or a run-on the splitter could not cut) reaches the rules in pieces
cut at the last sentence end, else clause punctuation, else space before the limit: every
claim repeats its sentence, so one sentence of megabytes would make output, ids and time
grow with its length times its number of claims.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from dataclasses import replace
from collections import Counter

from factcheck.model.claims import NUMERIC_KINDS, Claim, ClaimDraft, ClaimKind, claim_id
from factcheck.model.document import Document, Sentence, Token
from factcheck.text.normalize import normalize
from factcheck.extract.base import SentenceContext
from factcheck.extract.registry import STAGES

# Kinds whose claims compete for text: where two overlap, one wins (by priority, then length).
# A gap is not one of them: the duration of its break is a claim of its own.
COMPETING = set(NUMERIC_KINDS)
# Kinds stated once per sentence and value: a second rule finding the same place in the same
# region adds nothing, so the rule listed first in the registry keeps the claim.
ONE_PER_VALUE = {ClaimKind.location}


# The longest sentence the rules see (news sentences and paragraphs run to a few hundred).
MAX_SENTENCE_CHARS = 3000
# Where an over-long sentence may be cut, best first: after a sentence end, after clause
# punctuation, at any space.
_CUTS = (re.compile(r"[.!?…][\"”’)]*\s+"), re.compile(r"[,;:)]\s+"), re.compile(r"\s+"))


def sentences_or_paragraphs(document: Document) -> list[Sentence]:
    """The analyzed sentences, or each paragraph as one sentence when no NLP ran; each no
    longer than ``MAX_SENTENCE_CHARS`` (see ``bounded``)."""
    if document.sentences:
        sentences = document.sentences
    else:
        sentences = [Sentence(start=p.start, end=p.end, text=document.slice(p)) for p in document.paragraphs]
    if all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences):
        return sentences
    return [piece for sentence in sentences for piece in bounded(sentence, document.text)]


def bounded(sentence: Sentence, text: str, limit: int | None = None) -> list[Sentence]:
    """``sentence`` cut into pieces of at most ``limit`` (``MAX_SENTENCE_CHARS``) characters,
    each at the best cut (``_CUTS``) in its last half, else at ``limit`` (never between a
    letter and its marks). A piece keeps the tokens that lie wholly inside it."""
    limit = limit or MAX_SENTENCE_CHARS
    pieces: list[Sentence] = []
    tokens, index = sentence.tokens, 0
    start = sentence.start
    while start < sentence.end:
        end = sentence.end
        if end - start > limit:
            end = _cut(text, start, start + limit)
        piece_end = end
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        inside = []
        while index < len(tokens) and tokens[index].start < piece_end:
            if tokens[index].start >= start and tokens[index].end <= piece_end:
                inside.append(tokens[index])
            index += 1
        if piece_end > start:
            pieces.append(Sentence(start=start, end=piece_end, text=text[start:piece_end], tokens=inside))
        start = end
        while start < sentence.end and text[start].isspace():
            start += 1
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece that starts at ``start`` and may not pass ``limit``."""
    for pattern in _CUTS:
        last = None
        for last in pattern.finditer(text, start + (limit - start) // 2, limit):
            pass
        if last is not None:
            return last.end()
    while limit > start + 1 and unicodedata.combining(text[limit]):
        limit -= 1
    return limit


def resolve_overlaps(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """Competing drafts keep the winner of each overlap, ``ONE_PER_VALUE`` kinds the first
    draft of each value; the result is in text order."""
    kept: list[ClaimDraft] = []
    # The kept spans do not overlap, so in (start, end) order their ends rise too: of those that
    # start before a draft ends, only the last can reach past the draft's start.
    spans: list[tuple[int, int]] = []
    competing = sorted((d for d in drafts if d.kind in COMPETING), key=lambda d: (-d.priority, -(d.end - d.start), d.start))
    for draft in competing:
        before_end = bisect_left(spans, (draft.end,))
        if before_end == 0 or spans[before_end - 1][1] <= draft.start:
            kept.append(draft)
            insort(spans, (draft.start, draft.end))
    values: set[tuple] = set()
    for draft in drafts:
        if draft.kind in COMPETING:
            continue
        if draft.kind in ONE_PER_VALUE:
            key = (draft.kind, draft.value.model_dump_json(exclude_none=True))
            if key in values:
                continue
            values.add(key)
        kept.append(draft)
    return sorted(kept, key=lambda d: (d.start, d.end, d.kind.value))


def sentence_drafts(context: SentenceContext) -> list[ClaimDraft]:
    """Every rule's drafts for one sentence, stage by stage, overlaps resolved, in text order."""
    produced: list[ClaimDraft] = []
    kept: list[ClaimDraft] = []
    for stage in STAGES:
        count = len(produced)
        for rule in stage:
            if rule.requires:
                claims = [d for d in kept if d.kind in rule.requires]
                produced.extend(rule.apply(replace(context, claims=claims)))
            else:
                produced.extend(rule.apply(context))
        if len(produced) != count:  # else the stage found nothing and ``kept`` stands
            kept = resolve_overlaps(produced)
    return kept


def extract_sentence(
    sentence: Sentence, document: Document, kinds: set[ClaimKind] | None = None, anchor_date: dt.date | None = None
) -> list[Claim]:
    """All claims of one sentence; ``anchor_date`` is the last day the article named before it."""
    return _sentence_claims(sentence, document, kinds, anchor_date)[0]


def extract(document: Document, kinds: set[ClaimKind] | None = None) -> list[Claim]:
    """Every claim in ``document``, in reading order."""
    claims: list[Claim] = []
    anchor: dt.date | None = None
    for sentence in sentences_or_paragraphs(document):
        found, anchor = _sentence_claims(sentence, document, kinds, anchor)
        claims.extend(found)
    return claims


def _sentence_claims(
    sentence: Sentence, document: Document, kinds: set[ClaimKind] | None, anchor_date: dt.date | None
) -> tuple[list[Claim], dt.date | None]:
    """The sentence's claims of ``kinds``, and the last single day it names (whatever
    ``kinds`` asks for: "cùng ngày" in the next sentence depends on it)."""
    norm = normalize(sentence.text)
    context = SentenceContext(text=norm.text, article_date=document.date, anchor_date=anchor_date, token_lookup=TokenLookup(sentence, norm))
    drafts = sentence_drafts(context)
    claims, seen = [], Counter()
    for draft in drafts:
        if kinds and draft.kind not in kinds:
            continue
        start, end = norm.to_original(draft.start, draft.end)
        start, end = sentence.start + start, _cluster_end(document.text, sentence.start + end, sentence.end)
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
    days = [d.value.date for d in drafts if d.kind is ClaimKind.date and d.value.date]
    return claims, (dt.date.fromisoformat(days[-1]) if days else anchor_date)


class TokenLookup:
    """The token under an offset of a sentence's normalized text, found when a rule asks.

    Few rules read tokens, at few positions, so tokens are not copied into the normalized
    text's offsets ahead of time: the offset is mapped to the original text, the token
    found there, and only that one token is mapped back (``_relative``)."""

    def __init__(self, sentence: Sentence, norm):
        self._sentence, self._norm = sentence, norm
        self._starts: list[int] | None = None

    def __call__(self, start: int) -> Token | None:
        tokens = self._sentence.tokens
        if not tokens or not 0 <= start < len(self._norm.text):
            return None
        if self._starts is None:
            self._starts = [token.start for token in tokens]
        position = self._sentence.start + self._norm.origin[start]
        index = bisect_right(self._starts, position) - 1
        if index < 0 or position >= tokens[index].end:
            return None
        token = _relative(tokens[index], self._sentence, self._norm)
        return token if token is not None and token.start <= start < token.end else None


def _relative(token: Token, sentence: Sentence, norm) -> Token | None:
    """A token with offsets into, and its text from, the sentence's normalized text, so rules
    that read a token's text see NFC with canonical tone marks whatever the file's form."""
    start, end = token.start - sentence.start, token.end - sentence.start
    if norm.original_length == len(norm.text):
        return token.model_copy(update={"start": start, "end": end, "text": norm.text[start:end]})
    origin = norm.origin  # rises: each normalized character comes from the same or a later one
    new_start, new_end = bisect_left(origin, start), bisect_left(origin, end)
    if new_start == len(origin) or origin[new_start] != start or new_end == len(origin):
        return None
    return token.model_copy(update={"start": new_start, "end": new_end, "text": norm.text[new_start:new_end]})


def _cluster_end(text: str, end: int, limit: int) -> int:
    """``end`` moved past combining marks that belong to the claim's last character: a span
    never cuts a character from its accents, whatever form (NFC, NFD) the file is in."""
    while end < limit and unicodedata.combining(text[end]):
        end += 1
    return end
