"""What a rule is: a readable name, a pattern, and a production that builds the claim.

Rules match on a sentence's normalized text (so "hoà" and "hòa" both match) and return
``ClaimDraft`` objects with offsets into that text; the engine maps them back to the
original document. Tokens and POS tags are there as supporting evidence only.

A rule may *require* claim kinds: it then runs after every rule producing those kinds,
once their overlaps are resolved, and sees their claims in ``SentenceContext.claims``
(the event rule gathers the date, place and people of its sentence this way).

A rule's docstring is its documentation (``factcheck rules explain``): a one-line summary
of what it matches, then paragraphs opened by ``Value:`` (what the claim holds),
``Why:`` (why the claim is worth checking) and optionally ``Not:`` (what it leaves alone).
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable, Iterable

from factcheck.model.claims import ClaimDraft, ClaimKind
from factcheck.model.document import Token


# How far back a production looks for the words before its match ("ông" before a name, a
# resumption cue before "sau 9 năm"): a few words, never the whole sentence, so the cost of a
# sentence grows with its length and not with its length times its number of matches.
WINDOW = 100
_SPACE = re.compile(r"\s")
_LETTERS = re.compile(r"[^\W\d_]+")  # a run of letters: "100USD" holds the word "usd"


def text_before(text: str, position: int, chars: int = WINDOW) -> str:
    """The text just before ``position``: all of it when it is shorter than ``chars``, else at
    most ``chars`` characters, starting at a space so the window never starts inside a word
    (and ``^`` in a pattern still means the sentence start)."""
    start = position - chars
    if start <= 0:
        return text[:position]
    space = _SPACE.search(text, start, position)
    return text[space.start() : position] if space else ""


@dataclass
class SentenceContext:
    """One sentence as rules see it."""

    text: str  # normalized sentence text
    article_date: dt.date | None
    tokens: list[Token] = field(default_factory=list)  # offsets relative to ``text``
    anchor_date: dt.date | None = None  # the last single day named earlier in the article ("cùng ngày")
    claims: list[ClaimDraft] = field(default_factory=list)  # the required kinds' claims, in text order
    token_lookup: Callable[[int], Token | None] | None = None  # the engine's: finds tokens on demand
    _token_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _words: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def words(self) -> frozenset[str]:
        """The sentence's runs of letters, lower case (``Rule.needs_words`` looks them up)."""
        if self._words is None:
            self._words = frozenset(_LETTERS.findall(self.text.lower()))
        return self._words

    def token_at(self, start: int) -> Token | None:
        """The token covering offset ``start`` (tokens are in text order and do not overlap)."""
        if self.token_lookup is not None:
            return self.token_lookup(start)
        if self._token_starts is None:
            self._token_starts = [token.start for token in self.tokens]
        index = bisect_right(self._token_starts, start) - 1
        if index >= 0 and self.tokens[index].start <= start < self.tokens[index].end:
            return self.tokens[index]
        return None

    def before(self, position: int, chars: int = WINDOW) -> str:
        """``text_before`` the sentence's ``position``."""
        return text_before(self.text, position, chars)


Production = Callable[[re.Match, SentenceContext], "ClaimDraft | list[ClaimDraft] | None"]

DOC_SECTIONS = ("Value", "Why", "Not")


@dataclass(frozen=True)
class Rule:
    """One named pattern and the production that turns its matches into claims.

    name      ``<kind>.<shape>``, shown in every claim it makes and in ``factcheck rules``
    kind      the kind of claim it makes
    pattern   compiled regex, run with ``finditer`` over the normalized sentence
    production  (match, context) -> a draft, a list of drafts, or None to decline
    priority  wins overlaps among competing kinds (see ``engine.COMPETING``)
    requires  claim kinds it needs to see first (``SentenceContext.claims``)
    once      at most one claim per sentence: the first match that produces one
    needs     a cheap pattern that every match of ``pattern`` contains (a year, "/", "%", the
              one word the rule cannot do without): a sentence without it is not scanned.
              ``re`` skips ahead to a pattern's possible first characters only when they are
              fixed and case-sensitive; rule patterns open with a look-behind or words in any
              case, so they are tried at every position of every sentence.
    needs_words  lower-case words of which every match contains one, as a run of letters of
              its own (the first word of each entry of the word list the pattern requires):
              a sentence with none is not scanned. A set lookup per sentence, where a ``needs``
              of many words in any case costs a regex attempt at every position.
    reads_tokens  the production reads tokens or their POS tags (``SentenceContext.token_at``):
              sentences where such a rule matches are the only ones ``check`` has tagged
              (``registry.reads_tags``); ``tests/test_rules_corpus.py`` holds rules to it
    doc       the production's docstring
    """

    name: str
    kind: ClaimKind
    pattern: re.Pattern
    production: Production
    priority: int = 0
    requires: frozenset[ClaimKind] = frozenset()
    once: bool = False
    needs: re.Pattern | None = None
    reads_tokens: bool = False
    needs_words: frozenset[str] = frozenset()
    doc: str = ""

    @property
    def summary(self) -> str:
        """The docstring's first line."""
        return self.doc.split("\n", 1)[0].strip()

    def section(self, label: str) -> str:
        """The docstring paragraph opened by ``label:`` (``Value``, ``Why``, ``Not``), or ""."""
        for paragraph in re.split(r"\n\s*\n", self.doc):
            if paragraph.startswith(f"{label}:"):
                return " ".join(paragraph[len(label) + 1 :].split())
        return ""

    def could_match(self, context: SentenceContext) -> bool:
        """Whether the rule has a match in the sentence (its pre-checks first)."""
        return self._worth_scanning(context) and self.pattern.search(context.text) is not None

    def _worth_scanning(self, context: SentenceContext) -> bool:
        if self.needs_words and self.needs_words.isdisjoint(context.words):
            return False
        return self.needs is None or self.needs.search(context.text) is not None

    def apply(self, context: SentenceContext) -> Iterable[ClaimDraft]:
        if not self._worth_scanning(context):
            return
        for match in self.pattern.finditer(context.text):
            produced = self.production(match, context)
            if produced is None:
                continue
            for draft in produced if isinstance(produced, list) else [produced]:
                draft.rule = self.name
                draft.priority = self.priority
                yield draft
            if self.once:
                return


def rule(
    name: str,
    kind: ClaimKind,
    pattern: str | re.Pattern,
    priority: int = 0,
    flags: int = re.IGNORECASE,
    requires: Iterable[ClaimKind] = (),
    once: bool = False,
    needs: str | None = None,
    reads_tokens: bool = False,
    needs_words: Iterable[str] = (),
):
    """Decorator: turn a production function into a ``Rule`` named ``name``; ``needs`` is
    compiled with the pattern's ``flags`` (see ``Rule.needs``); ``needs_words`` are entries of
    a word list, of which the rule keeps each one's first run of letters, lower case."""

    def wrap(production: Production) -> Rule:
        compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        return Rule(
            name=name,
            kind=kind,
            pattern=compiled,
            production=production,
            priority=priority,
            requires=frozenset(requires),
            once=once,
            needs=re.compile(needs, flags) if needs is not None else None,
            reads_tokens=reads_tokens,
            needs_words=frozenset(_LETTERS.findall(entry.lower())[0] for entry in needs_words),
            doc=inspect.getdoc(production) or "",
        )

    return wrap
