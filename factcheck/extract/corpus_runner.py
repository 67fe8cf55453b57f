"""Run a rule corpus file: positive examples must give exactly the expected claims of the
file's kind, negative examples none. Used by the tests and by ``factcheck rules check``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from factcheck.model.claims import ClaimKind
from factcheck.model.document import Document, Span
from factcheck.extract.engine import extract

CORPUS_DIR = Path(__file__).parent / "corpus"


class ExpectedClaim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    value: dict[str, Any] = Field(default_factory=dict)
    subject: str | None = None


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    claims: list[ExpectedClaim]
    date: dt.date | None = None  # overrides the file's date


class Corpus(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: ClaimKind
    date: dt.date | None  # the pinned article date
    examples: list[Example]
    negatives: list[str] = Field(default_factory=list)


def corpus_files() -> list[Path]:
    return sorted(CORPUS_DIR.glob("*.yaml"))


def load_corpus(path: Path) -> Corpus:
    return Corpus.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def run_text(text: str, kind: ClaimKind, date: dt.date | None):
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
    date = example.date if "date" in example.model_fields_set else corpus.date
    claims = run_text(example.text, corpus.kind, date)
    problems = []
    got = [c.text for c in claims]
    want = [c.text for c in example.claims]
    if got != want:
        return [f"{example.text!r}: expected {want}, got {got}"]
    for claim, expected in zip(claims, example.claims):
        value = claim.value.compact()
        for key, wanted in expected.value.items():
            if not _same(wanted, value.get(key)):
                problems.append(f"{example.text!r} «{claim.text}»: {key} expected {wanted!r}, got {value.get(key)!r}")
        if expected.subject is not None and claim.subject != expected.subject:
            problems.append(f"{example.text!r} «{claim.text}»: subject expected {expected.subject!r}, got {claim.subject!r}")
    return problems


def check_negative(text: str, corpus: Corpus) -> list[str]:
    claims = run_text(text, corpus.kind, corpus.date)
    return [f"{text!r}: expected no {corpus.kind.value} claim, got {[c.text for c in claims]}"] if claims else []
