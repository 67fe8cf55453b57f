"""The rule corpora (``extract/corpus/<kind>.yaml``): load them, run them, look them up.

Each file pins an article date and holds, for one claim kind, positive examples (a text
and exactly the claims it must give, each naming the rule that makes it) and negative
examples (a text that must give no claim of the kind, naming the rule it tempts). Used by
``tests/test_rules_corpus.py``, which runs every file, and by ``factcheck rules explain``,
which shows a rule's examples and counter-examples.

    kind: quantity
    date: 2026-01-31            # the pinned article date
    examples:
      - text: "Cả nước có hơn 24.400 doanh nghiệp rút khỏi thị trường."
        rule: quantity.number_noun          # the rule of every claim below ...
        claims:
          - {text: "hơn 24.400 doanh", value: {amount: 24400, bound: lower}}
          - {text: "...", rule: quantity.measure}   # ... unless a claim names its own
    negatives:
      - {text: "Đội bóng đứng thứ 3 sau vòng 13 V-League.", rule: quantity.number_noun}

``subject: null`` on a claim asserts that it has no subject; leaving ``subject`` out does
not check it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from factcheck.model.claims import Claim, ClaimKind
from factcheck.model.document import Document, Span
from factcheck.extract.engine import extract

CORPUS_DIR = Path(__file__).parent / "corpus"


class ExpectedClaim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    value: dict[str, Any] = Field(default_factory=dict)
    subject: str | None = None  # checked only when given (``subject: null`` asserts none)
    rule: str | None = None  # the rule that makes it, when not the example's


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    rule: str | None = None  # the rule every claim comes from, unless a claim names its own
    claims: list[ExpectedClaim]
    date: dt.date | None = None  # overrides the file's date

    def rule_of(self, claim: ExpectedClaim) -> str | None:
        return claim.rule or self.rule


class Negative(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    rule: str  # the rule the text tempts, which must decline it


class Corpus(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: ClaimKind
    date: dt.date | None  # the pinned article date
    examples: list[Example]
    negatives: list[Negative] = Field(default_factory=list)

    def date_of(self, example: Example) -> dt.date | None:
        return example.date if "date" in example.model_fields_set else self.date


def corpus_files() -> list[Path]:
    return sorted(CORPUS_DIR.glob("*.yaml"))


def load_corpus(path: Path) -> Corpus:
    return Corpus.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def all_corpora() -> dict[str, Corpus]:
    """Every corpus file, by file stem (the kind)."""
    return {path.stem: load_corpus(path) for path in corpus_files()}


def run_text(text: str, kind: ClaimKind, date: dt.date | None) -> list[Claim]:
    document = Document(text=text, date=date, source="<corpus>", paragraphs=[Span(start=0, end=len(text))])
    return extract(document, {kind})


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return abs(float(expected) - float(actual)) < 1e-9
    if isinstance(expected, dt.date):
        expected = expected.isoformat()
    return expected == actual


def check_example(example: Example, corpus: Corpus) -> list[str]:
    """Problems with one positive example; empty when it passes."""
    claims = run_text(example.text, corpus.kind, corpus.date_of(example))
    problems = []
    got = [c.text for c in claims]
    want = [c.text for c in example.claims]
    if got != want:
        return [f"{example.text!r}: expected {want}, got {got}"]
    for claim, expected in zip(claims, example.claims):
        if claim.rule != example.rule_of(expected):
            problems.append(f"{example.text!r} «{claim.text}»: made by {claim.rule}, the corpus names {example.rule_of(expected)}")
        value = claim.value.compact()
        for key, wanted in expected.value.items():
            if not _same(wanted, value.get(key)):
                problems.append(f"{example.text!r} «{claim.text}»: {key} expected {wanted!r}, got {value.get(key)!r}")
        if "subject" in expected.model_fields_set and claim.subject != expected.subject:
            problems.append(f"{example.text!r} «{claim.text}»: subject expected {expected.subject!r}, got {claim.subject!r}")
    return problems


def check_negative(negative: Negative, corpus: Corpus) -> list[str]:
    claims = run_text(negative.text, corpus.kind, corpus.date)
    return [f"{negative.text!r}: expected no {corpus.kind.value} claim, got {[c.text for c in claims]}"] if claims else []


@dataclass(frozen=True)
class RuleExample:
    """One corpus example as ``factcheck rules explain`` shows it."""

    text: str
    claims: list[tuple[str, dict[str, Any]]]  # (claim text, expected value) for the rule's claims
    date: dt.date | None
    source: str  # "corpus/date.yaml"


def examples_of(rule_name: str) -> tuple[list[RuleExample], list[RuleExample]]:
    """The positive examples with a claim the rule makes, and the negatives naming it."""
    positives: list[RuleExample] = []
    negatives: list[RuleExample] = []
    for stem, corpus in all_corpora().items():
        source = f"corpus/{stem}.yaml"
        for example in corpus.examples:
            claims = [(c.text, c.value) for c in example.claims if example.rule_of(c) == rule_name]
            if claims:
                positives.append(RuleExample(example.text, claims, corpus.date_of(example), source))
        negatives.extend(RuleExample(n.text, [], corpus.date, source) for n in corpus.negatives if n.rule == rule_name)
    return positives, negatives
